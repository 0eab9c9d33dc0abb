package web

import (
	"encoding/json"
	"net/http"
	"os"
	"strings"
	"testing"

	"referat/corpus"
	"referat/index"
	"referat/internal/testcorpus"
)

// TestMeetingFormsPages: the Middelfart meeting of testdata/corpus is
// published as HTML and as XML. Searches, their committee facet, the CSV
// export, the feed and the coverage count it once; the listed form's item and record pages (and
// the item's JSON) name the XML as another form of the meeting, with its
// source; the XML's pages say which form is listed, and show the
// municipality its HTML names.
func TestMeetingFormsPages(t *testing.T) {
	rf := realServer(t)
	hash := func(rel string) string {
		b, err := os.ReadFile(testcorpus.Path(rel))
		if err != nil {
			t.Fatal(err)
		}
		return corpus.Hash(b)
	}
	htmlID := hash("middelfart-edoc-2017/2017-04-21_12.00.48_41a93779-8b2a-414b-9f87-691e24f8f40a.html")
	xmlID := hash("middelfart-edoc-2017/2017-04-21_12.00.48_41a93779-8b2a-414b-9f87-691e24f8f40a.xml")

	var search struct {
		Total  int                           `json:"total"`
		Hits   []index.Hit                   `json:"hits"`
		Facets map[string][]index.FacetCount `json:"facets"`
	}
	res, body := get(t, rf.srv, "/api/search?committee=Hennys+testudvalg&size=100")
	if res.StatusCode != http.StatusOK {
		t.Fatalf("search: status %d: %s", res.StatusCode, body)
	}
	if err := json.Unmarshal([]byte(body), &search); err != nil {
		t.Fatal(err)
	}
	if search.Total != 5 {
		t.Errorf("search of the committee: %d hits; want the meeting's 5 items once", search.Total)
	}
	for _, h := range search.Hits {
		if h.RecordID != htmlID {
			t.Errorf("hit %s; want only the listed form's (%s)", h.ID, htmlID)
		}
	}
	for _, fc := range search.Facets["committee"] {
		if fc.Value == "Hennys testudvalg" && fc.Count != 5 {
			t.Errorf("committee facet counts %d; want 5", fc.Count)
		}
	}

	// The CSV file and the feed of the search: the HTML's items alone.
	res, body = get(t, rf.srv, "/export.csv?committee=Hennys+testudvalg")
	if res.StatusCode != http.StatusOK {
		t.Fatalf("export: status %d", res.StatusCode)
	}
	if rows := readCSV(t, body); len(rows) != 6 || strings.Contains(body, xmlID) {
		t.Errorf("CSV export has %d rows (XML named: %v); want a header and the 5 items of the HTML", len(rows), strings.Contains(body, xmlID))
	}
	res, body = get(t, rf.srv, "/feed?committee=Hennys+testudvalg")
	if res.StatusCode != http.StatusOK || strings.Contains(body, xmlID) || !strings.Contains(body, htmlID) {
		t.Errorf("feed: status %d, names the XML: %v, the HTML: %v; want the HTML alone", res.StatusCode, strings.Contains(body, xmlID), strings.Contains(body, htmlID))
	}

	var cov coverageData
	res, body = get(t, rf.srv, "/api/coverage")
	if res.StatusCode != http.StatusOK {
		t.Fatalf("coverage: status %d", res.StatusCode)
	}
	if err := json.Unmarshal([]byte(body), &cov); err != nil {
		t.Fatal(err)
	}
	rows := 0
	for _, r := range cov.Rows {
		if r.Committee == "Hennys testudvalg" {
			rows++
			if r.Municipality != "Middelfart Kommune" || r.Documents != 1 || r.Items != 5 || r.Meetings != 1 {
				t.Errorf("coverage row %+v; want Middelfart Kommune, 1 document, 5 items, 1 meeting", r)
			}
		}
	}
	if rows != 1 {
		t.Errorf("coverage has %d rows of Hennys testudvalg; want 1", rows)
	}

	listedItem := "/items/" + index.ItemID(htmlID, 2, 0)
	altItem := "/items/" + index.ItemID(xmlID, 2, 0)
	for _, u := range []string{listedItem, "/documents/" + htmlID} {
		res, body := get(t, rf.srv, u)
		if res.StatusCode != http.StatusOK {
			t.Fatalf("GET %s: status %d", u, res.StatusCode)
		}
		containsAll(t, u, body, "Andre udgaver af mødet", `href="/documents/`+xmlID+`"`, `href="/source/`+xmlID+`"`, "(XML)")
	}
	for _, u := range []string{altItem, "/documents/" + xmlID} {
		res, body := get(t, rf.srv, u)
		if res.StatusCode != http.StatusOK {
			t.Fatalf("GET %s: status %d", u, res.StatusCode)
		}
		// The XML names no municipality; its HTML does.
		containsAll(t, u, body, "denne udgave vises ikke i søgninger", `href="/documents/`+htmlID+`"`, `href="/source/`+htmlID+`"`, `<span class="muni">Middelfart Kommune</span>`)
	}
	if res, _ := get(t, rf.srv, "/source/"+xmlID); res.StatusCode != http.StatusOK {
		t.Errorf("source of the XML: status %d; want every form kept as a source", res.StatusCode)
	}

	var item apiItem
	res, body = get(t, rf.srv, "/api"+listedItem)
	if res.StatusCode != http.StatusOK {
		t.Fatalf("GET /api%s: status %d", listedItem, res.StatusCode)
	}
	if err := json.Unmarshal([]byte(body), &item); err != nil {
		t.Fatal(err)
	}
	if len(item.Forms) != 1 || item.Forms[0].RecordID != xmlID || item.Forms[0].SourceURL != "/source/"+xmlID || item.FormOf != "" {
		t.Errorf("API item of the listed form: forms %+v, form_of %q; want the XML, none", item.Forms, item.FormOf)
	}
	item = apiItem{}
	_, body = get(t, rf.srv, "/api"+altItem)
	if err := json.Unmarshal([]byte(body), &item); err != nil {
		t.Fatal(err)
	}
	if len(item.Forms) != 1 || !item.Forms[0].Listed || item.FormOf != htmlID || item.Municipality != "Middelfart Kommune" {
		t.Errorf("API item of the XML: forms %+v, form_of %q, municipality %q; want the listed HTML, Middelfart Kommune", item.Forms, item.FormOf, item.Municipality)
	}
}

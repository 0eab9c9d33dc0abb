package web

import (
	"encoding/json"
	"encoding/xml"
	"os"
	"regexp"
	"strings"
	"testing"
)

// TestAPIPageDocumentsEveryRoute: every JSON route the server registers
// is on /api, and every example there answers on the sample corpus.
func TestAPIPageDocumentsEveryRoute(t *testing.T) {
	src, err := os.ReadFile("server.go")
	if err != nil {
		t.Fatal(err)
	}
	rf := realServer(t)
	res, page := get(t, rf.srv, "/api")
	wantStatus(t, "/api", res, 200)
	for _, m := range regexp.MustCompile(`"GET (/api/[^"]*)"`).FindAllStringSubmatch(string(src), -1) {
		path := strings.ReplaceAll(m[1], "...}", "}")
		if !strings.Contains(page, "<code>GET "+path+"</code>") {
			t.Errorf("/api does not document %s", m[1])
		}
	}
	for _, r := range apiRoutes {
		if r.Example == "" {
			continue
		}
		res, body := get(t, rf.srv, r.Example)
		if res.StatusCode != 200 {
			t.Errorf("example %s: status %d", r.Example, res.StatusCode)
			continue
		}
		if strings.HasPrefix(r.Example, "/api/") {
			var v map[string]any
			if err := json.Unmarshal([]byte(body), &v); err != nil || len(v) == 0 {
				t.Errorf("example %s: not a JSON object: %v", r.Example, err)
			}
			if strings.Contains(body, `"total": 0`) || strings.Contains(body, `"items": []`) {
				t.Errorf("example %s finds nothing on the sample corpus", r.Example)
			}
		}
		if !strings.Contains(page, `<a href="`+strings.ReplaceAll(r.Example, "&", "&amp;")+`">`) {
			t.Errorf("/api does not link its example %s", r.Example)
		}
	}
	// The routes without an example, through an id from the search.
	var sr apiSearchResult
	_, body := get(t, rf.srv, "/api/search?q=ledelsestilsyn")
	json.Unmarshal([]byte(body), &sr)
	if len(sr.Hits) == 0 {
		t.Fatal("no hits to follow")
	}
	for _, u := range []string{"/api" + sr.Hits[0].URL, "/api/documents/" + sr.Hits[0].RecordID} {
		if res, _ := get(t, rf.srv, u); res.StatusCode != 200 {
			t.Errorf("GET %s: %d", u, res.StatusCode)
		}
	}
}

func TestOpenSearchDescription(t *testing.T) {
	f := testServer(t)
	res, body := get(t, f.srv, "/opensearch.xml")
	wantStatus(t, "/opensearch.xml", res, 200)
	if ct := res.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/opensearchdescription+xml") {
		t.Errorf("Content-Type %q", ct)
	}
	var d struct {
		XMLName   xml.Name `xml:"http://a9.com/-/spec/opensearch/1.1/ OpenSearchDescription"`
		ShortName string   `xml:"http://a9.com/-/spec/opensearch/1.1/ ShortName"`
		URLs      []struct {
			Type     string `xml:"type,attr"`
			Template string `xml:"template,attr"`
		} `xml:"http://a9.com/-/spec/opensearch/1.1/ Url"`
	}
	dec := xml.NewDecoder(strings.NewReader(body))
	dec.Strict = true
	if err := dec.Decode(&d); err != nil {
		t.Fatalf("not an OpenSearch description: %v\n%s", err, body)
	}
	if d.ShortName == "" || len(d.ShortName) > 16 {
		t.Errorf("ShortName %q; OpenSearch wants 1-16 characters", d.ShortName)
	}
	var html string
	for _, u := range d.URLs {
		if u.Type == "text/html" {
			html = u.Template
		}
	}
	if html != "http://example.com/?q={searchTerms}" {
		t.Fatalf("text/html template %q", html)
	}
	// The template filled in is a working search.
	if res, page := get(t, f.srv, strings.Replace(strings.TrimPrefix(html, "http://example.com"), "{searchTerms}", "ledelsestilsyn", 1)); res.StatusCode != 200 || !strings.Contains(page, "resultater") {
		t.Errorf("the template's search answers %d", res.StatusCode)
	}
	_, page := get(t, f.srv, "/")
	containsAll(t, "every page", page, `<link rel="search" type="application/opensearchdescription+xml" title="referat" href="/opensearch.xml">`, `<a href="/api">JSON-API</a>`)
}

package web

import (
	"encoding/json"
	"html"
	"net/http"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"referat/corpus"
)

// attachSection is the Bilag section of an item page.
var attachSection = regexp.MustCompile(`(?s)<section class="attach"><h2>Bilag</h2><ul>(.*?)</ul></section>`)

// attachEntry is one attachment in that section: linked or plain.
var attachEntry = regexp.MustCompile(`<li>(?:<a href="([^"]*)">)?([^<]*)(?:</a>)?</li>`)

// TestItemPageLinksBilag: on the real corpus, an item of the Ballerup
// eDoc meeting whose attachment was ingested from the meeting's bilag
// folder links to that file's record page, which names the item back
// ("Bilag til"); an attachment whose file was not ingested stays plain
// text. The JSON of both carries the same links.
func TestItemPageLinksBilag(t *testing.T) {
	rf := realServer(t)
	agenda := storedRecord(t, rf, "ballerup-edoc-2012-12-04/eDocAgendaPublishing.xml")
	const linked, plain = "KL's proces vedrørende det nære sundhedsvæsen", "Det nære sundhedsvæsen - KL"
	itemURL, hrefs := bilagHrefs(t, rf, agenda, linked)
	href, ok := hrefs[linked]
	if !ok || !strings.HasPrefix(href, "/documents/") {
		t.Fatalf("%s shows %q as %q; want a link to its record page (links: %q)", itemURL, linked, href, hrefs)
	}
	if h, ok := hrefs[plain]; !ok || h != "" {
		t.Errorf("%s shows %q (not ingested) as %q, listed %v; want plain text", itemURL, plain, h, ok)
	}

	// The link resolves to the record of the bilag file, whose page
	// names the item back.
	res, doc := get(t, rf.srv, href)
	wantStatus(t, href, res, 200)
	bilagID := strings.TrimPrefix(href, "/documents/")
	bilag, err := rf.p.Store.Record(bilagID)
	if err != nil {
		t.Fatal(err)
	}
	if got := filepath.Base(bilag.Source.Path); got != "KLs proces vedrørende det nære sundhedsvæsen.pdf" {
		t.Errorf("%q links to the record of %q; want the bilag file", linked, got)
	}
	if !strings.Contains(doc, "<h2>Bilag til</h2>") || !strings.Contains(doc, `href="`+itemURL+`"`) {
		t.Errorf("%s does not say it is Bilag til %s", href, itemURL)
	}

	var item struct {
		Attachments []bilagLink `json:"attachment_links"`
	}
	getJSONFrom(t, rf.srv, "/api"+itemURL, &item)
	found := 0
	for _, l := range item.Attachments {
		switch l.Name {
		case linked:
			found++
			if l.RecordID != bilagID || l.URL != href {
				t.Errorf("/api%s: %q links to %q %q; want %q %q", itemURL, linked, l.RecordID, l.URL, bilagID, href)
			}
		case plain:
			found++
			if l.RecordID != "" || l.URL != "" {
				t.Errorf("/api%s: %q (not ingested) links to %q", itemURL, plain, l.URL)
			}
		}
	}
	if found != 2 {
		t.Errorf("/api%s attachment_links = %+v; want both attachments", itemURL, item.Attachments)
	}
	var document struct {
		ID         string          `json:"id"`
		AttachedTo []apiAttachedTo `json:"attached_to"`
	}
	getJSONFrom(t, rf.srv, "/api"+href, &document)
	if document.ID != bilagID || len(document.AttachedTo) != 1 || document.AttachedTo[0].URL != itemURL || document.AttachedTo[0].Committee != agenda.Committee {
		t.Errorf("/api%s: id %q attached_to %+v; want the record with the item %s of %s", href, document.ID, document.AttachedTo, itemURL, agenda.Committee)
	}
}

// getJSONFrom gets target from h, which must answer 200 with JSON, into v.
func getJSONFrom(t *testing.T, h http.Handler, target string, v any) {
	t.Helper()
	res, body := get(t, h, target)
	wantStatus(t, target, res, 200)
	if err := json.Unmarshal([]byte(body), v); err != nil {
		t.Fatalf("GET %s: %v\n%s", target, err, body)
	}
}

// storedRecord returns the record of the real corpus whose source path
// ends in suffix.
func storedRecord(t *testing.T, rf *realFixture, suffix string) *corpus.Record {
	t.Helper()
	for _, rec := range storedRecords(t, rf) {
		if strings.HasSuffix(filepath.ToSlash(rec.Source.Path), suffix) {
			return rec
		}
	}
	t.Fatalf("no record of %s in the real corpus", suffix)
	return nil
}

// bilagHrefs returns the page of the item of rec naming the attachment
// name, and the links of its Bilag section by attachment name ("" for
// one shown as plain text).
func bilagHrefs(t *testing.T, rf *realFixture, rec *corpus.Record, name string) (string, map[string]string) {
	t.Helper()
	number := 0
	for _, it := range rec.Items {
		if slices.Contains(it.Attachments, name) {
			number = it.Number
		}
	}
	if number == 0 {
		t.Fatalf("no item of %s names the attachment %q", rec.ID, name)
	}
	itemURL := "/items/" + rec.ID + "/" + itoa(number)
	res, page := get(t, rf.srv, itemURL)
	wantStatus(t, itemURL, res, 200)
	sec := attachSection.FindStringSubmatch(page)
	if sec == nil {
		t.Fatalf("%s has no Bilag section", itemURL)
	}
	hrefs := map[string]string{}
	for _, m := range attachEntry.FindAllStringSubmatch(sec[1], -1) {
		hrefs[html.UnescapeString(m[2])] = m[1]
	}
	return itemURL, hrefs
}

// TestItemPageLinksEnclosure: an SBSYS enclosure joined with its
// publication links from the item page to its stored file, which is
// served.
func TestItemPageLinksEnclosure(t *testing.T) {
	rf := realServer(t)
	agenda := storedRecord(t, rf, "ballerup-sbsys-2013/Publication32.xml")
	const name = "Brev fra KL til Kommunalbestyrelsen vedr Monopolbrud"
	itemURL, hrefs := bilagHrefs(t, rf, agenda, name)
	href := hrefs[name]
	if len(agenda.Parts) != 1 || href != "/source/"+agenda.Parts[0].ID {
		t.Fatalf("%s links %q to %q; want the enclosure joined with the publication, %v", itemURL, name, href, agenda.Parts)
	}
	res, _ := get(t, rf.srv, href)
	wantStatus(t, href, res, 200)
	if ct := res.Header.Get("Content-Type"); ct != "application/pdf" {
		t.Errorf("GET %s: Content-Type %q; want the PDF", href, ct)
	}
}

package main

import (
	"bytes"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"referat/corpus"
	"referat/internal/pipeline"
	"referat/internal/testcorpus"
)

// TestCrawlIngestsAnEDocSite crawls a local copy of a real eDoc publication
// (the Ballerup meeting: XML and the PDFs it names, served as a folder
// listing) and checks that the meeting arrives as one record joined with its
// PDFs, and that a second crawl ingests nothing.
func TestCrawlIngestsAnEDocSite(t *testing.T) {
	// The site as eDoc publishes it: the files under the names the XML
	// uses. The attachments (bilag) the XML also names are not in the
	// repository's copy, so they are 404s, as on a site that lost them.
	site := t.TempDir()
	src := testcorpus.Path("ballerup-edoc-2012-12-04")
	ents, _ := os.ReadDir(src)
	for _, e := range ents {
		name := e.Name()
		if strings.HasSuffix(name, ".pdf") {
			name = strings.SplitN(strings.TrimSuffix(name, ".pdf"), "_", 2)[0] + ".PDF"
		}
		b, _ := os.ReadFile(filepath.Join(src, e.Name()))
		os.WriteFile(filepath.Join(site, name), b, 0o644)
	}
	srv := httptest.NewServer(http.StripPrefix("/ballerup/", http.FileServer(http.Dir(site))))
	defer srv.Close()
	dir := t.TempDir()
	sources := filepath.Join(dir, "sources.json")
	os.WriteFile(sources, []byte(fmt.Sprintf(`{
	  "contact": "https://example.org/referat-test",
	  "rate_per_second": 200,
	  "sources": [{"name": "ballerup", "municipality": "Ballerup Kommune", "profile": "edoc", "start_urls": [%q]}]
	}`, srv.URL+"/ballerup/")), 0o644)
	data := filepath.Join(dir, "data")

	_, stderr, code := runCLI(t, "crawl", "--data", data, "--sources", sources)
	if code != 1 || !strings.Contains(stderr, "1546743.PDF: HTTP 404") {
		t.Fatalf("crawl exit %d, want 1 with the missing attachments reported:\n%s", code, stderr)
	}
	p, err := pipeline.Open(data)
	if err != nil {
		t.Fatal(err)
	}
	// The crawl's report is kept for the coverage page, failures named.
	if rr, err := p.Store.RunReport(corpus.RunCrawl); err != nil || rr.Failed == 0 || rr.Ingested == 0 ||
		!slices.ContainsFunc(rr.Failures, func(f corpus.RunFailure) bool {
			return strings.Contains(f.Source, "1546743.PDF") && strings.Contains(f.Reason, "404")
		}) {
		t.Errorf("kept crawl report %+v (%v); want the ingested meeting and the 404 of 1546743.PDF", rr, err)
	}
	ids, _ := p.Store.RecordIDs()
	var meeting int
	for _, id := range ids {
		rec, _ := p.Store.Record(id)
		if strings.HasSuffix(rec.Source.URL, "eDocAgendaPublishing.xml") {
			meeting++
			if len(rec.Parts) != 9 {
				t.Errorf("meeting record joined %d PDFs; want the referat and the 8 item PDFs", len(rec.Parts))
			}
			if rec.Committee == "" || len(rec.Items) == 0 {
				t.Errorf("meeting record: committee %q, %d items", rec.Committee, len(rec.Items))
			}
		}
	}
	if meeting != 1 {
		t.Errorf("%d records of the eDoc XML; want 1", meeting)
	}
	p.Close()

	_, stderr, code = runCLI(t, "crawl", "--data", data, "--sources", sources)
	if strings.Contains(stderr, "ingested ") {
		t.Errorf("second crawl: exit %d, ingested again:\n%s", code, stderr)
	}

	// The meeting changes on the site: the next crawl ingests it again
	// and the store keeps both versions.
	xml := filepath.Join(site, "eDocAgendaPublishing.xml")
	b, _ := os.ReadFile(xml)
	os.WriteFile(xml, bytes.Replace(b, []byte("Referat endeligt godkendt"), []byte("Referat endeligt godkendt "), 1), 0o644)
	// Last-Modified has whole seconds: make the change a later one.
	later := time.Now().Add(time.Hour)
	os.Chtimes(xml, later, later)
	_, stderr, _ = runCLI(t, "crawl", "--data", data, "--sources", sources)
	if !strings.Contains(stderr, "earlier version kept") {
		t.Errorf("third crawl did not ingest the changed meeting:\n%s", stderr)
	}
	out, _, code := runCLI(t, "versions", "--data", data, srv.URL+"/ballerup/eDocAgendaPublishing.xml")
	if code != 0 || !strings.Contains(out, "2 version(s)") {
		t.Errorf("versions of the changed meeting: exit %d\n%s", code, out)
	}
	// The new version is joined with the PDFs the crawl did not fetch
	// again, because they did not change.
	p, err = pipeline.Open(data)
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	newXML, _ := os.ReadFile(xml)
	rec, err := p.Store.Record(corpus.Hash(newXML))
	if err != nil {
		t.Fatal(err)
	}
	if len(rec.Parts) != 9 {
		t.Errorf("the changed meeting's record joined %d PDFs; want the 9 of the version before", len(rec.Parts))
	}
}

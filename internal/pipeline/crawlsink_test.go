package pipeline

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"referat/corpus"
	"referat/ingest/crawl"
	"referat/internal/testcorpus"
)

// fetched is a crawled document as crawl.Run hands it to a sink.
func fetched(t *testing.T, rel, url, contentType string) crawl.Fetched {
	t.Helper()
	b, err := os.ReadFile(testcorpus.Path(rel))
	if err != nil {
		t.Fatal(err)
	}
	return crawl.Fetched{URL: url, Body: b, Hash: corpus.Hash(b), ContentType: contentType, FetchedAt: time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)}
}

// TestCrawlSink hands the sink what a crawl of the real Ballerup eDoc
// meeting hands on (the XML, then the PDFs it names as its attachments),
// then another document: the meeting is one record joined with its PDFs,
// the validators the server sent are the version's, and an unreadable
// document is counted and logged without stopping the crawl.
func TestCrawlSink(t *testing.T) {
	p, _ := openTemp(t)
	ctx := context.Background()
	var log bytes.Buffer
	s := p.CrawlSink(&log)

	const site = "https://ballerup.example/edoc/"
	xml := fetched(t, "ballerup-edoc-2012-12-04/eDocAgendaPublishing.xml", site+"eDocAgendaPublishing.xml", "application/xml")
	xml.ETag, xml.LastModified = `"v1"`, "Tue, 04 Dec 2012 15:00:00 GMT"
	if err := s.Take(ctx, xml); err != nil {
		t.Fatalf("Take(xml): %v", err)
	}
	pdfs, _ := filepath.Glob(testcorpus.Path("ballerup-edoc-2012-12-04/*.pdf"))
	if len(pdfs) == 0 {
		t.Fatal("no PDFs in testdata/corpus/ballerup-edoc-2012-12-04")
	}
	for _, path := range pdfs {
		name := filepath.Base(path)
		ref := strings.SplitN(strings.TrimSuffix(name, ".pdf"), "_", 2)[0] + ".PDF"
		f := fetched(t, "ballerup-edoc-2012-12-04/"+name, site+ref, "application/pdf")
		f.Parent, f.Ref = xml.URL, ref
		if err := s.Take(ctx, f); err != nil {
			t.Fatalf("Take(%s): %v", ref, err)
		}
	}
	// Not a PDF for all it claims: read fails, the crawl goes on.
	bad := crawl.Fetched{URL: site + "broken.pdf", Body: []byte("%PDF-1.4 not really"), ContentType: "application/pdf", FetchedAt: xml.FetchedAt}
	if err := s.Take(ctx, bad); err != nil {
		t.Errorf("Take(unreadable document) = %v; want nil (logged and counted)", err)
	}
	if err := s.Flush(ctx); err != nil {
		t.Errorf("Flush: %v", err)
	}

	if s.Ingested != 1 || s.Failed != 1 {
		t.Errorf("Ingested %d, Failed %d; want 1 and 1\n%s", s.Ingested, s.Failed, log.String())
	}
	for _, want := range []string{"ingested " + xml.URL, "joined   " + xml.URL + " with " + itoa(len(pdfs)) + " attachments", "failed   " + bad.URL} {
		if !strings.Contains(log.String(), want) {
			t.Errorf("log lacks %q:\n%s", want, log.String())
		}
	}
	vs, err := p.Store.Versions(xml.URL)
	if err != nil || len(vs) != 1 {
		t.Fatalf("versions of %s: %v, %v; want one", xml.URL, vs, err)
	}
	if v := vs[0]; v.ID != xml.Hash || v.ETag != xml.ETag || v.LastModified != xml.LastModified {
		t.Errorf("version %+v; want id %s with the server's validators %s, %s", v, xml.Hash, xml.ETag, xml.LastModified)
	}
	rec, err := p.Store.Record(vs[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(rec.Parts) != len(pdfs) || len(rec.Items) == 0 || rec.Source.URL != xml.URL || rec.Source.FetchedAt != "2026-01-02T03:04:05Z" {
		t.Errorf("meeting record: %d parts (want %d), %d items, source %+v", len(rec.Parts), len(pdfs), len(rec.Items), rec.Source)
	}
}

// TestCrawlSinkReturnsStoreErrors checks that a failure to store what was
// fetched (here the source's versions file is corrupt) is returned to the
// crawl, naming the document, so the crawl counts the fetch as failed and
// fetches it again next time, instead of being dropped.
func TestCrawlSinkReturnsStoreErrors(t *testing.T) {
	p, dir := openTemp(t)
	ctx := context.Background()
	s := p.CrawlSink(nil)
	f := fetched(t, "seeds/000_734b34927aab3490.txt", "https://lejre.example/referat.txt", "text/plain; charset=utf-8")
	f.ETag = `"e1"`

	// Break the versions file of the source: a directory where the file
	// goes cannot be replaced by writing it.
	src := filepath.Join(StoreDir(dir), "sources", corpus.Hash([]byte(f.URL))+".json")
	if err := os.MkdirAll(filepath.Join(src, "x"), 0o755); err != nil {
		t.Fatal(err)
	}
	err := s.Take(ctx, f)
	if err == nil || !strings.Contains(err.Error(), f.URL) {
		t.Fatalf("Take with a broken store = %v; want an error naming %s", err, f.URL)
	}
	if s.Ingested != 0 {
		t.Errorf("Ingested = %d after a failed store; want 0", s.Ingested)
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

package crawl

import (
	"context"
	"fmt"
	"net/http"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"referat/corpus"
	"referat/internal/testcorpus"
)

// exportSite serves an eDoc export and a SBSYS publication as a web
// server's folders would: the real eDocAgendaPublishing.xml with the real
// PDFs of the Ballerup meeting under the names the XML gives them (the
// attachment PDFs the XML names are not in the corpus, so they answer 404,
// as a folder missing them would), and the real SBSYS Publication32.xml
// with its enclosure. The eDoc files are served without validators, the
// SBSYS files with ETag and Last-Modified.
type exportSite struct {
	*site
	mu        sync.Mutex
	enclosure []byte
	edocPDFs  map[string][]byte // by the name the XML uses
}

func newExportSite(t *testing.T) *exportSite {
	s := &exportSite{site: newSite(t), edocPDFs: map[string][]byte{}}
	s.robots("User-agent: *\nDisallow: /edoc/private/\n")
	xml := corpusFile(t, "ballerup-edoc-2012-12-04/eDocAgendaPublishing.xml")
	ents, err := os.ReadDir(testcorpus.Path("ballerup-edoc-2012-12-04"))
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range ents {
		name := e.Name()
		if !strings.HasSuffix(name, ".pdf") {
			continue
		}
		// 1552814_Aabent-referat_....pdf was 1552814.PDF in the export.
		num, _, _ := strings.Cut(strings.TrimSuffix(name, ".pdf"), "_")
		s.edocPDFs[num+".PDF"] = corpusFile(t, "ballerup-edoc-2012-12-04/"+name)
	}
	var listing strings.Builder
	listing.WriteString(`<html><head><title>Index of /edoc/2012-12-04</title></head><body><h1>Index of /edoc/2012-12-04</h1><pre>` +
		`<a href="?C=N;O=D">Name</a> <a href="?C=M;O=A">Last modified</a><hr><a href="/edoc/">Parent Directory</a>` + "\n" +
		`<a href="eDocAgendaPublishing.xml">eDocAgendaPublishing.xml</a>` + "\n")
	for name := range s.edocPDFs {
		fmt.Fprintf(&listing, "<a href=%q>%s</a>\n", name, name)
	}
	listing.WriteString("</pre></body></html>")

	s.enclosure = corpusFile(t, "ballerup-sbsys-2013/Enclosures/1.pdf")
	sbsysXML := corpusFile(t, "ballerup-sbsys-2013/Publication32.xml")

	s.mux.HandleFunc("GET /edoc/{$}", func(w http.ResponseWriter, r *http.Request) {
		serveBytes(w, r, "text/html", []byte(`<html><body><h1>Index of /edoc</h1><pre><a href="?C=N;O=D">Name</a><hr>`+
			`<a href="/">Parent Directory</a>`+"\n"+`<a href="2012-12-04/">2012-12-04/</a>`+"\n"+`<a href="private/">private/</a></pre></body></html>`), false)
	})
	s.mux.HandleFunc("GET /edoc/2012-12-04/{$}", func(w http.ResponseWriter, r *http.Request) {
		serveBytes(w, r, "text/html", []byte(listing.String()), false)
	})
	s.mux.HandleFunc("GET /edoc/2012-12-04/eDocAgendaPublishing.xml", func(w http.ResponseWriter, r *http.Request) {
		serveBytes(w, r, "text/xml", xml, false)
	})
	s.mux.HandleFunc("GET /edoc/2012-12-04/{name}", func(w http.ResponseWriter, r *http.Request) {
		b, ok := s.edocPDFs[r.PathValue("name")]
		if !ok {
			http.NotFound(w, r)
			return
		}
		serveBytes(w, r, "application/pdf", b, false)
	})
	s.mux.HandleFunc("GET /sbsys/Publication32/Publication32.xml", func(w http.ResponseWriter, r *http.Request) {
		serveBytes(w, r, "application/xml", sbsysXML, true)
	})
	s.mux.HandleFunc("GET /sbsys/Publication32/Enclosures/1.pdf", func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		b := s.enclosure
		s.mu.Unlock()
		serveBytes(w, r, "application/pdf", b, true)
	})
	return s
}

func exportSources(s *exportSite) []Source {
	return []Source{
		{Name: "ballerup-edoc", Municipality: "Ballerup Kommune", Profile: "edoc", StartURLs: []string{s.URL + "/edoc/"}},
		{Name: "ballerup-sbsys", Municipality: "Ballerup Kommune", Profile: "sbsys", StartURLs: []string{s.URL + "/sbsys/Publication32/Publication32.xml"}},
	}
}

func TestCrawlEDocAndSBSYS(t *testing.T) {
	s := newExportSite(t)
	c := &collector{}
	rep, log, err := crawl(t, context.Background(), testConfig(t.TempDir(), exportSources(s)...), c)
	if err != nil {
		t.Fatalf("Run: %v\n%s", err, log)
	}
	got := c.byURL()
	xmlURL := s.URL + "/edoc/2012-12-04/eDocAgendaPublishing.xml"
	if f, ok := got[xmlURL]; !ok || f.Source != "ballerup-edoc" || f.Parent != "" {
		t.Fatalf("eDoc XML not handed on as a top-level document of ballerup-edoc\n%s", log)
	}
	// The XML names 19 PDFs; the 9 in the folder are handed on with the
	// XML as parent and the file name as the XML writes it.
	for name, body := range s.edocPDFs {
		f, ok := got[s.URL+"/edoc/2012-12-04/"+name]
		if !ok {
			t.Errorf("eDoc PDF %s not handed on", name)
			continue
		}
		if f.Parent != xmlURL || f.Ref != name || f.Hash != corpus.Hash(body) || f.Title == "" {
			t.Errorf("eDoc PDF %s: parent %q, ref %q, title %q; want the XML, %q, the XML's title", name, f.Parent, f.Ref, f.Title, name)
		}
	}
	if f := got[s.URL+"/edoc/2012-12-04/1552823.PDF"]; f.Title != "2. Bygningsvedligeholdelse 2013 - anlægsbevilling" {
		t.Errorf("item PDF title %q; want the item's number and title from the XML", f.Title)
	}
	if f := got[s.URL+"/edoc/2012-12-04/1552814.PDF"]; f.Title != "Åben dagsorden" {
		t.Errorf("whole-agenda PDF title %q; want its AgendaType", f.Title)
	}
	missing := 0
	for _, fl := range rep.Failures {
		if fl.Status != http.StatusNotFound || !strings.HasPrefix(fl.URL, s.URL+"/edoc/2012-12-04/") {
			t.Errorf("unexpected failure %+v", fl)
			continue
		}
		missing++
		if n := s.hitCount(strings.TrimPrefix(fl.URL, s.URL)); n != 1 {
			t.Errorf("%s answered 404 and was requested %d times; want once (no retry on 4xx)", fl.URL, n)
		}
	}
	if missing != 19-len(s.edocPDFs) {
		t.Errorf("%d eDoc PDFs failed; want the %d the folder lacks", missing, 19-len(s.edocPDFs))
	}
	// SBSYS: the XML, then its enclosure by its relative path.
	enc, ok := got[s.URL+"/sbsys/Publication32/Enclosures/1.pdf"]
	if !ok || enc.Parent != s.URL+"/sbsys/Publication32/Publication32.xml" || enc.Ref != `Enclosures\1.pdf` ||
		enc.Title != "Brev fra KL til Kommunalbestyrelsen vedr Monopolbrud" || enc.Source != "ballerup-sbsys" {
		t.Errorf("SBSYS enclosure: %+v; want parent the XML, ref Enclosures\\1.pdf and the enclosure's Name", enc.Parent+" "+enc.Ref+" "+enc.Title)
	}
	if s.hitCount("/edoc/private/") != 0 {
		t.Errorf("robots.txt disallows /edoc/private/ but it was requested")
	}
	if want := 1 + len(s.edocPDFs) + 2; len(c.got) != want || rep.New != want {
		t.Errorf("handed on %d (report: %d new); want %d\n%s", len(c.got), rep.New, want, log)
	}
	if rep.Skipped != 1 {
		t.Errorf("skipped %d; want 1 (/edoc/private/, by robots.txt)\n%s", rep.Skipped, log)
	}
}

func TestRecrawlFetchesOnlyWhatChanged(t *testing.T) {
	s := newExportSite(t)
	dir := t.TempDir()
	cfg := testConfig(dir, exportSources(s)...)
	first := &collector{}
	rep1, log, err := crawl(t, context.Background(), cfg, first)
	if err != nil {
		t.Fatalf("first crawl: %v\n%s", err, log)
	}

	second := &collector{}
	rep2, log, err := crawl(t, context.Background(), cfg, second)
	if err != nil {
		t.Fatalf("second crawl: %v\n%s", err, log)
	}
	if len(second.got) != 0 {
		t.Errorf("second crawl of an unchanged site handed on %d documents; want 0", len(second.got))
	}
	// The SBSYS files have validators: 304s. The eDoc files have none:
	// fetched again and found unchanged by hash.
	if rep2.NotModified != 2 || rep2.Unchanged != 1+len(s.edocPDFs) {
		t.Errorf("second crawl: %d not modified, %d unchanged; want 2 and %d\n%s", rep2.NotModified, rep2.Unchanged, 1+len(s.edocPDFs), log)
	}
	for _, uri := range []string{"/sbsys/Publication32/Publication32.xml", "/sbsys/Publication32/Enclosures/1.pdf"} {
		if s.cond[uri] != 1 {
			t.Errorf("%s: %d conditional requests over two crawls; want 1 (the second)", uri, s.cond[uri])
		}
	}
	if rep2.Failed != rep1.Failed {
		t.Errorf("second crawl: %d failures; want the same %d missing PDFs tried again", rep2.Failed, rep1.Failed)
	}

	// A changed enclosure is handed on again, and only it.
	old := corpus.Hash(s.enclosure)
	s.mu.Lock()
	s.enclosure = corpusFile(t, "ballerup-edoc-2012-12-04/1552817.pdf")
	s.mu.Unlock()
	third := &collector{}
	rep3, log, err := crawl(t, context.Background(), cfg, third)
	if err != nil {
		t.Fatalf("third crawl: %v\n%s", err, log)
	}
	if len(third.got) != 1 || rep3.Changed != 1 || rep3.New != 0 {
		t.Fatalf("third crawl handed on %d (changed %d, new %d); want the one changed enclosure\n%s", len(third.got), rep3.Changed, rep3.New, log)
	}
	f := third.got[0]
	if !strings.HasSuffix(f.URL, "/Enclosures/1.pdf") || f.PreviousHash != old || !f.Changed() || f.Hash == old ||
		f.Parent != s.URL+"/sbsys/Publication32/Publication32.xml" {
		t.Errorf("changed enclosure: %s previous %s hash %s parent %s; want 1.pdf with the old hash as previous", f.URL, f.PreviousHash, f.Hash, f.Parent)
	}
}

func TestSinkErrorIsRetriedNextCrawl(t *testing.T) {
	s := newExportSite(t)
	dir := t.TempDir()
	src := exportSources(s)[1:]
	refuse := &collector{err: func(f Fetched) error {
		if strings.HasSuffix(f.URL, ".pdf") {
			return fmt.Errorf("disk full")
		}
		return nil
	}}
	rep, log, err := crawl(t, context.Background(), testConfig(dir, src...), refuse)
	if err != nil {
		t.Fatalf("Run: %v\n%s", err, log)
	}
	if rep.Failed != 1 || !strings.Contains(rep.Failures[0].Reason, "disk full") || len(refuse.got) != 1 {
		t.Fatalf("sink refusing the PDF: report %+v, sink kept %d; want 1 failure naming the sink's error", rep.Failures, len(refuse.got))
	}
	again := &collector{}
	if _, log, err := crawl(t, context.Background(), testConfig(dir, src...), again); err != nil || len(again.got) != 1 ||
		!strings.HasSuffix(again.got[0].URL, "/Enclosures/1.pdf") {
		t.Errorf("next crawl handed on %d documents (err %v); want the enclosure the sink refused before\n%s", len(again.got), err, log)
	}
}

func TestRevalidateAfter(t *testing.T) {
	s := newExportSite(t)
	dir := t.TempDir()
	now := time.Date(2025, 10, 8, 12, 0, 0, 0, time.UTC)
	cfg := testConfig(dir, exportSources(s)[1:]...)
	cfg.RevalidateAfter = 24 * time.Hour
	cfg.Now = func() time.Time { return now }
	if _, log, err := crawl(t, context.Background(), cfg, &collector{}); err != nil {
		t.Fatalf("first crawl: %v\n%s", err, log)
	}
	before := s.requests()

	now = now.Add(time.Hour)
	rep, log, err := crawl(t, context.Background(), cfg, &collector{})
	if err != nil || rep.Fresh != 1 || rep.NotModified != 0 {
		t.Fatalf("an hour later: err %v, %d fresh, %d not modified; want the XML fresh and not requested\n%s", err, rep.Fresh, rep.NotModified, log)
	}
	if n := s.requests() - before; n != 1 { // robots.txt only
		t.Errorf("an hour later the crawl sent %d requests; want 1 (robots.txt)", n)
	}

	now = now.Add(24 * time.Hour)
	rep, log, err = crawl(t, context.Background(), cfg, &collector{})
	if err != nil || rep.Fresh != 0 || rep.NotModified != 2 {
		t.Errorf("a day later: err %v, %d fresh, %d not modified; want both documents revalidated\n%s", err, rep.Fresh, rep.NotModified, log)
	}
}

package crawl

import (
	"bytes"
	"context"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
)

const middelfartPage = "middelfart-edoc-2017/2017-04-21_12.00.48_41a93779-8b2a-414b-9f87-691e24f8f40a.html"

// encode transcodes UTF-8 text to a legacy charset, as old servers store it.
func encode(t testing.TB, cm *charmap.Charmap, s string) []byte {
	t.Helper()
	b, err := cm.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatalf("encode: %v", err)
	}
	return b
}

// genericSite is a municipal site of the kind the generic profile
// crawls, with every way a fetch can go wrong. Its meeting pages are the
// real Middelfart eDoc agenda page: as published (UTF-8 with a BOM), in
// windows-1252 declared by <meta>, and in ISO-8859-1 declared only by the
// Content-Type header. Its listing is windows-1252 too; PDFs are real.
type genericSite struct {
	*site
	other *site // a host the source does not allow
	flaky int
	mu    sync.Mutex
}

func newGenericSite(t *testing.T) *genericSite {
	s := &genericSite{site: newSite(t), other: newSite(t)}
	s.robots("User-agent: *\nDisallow: /private/\n")
	page := strings.TrimPrefix(string(corpusFile(t, middelfartPage)), "\ufeff")
	pdf := corpusFile(t, "ballerup-edoc-2012-12-04/1552819.pdf")
	referat := corpusFile(t, "ballerup-edoc-2012-12-04/1552824.pdf")
	cp1252Page := encode(t, charmap.Windows1252, strings.Replace(page, "<head>",
		`<head><meta http-equiv="Content-Type" content="text/html; charset=windows-1252">`, 1))
	latin1Page := encode(t, charmap.ISO8859_1, page)
	listing := encode(t, charmap.Windows1252, `<!DOCTYPE html><html><head><meta charset="windows-1252">
<title>Dagsordener og referater – Økonomiudvalget</title></head><body>
<ul>
<li><a class="moede" href="moede/1.html">Møde i Hennys testudvalg 2. maj 2017</a></li>
<li><a class="moede" href="/generic/moede/2.html#top">Hennys testudvalg – Referat (Ærø, Åbenrå)</a></li>
<li><a class="moede" href="./moede/../moede/3.html">Tillæg til dagsorden</a></li>
</ul>
<p>Bilag: <a href="bilag/flaky.pdf">Bilag 1 – Budgetopfølgning</a>
<a href="bilag/missing.pdf">Bilag 2 (fjernet)</a>
<a href="bilag/loop.pdf">Bilag 3</a>
<a href="bilag/huge.pdf">Bilag 4</a>
<a href="bilag/huge-declared.pdf">Bilag 5</a>
<a href="bilag/slow.pdf">Bilag 6</a>
<a href="bilag/image.pdf">Bilag 7</a>
<a href="bilag/moved.pdf">Bilag 8</a>
<a href="bilag/octet.pdf">Bilag 9</a>
<a href="/private/hemmelig.pdf">Lukket bilag</a>
<a href="`+s.other.URL+`/generic/bilag/ekstern.pdf">Ekstern</a>
<a href="mailto:post@example.dk">Skriv til os</a> <a href="javascript:void(0)">Print</a>
<a rel="next" href="?side=2">Næste side</a></p>
</body></html>`)
	page2 := []byte(`<html><body><a href="bilag/referat.pdf">Referat – 2. maj 2017</a> <a rel="next" href="/generic/">Forside</a></body></html>`)

	html := func(ct string, b []byte) http.HandlerFunc {
		return func(w http.ResponseWriter, r *http.Request) { serveBytes(w, r, ct, b, false) }
	}
	s.mux.HandleFunc("GET /generic/{$}", func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Query().Get("side") == "2" {
			serveBytes(w, r, "text/html; charset=utf-8", page2, false)
			return
		}
		serveBytes(w, r, "text/html", listing, false)
	})
	s.mux.HandleFunc("GET /generic/moede/1.html", html("text/html; charset=utf-8", corpusFile(t, middelfartPage)))
	s.mux.HandleFunc("GET /generic/moede/2.html", html("text/html", cp1252Page))
	s.mux.HandleFunc("GET /generic/moede/3.html", html("text/html; charset=ISO-8859-1", latin1Page))
	s.mux.HandleFunc("GET /generic/bilag/referat.pdf", html("application/pdf", referat))
	s.mux.HandleFunc("GET /generic/bilag/flaky.pdf", func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		s.flaky++
		n := s.flaky
		s.mu.Unlock()
		if n <= 2 {
			http.Error(w, "busy", http.StatusServiceUnavailable)
			return
		}
		serveBytes(w, r, "application/pdf", pdf, false)
	})
	s.mux.HandleFunc("GET /generic/bilag/loop.pdf", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "loop2.pdf", http.StatusFound)
	})
	s.mux.HandleFunc("GET /generic/bilag/loop2.pdf", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/generic/bilag/loop.pdf", http.StatusMovedPermanently)
	})
	s.mux.HandleFunc("GET /generic/bilag/moved.pdf", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, s.other.URL+"/moved.pdf", http.StatusMovedPermanently)
	})
	s.mux.HandleFunc("GET /generic/bilag/huge.pdf", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/pdf")
		chunk := bytes.Repeat(pdf, 8)
		for i := 0; i < 16 && r.Context().Err() == nil; i++ { // about 5 MB, chunked: no Content-Length
			w.Write(chunk)
			w.(http.Flusher).Flush()
		}
	})
	s.mux.HandleFunc("GET /generic/bilag/huge-declared.pdf", func(w http.ResponseWriter, r *http.Request) {
		body := bytes.Repeat(pdf, 80)
		serveBytes(w, r, "application/pdf", body, true)
	})
	s.mux.HandleFunc("GET /generic/bilag/slow.pdf", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-time.After(10 * time.Second):
		}
	})
	s.mux.HandleFunc("GET /generic/bilag/image.pdf", func(w http.ResponseWriter, r *http.Request) {
		serveBytes(w, r, "image/png", []byte("\x89PNG\r\n\x1a\n"), false)
	})
	s.mux.HandleFunc("GET /generic/bilag/missing.pdf", http.NotFound)
	s.mux.HandleFunc("GET /generic/bilag/octet.pdf", html("application/octet-stream", pdf))
	return s
}

func genericSource(s *genericSite) Source {
	return Source{
		Name: "middelfart", Municipality: "Middelfart Kommune", Profile: "generic",
		StartURLs:                []string{s.URL + "/generic/"},
		Meetings:                 LinkRule{Selector: "a.moede"},
		Documents:                LinkRule{Pattern: `\.pdf$`},
		NextPage:                 LinkRule{Selector: "a[rel=next]"},
		MeetingPagesAreDocuments: true,
	}
}

func TestCrawlGenericSite(t *testing.T) {
	s := newGenericSite(t)
	cfg := testConfig(t.TempDir(), genericSource(s))
	cfg.Timeout = 300 * time.Millisecond
	c := &collector{}
	rep, log, err := crawl(t, context.Background(), cfg, c)
	if err != nil {
		t.Fatalf("Run: %v\n%s", err, log)
	}
	got := c.byURL()
	base := s.URL + "/generic/"

	// Meeting pages are handed on, titled by the windows-1252 listing's
	// link text, bytes as served, text decoded on request.
	for _, tc := range []struct {
		path, title, contentType string
	}{
		{"moede/1.html", "Møde i Hennys testudvalg 2. maj 2017", "text/html; charset=utf-8"},
		{"moede/2.html", "Hennys testudvalg – Referat (Ærø, Åbenrå)", "text/html"},
		{"moede/3.html", "Tillæg til dagsorden", "text/html; charset=ISO-8859-1"},
	} {
		f, ok := got[base+tc.path]
		if !ok {
			t.Errorf("meeting page %s not handed on\n%s", tc.path, log)
			continue
		}
		if f.Title != tc.title || f.ContentType != tc.contentType {
			t.Errorf("%s: title %q, content type %q; want %q, %q", tc.path, f.Title, f.ContentType, tc.title, tc.contentType)
		}
		text, err := f.UTF8()
		if err != nil || !utf8.Valid(text) {
			t.Errorf("%s: UTF8: %v (valid %v)", tc.path, err, utf8.Valid(text))
		}
		for _, want := range []string{"Mødested: Mødelokale 1, Midtpunkt", "Sagsbehandler: Rikke Jørgensen", "Økonomi:"} {
			if !strings.Contains(string(text), want) {
				t.Errorf("%s: decoded text lacks %q", tc.path, want)
			}
		}
		if tc.path != "moede/1.html" && utf8.Valid(f.Body) {
			t.Errorf("%s: Body is valid UTF-8; want the legacy bytes as served", tc.path)
		}
	}
	// Documents: the flaky one after two 503s, and the one on page 2.
	if f, ok := got[base+"bilag/flaky.pdf"]; !ok || f.Title != "Bilag 1 – Budgetopfølgning" {
		t.Errorf("flaky.pdf not handed on after two 503s, or title %q wrong\n%s", f.Title, log)
	}
	if n := s.hitCount("/generic/bilag/flaky.pdf"); n != 3 {
		t.Errorf("flaky.pdf requested %d times; want 3 (two 503s, then 200)", n)
	}
	if _, ok := got[base+"bilag/referat.pdf"]; !ok {
		t.Errorf("referat.pdf from the next page not handed on\n%s", log)
	}
	// Served as application/octet-stream, typed by its bytes.
	if f := got[base+"bilag/octet.pdf"]; f.ContentType != "application/pdf" {
		t.Errorf("octet.pdf: content type %q; want application/pdf sniffed from the bytes", f.ContentType)
	}
	if len(c.got) != 6 || rep.New != 6 {
		t.Errorf("handed on %d (report %d new); want 3 meeting pages and 3 PDFs\n%s", len(c.got), rep.New, log)
	}

	// Every other fetch failed with its reason, and the crawl went on.
	wantFail := map[string]string{
		"bilag/missing.pdf":       "404",
		"bilag/loop.pdf":          "redirect loop",
		"bilag/huge.pdf":          "over the limit",
		"bilag/huge-declared.pdf": "over the limit",
		"bilag/slow.pdf":          "timeout",
		"bilag/image.pdf":         "content type image/png",
		"bilag/moved.pdf":         "host not allowed",
	}
	for _, fl := range rep.Failures {
		path := strings.TrimPrefix(fl.URL, base)
		want, ok := wantFail[path]
		if !ok {
			t.Errorf("unexpected failure %s: %s", fl.URL, fl.Reason)
			continue
		}
		if !strings.Contains(fl.Reason, want) {
			t.Errorf("%s failed with %q; want a reason with %q", path, fl.Reason, want)
		}
		if !strings.Contains(log, "fail "+fl.URL+": "+fl.Reason) {
			t.Errorf("%s: failure not logged", path)
		}
		delete(wantFail, path)
	}
	for path := range wantFail {
		t.Errorf("%s did not fail", path)
	}
	for path, want := range map[string]int{
		"/generic/bilag/missing.pdf": 1, // 4xx: no retry
		"/generic/bilag/image.pdf":   1, // wrong type: no retry
		"/generic/bilag/slow.pdf":    3, // timeouts: retried twice
		"/private/hemmelig.pdf":      0, // robots.txt
	} {
		if n := s.hitCount(path); n != want {
			t.Errorf("%s requested %d times; want %d", path, n, want)
		}
	}
	if n := s.other.requests(); n != 0 {
		t.Errorf("the host not allowed got %d requests; want 0", n)
	}
	if rep.Skipped != 1 || rep.Pages != 5 {
		t.Errorf("report: %d skipped, %d pages; want 1 (robots.txt) and 5 (2 listing, 3 meeting)\n%s", rep.Skipped, rep.Pages, log)
	}
}

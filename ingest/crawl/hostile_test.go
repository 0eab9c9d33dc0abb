package crawl

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"
)

func TestRobotsPath(t *testing.T) {
	for raw, want := range map[string]string{
		"/%70rivate/a.pdf":  "/private/a.pdf",
		"/%50rivate/%7e%2d": "/Private/~-",
		"/a%2fb":            "/a%2Fb", // a reserved character stays escaped
		"/%C3%B8l?q=%70":    "/%C3%B8l?q=p",
		"/plain/path?x=1":   "/plain/path?x=1",
	} {
		u, err := url.Parse("https://x.dk" + raw)
		if err != nil {
			t.Fatal(err)
		}
		if got := robotsPath(u); got != want {
			t.Errorf("robotsPath(%q) = %q; want %q", raw, got, want)
		}
	}
}

// TestRobotsDecodesEscapes: a link written /%70rivate/ is /private/, which
// robots.txt disallows (RFC 9309 2.2.2); it is not fetched.
func TestRobotsDecodesEscapes(t *testing.T) {
	s := newSite(t)
	s.robots("User-agent: *\nDisallow: /private/\n")
	pdf := corpusFile(t, "ballerup-edoc-2012-12-04/1552816.pdf")
	s.mux.HandleFunc("GET /{$}", func(w http.ResponseWriter, r *http.Request) {
		serveBytes(w, r, "text/html", []byte(`<html><body><a href="/%70rivate/a.pdf">a</a> <a href="/%70%72ivate/b.pdf">b</a> <a href="/public/c.pdf">c</a></body></html>`), false)
	})
	s.mux.HandleFunc("GET /{dir}/{n}", func(w http.ResponseWriter, r *http.Request) {
		serveBytes(w, r, "application/pdf", pdf, false)
	})
	cfg := testConfig("", Source{Name: "s", Profile: "generic", StartURLs: []string{s.URL + "/"}, Documents: LinkRule{Pattern: `\.pdf$`}})
	c := &collector{}
	rep, log, err := crawl(t, context.Background(), cfg, c)
	if err != nil {
		t.Fatalf("Run: %v\n%s", err, log)
	}
	if len(c.got) != 1 || !strings.HasSuffix(c.got[0].URL, "/public/c.pdf") {
		t.Errorf("fetched %d documents; want only /public/c.pdf\n%s", len(c.got), log)
	}
	if n := s.hitCount("/%70rivate/a.pdf") + s.hitCount("/private/a.pdf") + s.hitCount("/%70%72ivate/b.pdf") + s.hitCount("/private/b.pdf"); n != 0 {
		t.Errorf("%d requests to a disallowed path", n)
	}
	if rep.Skipped != 2 {
		t.Errorf("report skipped %d; want 2", rep.Skipped)
	}
}

// TestTooManyRequestsLeavesTheHost: a 429 with Retry-After: 86400 is not
// retried in seconds; the host gets no further request in this crawl and
// is asked again in the next one.
func TestTooManyRequestsLeavesTheHost(t *testing.T) {
	s := newSite(t)
	s.robots("")
	pdf := corpusFile(t, "ballerup-edoc-2012-12-04/1552816.pdf")
	busy := true
	s.mux.HandleFunc("GET /{$}", func(w http.ResponseWriter, r *http.Request) {
		serveBytes(w, r, "text/html", []byte(`<html><body><a href="/d/a.pdf">a</a> <a href="/d/b.pdf">b</a> <a href="/d/c.pdf">c</a></body></html>`), false)
	})
	s.mux.HandleFunc("GET /d/{n}", func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		b := busy
		s.mu.Unlock()
		if b {
			w.Header().Set("Retry-After", "86400")
			http.Error(w, "slow down", http.StatusTooManyRequests)
			return
		}
		serveBytes(w, r, "application/pdf", pdf, false)
	})
	cfg := testConfig(t.TempDir(), Source{Name: "s", Profile: "generic", StartURLs: []string{s.URL + "/"}, Documents: LinkRule{Pattern: `\.pdf$`}})
	cfg.Workers = 1
	cfg.Backoff, cfg.MaxBackoff = 200*time.Millisecond, time.Hour
	c := &collector{}
	start := time.Now()
	rep, log, _ := crawl(t, context.Background(), cfg, c)
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("the crawl took %s: it waited on the 429", d)
	}
	docs := s.hitCount("/d/a.pdf") + s.hitCount("/d/b.pdf") + s.hitCount("/d/c.pdf")
	if docs != 1 {
		t.Errorf("%d document requests after a 429; want 1 (the one answered 429)\n%s", docs, log)
	}
	if rep.Failed != 3 || !strings.Contains(rep.Failures[len(rep.Failures)-1].Reason, "until the next crawl") {
		t.Errorf("report %+v; want 3 failures saying the host is left until the next crawl", rep)
	}
	s.mu.Lock()
	busy = false
	s.mu.Unlock()
	if _, log, err := crawl(t, context.Background(), cfg, c); err != nil || len(c.got) != 3 {
		t.Errorf("next crawl: %v, %d documents; want all 3\n%s", err, len(c.got), log)
	}
}

// TestMeetingPagesRevalidated: a meeting page handed on as a document is
// asked for with its stored validators on the next crawl, and a 304 keeps
// it (and its documents) without handing it on again.
func TestMeetingPagesRevalidated(t *testing.T) {
	s := newSite(t)
	s.robots("")
	meeting := []byte(`<html><body><h1>Punkt 1: Budget</h1><p>Beslutning: Godkendt.</p><a href="/d/bilag.pdf">Bilag</a></body></html>`)
	pdf := corpusFile(t, "ballerup-edoc-2012-12-04/1552816.pdf")
	s.mux.HandleFunc("GET /{$}", func(w http.ResponseWriter, r *http.Request) {
		serveBytes(w, r, "text/html", []byte(`<html><body><a href="/m/1">Møde 1</a></body></html>`), false)
	})
	s.mux.HandleFunc("GET /m/1", func(w http.ResponseWriter, r *http.Request) {
		serveBytes(w, r, "text/html; charset=utf-8", meeting, true)
	})
	s.mux.HandleFunc("GET /d/bilag.pdf", func(w http.ResponseWriter, r *http.Request) {
		serveBytes(w, r, "application/pdf", pdf, true)
	})
	cfg := testConfig(t.TempDir(), Source{Name: "s", Profile: "generic", StartURLs: []string{s.URL + "/"},
		Meetings: LinkRule{Pattern: `/m/`}, Documents: LinkRule{Pattern: `\.pdf$`}, MeetingPagesAreDocuments: true})
	c := &collector{}
	if _, log, err := crawl(t, context.Background(), cfg, c); err != nil || len(c.got) != 2 {
		t.Fatalf("first crawl: %v, %d documents\n%s", err, len(c.got), log)
	}
	rep, log, err := crawl(t, context.Background(), cfg, c)
	if err != nil {
		t.Fatalf("second crawl: %v\n%s", err, log)
	}
	s.mu.Lock()
	cond := s.cond["/m/1"]
	s.mu.Unlock()
	if cond != 1 || rep.NotModified != 2 || len(c.got) != 2 {
		t.Errorf("second crawl: %d conditional requests of the meeting page (want 1), %d not modified (want 2), %d documents handed on in all (want 2)\n%s", cond, rep.NotModified, len(c.got), log)
	}
}

// TestEverySourceFailedIsAnError: a crawl whose every source failed
// (robots.txt answering 429, a start page gone) returns ErrNoSource.
func TestEverySourceFailedIsAnError(t *testing.T) {
	a, b := newSite(t), newSite(t)
	a.mux.HandleFunc("GET /robots.txt", func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "slow down", http.StatusTooManyRequests)
	})
	b.robots("")
	cfg := testConfig("",
		Source{Name: "a", Profile: "generic", StartURLs: []string{a.URL + "/"}, Documents: LinkRule{Pattern: `\.pdf$`}},
		Source{Name: "b", Profile: "generic", StartURLs: []string{b.URL + "/gone"}, Documents: LinkRule{Pattern: `\.pdf$`}})
	_, log, err := crawl(t, context.Background(), cfg, &collector{})
	if !errors.Is(err, ErrNoSource) {
		t.Errorf("Run: %v; want ErrNoSource\n%s", err, log)
	}
	// One source that answers is enough for no such error.
	b.mux.HandleFunc("GET /gone", func(w http.ResponseWriter, r *http.Request) {
		serveBytes(w, r, "text/html", []byte(`<html><body>Ingen møder</body></html>`), false)
	})
	if _, log, err := crawl(t, context.Background(), cfg, &collector{}); errors.Is(err, ErrNoSource) {
		t.Errorf("Run with one source answering: %v\n%s", err, log)
	}
}

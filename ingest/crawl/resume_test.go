package crawl

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"os"
	"path/filepath"
	"sync/atomic"
	"testing"
	"time"
)

func TestResumeAfterCancellation(t *testing.T) {
	s := newFirstAgendaSite(t)
	dir := t.TempDir()
	src := Source{Name: "aarhus", Profile: "firstagenda", StartURLs: []string{s.URL + "/"}, Since: "2025-10-01"}
	cfg := testConfig(dir, src)

	// The whole crawl, uninterrupted, for comparison.
	full := &collector{}
	if _, log, err := crawl(t, context.Background(), testConfig(t.TempDir(), src), full); err != nil || len(full.got) < 10 {
		t.Fatalf("uninterrupted crawl: %d documents, err %v; want at least 10 to interrupt\n%s", len(full.got), err, log)
	}
	hitsBefore := s.hitCount("/")

	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	first := &collector{after: func(n int) {
		if n == 6 {
			cancel()
		}
	}}
	rep1, log, err := crawl(t, ctx, cfg, first)
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("interrupted crawl returned %v; want context.Canceled\n%s", err, log)
	}
	if rep1 == nil || rep1.Fetched != len(first.got) || len(first.got) >= len(full.got) {
		t.Fatalf("interrupted crawl: report %+v, %d documents; want a partial crawl", rep1, len(first.got))
	}
	var st state
	b, err := os.ReadFile(filepath.Join(dir, stateFile))
	if err != nil || json.Unmarshal(b, &st) != nil || st.Run == nil || len(st.Run.Frontier) == 0 {
		t.Fatalf("state after interruption: %v; want a saved run with a frontier", err)
	}

	second := &collector{}
	rep2, log, err := crawl(t, context.Background(), cfg, second)
	if err != nil || !rep2.Resumed {
		t.Fatalf("resumed crawl: err %v, resumed %v\n%s", err, rep2.Resumed, log)
	}
	seen := map[string]bool{}
	for _, f := range append(first.got, second.got...) {
		if seen[f.URL] {
			t.Errorf("%s handed on twice across the interrupted and the resumed crawl", f.URL)
		}
		seen[f.URL] = true
	}
	for _, f := range full.got {
		if !seen[f.URL] {
			t.Errorf("%s never handed on by the interrupted and resumed crawls", f.URL)
		}
	}
	if len(seen) != len(full.got) {
		t.Errorf("interrupted + resumed handed on %d documents; the whole crawl %d", len(seen), len(full.got))
	}
	if n := s.hitCount("/") - hitsBefore; n != 1 {
		t.Errorf("listing fetched %d times by the interrupted and resumed crawls; want 1 (resume continues the frontier)", n)
	}
	b, _ = os.ReadFile(filepath.Join(dir, stateFile))
	st = state{}
	if json.Unmarshal(b, &st) != nil || st.Run != nil || len(st.Documents) != len(full.got) {
		t.Errorf("state after the resumed crawl: run %v, %d documents; want no run and %d documents", st.Run, len(st.Documents), len(full.got))
	}
}

func TestCancelStopsPromptly(t *testing.T) {
	s := newSite(t)
	s.robots("")
	var fast atomic.Bool
	pdf := corpusFile(t, "ballerup-sbsys-2013/Enclosures/1.pdf")
	s.mux.HandleFunc("GET /p/Enclosures/1.pdf", func(w http.ResponseWriter, r *http.Request) {
		serveBytes(w, r, "application/pdf", pdf, false)
	})
	s.mux.HandleFunc("GET /p/Publication32.xml", func(w http.ResponseWriter, r *http.Request) {
		if !fast.Load() {
			select { // a server that never answers
			case <-r.Context().Done():
				return
			case <-time.After(20 * time.Second):
			}
		}
		serveBytes(w, r, "application/xml", corpusFile(t, "ballerup-sbsys-2013/Publication32.xml"), false)
	})
	dir := t.TempDir()
	cfg := testConfig(dir, Source{Name: "sbsys", Profile: "sbsys", StartURLs: []string{s.URL + "/p/Publication32.xml"}})
	cfg.Timeout = 30 * time.Second
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(200*time.Millisecond, cancel)
	start := time.Now()
	_, log, err := crawl(t, ctx, cfg, &collector{})
	if elapsed := time.Since(start); !errors.Is(err, context.Canceled) || elapsed > 2*time.Second {
		t.Fatalf("cancelled crawl returned %v after %s; want context.Canceled within 2s\n%s", err, elapsed, log)
	}
	fast.Store(true)
	c := &collector{}
	rep, log, err := crawl(t, context.Background(), cfg, c)
	if err != nil || !rep.Resumed || len(c.got) != 2 {
		t.Errorf("resumed crawl: err %v, resumed %v, %d documents; want the XML and its enclosure\n%s", err, rep.Resumed, len(c.got), log)
	}
}

func TestRateLimit(t *testing.T) {
	pdf := corpusFile(t, "ballerup-edoc-2012-12-04/1552816.pdf")
	for _, tc := range []struct {
		name   string
		rate   float64
		robots string
		gap    time.Duration
	}{
		{"rate_per_second", 20, "", 50 * time.Millisecond},
		{"crawl-delay", 1000, "User-agent: *\nCrawl-delay: 0.08\n", 80 * time.Millisecond},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := newSite(t)
			s.robots(tc.robots)
			page := `<html><body>`
			for _, n := range []string{"a", "b", "c", "d", "e", "f"} {
				page += `<a href="/doc/` + n + `.pdf">` + n + `</a>`
			}
			s.mux.HandleFunc("GET /{$}", func(w http.ResponseWriter, r *http.Request) {
				serveBytes(w, r, "text/html", []byte(page), false)
			})
			s.mux.HandleFunc("GET /doc/{n}", func(w http.ResponseWriter, r *http.Request) {
				serveBytes(w, r, "application/pdf", pdf, false)
			})
			cfg := testConfig("", Source{Name: "s", Profile: "generic", StartURLs: []string{s.URL + "/"}, Documents: LinkRule{Pattern: `\.pdf$`}})
			cfg.RatePerSecond = tc.rate
			cfg.Workers = 4
			c := &collector{}
			if _, log, err := crawl(t, context.Background(), cfg, c); err != nil || len(c.got) != 6 {
				t.Fatalf("Run: %v, %d documents\n%s", err, len(c.got), log)
			}
			s.mu.Lock()
			defer s.mu.Unlock()
			// After robots.txt, requests to the host are spaced by the
			// limit even with 4 workers. The limiter spaces when requests
			// are sent; the server sees them after scheduling delays that
			// shorten one gap and lengthen the next on a loaded machine, so
			// the span of all of them is held to the limit (a small
			// allowance for timer slack) and each gap only to a quarter of
			// it: without a limit, 4 workers send them all at once.
			if n := len(s.times); n > 2 {
				span, want := s.times[n-1].Sub(s.times[1]), time.Duration(n-2)*tc.gap
				if span < want*8/10 {
					t.Errorf("requests 1 to %d %s apart; want at least %s", n-1, span, want)
				}
			}
			for i := 2; i < len(s.times); i++ {
				if gap := s.times[i].Sub(s.times[i-1]); gap < tc.gap/4 {
					t.Errorf("requests %d and %d %s apart; want about %s", i-1, i, gap, tc.gap)
				}
			}
		})
	}
}

func TestPickTaskSpreadsHosts(t *testing.T) {
	pending := []task{{URL: "https://a.dk/1"}, {URL: "https://a.dk/2"}, {URL: "https://b.dk/1"}, {URL: "https://c.dk/1"}}
	for _, tc := range []struct {
		busy map[string]int
		want int
	}{
		{nil, 0},
		{map[string]int{"a.dk": 1}, 2},
		{map[string]int{"a.dk": 2, "b.dk": 1}, 3},
		{map[string]int{"a.dk": 1, "b.dk": 1, "c.dk": 1}, 0}, // every host busy: FIFO
	} {
		if got := pickTask(pending, tc.busy); got != tc.want {
			t.Errorf("pickTask with %v busy = %d; want %d", tc.busy, got, tc.want)
		}
	}
}

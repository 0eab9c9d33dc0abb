package crawl

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"referat/internal/testcorpus"
)

// The fixture sites below are built at test time from real documents in
// the repository's testdata/corpus (see testdata/PROVENANCE.md); nothing
// touches the network.

const testContact = "https://example.org/referat"

// corpusFile reads a real document from the repository's lean corpus.
func corpusFile(t testing.TB, rel string) []byte {
	t.Helper()
	b, err := os.ReadFile(testcorpus.Path(rel))
	if err != nil {
		t.Fatalf("fixture: %v", err)
	}
	return b
}

// site is a local web server that records what it was asked.
type site struct {
	*httptest.Server
	mux *http.ServeMux

	mu      sync.Mutex
	hits    map[string]int // by request URI
	agents  map[string]int // User-Agent headers seen
	cond    map[string]int // conditional requests by request URI
	times   []time.Time    // arrival of every request
	handled int
}

func newSite(t testing.TB) *site {
	s := &site{mux: http.NewServeMux(), hits: map[string]int{}, agents: map[string]int{}, cond: map[string]int{}}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		s.hits[r.URL.RequestURI()]++
		s.agents[r.Header.Get("User-Agent")]++
		if r.Header.Get("If-None-Match") != "" || r.Header.Get("If-Modified-Since") != "" {
			s.cond[r.URL.RequestURI()]++
		}
		s.times = append(s.times, time.Now())
		s.handled++
		s.mu.Unlock()
		s.mux.ServeHTTP(w, r)
	}))
	t.Cleanup(s.Close)
	return s
}

func (s *site) hitCount(uri string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.hits[uri]
}

func (s *site) requests() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.handled
}

// robots serves a robots.txt.
func (s *site) robots(body string) {
	s.mux.HandleFunc("GET /robots.txt", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain")
		w.Write([]byte(body))
	})
}

// serveBytes answers with body; with an ETag and Last-Modified when
// validators is true, honouring conditional requests (304).
func serveBytes(w http.ResponseWriter, r *http.Request, contentType string, body []byte, validators bool) {
	w.Header().Set("Content-Type", contentType)
	if !validators {
		w.Write(body)
		return
	}
	sum := sha256.Sum256(body)
	w.Header().Set("ETag", `"`+hex.EncodeToString(sum[:8])+`"`)
	http.ServeContent(w, r, "", time.Date(2024, 3, 20, 12, 0, 0, 0, time.UTC), bytes.NewReader(body))
}

// collector is a Sink that keeps what it is handed.
type collector struct {
	mu    sync.Mutex
	got   []Fetched
	after func(n int) // called after the n-th document
	err   func(f Fetched) error
}

func (c *collector) sink(_ context.Context, f Fetched) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.err != nil {
		if err := c.err(f); err != nil {
			return err
		}
	}
	c.got = append(c.got, f)
	if c.after != nil {
		c.after(len(c.got))
	}
	return nil
}

func (c *collector) byURL() map[string]Fetched {
	c.mu.Lock()
	defer c.mu.Unlock()
	m := map[string]Fetched{}
	for _, f := range c.got {
		m[f.URL] = f
	}
	return m
}

// testConfig is a configuration fast enough for tests: a high rate limit
// and millisecond backoffs.
func testConfig(stateDir string, srcs ...Source) *Config {
	return &Config{
		UserAgent:     "referat-test/1",
		Contact:       testContact,
		Sources:       srcs,
		RatePerSecond: 1000,
		Workers:       2,
		MaxBodyBytes:  1 << 20,
		Timeout:       2 * time.Second,
		Retries:       2,
		Backoff:       time.Millisecond,
		MaxBackoff:    5 * time.Millisecond,
		StateDir:      stateDir,
	}
}

// crawl runs one crawl and returns its report and log.
func crawl(t *testing.T, ctx context.Context, cfg *Config, c *collector) (*Report, string, error) {
	t.Helper()
	var log strings.Builder
	var mu sync.Mutex
	rep, err := Run(ctx, cfg, c.sink, writerFunc(func(p []byte) (int, error) {
		mu.Lock()
		defer mu.Unlock()
		return log.Write(p)
	}))
	return rep, log.String(), err
}

type writerFunc func([]byte) (int, error)

func (f writerFunc) Write(p []byte) (int, error) { return f(p) }

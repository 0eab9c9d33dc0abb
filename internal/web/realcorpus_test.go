package web

import (
	"context"
	"errors"
	"html"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"

	"referat/corpus"
	"referat/index"
	"referat/internal/pipeline"
	"referat/internal/testcorpus"
)

// The real corpus: every document of testdata/corpus run through the real
// pipeline (ingest, extract, store, index), as `referat serve` shows it.

var (
	realOnce sync.Once
	real     *realFixture
	realErr  error

	sharedOnce sync.Once
	shared     *realFixture
	sharedErr  error
)

type realFixture struct {
	srv *Server
	p   *pipeline.Pipeline
	dir string
	// hostile is the page of an item copied from a real record with
	// markup planted in its text (see hostileRecord).
	hostile string
}

func realServer(t testing.TB) *realFixture {
	t.Helper()
	if testing.Short() {
		t.Skip("ingests the test corpus with the real pipeline; skipped with -short")
	}
	realOnce.Do(func() { real, realErr = buildReal(t, testcorpus.Dir()) })
	if realErr != nil {
		t.Fatalf("ingest testdata/corpus: %v", realErr)
	}
	return real
}

// sharedServer is realServer over the whole shared corpus; it skips the
// test when the shared corpus is absent.
func sharedServer(t testing.TB) *realFixture {
	t.Helper()
	if testing.Short() {
		t.Skip("ingests the shared corpus with the real pipeline; skipped with -short")
	}
	dir := testcorpus.Shared(t)
	sharedOnce.Do(func() { shared, sharedErr = buildReal(t, dir) })
	if sharedErr != nil {
		t.Fatalf("ingest %s: %v", dir, sharedErr)
	}
	return shared
}

func buildReal(t testing.TB, corpusDir string) (*realFixture, error) {
	dir, err := os.MkdirTemp("", "referat-web-real-")
	if err != nil {
		return nil, err
	}
	p, err := pipeline.Open(filepath.Join(dir, "data"))
	if err != nil {
		os.RemoveAll(dir)
		return nil, err
	}
	rep, err := p.IngestPaths(context.Background(), []string{corpusDir}, pipeline.Options{Workers: 2})
	if err != nil && !errors.Is(err, pipeline.ErrSomeFailed) {
		p.Close()
		os.RemoveAll(dir)
		return nil, err
	}
	// Documents the pipeline fails on are its business, not the page's.
	for _, f := range rep.Failures {
		t.Logf("pipeline failed on %s: %s", f.Path, f.Reason)
	}
	fail := func(err error) (*realFixture, error) {
		p.Close()
		os.RemoveAll(dir)
		return nil, err
	}
	hostile, err := plantHostile(p)
	if err != nil {
		return fail(err)
	}
	srv, err := New(p.Index, p.Store, Options{Log: &syncBuffer{}})
	if err != nil {
		return fail(err)
	}
	return &realFixture{srv: srv, p: p, dir: dir, hostile: hostile}, nil
}

// plantHostile stores and indexes a hostile copy of the first stored
// record with items, and returns its item's page.
func plantHostile(p *pipeline.Pipeline) (string, error) {
	ids, err := p.Store.RecordIDs()
	if err != nil {
		return "", err
	}
	for _, id := range ids {
		base, err := p.Store.Record(id)
		if err != nil {
			return "", err
		}
		if len(base.Items) == 0 {
			continue
		}
		h, err := hostileRecord(p.Store, base)
		if err != nil {
			return "", err
		}
		if err := p.Store.PutRecord(h); err != nil {
			return "", err
		}
		if err := p.Index.Index(context.Background(), []*corpus.Record{h}); err != nil {
			return "", err
		}
		return "/items/" + index.ItemID(h.ID, h.Items[0].Number, 0), nil
	}
	return "", errors.New("no stored record has items")
}

func closeReal() {
	for _, rf := range []*realFixture{real, shared} {
		if rf != nil {
			rf.p.Close()
			os.RemoveAll(rf.dir)
		}
	}
}

var hrefRE = regexp.MustCompile(`href="(/[^"]*)"`)

// TestRealCorpusLinks follows every link of the pages of every stored
// document: each must answer 200, and no page may carry a script.
func TestRealCorpusLinks(t *testing.T) {
	checkLinks(t, realServer(t), 15)
}

// TestSharedCorpusLinks is TestRealCorpusLinks over the shared corpus.
func TestSharedCorpusLinks(t *testing.T) {
	checkLinks(t, sharedServer(t), 40)
}

func checkLinks(t *testing.T, rf *realFixture, minRecords int) {
	ids, err := rf.p.Store.RecordIDs()
	if err != nil {
		t.Fatal(err)
	}
	if len(ids) < minRecords {
		t.Fatalf("the pipeline stored %d records; want at least %d", len(ids), minRecords)
	}
	queue := []string{"/", "/?q=kommune", "/?q=beslutning&sort=-date"}
	expand := map[string]bool{"/": true, "/?q=kommune": true, "/?q=beslutning&sort=-date": true}
	for _, id := range ids {
		queue = append(queue, "/documents/"+id)
	}
	seen := map[string]bool{}
	pages, items, cases := 0, 0, 0
	for len(queue) > 0 && pages < 5000 {
		u := queue[0]
		queue = queue[1:]
		if seen[u] {
			continue
		}
		seen[u] = true
		pages++
		res, body := get(t, rf.srv, u)
		if res.StatusCode != http.StatusOK {
			t.Errorf("GET %s: status %d", u, res.StatusCode)
			continue
		}
		if strings.HasPrefix(u, "/source/") || strings.HasPrefix(u, "/static/") || strings.HasPrefix(u, "/api/") || !strings.HasPrefix(res.Header.Get("Content-Type"), "text/html") {
			continue // not a page: a source file, JSON, a feed, a CSV file
		}
		if strings.Contains(strings.ToLower(body), "<script") {
			t.Errorf("GET %s: the page has a script", u)
		}
		switch {
		case strings.HasPrefix(u, "/items/"):
			items++
		case strings.HasPrefix(u, "/cases/"):
			cases++
		}
		// Search pages other than the start pages are leaves: their facet
		// links multiply without end.
		if strings.HasPrefix(u, "/?") && !expand[u] {
			continue
		}
		for _, m := range hrefRE.FindAllStringSubmatch(body, -1) {
			// A browser keeps the fragment (#page=N) to itself.
			l, _, _ := strings.Cut(html.UnescapeString(m[1]), "#")
			if l != "" && !seen[l] {
				queue = append(queue, l)
			}
		}
	}
	t.Logf("followed %d links: %d item pages, %d case pages, %d documents", pages, items, cases, len(ids))
	if items == 0 || cases == 0 {
		t.Errorf("no item or case pages reached from the documents")
	}
}

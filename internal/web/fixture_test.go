package web

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"referat/corpus"
	"referat/index"
	"referat/internal/testcorpus"
)

// The test corpus: the five seed documents of testdata/corpus/seeds, with
// records mapped by hand from their text (testdata/records.json; the two
// tables are copied from the seeds as printed), plus one record with
// markup planted in its text.

// scriptPayload is planted in the hostile record's title, text and
// decision; it must only ever reach a page as escaped text.
const scriptPayload = `<script>alert("referat")</script>`

type fixture struct {
	srv     *Server
	store   *corpus.Store
	ix      *index.Index
	recs    map[string]*corpus.Record // by source file name prefix ("000", "004", "script")
	log     *syncBuffer
	cleanup func()
}

var (
	fixOnce sync.Once
	fix     *fixture
	fixErr  error
)

func TestMain(m *testing.M) {
	code := m.Run()
	if fix != nil {
		fix.cleanup()
	}
	closeReal()
	os.Exit(code)
}

// testServer returns the server over the test corpus, built once.
func testServer(t testing.TB) *fixture {
	t.Helper()
	fixOnce.Do(func() { fix, fixErr = buildFixture() })
	if fixErr != nil {
		t.Fatalf("build test corpus: %v", fixErr)
	}
	return fix
}

func buildFixture() (*fixture, error) {
	dir, err := os.MkdirTemp("", "referat-web-test-")
	if err != nil {
		return nil, err
	}
	f := &fixture{recs: map[string]*corpus.Record{}, log: &syncBuffer{}, cleanup: func() { os.RemoveAll(dir) }}
	fail := func(err error) (*fixture, error) {
		f.cleanup()
		return nil, err
	}
	if f.store, err = corpus.OpenStore(filepath.Join(dir, "store")); err != nil {
		return fail(err)
	}
	b, err := os.ReadFile(filepath.Join("testdata", "records.json"))
	if err != nil {
		return fail(err)
	}
	var recs []*corpus.Record
	if err := json.Unmarshal(b, &recs); err != nil {
		return fail(fmt.Errorf("testdata/records.json: %w", err))
	}
	for _, r := range recs {
		raw, err := os.ReadFile(testcorpus.Path(r.Source.Path))
		if err != nil {
			return fail(err)
		}
		id, err := f.store.PutRaw(raw)
		if err != nil {
			return fail(err)
		}
		if id != r.ID {
			return fail(fmt.Errorf("record of %s has id %s; its bytes hash to %s", r.Source.Path, r.ID, id))
		}
		r.Format = corpus.FormatText
		f.recs[filepath.Base(r.Source.Path)[:3]] = r
		if err := f.store.PutRecord(r); err != nil {
			return fail(err)
		}
	}
	hostile, err := hostileRecord(f.store, f.recs["000"])
	if err != nil {
		return fail(err)
	}
	f.recs["script"] = hostile
	recs = append(recs, hostile)
	if err := f.store.PutRecord(hostile); err != nil {
		return fail(err)
	}
	if f.ix, err = index.Open(filepath.Join(dir, "index")); err != nil {
		return fail(err)
	}
	closeIx := f.ix.Close
	f.cleanup = func() { closeIx(); os.RemoveAll(dir) }
	if err := f.ix.Index(context.Background(), recs); err != nil {
		return fail(err)
	}
	if f.srv, err = New(f.ix, f.store, Options{Log: f.log}); err != nil {
		return fail(err)
	}
	return f, nil
}

// hostileRecord is one item of base (its seventh, or its last) with markup
// planted in the fields the pages show, and source bytes that begin with
// the markup.
func hostileRecord(st *corpus.Store, base *corpus.Record) (*corpus.Record, error) {
	raw, err := st.Raw(base.ID)
	if err != nil {
		return nil, err
	}
	raw = append([]byte(scriptPayload+"\n"), raw...)
	id, err := st.PutRaw(raw)
	if err != nil {
		return nil, err
	}
	b, _ := json.Marshal(base)
	var r corpus.Record
	json.Unmarshal(b, &r)
	r.ID = id
	r.Source = corpus.Source{Path: "hostile/" + scriptPayload + ".txt"}
	r.Committee = base.Committee + " " + scriptPayload
	it := r.Items[min(6, len(r.Items)-1)]
	it.Title = "Skadelig titel " + scriptPayload
	it.Sections = append([]corpus.Section{{Heading: "Resumé " + scriptPayload, Text: "Plantet markup: " + scriptPayload + " og <img src=x onerror=alert(1)> i ledelsestilsyn."}}, it.Sections...)
	it.Decisions = append([]corpus.Decision{{Body: r.Committee, Date: r.Meeting.Date, Text: "Drøftet " + scriptPayload, Outcome: corpus.OutcomeDiscussed}}, it.Decisions...)
	it.CaseNumbers = []corpus.CaseNumber{{Raw: `"><script>x</script>`, Scheme: corpus.SchemeSlash}}
	r.Items = []corpus.Item{it}
	r.Text = scriptPayload + "\n" + r.Text
	return &r, nil
}

// syncBuffer is a log the server writes to from several goroutines.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// itemURL is the page address of item n of the record keyed by seed.
func (f *fixture) itemURL(seed string, n int) string {
	return "/items/" + index.ItemID(f.recs[seed].ID, n, 0)
}

func containsAll(t *testing.T, what, body string, wants ...string) {
	t.Helper()
	for _, w := range wants {
		if !strings.Contains(body, w) {
			t.Errorf("%s does not contain %q", what, w)
		}
	}
}

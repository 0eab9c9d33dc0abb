package index

import (
	"context"
	"path/filepath"
	"testing"

	"referat/corpus"

	"github.com/blevesearch/bleve/v2/index/scorch"
)

func mustScorch(t *testing.T, x *Index) (*scorch.Scorch, bool) {
	t.Helper()
	ai, err := x.bi.Advanced()
	if err != nil {
		t.Fatal(err)
	}
	s, ok := ai.(*scorch.Scorch)
	return s, ok
}

// TestIndexSize checks the index stays within twice the size of the text
// it indexes (issue 5), on a synthetic corpus of real-sized meetings.
func TestIndexSize(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a 5 MB index")
	}
	dir := filepath.Join(t.TempDir(), "index")
	x, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	s := newSynth(t, 3)
	var text int64
	var batch []*corpus.Record
	for i := range 100 {
		r := s.record(i, itemsPerRecord)
		text += int64(len(r.Text))
		batch = append(batch, r)
		if len(batch) == 50 {
			if err := x.Index(context.Background(), batch); err != nil {
				t.Fatal(err)
			}
			batch = batch[:0]
		}
	}
	// Measure the settled index: how far the background merger got
	// depends on the machine's load, and unmerged segments repeat their
	// dictionaries (2.03x under CI's load, 1.98x on an idle machine).
	if s, ok := mustScorch(t, x); ok {
		if err := s.ForceMerge(context.Background(), nil); err != nil {
			t.Fatal(err)
		}
	}
	n, err := x.DiskSize()
	if err != nil {
		t.Fatal(err)
	}
	if err := x.Close(); err != nil {
		t.Fatal(err)
	}
	size := int64(n)
	ratio := float64(size) / float64(text)
	t.Logf("index %d bytes for %d bytes of text: %.2fx", size, text, ratio)
	if ratio > 2 {
		t.Errorf("index is %.2fx the text; want at most 2x", ratio)
	}
}

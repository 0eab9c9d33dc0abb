package index

import (
	"context"
	"path/filepath"
	"testing"

	"referat/corpus"
)

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

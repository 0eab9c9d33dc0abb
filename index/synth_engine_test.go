package index

import (
	"context"
	"flag"
	"path/filepath"
	"testing"
	"time"

	"referat/corpus"
)

// synthItems sizes the index of TestEngineMatchesBleveSynthetic. The
// default keeps it within a minute under the race detector (2000 items:
// 36 s on 2 idle cores, 50 s of CPU); CI's script (.ci/run) runs it again
// without -race at -synth-items 20000 (63 s on 2 idle cores, 49 s CPU;
// under -race that would take several minutes).
var synthItems = flag.Int("synth-items", 2000, "items of the generated index TestEngineMatchesBleveSynthetic compares the engine with Bleve on (CI: 20000)")

// TestEngineMatchesBleveSynthetic is TestEngineMatchesBleve on a generated
// index of -synth-items items (see synth): written in about 40 batches,
// so that it has many segments, then partly rewritten with fewer items
// and partly deleted, so that many segments hold deleted documents while
// the merger works. Every kind of search
// (words, phrases, case numbers, OR, prefixes, compounds, filters, sorts,
// pages, facets) must get Bleve's total, facets and hits in Bleve's order
// with Bleve's scores (to the query norm), and so must the fixed searches
// with every term's impacts read one hit at a time.
func TestEngineMatchesBleveSynthetic(t *testing.T) {
	if testing.Short() {
		t.Skip("builds an index of generated items")
	}
	ctx := context.Background()
	start := time.Now()
	s := newSynth(t, 3)
	var recs []*corpus.Record
	for i, items := 0, 0; items < *synthItems; i++ {
		r := s.record(i, min(itemsPerRecord, *synthItems-items))
		recs = append(recs, r)
		items += len(r.Items)
	}
	x, err := Open(filepath.Join(t.TempDir(), "index"))
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	batch := max(1, len(recs)/40)
	for i := 0; i < len(recs); i += batch {
		if err := x.Index(ctx, recs[i:min(i+batch, len(recs))]); err != nil {
			t.Fatal(err)
		}
	}
	var again []*corpus.Record
	var gone []string
	for i, r := range recs {
		switch {
		case i%11 == 3 && len(r.Items) > 1:
			c := *r
			c.Items = c.Items[:len(c.Items)/2]
			again = append(again, &c)
		case i%17 == 5:
			gone = append(gone, r.ID)
		}
	}
	for i := 0; i < len(again); i += batch {
		if err := x.Index(ctx, again[i:min(i+batch, len(again))]); err != nil {
			t.Fatal(err)
		}
	}
	if err := x.Delete(ctx, gone); err != nil {
		t.Fatal(err)
	}
	built := time.Since(start)
	segs, withDeleted := x.segmentCounts(t)
	if segs < 4 || withDeleted < 2 {
		t.Errorf("%d segments, %d with deleted documents; want many", segs, withDeleted)
	}

	// A sample of the records gives the words, phrases, case numbers and
	// facet values searched for; the fixed searches of engineRequests
	// come first and all stay.
	var sample []*corpus.Record
	for i := 0; i < len(recs); i += max(1, len(recs)/12) {
		sample = append(sample, recs[i])
	}
	all := engineRequests(sample)
	fixed := all[len(all)-4*len(fixedQueries):]
	reqs := fixed
	rest := all[:len(all)-len(fixed)]
	for i := 0; i < len(rest); i += max(1, len(rest)/150) {
		reqs = append(reqs, rest[i])
	}
	x.expansions = map[string][]string{}
	compare := func(reqs []Request) {
		for _, r := range reqs {
			x.bleveOnly = true
			want, werr := x.Search(ctx, r)
			x.bleveOnly = false
			got, gerr := x.Search(ctx, r)
			if (werr != nil) != (gerr != nil) {
				t.Errorf("Search(%+v): engine error %v; Bleve error %v", r, gerr, werr)
				continue
			}
			if werr == nil {
				compareResults(t, r, got, want)
			}
		}
	}
	compare(reqs)
	defer func(r uint64) { sparseRatio = r }(sparseRatio)
	sparseRatio = 0
	x.impacts = segCache[termKey, *impacts]{}
	compare(fixed)
	t.Logf("%d records, %d items; %d segments, %d with deleted documents; built in %s; %d searches compared in %s",
		len(recs), *synthItems, segs, withDeleted, built.Round(time.Millisecond), len(reqs)+len(fixed), (time.Since(start) - built).Round(time.Millisecond))
}

// segmentCounts returns the segments of x's current snapshot and how many
// of them hold deleted documents.
func (x *Index) segmentCounts(t *testing.T) (segs, withDeleted int) {
	t.Helper()
	snap, err := x.snapshot()
	if err != nil {
		t.Fatal(err)
	}
	defer snap.Close()
	for _, ss := range snap.Segments() {
		segs++
		if d := ss.Deleted(); d != nil && !d.IsEmpty() {
			withDeleted++
		}
	}
	return segs, withDeleted
}

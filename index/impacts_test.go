package index

import (
	"context"
	"math/rand/v2"
	"testing"
)

// TestImpactCursor checks the cursor against a map of the postings, for
// ascending lookups with gaps of every size.
func TestImpactCursor(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	for n := 0; n < 200; n++ {
		im := &impacts{}
		want := map[uint32]uint32{}
		doc := uint32(0)
		for k := rng.IntN(300); k > 0; k-- {
			doc += 1 + uint32(rng.IntN(1+rng.IntN(100)))
			im.docs = append(im.docs, doc)
			im.freq = append(im.freq, doc*7)
			im.norm = append(im.norm, float32(doc))
			want[doc] = doc * 7
		}
		c := impactCursor{im: im}
		for d := uint32(rng.IntN(5)); d <= doc+10; d += 1 + uint32(rng.IntN(1+rng.IntN(60))) {
			freq, norm, ok := c.at(d)
			w, in := want[d]
			if ok != in || ok && (freq != w || norm != float64(d)) {
				t.Fatalf("at(%d) = %d, %g, %v; want %d, %v (postings %v)", d, freq, norm, ok, w, in, im.docs)
			}
		}
	}
}

// TestImpactCache checks that the cache reads the segment's postings as
// its iterator does, and that pruning drops a segment's entries.
func TestImpactCache(t *testing.T) {
	x, err := newMem()
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	if err := x.Index(context.Background(), seedRecords(t)); err != nil {
		t.Fatal(err)
	}
	snap, err := x.snapshot()
	if err != nil {
		t.Fatal(err)
	}
	defer snap.Close()
	var ids []uint64
	checked := 0
	for _, ss := range snap.Segments() {
		ids = append(ids, ss.Id())
		for _, term := range []string{"kommun", "udvalg", "godkend", "ledelsestilsyn", "ingenting"} {
			im, err := x.impactsOf(ss.Id(), ss.Segment(), fBody, term)
			if err != nil {
				t.Fatal(err)
			}
			d, _ := ss.Segment().Dictionary(fBody)
			pl, _ := d.PostingsList([]byte(term), nil, nil)
			it := pl.Iterator(true, true, false, nil)
			i := 0
			for p, _ := it.Next(); p != nil; p, _ = it.Next() {
				if i >= len(im.docs) || im.docs[i] != uint32(p.Number()) || uint64(im.freq[i]) != p.Frequency() || float64(im.norm[i]) != p.Norm() {
					t.Fatalf("impacts of %s, posting %d: %v; want doc %d freq %d norm %g", term, i, im, p.Number(), p.Frequency(), p.Norm())
				}
				i++
				checked++
			}
			if i != len(im.docs) {
				t.Errorf("impacts of %s hold %d postings; the segment %d", term, len(im.docs), i)
			}
			if again, _ := x.impactsOf(ss.Id(), ss.Segment(), fBody, term); again != im {
				t.Errorf("impacts of %s read twice", term)
			}
		}
	}
	if checked == 0 {
		t.Fatal("no postings checked")
	}
	if x.impacts.size <= 0 {
		t.Errorf("cache size %d after reads; want it counted", x.impacts.size)
	}
	// Room for less than all: the last read stays, others make room.
	x.impacts.max = x.impacts.size / 2
	ss := snap.Segments()[0]
	im, err := x.impactsOf(ss.Id(), ss.Segment(), fBody, "dagsorden")
	if err != nil {
		t.Fatal(err)
	}
	if x.impacts.size > x.impacts.max && x.impacts.size > im.bytes() {
		t.Errorf("cache holds %d bytes; want at most %d (or only the newest entry)", x.impacts.size, x.impacts.max)
	}
	if again, _ := x.impactsOf(ss.Id(), ss.Segment(), fBody, "dagsorden"); again != im {
		t.Errorf("the newest entry was evicted")
	}
	x.impacts.prune(ids)
	if n := len(x.impacts.entries); n == 0 {
		t.Errorf("prune against the live segments dropped every entry")
	}
	x.impacts.prune([]uint64{1 << 60})
	if n, size := len(x.impacts.entries), x.impacts.size; n != 0 || size != 0 {
		t.Errorf("after pruning every segment: %d entries, %d bytes; want none", n, size)
	}
}

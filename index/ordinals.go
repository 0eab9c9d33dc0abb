package index

import (
	"fmt"
	"sync"

	"github.com/RoaringBitmap/roaring/v2"
	segment "github.com/blevesearch/scorch_segment_api/v2"
)

// ordinals are the values of one keyword field in one segment, read once
// from the segment's term dictionary and postings: value i of document d
// is values[ord-1] for ord = single[d] (0: no value), or, when some
// document has several values, values[v] for each v in
// vals[start[d]:start[d+1]]. Counting the facets of a search then costs
// an array read per hit and facet, where Bleve's facet builders visit
// every hit's doc values and hash their terms.
type ordinals struct {
	values []string // the field's terms, in dictionary (byte) order
	single []uint32 // per document: 1 + the index of its only value, 0 for none; nil when multi
	start  []uint32 // CSR offsets, len docs+1, when multi
	vals   []uint32

	daysOnce sync.Once
	days     []int32 // days[j+1] is values[j] as a day (see parseDay); days[0] is 0
}

// asDays returns the values read as days, indexed like single (1 + the
// value's index; 0 for no value), parsed once for the ordinals' life.
func (o *ordinals) asDays() []int32 {
	o.daysOnce.Do(func() {
		o.days = make([]int32, len(o.values)+1)
		for j, v := range o.values {
			o.days[j+1] = parseDay(v)
		}
	})
	return o.days
}

// valuesOf calls f with the index of each value of document d.
func (o *ordinals) valuesOf(d uint32, f func(v uint32)) {
	if o.single != nil {
		if int(d) < len(o.single) {
			if v := o.single[d]; v != 0 {
				f(v - 1)
			}
		}
		return
	}
	if int(d)+1 < len(o.start) {
		for _, v := range o.vals[o.start[d]:o.start[d+1]] {
			f(v)
		}
	}
}

// count adds to counts (indexed like values) the values of every document
// of hits.
func (o *ordinals) count(hits *roaring.Bitmap, counts []int32) {
	it := hits.ManyIterator()
	bp := docBuffers.Get().(*[]uint32)
	defer docBuffers.Put(bp)
	buf := *bp
	for {
		n := it.NextMany(buf)
		if n == 0 {
			return
		}
		if o.single != nil {
			s := o.single
			for _, d := range buf[:n] {
				if int(d) < len(s) {
					if v := s[d]; v != 0 {
						counts[v-1]++
					}
				}
			}
			continue
		}
		for _, d := range buf[:n] {
			if int(d)+1 < len(o.start) {
				for _, v := range o.vals[o.start[d]:o.start[d+1]] {
					counts[v]++
				}
			}
		}
	}
}

// docBuffers hold document numbers read from a bitmap in bulk.
var docBuffers = sync.Pool{New: func() any {
	b := make([]uint32, 256)
	return &b
}}

// countInto adds the values of docs (in a segment of the ordinals) to
// counts, indexed by 1 + value: counts[0] counts the documents without
// one.
func (o *ordinals) countInto(docs []uint32, counts []int32) {
	if s := o.single; s != nil {
		for _, d := range docs {
			if int(d) < len(s) {
				counts[s[d]]++
			}
		}
		return
	}
	for _, d := range docs {
		if int(d)+1 < len(o.start) {
			for _, v := range o.vals[o.start[d]:o.start[d+1]] {
				counts[v+1]++
			}
		}
	}
}

// readOrdinals builds the ordinals of field in a segment of n documents.
func readOrdinals(seg segment.Segment, field string, n int) (*ordinals, error) {
	dict, err := seg.Dictionary(field)
	if err != nil {
		return nil, fmt.Errorf("dictionary of %s: %w", field, err)
	}
	o := &ordinals{}
	var postings []*roaring.Bitmap
	it := dict.AutomatonIterator(nil, nil, nil)
	var pl segment.PostingsList
	for {
		de, err := it.Next()
		if err != nil {
			return nil, fmt.Errorf("terms of %s: %w", field, err)
		}
		if de == nil {
			break
		}
		pl, err = dict.PostingsList([]byte(de.Term), nil, pl)
		if err != nil {
			return nil, fmt.Errorf("postings of %s:%s: %w", field, de.Term, err)
		}
		o.values = append(o.values, de.Term)
		// Own the bitmap: the postings list is reused for the next term.
		postings = append(postings, postingsBitmap(pl).Clone())
	}
	o.single = make([]uint32, n)
	multi := false
	for i, bm := range postings {
		it := bm.Iterator()
		for it.HasNext() {
			d := it.Next()
			if int(d) >= n {
				continue
			}
			if o.single[d] != 0 {
				multi = true
				break
			}
			o.single[d] = uint32(i) + 1
		}
		if multi {
			break
		}
	}
	if !multi {
		return o, nil
	}
	o.single = nil
	o.start = make([]uint32, n+1)
	for _, bm := range postings {
		it := bm.Iterator()
		for it.HasNext() {
			if d := it.Next(); int(d) < n {
				o.start[d+1]++
			}
		}
	}
	for d := 1; d <= n; d++ {
		o.start[d] += o.start[d-1]
	}
	o.vals = make([]uint32, o.start[n])
	fill := append([]uint32(nil), o.start[:n]...)
	for i, bm := range postings {
		it := bm.Iterator()
		for it.HasNext() {
			if d := it.Next(); int(d) < n {
				o.vals[fill[d]] = uint32(i)
				fill[d]++
			}
		}
	}
	return o, nil
}

// postingsBitmap returns the documents of a postings list, read-only: it
// may be the segment's own bitmap.
func postingsBitmap(pl segment.PostingsList) *roaring.Bitmap {
	if pl == nil {
		return roaring.New()
	}
	it := pl.Iterator(false, false, false, nil)
	if o, ok := it.(segment.OptimizablePostingsIterator); ok {
		if bm := o.ActualBitmap(); bm != nil {
			return bm
		}
		if d, ok := o.DocNum1Hit(); ok {
			return roaring.BitmapOf(uint32(d))
		}
		return roaring.New()
	}
	bm := roaring.New()
	for {
		p, err := it.Next()
		if err != nil || p == nil {
			return bm
		}
		bm.Add(uint32(p.Number()))
	}
}

// bytes is about the memory o holds.
func (o *ordinals) bytes() int {
	n := 4*(len(o.single)+len(o.start)+len(o.vals)+len(o.values)+1) + 64
	for _, v := range o.values {
		n += len(v) + 16
	}
	return n
}

// ordinalsOf returns the ordinals of field in segment id, built once and
// kept in x.ords.
func (x *Index) ordinalsOf(id uint64, seg segment.Segment, field string) (*ordinals, error) {
	return x.ords.get(id, field, func() (*ordinals, error) {
		return readOrdinals(seg, field, int(seg.Count()))
	})
}

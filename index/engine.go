package index

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/RoaringBitmap/roaring/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
	segment "github.com/blevesearch/scorch_segment_api/v2"
)

// The segment engine answers a search from the segments of the current
// Bleve (scorch) snapshot directly: each query node becomes a set of
// documents by roaring-bitmap operations on postings lists, so the total
// and the facet counts (see ordinals) cost set operations and an array
// read per hit; only the hits that can still reach the page are scored,
// and only the page's hits have their stored fields read. Bleve's own
// search visits and scores every hit through its generic searchers and
// counts facets through doc-value visitors, which at 100k items made a
// common word cost tens of milliseconds.
//
// Matching is exactly that of buildQuery's Bleve query. Ranking is
// Bleve's TF-IDF of the free-text clauses (the same term weights, sums
// and coordination factors), without the constant that filters add to
// every hit's score: a filter selects and does not rank.

// errNoEngine is returned by snapshot when the index is not a scorch index
// the engine can read; the search then goes through Bleve.
var errNoEngine = errors.New("index type not supported by the segment engine")

// snapshot returns the current scorch snapshot; close it after use.
func (x *Index) snapshot() (*scorch.IndexSnapshot, error) {
	ai, err := x.bi.Advanced()
	if err != nil {
		return nil, err
	}
	s, ok := ai.(*scorch.Scorch)
	if !ok {
		return nil, errNoEngine
	}
	r, err := s.Reader()
	if err != nil {
		return nil, err
	}
	snap, ok := r.(*scorch.IndexSnapshot)
	if !ok || snap == nil {
		return nil, fmt.Errorf("index %s is closed", x.dir)
	}
	return snap, nil
}

// segRun is one segment during one search.
type segRun struct {
	x       *Index
	idx     int
	ss      *scorch.SegmentSnapshot
	seg     segment.Segment
	deleted *roaring.Bitmap // nil when none
	dicts   map[string]segment.TermDictionary
	terms   map[termKey]*roaring.Bitmap // read-only postings
	nodes   map[*node]*roaring.Bitmap   // results of nodes, read-only
	hits    *roaring.Bitmap
	locs    map[termKey]*locCursor // term locations for snippets (see locations)
}

type termKey struct{ field, term string }

func (x *Index) newSegRun(i int, ss *scorch.SegmentSnapshot) *segRun {
	sr := &segRun{x: x, idx: i, ss: ss, seg: ss.Segment(), dicts: map[string]segment.TermDictionary{},
		terms: map[termKey]*roaring.Bitmap{}, nodes: map[*node]*roaring.Bitmap{}}
	if d := ss.Deleted(); d != nil && !d.IsEmpty() {
		sr.deleted = d
	}
	return sr
}

func (sr *segRun) dict(field string) (segment.TermDictionary, error) {
	if d, ok := sr.dicts[field]; ok {
		return d, nil
	}
	d, err := sr.seg.Dictionary(field)
	if err != nil {
		return nil, fmt.Errorf("dictionary of %s: %w", field, err)
	}
	sr.dicts[field] = d
	return d, nil
}

// postingsList returns the postings list of term in field, for a fresh
// iterator over it.
func (sr *segRun) postingsList(field, term string) (segment.PostingsList, error) {
	d, err := sr.dict(field)
	if err != nil {
		return nil, err
	}
	pl, err := d.PostingsList([]byte(term), nil, nil)
	if err != nil {
		return nil, fmt.Errorf("postings of %s:%s: %w", field, term, err)
	}
	return pl, nil
}

// postings returns the documents holding term in field, deleted ones
// included; read-only.
func (sr *segRun) postings(field, term string) (*roaring.Bitmap, error) {
	k := termKey{field, term}
	if bm, ok := sr.terms[k]; ok {
		return bm, nil
	}
	pl, err := sr.postingsList(field, term)
	if err != nil {
		return nil, err
	}
	bm := postingsBitmap(pl)
	sr.terms[k] = bm
	return bm, nil
}

// eval returns the documents matching n; read-only. within, when not
// nil, holds the only documents the caller will use: phrases are verified
// only there, but the result may hold others (a term's whole postings, a
// phrase's kept matches), so callers intersect.
func (sr *segRun) eval(n *node, within *roaring.Bitmap) (*roaring.Bitmap, error) {
	if bm, ok := sr.nodes[n]; ok {
		return bm, nil
	}
	var bm *roaring.Bitmap
	var err error
	switch n.kind {
	case nTerm:
		bm, err = sr.postings(n.field, n.term)
	case nAll, nAny:
		kids := make([]*roaring.Bitmap, 0, len(n.kids))
		for _, k := range n.kids {
			kb, err := sr.eval(k, within)
			if err != nil {
				return nil, err
			}
			kids = append(kids, kb)
		}
		switch {
		case len(kids) == 1:
			bm = kids[0]
		case n.kind == nAll:
			bm = roaring.FastAnd(kids...)
		default:
			bm = roaring.FastOr(kids...)
		}
		if len(n.not) > 0 {
			nots := make([]*roaring.Bitmap, 0, len(n.not))
			for _, k := range n.not {
				kb, err := sr.eval(k, nil)
				if err != nil {
					return nil, err
				}
				nots = append(nots, kb)
			}
			bm = roaring.AndNot(bm, roaring.FastOr(nots...))
		}
	case nRange:
		bm, err = sr.rangeBitmap(n)
	case nPhrase:
		bm, err = sr.phraseBitmap(n, within)
	}
	if err != nil {
		return nil, err
	}
	sr.nodes[n] = bm
	return bm, nil
}

func (sr *segRun) rangeBitmap(n *node) (*roaring.Bitmap, error) {
	d, err := sr.dict(n.field)
	if err != nil {
		return nil, err
	}
	var lo, hi []byte
	if n.lo != "" {
		lo = []byte(n.lo)
	}
	if n.hi != "" {
		hi = []byte(n.hi)
	}
	it := d.AutomatonIterator(nil, lo, hi)
	var bms []*roaring.Bitmap
	for {
		de, err := it.Next()
		if err != nil {
			return nil, fmt.Errorf("terms of %s: %w", n.field, err)
		}
		if de == nil {
			break
		}
		pl, err := d.PostingsList([]byte(de.Term), nil, nil)
		if err != nil {
			return nil, fmt.Errorf("postings of %s:%s: %w", n.field, de.Term, err)
		}
		bms = append(bms, postingsBitmap(pl))
	}
	return roaring.FastOr(bms...), nil
}

// phraseBitmap returns the documents (at least those of within, when
// given; see eval) where the terms of n stand at consecutive positions, stop words counting as any
// word, as Bleve's phrase searcher matches them.
//
// Verifying a phrase reads the positions of its words in every document
// holding them all, the most expensive step of a search, so a phrase's
// documents in a segment are kept in x.phrases: paging, a facet click or
// the same search again then costs an intersection. A search that allows
// only a small part of the candidates verifies just those, keeping
// nothing.
func (sr *segRun) phraseBitmap(n *node, within *roaring.Bitmap) (*roaring.Bitmap, error) {
	key := termKey{n.field, strings.Join(n.terms, "\x00")}
	id := sr.ss.Id()
	if ph, ok := sr.x.phrases.cached(id, key); ok {
		return ph.bm, nil // shared: read-only, as every node result is
	}
	var sets []*roaring.Bitmap
	for _, t := range n.terms {
		if t == "" {
			continue
		}
		bm, err := sr.postings(n.field, t)
		if err != nil {
			return nil, err
		}
		sets = append(sets, bm)
	}
	cand := roaring.FastAnd(sets...)
	if within != nil && within.GetCardinality()*phraseCacheRatio < cand.GetCardinality() {
		return sr.verifyPhrase(n, roaring.And(cand, within))
	}
	ph, err := sr.x.phrases.get(id, key, func() (phraseHits, error) {
		bm, err := sr.verifyPhrase(n, cand)
		if err != nil {
			return phraseHits{}, err
		}
		bm.RunOptimize()
		return phraseHits{bm}, nil
	})
	if err != nil {
		return nil, err
	}
	return ph.bm, nil
}

// phraseCacheRatio: a search verifies a phrase in all of a segment's
// candidates (and keeps the result) unless it allows fewer than
// 1/phraseCacheRatio of them.
const phraseCacheRatio = 4

// maxPhraseBytes bounds the memory kept phrase results hold.
const maxPhraseBytes = 16 << 20

// phraseHits are the documents of a segment where a phrase stands.
type phraseHits struct{ bm *roaring.Bitmap }

func (p phraseHits) bytes() int { return int(p.bm.GetSizeInBytes()) + 64 }

// verifyPhrase returns the documents of cand where the terms of n stand
// at consecutive positions.
func (sr *segRun) verifyPhrase(n *node, cand *roaring.Bitmap) (*roaring.Bitmap, error) {
	type pterm struct {
		off int
		it  segment.PostingsIterator
	}
	var pts []pterm
	for off, t := range n.terms {
		if t == "" {
			continue
		}
		pl, err := sr.postingsList(n.field, t)
		if err != nil {
			return nil, err
		}
		pts = append(pts, pterm{off, pl.Iterator(true, false, true, nil)})
	}
	out := roaring.New()
	if len(pts) == 0 {
		return out, nil
	}
	// pos[i] holds term i's positions in the document, less its offset:
	// the phrase starts where all agree. Positions come in order.
	pos := make([][]uint64, len(pts))
	ci := cand.Iterator()
	for ci.HasNext() {
		doc := ci.Next()
		ok := true
		for i, pt := range pts {
			p, err := pt.it.Advance(uint64(doc))
			if err != nil {
				return nil, fmt.Errorf("positions of %s: %w", n.field, err)
			}
			if p == nil || p.Number() != uint64(doc) {
				ok = false
				break
			}
			pos[i] = pos[i][:0]
			for _, l := range p.Locations() {
				if l.Pos() >= uint64(pt.off) {
					pos[i] = append(pos[i], l.Pos()-uint64(pt.off))
				}
			}
		}
		if ok && sharedValue(pos) {
			out.Add(doc)
		}
	}
	return out, nil
}

// sharedValue reports whether one value is in every list (each in
// increasing order).
func sharedValue(lists [][]uint64) bool {
	idx := make([]int, len(lists))
	for _, v := range lists[0] {
		all := true
		for i := 1; i < len(lists); i++ {
			l := lists[i]
			for idx[i] < len(l) && l[idx[i]] < v {
				idx[i]++
			}
			if idx[i] == len(l) {
				return false
			}
			if l[idx[i]] != v {
				all = false
			}
		}
		if all {
			return true
		}
	}
	return false
}

// match computes the hits of the plan in this segment.
func (sr *segRun) match(p *plan) error {
	// The must nodes other than phrases first, intersected at once, so
	// that the largest set (every listed document) is never copied.
	var sets []*roaring.Bitmap
	for _, n := range p.must {
		if n.phrase {
			continue
		}
		bm, err := sr.eval(n, nil)
		if err != nil {
			return err
		}
		sets = append(sets, bm)
	}
	var acc *roaring.Bitmap
	switch len(sets) {
	case 0:
	case 1:
		acc = sets[0].Clone()
	default:
		// Smallest first: every intersection is at most that size.
		slices.SortFunc(sets, func(a, b *roaring.Bitmap) int {
			return cmp.Compare(a.GetCardinality(), b.GetCardinality())
		})
		acc = roaring.FastAnd(sets...)
	}
	// Phrases last, verified only among the documents the rest allows.
	for _, n := range p.must {
		if !n.phrase {
			continue
		}
		bm, err := sr.eval(n, acc)
		if err != nil {
			return err
		}
		if acc == nil {
			acc = bm.Clone()
		} else {
			acc.And(bm)
		}
	}
	if acc == nil {
		acc = roaring.New()
	}
	for _, n := range p.mustNot {
		bm, err := sr.eval(n, acc)
		if err != nil {
			return err
		}
		acc.AndNot(bm)
	}
	if sr.deleted != nil {
		acc.AndNot(sr.deleted)
	}
	sr.hits = acc
	return nil
}

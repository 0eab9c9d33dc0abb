package index

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"runtime"
	"slices"
	"strings"
	"sync"

	"github.com/RoaringBitmap/roaring/v2"
	"github.com/blevesearch/bleve/v2/numeric"
	segment "github.com/blevesearch/scorch_segment_api/v2"
)

// searchEngine answers a validated request with the segment engine. The
// Result's Took is left for the caller.
func (x *Index) searchEngine(ctx context.Context, q *Query, p *plan, page, size int, facets []string, sort string) (*Result, error) {
	snap, err := x.snapshot()
	if err != nil {
		return nil, err
	}
	defer snap.Close()
	var segs []*segRun
	var ids []uint64
	for i, ss := range snap.Segments() {
		segs = append(segs, x.newSegRun(i, ss))
		ids = append(ids, ss.Id())
	}
	x.ords.prune(ids)
	x.impacts.prune(ids)
	x.phrases.prune(ids)

	out := &Result{Hits: []Hit{}, Facets: map[string][]FacetCount{}}
	if err := matchAll(ctx, segs, p); err != nil {
		return nil, err
	}
	for _, sr := range segs {
		out.Total += sr.hits.GetCardinality()
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	// Facet counts and the page's ranking both read the hits and nothing
	// the other writes (the ranking may evaluate nodes into the segRuns;
	// counting reads only hits and the ordinals cache), so for many hits
	// they run side by side: for a common word they are most of the
	// search. For few, a second goroutine costs more than it saves (about
	// 6% of the requests a saturated server answers, in bench/load.sh).
	var facetErr error
	counted := make(chan struct{})
	countFacets := func() {
		defer close(counted)
		out.Facets, facetErr = x.facets(segs, facets)
	}
	if out.Total >= parallelFacetHits {
		go countFacets()
	} else {
		countFacets()
	}
	k := page * size
	var top []ranked
	if sort == SortDate || sort == SortDateDesc {
		top, err = x.topByDate(segs, p, snap.DocCount, k, sort == SortDateDesc)
	} else {
		top, err = x.topByScore(segs, p, snap.DocCount, k)
	}
	<-counted
	if err = errors.Join(err, facetErr); err != nil {
		return nil, err
	}
	if from := (page - 1) * size; from < len(top) {
		top = top[from:]
	} else {
		top = nil
	}
	marks := x.queryMarks(q, p)
	hl := newHighlight(p, marks)
	// Term locations are read segment by segment in document order, so
	// that each term's postings are walked forward once per search.
	order := make([]int, len(top))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int {
		if top[a].seg != top[b].seg {
			return top[a].seg - top[b].seg
		}
		return int(top[a].doc) - int(top[b].doc)
	})
	out.Hits = make([]Hit, len(top))
	for _, i := range order {
		r := top[i]
		sr := segs[r.seg]
		ms, err := sr.marked(r.doc, hl)
		if err != nil {
			return nil, err
		}
		hit, err := storedHit(sr, r.doc, ms, marks.literals, true)
		if err != nil {
			return nil, err
		}
		hit.Score = r.score
		out.Hits[i] = hit
	}
	return out, nil
}

// highlight is what a search marks in its hits' text: the free words of
// its scored clauses, and its phrases over fBody.
type highlight struct {
	free    []string
	phrases []*node
	// groups are terms marked only in a text holding all of the group:
	// the pairs of a compound's parts (partsNode), which Bleve reports
	// where the pair matches.
	groups [][]string
	terms  map[string]bool // the query's marked terms (see queryMarks)
}

func newHighlight(p *plan, m marks) *highlight {
	h := &highlight{terms: m.terms}
	for _, c := range p.scored {
		for _, k := range c.kids {
			switch {
			case k.kind == nTerm && k.field == fBody && m.terms[k.term]:
				h.free = append(h.free, k.term)
			case k.kind == nAll && len(k.kids) > 0 && k.kids[0].field == fBody:
				for _, t := range k.kids {
					if m.terms[t.term] {
						h.free = append(h.free, t.term)
					}
				}
			case k.kind == nPhrase && k.field == fBody:
				h.phrases = append(h.phrases, k)
			case k.kind == nAny: // a compound's parts
				for _, g := range k.kids {
					if g.kind == nPhrase {
						if g.field == fBody {
							h.phrases = append(h.phrases, g)
						}
						continue
					}
					ts := g.kids
					if g.kind == nTerm {
						ts = []*node{g}
					}
					var group []string
					for _, t := range ts {
						if t.field == fBody && m.terms[t.term] {
							group = append(group, t.term)
						}
					}
					if len(group) == len(ts) {
						h.groups = append(h.groups, group)
					}
				}
			}
		}
	}
	slices.Sort(h.free)
	h.free = slices.Compact(h.free)
	return h
}

// marked returns the spans of document doc's text to mark, in order:
// where the index saw the query's terms in the text (the term vectors of
// fBody), every occurrence of a free word, the occurrences of a phrase's
// words where they form the phrase. So the text is neither scanned nor
// analysed for them. Calls must come in increasing doc order.
func (sr *segRun) marked(doc uint32, h *highlight) ([]span, error) {
	free, err := sr.freeTerms(doc, h)
	if err != nil {
		return nil, err
	}
	var ms []span
	for _, t := range free {
		locs, err := sr.locations(fBody, t, doc)
		if err != nil {
			return nil, err
		}
		for _, l := range locs {
			ms = append(ms, span{l.start, l.end, t})
		}
	}
	for _, ph := range h.phrases {
		if bm := sr.nodes[ph]; bm != nil && !bm.Contains(doc) {
			continue // not in doc: a compound's parts may be many phrases
		}
		per := make([][]loc, len(ph.terms))
		for i, t := range ph.terms {
			if t != "" {
				var err error
				if per[i], err = sr.locations(fBody, t, doc); err != nil {
					return nil, err
				}
			}
		}
		for _, first := range per[0] {
			at := []span{{first.start, first.end, ph.terms[0]}}
			for off := 1; off < len(per) && at != nil; off++ {
				if ph.terms[off] == "" {
					continue
				}
				i := slices.IndexFunc(per[off], func(l loc) bool { return l.pos == first.pos+uint64(off) })
				if i < 0 {
					at = nil
					break
				}
				at = append(at, span{per[off][i].start, per[off][i].end, ph.terms[off]})
			}
			for _, s := range at {
				if !slices.Contains(free, s.term) && h.terms[s.term] {
					ms = append(ms, s)
				}
			}
		}
	}
	slices.SortFunc(ms, func(a, b span) int { return a.start - b.start })
	return slices.CompactFunc(ms, func(a, b span) bool { return a.start == b.start }), nil
}

// loc is where a term stands in a field: its position and bytes.
type loc struct {
	pos        uint64
	start, end int
}

// locations returns the term vector of term in field for document doc.
// One postings iterator per term serves the segment's whole search, so
// doc must not be less than in the call before for the same term.
func (sr *segRun) locations(field, term string, doc uint32) ([]loc, error) {
	k := termKey{field, term}
	c := sr.locs[k]
	if c == nil {
		pl, err := sr.postingsList(field, term)
		if err != nil {
			return nil, err
		}
		c = &locCursor{it: pl.Iterator(false, false, true, nil)}
		if sr.locs == nil {
			sr.locs = map[termKey]*locCursor{}
		}
		sr.locs[k] = c
	}
	// Advance consumes the posting it returns: one for a later document
	// (the term is not in doc) is kept for the calls to come.
	if !c.done && (c.p == nil || c.p.Number() < uint64(doc)) {
		p, err := c.it.Advance(uint64(doc))
		if err != nil {
			return nil, fmt.Errorf("positions of %s:%s: %w", field, term, err)
		}
		c.p, c.done = p, p == nil
	}
	if c.p == nil || c.p.Number() != uint64(doc) {
		return nil, nil
	}
	out := make([]loc, 0, len(c.p.Locations()))
	for _, l := range c.p.Locations() {
		out = append(out, loc{l.Pos(), int(l.Start()), int(l.End())})
	}
	return out, nil
}

// freeTerms returns the terms marked wherever they are in doc: h's free
// words and the terms of its groups that doc holds all of.
func (sr *segRun) freeTerms(doc uint32, h *highlight) ([]string, error) {
	if len(h.groups) == 0 {
		return h.free, nil
	}
	free := slices.Clone(h.free)
	for _, g := range h.groups {
		all := true
		for _, t := range g {
			locs, err := sr.locations(fBody, t, doc)
			if err != nil {
				return nil, err
			}
			if len(locs) == 0 {
				all = false
				break
			}
		}
		if all {
			free = append(free, g...)
		}
	}
	slices.Sort(free)
	return slices.Compact(free), nil
}

// locCursor walks the postings of one term for locations.
type locCursor struct {
	it   segment.PostingsIterator
	p    segment.Posting // the last posting Advance returned
	done bool
}

// facets counts the facets names over the hits of all segments: for
// each, the values with the most hits (ties in byte order), at most the
// facet's size. The hits of a segment are read once for all facets.
func (x *Index) facets(segs []*segRun, names []string) (map[string][]FacetCount, error) {
	merged := make([]map[string]int, len(names))
	for i := range merged {
		merged[i] = map[string]int{}
	}
	ords := make([]*ordinals, len(names))
	// counts[i][1+v] counts value v of facet i; counts[i][0] the hits
	// without a value. Reused from segment to segment.
	counts := make([][]int32, len(names))
	bp := docBuffers.Get().(*[]uint32)
	defer docBuffers.Put(bp)
	buf := *bp
	for _, sr := range segs {
		if sr.hits.IsEmpty() {
			continue
		}
		for i, name := range names {
			o, err := x.ordinalsOf(sr.ss.Id(), sr.seg, facetFields[name].field)
			if err != nil {
				return nil, fmt.Errorf("facet %s: %w", name, err)
			}
			ords[i] = o
			counts[i] = slices.Grow(counts[i][:0], len(o.values)+1)[:len(o.values)+1]
			clear(counts[i])
		}
		it := sr.hits.ManyIterator()
		for n := it.NextMany(buf); n > 0; n = it.NextMany(buf) {
			docs := buf[:n]
			for i, o := range ords {
				o.countInto(docs, counts[i])
			}
		}
		for i, o := range ords {
			for v, c := range counts[i][1:] {
				if c > 0 {
					merged[i][o.values[v]] += int(c)
				}
			}
		}
	}
	out := make(map[string][]FacetCount, len(names))
	for i, name := range names {
		fcs := make([]FacetCount, 0, len(merged[i]))
		for v, c := range merged[i] {
			fcs = append(fcs, FacetCount{Value: v, Count: c})
		}
		slices.SortFunc(fcs, func(a, b FacetCount) int {
			if a.Count != b.Count {
				return b.Count - a.Count
			}
			return strings.Compare(a.Value, b.Value)
		})
		out[name] = fcs[:min(len(fcs), facetFields[name].size)]
	}
	return out, nil
}

// topByScore returns the k best hits by score. Groups of hits whose bound
// is below the k-th best score found are never scored.
func (x *Index) topByScore(segs []*segRun, p *plan, docCount func() (uint64, error), k int) ([]ranked, error) {
	t := &topK{k: k}
	if len(p.scored) == 0 {
		// Nothing ranks: index order.
		for _, sr := range segs {
			it := sr.hits.Iterator()
			for it.HasNext() && !t.full() {
				t.offer(ranked{seg: sr.idx, doc: it.Next()})
			}
		}
		return t.sorted(), nil
	}
	total, err := docCount()
	if err != nil {
		return nil, err
	}
	sc, err := newScoring(p, segs, total)
	if err != nil {
		return nil, err
	}
	for _, g := range sc.groups(segs) {
		if t.full() && g.bound < t.h[0].score {
			break // groups come by falling bound
		}
		s, err := x.newScorer(g.sr, sc, g.docs.GetCardinality())
		if err != nil {
			return nil, err
		}
		it := g.docs.Iterator()
		for it.HasNext() {
			d := it.Next()
			t.offer(ranked{seg: g.sr.idx, doc: d, score: s.score(d)})
		}
		if err := s.err(); err != nil {
			return nil, err
		}
	}
	return t.sorted(), nil
}

// topByDate returns the k first hits by day, then score. Only the hits
// of days that reach the page are scored.
func (x *Index) topByDate(segs []*segRun, p *plan, docCount func() (uint64, error), k int, desc bool) ([]ranked, error) {
	// Count each segment's hits per day. A segment's values are in byte
	// order, which for ISO dates is the order of days; a value that is no
	// date counts as undated, like a hit without one.
	days := make([]*ordinals, len(segs))
	dayOf := make([][]int32, len(segs))
	dated := make([][]dayCount, len(segs)) // per segment, in order of days
	for i, sr := range segs {
		if sr.hits.IsEmpty() {
			continue
		}
		o, err := x.ordinalsOf(sr.ss.Id(), sr.seg, fDay)
		if err != nil {
			return nil, fmt.Errorf("dates: %w", err)
		}
		days[i], dayOf[i] = o, o.asDays()
		counts := make([]int32, len(o.values))
		o.count(sr.hits, counts)
		for j, c := range counts {
			if d := dayOf[i][j+1]; c > 0 && d != 0 {
				dated[i] = append(dated[i], dayCount{d, int(c)})
			}
		}
		// In order already unless a value that is no date sits among them.
		slices.SortFunc(dated[i], func(a, b dayCount) int { return cmp.Compare(a.day, b.day) })
		if desc {
			slices.Reverse(dated[i])
		}
	}
	// The day of the k-th hit, merging the segments' days in page order:
	// hits of earlier days are all on the page. Undated hits come last, so
	// when the dated ones do not fill the page the limit is 0: all hits.
	limit := int32(0)
	for seen := 0; seen < k; {
		best := int32(0)
		for _, ds := range dated {
			if len(ds) > 0 && (best == 0 || (desc && ds[0].day > best) || (!desc && ds[0].day < best)) {
				best = ds[0].day
			}
		}
		if best == 0 {
			limit = 0
			break
		}
		for i, ds := range dated {
			if len(ds) > 0 && ds[0].day == best {
				seen += ds[0].n
				dated[i] = ds[1:]
			}
		}
		limit = best
	}
	lim := ranked{day: limit}
	var sc *scoring
	if len(p.scored) > 0 {
		total, err := docCount()
		if err != nil {
			return nil, err
		}
		if sc, err = newScoring(p, segs, total); err != nil {
			return nil, err
		}
	}
	t := &topK{k: k, byDate: true, desc: desc}
	for i, sr := range segs {
		if days[i] == nil {
			continue
		}
		records, err := x.ordinalsOf(sr.ss.Id(), sr.seg, fRecord)
		if err != nil {
			return nil, fmt.Errorf("records: %w", err)
		}
		positions, err := x.ordinalsOf(sr.ss.Id(), sr.seg, fPosition)
		if err != nil {
			return nil, fmt.Errorf("agenda positions: %w", err)
		}
		cand := roaring.New()
		it := sr.hits.Iterator()
		single := days[i].single
		for it.HasNext() {
			d := it.Next()
			var day int32
			if single != nil && int(d) < len(single) {
				day = dayOf[i][single[d]]
			}
			if r := (ranked{day: day}); r.day == limit || before(&r, &lim, true, desc) {
				cand.Add(d)
			}
		}
		var s *scorer
		if sc != nil {
			var err error
			if s, err = x.newScorer(sr, sc, cand.GetCardinality()); err != nil {
				return nil, err
			}
		}
		ci := cand.Iterator()
		for ci.HasNext() {
			d := ci.Next()
			r := ranked{seg: i, doc: d}
			if single != nil && int(d) < len(single) {
				r.day = dayOf[i][single[d]]
			}
			records.valuesOf(d, func(v uint32) { r.record = records.values[v] })
			positions.valuesOf(d, func(v uint32) { r.position = positions.values[v] })
			if s != nil {
				r.score = s.score(d)
			}
			t.offer(r)
		}
		if s != nil {
			if err := s.err(); err != nil {
				return nil, err
			}
		}
	}
	return t.sorted(), nil
}

// parallelFacetHits is the number of hits from which facets are counted
// beside the ranking rather than before it; a variable for tests.
var parallelFacetHits uint64 = 16384

// matchAll computes the hits of every segment, on as many cores as there
// are, largest segments first so that the work comes out even. A segment's
// match touches only its own segRun and the index's caches, which are
// safe for concurrent use; a phrase over common words costs most of a
// search, and at a million items most of it is in a few large segments.
func matchAll(ctx context.Context, segs []*segRun, p *plan) error {
	workers := min(runtime.GOMAXPROCS(0), len(segs))
	if workers <= 1 {
		for _, sr := range segs {
			if err := ctx.Err(); err != nil {
				return err
			}
			if err := sr.match(p); err != nil {
				return err
			}
		}
		return nil
	}
	order := slices.Clone(segs)
	slices.SortFunc(order, func(a, b *segRun) int { return cmp.Compare(b.seg.Count(), a.seg.Count()) })
	next := make(chan *segRun, len(order))
	for _, sr := range order {
		next <- sr
	}
	close(next)
	errs := make([]error, workers)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for sr := range next {
				if errs[w] = ctx.Err(); errs[w] != nil {
					return
				}
				if errs[w] = sr.match(p); errs[w] != nil {
					return
				}
			}
		}()
	}
	wg.Wait()
	return errors.Join(errs...)
}

// dayCount is how many hits fall on one day.
type dayCount struct {
	day int32
	n   int
}

// parseDay turns "2006-01-02" into 20060102 (0 when malformed).
func parseDay(s string) int32 {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return 0
	}
	var n int32
	for i := 0; i < 10; i++ {
		if i == 4 || i == 7 {
			continue
		}
		c := s[i]
		if c < '0' || c > '9' {
			return 0
		}
		n = n*10 + int32(c-'0')
	}
	return n
}

// storedHit reads the stored fields of a hit and, when asked, cuts its
// snippet from its text for the marked spans ms and literals (see
// snippetOf) while Bleve has the text decompressed: only the snippet's
// part of it is copied.
func storedHit(sr *segRun, doc uint32, ms []span, literals []string, snippet bool) (Hit, error) {
	var h Hit
	err := sr.ss.VisitDocument(uint64(doc), func(field string, typ byte, value []byte, _ []uint64) bool {
		switch field {
		case "_id":
			h.ID = string(value)
		case fType:
			h.Type = string(value)
		case fNumber:
			if typ == 'n' {
				if i, err := numeric.PrefixCoded(value).Int64(); err == nil {
					h.ItemNumber = int(numeric.Int64ToFloat64(i))
				}
			}
		case fKind:
			h.Kind = string(value)
		case fMunicipality:
			h.Municipality = string(value)
		case fCommittee:
			h.Committee = string(value)
		case fDay:
			h.Date = string(value)
		case fLastOutcome:
			h.Outcome = string(value)
		case fDecidedBy:
			h.DecidedBy, h.DecidedOn, _ = strings.Cut(string(value), "\x1f")
		case fCaseRaw:
			h.CaseNumbers = append(h.CaseNumbers, string(value))
		case fTitle:
			h.Title = string(value)
		case fBody:
			if snippet {
				h.Snippet = snippetOfBytes(value, ms, literals)
			}
		}
		return true
	})
	if err != nil {
		return h, fmt.Errorf("stored fields of document %d: %w", doc, err)
	}
	if h.ID == "" {
		id, err := sr.ss.DocID(uint64(doc))
		if err != nil {
			return h, fmt.Errorf("id of document %d: %w", doc, err)
		}
		h.ID = string(id)
	}
	h.RecordID = recordOf(h.ID)
	return h, nil
}

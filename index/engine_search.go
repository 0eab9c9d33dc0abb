package index

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/RoaringBitmap/roaring/v2"
	"github.com/blevesearch/bleve/v2/numeric"
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
		segs = append(segs, newSegRun(i, ss))
		ids = append(ids, ss.Id())
	}
	x.ords.prune(ids)

	out := &Result{Hits: []Hit{}, Facets: map[string][]FacetCount{}}
	for _, sr := range segs {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		if err := sr.match(p); err != nil {
			return nil, err
		}
		out.Total += sr.hits.GetCardinality()
	}
	for _, name := range facets {
		fcs, err := x.facet(segs, name)
		if err != nil {
			return nil, err
		}
		out.Facets[name] = fcs
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}

	k := page * size
	var top []ranked
	if sort == SortDate || sort == SortDateDesc {
		top, err = x.topByDate(segs, p, snap.DocCount, k, sort == SortDateDesc)
	} else {
		top, err = x.topByScore(segs, p, snap.DocCount, k)
	}
	if err != nil {
		return nil, err
	}
	if from := (page - 1) * size; from < len(top) {
		top = top[from:]
	} else {
		top = nil
	}
	marks := x.queryMarks(q)
	for _, r := range top {
		sr := segs[r.seg]
		hit, body, err := storedHit(sr, r.doc)
		if err != nil {
			return nil, err
		}
		hit.Score = r.score
		if hit.Snippet, err = sr.snippet(r.doc, body, p, marks); err != nil {
			return nil, err
		}
		out.Hits = append(out.Hits, hit)
	}
	return out, nil
}

// snippet builds the snippet of a hit from its packed text. The words to
// mark are where the index saw the query's terms in the text (the term
// vectors of fBody): every occurrence of a free word, the occurrences of
// a phrase's words where they form the phrase. So the text is neither
// scanned nor analysed, and only as much of it is decompressed as the
// snippet reaches; literals (case numbers) are still looked for in the
// whole text.
func (sr *segRun) snippet(doc uint32, packed string, p *plan, m marks) ([]Span, error) {
	if packed == "" {
		return nil, nil
	}
	var ms []span
	free := map[string]bool{}
	var phrases []*node
	for _, c := range p.scored {
		for _, k := range c.kids {
			switch {
			case k.kind == nTerm && k.field == fBody && m.terms[k.term]:
				free[k.term] = true
			case k.kind == nAll && len(k.kids) > 0 && k.kids[0].field == fBody:
				for _, t := range k.kids {
					if m.terms[t.term] {
						free[t.term] = true
					}
				}
			case k.kind == nPhrase && k.field == fBody:
				phrases = append(phrases, k)
			}
		}
	}
	for t := range free {
		locs, err := sr.locations(fBody, t, doc)
		if err != nil {
			return nil, err
		}
		for _, l := range locs {
			ms = append(ms, span{l.start, l.end, t})
		}
	}
	for _, ph := range phrases {
		var per [][]loc
		for _, t := range ph.terms {
			var locs []loc
			if t != "" {
				var err error
				if locs, err = sr.locations(fBody, t, doc); err != nil {
					return nil, err
				}
			}
			per = append(per, locs)
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
				if !free[s.term] && m.terms[s.term] {
					ms = append(ms, s)
				}
			}
		}
	}
	slices.SortFunc(ms, func(a, b span) int { return a.start - b.start })
	ms = slices.CompactFunc(ms, func(a, b span) bool { return a.start == b.start })
	return packedSnippet(packed, ms, m.literals), nil
}

// loc is where a term stands in a field: its position and bytes.
type loc struct {
	pos        uint64
	start, end int
}

// locations returns the term vector of term in field for document doc.
func (sr *segRun) locations(field, term string, doc uint32) ([]loc, error) {
	d, err := sr.dict(field)
	if err != nil {
		return nil, err
	}
	pl, err := d.PostingsList([]byte(term), nil, nil)
	if err != nil {
		return nil, fmt.Errorf("postings of %s:%s: %w", field, term, err)
	}
	p, err := pl.Iterator(false, false, true, nil).Advance(uint64(doc))
	if err != nil {
		return nil, fmt.Errorf("positions of %s:%s: %w", field, term, err)
	}
	if p == nil || p.Number() != uint64(doc) {
		return nil, nil
	}
	out := make([]loc, 0, len(p.Locations()))
	for _, l := range p.Locations() {
		out = append(out, loc{l.Pos(), int(l.Start()), int(l.End())})
	}
	return out, nil
}

// packedSnippet builds a snippet from packed text, the spans of the terms
// to mark (in order) and literals to look for.
func packedSnippet(packed string, ms []span, literals []string) []Span {
	if len(literals) > 0 {
		text := unpackText(packed)
		ms = cleanMatches(append(ms, literalMatches(text, literals)...), true)
		return snippetFrom(text, ms)
	}
	return snippetFrom(unpackPrefix(packed, snippetReach(ms)), ms)
}

// facet counts one facet over the hits of all segments: the values with
// the most hits (ties in byte order), at most the facet's size.
func (x *Index) facet(segs []*segRun, name string) ([]FacetCount, error) {
	f := facetFields[name]
	merged := map[string]int{}
	for _, sr := range segs {
		if sr.hits.IsEmpty() {
			continue
		}
		o, err := x.ords.get(sr.ss.Id(), sr.seg, f.field)
		if err != nil {
			return nil, fmt.Errorf("facet %s: %w", name, err)
		}
		counts := make([]int32, len(o.values))
		o.count(sr.hits, counts)
		for i, c := range counts {
			if c > 0 {
				merged[o.values[i]] += int(c)
			}
		}
	}
	fcs := make([]FacetCount, 0, len(merged))
	for v, c := range merged {
		fcs = append(fcs, FacetCount{Value: v, Count: c})
	}
	slices.SortFunc(fcs, func(a, b FacetCount) int {
		if a.Count != b.Count {
			return b.Count - a.Count
		}
		return strings.Compare(a.Value, b.Value)
	})
	return fcs[:min(len(fcs), f.size)], nil
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
		s, err := newScorer(g.sr, sc)
		if err != nil {
			return nil, err
		}
		it := g.docs.Iterator()
		for it.HasNext() {
			d := it.Next()
			t.offer(ranked{seg: g.sr.idx, doc: d, score: s.score(d)})
		}
	}
	return t.sorted(), nil
}

// topByDate returns the k first hits by day, then score. Only the hits
// of days that reach the page are scored.
func (x *Index) topByDate(segs []*segRun, p *plan, docCount func() (uint64, error), k int, desc bool) ([]ranked, error) {
	days := make([]*ordinals, len(segs))
	dayOf := make([][]int32, len(segs))
	perDay := map[int32]int{}
	for i, sr := range segs {
		if sr.hits.IsEmpty() {
			continue
		}
		o, err := x.ords.get(sr.ss.Id(), sr.seg, fDay)
		if err != nil {
			return nil, fmt.Errorf("dates: %w", err)
		}
		days[i] = o
		dayOf[i] = make([]int32, len(o.values)+1)
		for j, v := range o.values {
			dayOf[i][j+1] = parseDay(v)
		}
		counts := make([]int32, len(o.values))
		o.count(sr.hits, counts)
		n := int(sr.hits.GetCardinality())
		for j, c := range counts {
			perDay[dayOf[i][j+1]] += int(c)
			n -= int(c)
		}
		perDay[0] += n
	}
	// The day of the k-th hit: hits of earlier days are all on the page.
	order := make([]int32, 0, len(perDay))
	for d := range perDay {
		order = append(order, d)
	}
	probe := &topK{byDate: true, desc: desc}
	slices.SortFunc(order, func(a, b int32) int {
		ra, rb := ranked{day: a}, ranked{day: b}
		if before(&ra, &rb, probe.byDate, probe.desc) {
			return -1
		}
		if before(&rb, &ra, probe.byDate, probe.desc) {
			return 1
		}
		return 0
	})
	limit := int32(0)
	seen := 0
	for _, d := range order {
		limit = d
		seen += perDay[d]
		if seen >= k {
			break
		}
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
			if s, err = newScorer(sr, sc); err != nil {
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
			if s != nil {
				r.score = s.score(d)
			}
			t.offer(r)
		}
	}
	return t.sorted(), nil
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

// storedHit reads the stored fields of a hit: the Hit and the packed text
// snippets come from.
func storedHit(sr *segRun, doc uint32) (Hit, string, error) {
	var h Hit
	var body string
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
		case fCaseRaw:
			h.CaseNumbers = append(h.CaseNumbers, string(value))
		case fTitle:
			h.Title = string(value)
		case fBodyZ:
			body = string(value)
		}
		return true
	})
	if err != nil {
		return h, "", fmt.Errorf("stored fields of document %d: %w", doc, err)
	}
	if h.ID == "" {
		id, err := sr.ss.DocID(uint64(doc))
		if err != nil {
			return h, "", fmt.Errorf("id of document %d: %w", doc, err)
		}
		h.ID = string(id)
	}
	h.RecordID = recordOf(h.ID)
	return h, body, nil
}

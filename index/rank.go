package index

import (
	"container/heap"
	"fmt"
	"math"
	"slices"

	"github.com/RoaringBitmap/roaring/v2"
)

// A ranked hit: a document of a segment with its score and day.
type ranked struct {
	seg   int
	doc   uint32
	score float64
	day   int32 // yyyymmdd; 0 when the document has no date
	// record and position place a hit in a date sort among the hits of
	// its day: meeting by meeting, each in agenda order; "" sorts last.
	record, position string
}

// before reports whether a ranks above b in a sort: by score, or by day
// (undated last), record and agenda position, then score; ties keep
// index order, as Bleve's do.
func before(a, b *ranked, byDate, desc bool) bool {
	if byDate {
		if a.day != b.day {
			switch {
			case a.day == 0:
				return false
			case b.day == 0:
				return true
			case desc:
				return a.day > b.day
			default:
				return a.day < b.day
			}
		}
		if a.record != b.record {
			return b.record == "" || a.record != "" && a.record < b.record
		}
		if a.position != b.position {
			return b.position == "" || a.position != "" && a.position < b.position
		}
	}
	if a.score != b.score {
		return a.score > b.score
	}
	if a.seg != b.seg {
		return a.seg < b.seg
	}
	return a.doc < b.doc
}

// topK keeps the k best hits seen: a heap whose root is the worst kept.
type topK struct {
	k            int
	byDate, desc bool
	h            []ranked
}

func (t *topK) Len() int           { return len(t.h) }
func (t *topK) Less(i, j int) bool { return before(&t.h[j], &t.h[i], t.byDate, t.desc) }
func (t *topK) Swap(i, j int)      { t.h[i], t.h[j] = t.h[j], t.h[i] }
func (t *topK) Push(x any)         { t.h = append(t.h, x.(ranked)) }
func (t *topK) Pop() any           { n := len(t.h); x := t.h[n-1]; t.h = t.h[:n-1]; return x }

func (t *topK) offer(r ranked) {
	if len(t.h) < t.k {
		heap.Push(t, r)
		return
	}
	if before(&r, &t.h[0], t.byDate, t.desc) {
		t.h[0] = r
		heap.Fix(t, 0)
	}
}

func (t *topK) full() bool { return len(t.h) >= t.k }

// sorted returns the kept hits, best first.
func (t *topK) sorted() []ranked {
	out := slices.Clone(t.h)
	slices.SortFunc(out, func(a, b ranked) int {
		if before(&a, &b, t.byDate, t.desc) {
			return -1
		}
		if before(&b, &a, t.byDate, t.desc) {
			return 1
		}
		return 0
	})
	return out
}

// scoring holds what scores a hit: the free-text clauses, each a
// disjunction of kids (a match in a field, a phrase, a case number, a
// choice between a compound's parts) whose terms carry their weight
// boost·idf². A kid's score is the sum over its terms of
// weight·√freq·norm (a choice's: the sum over its matching groups of
// terms times the share of groups that match); a clause's is the sum of
// its matching kids' scores times the share of kids that match; a hit's
// is the sum over clauses: Bleve's TF-IDF without the query norm, which
// scales every score alike.
type scoring struct {
	clauses []sclause
}

type sclause struct {
	kids []skid
	key  int     // the kid with the highest bound: the one splitting hits into groups
	in   float64 // bound of the clause's score for a hit matching key
	out  float64 // bound for a hit not matching key
}

type skid struct {
	n     *node
	terms []sterm
	// groups, for a choice, end its kids' runs of terms: kid g's terms
	// are terms[groups[g-1]:groups[g]].
	groups []int
	bound  float64 // Σ weight: √freq·norm <= 1 since freq <= field length
}

type sterm struct {
	field, term string
	weight      float64
}

// newScoring weighs the scored nodes of a plan with the document
// frequencies over all segments (deleted documents left out, as Bleve
// counts them) and the live document total.
func newScoring(p *plan, segs []*segRun, docTotal uint64) (*scoring, error) {
	sc := &scoring{}
	df := map[termKey]uint64{}
	idf := func(field, term string) (float64, error) {
		k := termKey{field, term}
		n, ok := df[k]
		if !ok {
			for _, sr := range segs {
				bm, err := sr.postings(field, term)
				if err != nil {
					return 0, err
				}
				c := bm.GetCardinality()
				if sr.deleted != nil {
					c -= bm.AndCardinality(sr.deleted)
				}
				n += c
			}
			df[k] = n
		}
		return 1 + math.Log(float64(docTotal)/float64(n+1)), nil
	}
	for _, n := range p.scored {
		var c sclause
		kids := n.kids
		if n.kind != nAny {
			kids = []*node{n}
		}
		for _, k := range kids {
			sk := skid{n: k}
			var ts []*node
			switch k.kind {
			case nTerm:
				ts = []*node{k}
			case nAll:
				ts = k.kids
			case nAny:
				for _, m := range k.kids {
					switch m.kind {
					case nTerm:
						ts = append(ts, m)
					case nPhrase:
						ts = append(ts, phraseTerms(m)...)
					default:
						ts = append(ts, m.kids...)
					}
					sk.groups = append(sk.groups, len(ts))
				}
			case nPhrase:
				ts = phraseTerms(k)
			}
			for _, t := range ts {
				f, err := idf(t.field, t.term)
				if err != nil {
					return nil, err
				}
				w := t.boost * f * f
				sk.terms = append(sk.terms, sterm{t.field, t.term, w})
				sk.bound += w
			}
			sk.bound *= 1.0001 // norms are stored as float32
			c.kids = append(c.kids, sk)
		}
		all := 0.0
		for i, k := range c.kids {
			all += k.bound
			if k.bound > c.kids[c.key].bound {
				c.key = i
			}
		}
		c.in = all
		if j := len(c.kids); j > 1 {
			c.out = (all - c.kids[c.key].bound) * float64(j-1) / float64(j)
		}
		sc.clauses = append(sc.clauses, c)
	}
	return sc, nil
}

// phraseTerms are the scored terms of phrase n: its words, each with its
// boost (Bleve scores a phrase as the conjunction of its words).
func phraseTerms(n *node) []*node {
	var ts []*node
	for _, t := range n.terms {
		if t != "" {
			ts = append(ts, &node{field: n.field, term: t, boost: n.boost})
		}
	}
	return ts
}

// scorer scores the documents of one segment in increasing order.
type scorer struct {
	sr  *segRun
	sc  *scoring
	its [][]impactCursor    // per clause and kid, per term
	bms [][]*roaring.Bitmap // per clause and kid: its documents
	gbm [][]*roaring.Bitmap // per clause and kid, for a choice: per group, its documents
}

// newScorer returns a scorer of sr for about n documents (see sparseRatio).
func (x *Index) newScorer(sr *segRun, sc *scoring, n uint64) (*scorer, error) {
	s := &scorer{sr: sr, sc: sc}
	for _, c := range sc.clauses {
		var bms []*roaring.Bitmap
		for _, k := range c.kids {
			bm, ok := sr.nodes[k.n]
			if !ok {
				var err error
				if bm, err = sr.eval(k.n, nil); err != nil {
					return nil, err
				}
			}
			bms = append(bms, bm)
			var gbm []*roaring.Bitmap
			if k.groups != nil {
				for _, g := range k.n.kids {
					b, err := sr.eval(g, nil)
					if err != nil {
						return nil, err
					}
					gbm = append(gbm, b)
				}
			}
			s.gbm = append(s.gbm, gbm)
			its := make([]impactCursor, 0, len(k.terms))
			for _, t := range k.terms {
				c, err := x.impactCursor(sr, t.field, t.term, n)
				if err != nil {
					return nil, err
				}
				its = append(its, c)
			}
			s.its = append(s.its, its)
		}
		s.bms = append(s.bms, bms)
	}
	return s, nil
}

// impactCursor returns a cursor over the impacts of term in field of sr
// for scoring about n documents: the cached impacts, a sparse cursor when
// n is small beside the term's postings, or else the impacts read now.
func (x *Index) impactCursor(sr *segRun, field, term string, n uint64) (impactCursor, error) {
	if im, ok := x.impacts.cached(sr.ss.Id(), termKey{field, term}); ok {
		return impactCursor{im: im}, nil
	}
	bm, err := sr.postings(field, term)
	if err != nil {
		return impactCursor{}, err
	}
	if n*sparseRatio < bm.GetCardinality() {
		pl, err := sr.postingsList(field, term)
		if err != nil {
			return impactCursor{}, err
		}
		return impactCursor{it: pl.Iterator(true, true, false, nil)}, nil
	}
	im, err := x.impactsOf(sr.ss.Id(), sr.seg, field, term)
	if err != nil {
		return impactCursor{}, err
	}
	return impactCursor{im: im}, nil
}

// err returns the first error a sparse cursor of s met; its scores are
// then incomplete.
func (s *scorer) err() error {
	for _, its := range s.its {
		for i := range its {
			if its[i].err != nil {
				return fmt.Errorf("scoring: %w", its[i].err)
			}
		}
	}
	return nil
}

func (s *scorer) score(doc uint32) float64 {
	total := 0.0
	ki := 0
	for ci, c := range s.sc.clauses {
		sum, matched := 0.0, 0
		for j, k := range c.kids {
			its := s.its[ki+j]
			if !s.matches(doc, k.n, its, s.bms[ci][j]) {
				continue
			}
			matched++
			if k.groups != nil {
				sum += s.choiceScore(doc, &c.kids[j], its, s.gbm[ki+j])
				continue
			}
			for ti, t := range k.terms {
				freq, norm, ok := its[ti].at(doc)
				if !ok {
					continue
				}
				sum += t.weight * math.Sqrt(float64(freq)) * norm
			}
		}
		ki += len(c.kids)
		if matched > 0 {
			total += sum * float64(matched) / float64(len(c.kids))
		}
	}
	return total
}

// choiceScore is the score of doc for choice kid k: the sum of its
// groups of terms that doc holds all of (as their documents gbm say),
// times their share of the groups.
func (s *scorer) choiceScore(doc uint32, k *skid, its []impactCursor, gbm []*roaring.Bitmap) float64 {
	sum, matched, start := 0.0, 0, 0
	for gi, end := range k.groups {
		first := start
		start = end
		if !gbm[gi].Contains(doc) {
			continue
		}
		g := 0.0
		for ti := first; ti < end; ti++ {
			freq, norm, _ := its[ti].at(doc)
			g += k.terms[ti].weight * math.Sqrt(float64(freq)) * norm
		}
		sum += g
		matched++
	}
	return sum * (float64(matched) / float64(len(k.groups))) // as Bleve's disjunction does
}

// matches reports whether doc matches kid n (whose documents are bm, and
// whose terms' impacts its reads): for a term or all of some terms, as
// the impacts say, which is cheaper than looking in bm; a phrase needs bm.
func (s *scorer) matches(doc uint32, n *node, its []impactCursor, bm *roaring.Bitmap) bool {
	if n.kind != nTerm && n.kind != nAll || len(its) == 0 {
		return bm.Contains(doc)
	}
	for i := range its {
		if _, _, ok := its[i].at(doc); !ok {
			return false
		}
	}
	return true
}

// group is a part of a segment's hits with a bound on their scores.
type group struct {
	sr    *segRun
	docs  *roaring.Bitmap
	bound float64
}

// groups splits every segment's hits by whether they match the key kid
// of each clause (for at most four clauses), bounding each part's scores.
// In a search of one clause, the hits matching only a compound's parts
// written apart (partsNode: a low kid that matches many) are a group of
// their own, which waits behind the hits holding the compound and is not
// scored once a page of those outranks it.
func (sc *scoring) groups(segs []*segRun) []group {
	var out []group
	for _, sr := range segs {
		if sr.hits.IsEmpty() {
			continue
		}
		gs := []group{{sr: sr, docs: sr.hits}}
		if len(sc.clauses) == 1 {
			if only, rest, bound, ok := sc.clauses[0].partsOnly(sr); ok {
				if !only.IsEmpty() {
					out = append(out, group{sr, only, bound})
				}
				if rest.IsEmpty() {
					continue
				}
				gs[0].docs = rest
			}
		}
		if len(sc.clauses) > 4 {
			gs[0].bound = math.Inf(1)
			out = append(out, gs...)
			continue
		}
		for _, c := range sc.clauses {
			key := sr.nodes[c.kids[c.key].n]
			var next []group
			for _, g := range gs {
				if key == nil {
					next = append(next, group{sr, g.docs, g.bound + c.in})
					continue
				}
				in := roaring.And(g.docs, key)
				outDocs := roaring.AndNot(g.docs, key)
				if !in.IsEmpty() {
					next = append(next, group{sr, in, g.bound + c.in})
				}
				if !outDocs.IsEmpty() {
					next = append(next, group{sr, outDocs, g.bound + c.out})
				}
			}
			gs = next
		}
		out = append(out, gs...)
	}
	slices.SortStableFunc(out, func(a, b group) int {
		switch {
		case a.bound > b.bound:
			return -1
		case a.bound < b.bound:
			return 1
		}
		return a.sr.idx - b.sr.idx
	})
	return out
}

// partsOnly splits the hits of sr by whether they match only c's choice
// kid (a compound's parts, see partsNode), and bounds the scores of those
// that do: its bound times its share of the kids. ok is false when c has
// no such kid, or a kid's documents are not at hand.
func (c *sclause) partsOnly(sr *segRun) (only, rest *roaring.Bitmap, bound float64, ok bool) {
	choice := -1
	var others []*roaring.Bitmap
	for i, k := range c.kids {
		if k.groups != nil {
			if choice >= 0 {
				return nil, nil, 0, false
			}
			choice = i
			continue
		}
		bm := sr.nodes[k.n]
		if bm == nil {
			return nil, nil, 0, false
		}
		others = append(others, bm)
	}
	if choice < 0 {
		return nil, nil, 0, false
	}
	any := roaring.FastOr(others...)
	return roaring.AndNot(sr.hits, any), roaring.And(sr.hits, any), c.kids[choice].bound / float64(len(c.kids)), true
}

package index

import (
	"github.com/blevesearch/bleve/v2/search/query"
)

// bleveQuery is the Bleve query of a plan: the engine's nodes as Bleve's
// queries, so that the two match alike. The scored nodes keep their
// boosts; the others get boost 0: a filter selects and does not rank
// (without this, the norm of a multi-valued field, an item's outcomes,
// would order hits).
func bleveQuery(p *plan) query.Query {
	scored := map[*node]bool{}
	for _, n := range p.scored {
		scored[n] = true
	}
	var must, mustNot []query.Query
	for _, n := range p.must {
		must = append(must, nodeQuery(n, scored[n]))
	}
	for _, n := range p.mustNot {
		mustNot = append(mustNot, nodeQuery(n, false))
	}
	return query.NewBooleanQuery(must, nil, mustNot)
}

// nodeQuery is the Bleve query of n; boosts count only when scored.
func nodeQuery(n *node, scored bool) query.Query {
	boost := func(b float64) float64 {
		if !scored {
			return 0
		}
		return b
	}
	switch n.kind {
	case nTerm:
		q := query.NewTermQuery(n.term)
		q.SetField(n.field)
		q.SetBoost(boost(n.boost))
		return q
	case nPhrase:
		terms := make([][]string, len(n.terms))
		for i, t := range n.terms {
			if t != "" {
				terms[i] = []string{t}
			}
		}
		q := query.NewMultiPhraseQuery(terms, n.field)
		q.SetBoost(boost(n.boost))
		return q
	case nRange:
		incl, excl := true, false
		q := query.NewTermRangeInclusiveQuery(n.lo, n.hi, &incl, &excl)
		q.SetField(n.field)
		q.SetBoost(boost(1))
		return q
	case nAll:
		kids := make([]query.Query, 0, len(n.kids))
		for _, k := range n.kids {
			kids = append(kids, nodeQuery(k, scored))
		}
		if len(n.not) > 0 {
			var nots []query.Query
			for _, k := range n.not {
				nots = append(nots, nodeQuery(k, false))
			}
			return query.NewBooleanQuery(kids, nil, nots)
		}
		if len(kids) == 1 {
			return kids[0]
		}
		return query.NewConjunctionQuery(kids)
	default: // nAny
		kids := make([]query.Query, 0, len(n.kids))
		for _, k := range n.kids {
			kids = append(kids, nodeQuery(k, scored))
		}
		return query.NewDisjunctionQuery(kids)
	}
}

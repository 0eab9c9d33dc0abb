package index

import (
	"strings"
	"time"
)

// A plan is a search compiled for the segment engine (see engine.go): the
// same matching as buildQuery's Bleve query, as a tree of term sets.
type plan struct {
	must    []*node
	mustNot []*node
	// scored are the must nodes that rank hits: the free-text clauses.
	// Filters and field clauses only select, as a filter should.
	scored []*node
}

type nodeKind uint8

const (
	nTerm   nodeKind = iota // documents with term in field
	nAll                    // documents matching every kid
	nAny                    // documents matching any kid
	nPhrase                 // documents with terms at consecutive positions in field
	nRange                  // documents with a term of field in [lo, hi) ("" hi: no end)
)

type node struct {
	kind   nodeKind
	field  string
	term   string   // nTerm
	lo, hi string   // nRange
	terms  []string // nPhrase: the term at each position offset, "" for a stop word
	kids   []*node  // nAll, nAny
	boost  float64  // nTerm, nPhrase, and the nAll of a match: weight in a score
	phrase bool     // the node holds a phrase somewhere (evaluated last)
}

func tnode(field, term string) *node { return &node{kind: nTerm, field: field, term: term, boost: 1} }

// compile builds the plan of a parsed query and a validated request,
// mirroring buildQuery and clauseQuery.
func (x *Index) compile(q *Query, r *Request) *plan {
	p := &plan{}
	switch r.Type {
	case "":
		p.must = append(p.must, tnode(fListed, "1"))
	default:
		p.must = append(p.must, tnode(fType, r.Type))
	}
	for _, c := range q.Clauses {
		n, text := x.clauseNode(c, r.Type == TypeDocument)
		if n == nil {
			continue
		}
		if c.Exclude {
			p.mustNot = append(p.mustNot, n)
			continue
		}
		p.must = append(p.must, n)
		if text {
			p.scored = append(p.scored, n)
		}
	}
	filter := func(field string, vals []string, fold bool) {
		var ds []*node
		for _, v := range vals {
			if fold {
				v = strings.ToLower(v)
			}
			if v != "" {
				ds = append(ds, tnode(field, v))
			}
		}
		if len(ds) > 0 {
			p.must = append(p.must, &node{kind: nAny, kids: ds})
		}
	}
	filter(fMunicipality, r.Municipality, false)
	filter(fCommittee, r.Committee, false)
	filter(fKind, r.Kind, true)
	filter(fOutcome, r.Outcome, true)
	filter(fYear, r.Year, false)
	if !r.From.IsZero() || !r.To.IsZero() {
		// fDay holds the same day as fDate, as "2006-01-02", whose byte
		// order is the date order.
		n := &node{kind: nRange, field: fDay}
		if !r.From.IsZero() {
			n.lo = day(r.From).Format(time.DateOnly)
		}
		if !r.To.IsZero() {
			n.hi = day(r.To).AddDate(0, 0, 1).Format(time.DateOnly)
		}
		p.must = append(p.must, n)
	}
	return p
}

// clauseNode is clauseQuery's query as a node.
func (x *Index) clauseNode(c Clause, documents bool) (*node, bool) {
	v := c.Value
	switch c.Field {
	case "":
		var ds []*node
		type field struct {
			name, analyzer string
			boost          float64
		}
		fields := []field{{fTitle, analyzerDanish, titleBoost}, {fBody, analyzerDanish, 1}}
		if !c.Phrase {
			fields = append(fields, field{fParts, analyzerDanish, 1})
		}
		if documents {
			fields = append(fields, field{fFulltext, analyzerDanish, 1})
		}
		for _, f := range fields {
			var n *node
			if c.Phrase {
				n = x.phraseNode(f.analyzer, f.name, v, f.boost)
			} else {
				n = x.matchNode(f.analyzer, f.name, v, f.boost)
			}
			if n != nil {
				ds = append(ds, n)
			}
		}
		if LooksLikeCaseNumber(v) {
			n := tnode(fCase, NormalizeCaseNumber(v))
			n.boost = 5
			ds = append(ds, n)
		}
		if len(ds) == 0 {
			return nil, false
		}
		any := &node{kind: nAny, kids: ds}
		for _, d := range ds {
			any.phrase = any.phrase || d.phrase
		}
		return any, true
	case "municipality", "committee":
		exact, loose := fMunicipality, fMunicipText
		if c.Field == "committee" {
			exact, loose = fCommittee, fCommitText
		}
		ds := []*node{tnode(exact, v)}
		if n := x.matchNode(analyzerFold, loose, v, 1); n != nil {
			ds = append(ds, n)
		}
		return &node{kind: nAny, kids: ds}, false
	case "kind":
		return tnode(fKind, strings.ToLower(v)), false
	case "year":
		return tnode(fYear, v), false
	case "outcome":
		return tnode(fOutcome, strings.ToLower(v)), false
	case "scheme":
		return tnode(fScheme, strings.ToLower(v)), false
	case "case":
		return tnode(fCase, NormalizeCaseNumber(v)), false
	case "heading":
		return x.matchNode(analyzerFold, fHeadingText, v, 1), false
	case "participant", "absent", "for", "against", "reserved":
		return x.matchNode(analyzerFold, personFields[c.Field], v, 1), false
	case "kle":
		if strings.Trim(v, "0123456789.") == "" {
			return &node{kind: nRange, field: fKLE, lo: v, hi: prefixEnd(v)}, false
		}
		return x.matchNode(analyzerFold, fSubjectText, v, 1), false
	}
	return nil, false
}

// matchNode is a match query with the AND operator: every token of text,
// each with the boost; nil when text analyses to nothing.
func (x *Index) matchNode(analyzer, field, text string, boost float64) *node {
	a := x.mapping.AnalyzerNamed(analyzer)
	if a == nil {
		return nil
	}
	toks := a.Analyze([]byte(text))
	if len(toks) == 0 {
		return nil
	}
	n := &node{kind: nAll, boost: boost}
	for _, t := range toks {
		k := tnode(field, string(t.Term))
		k.boost = boost
		n.kids = append(n.kids, k)
	}
	return n
}

// phraseNode is a match-phrase query: the tokens at their positions, stop
// words leaving gaps; nil when text analyses to nothing.
func (x *Index) phraseNode(analyzer, field, text string, boost float64) *node {
	a := x.mapping.AnalyzerNamed(analyzer)
	if a == nil {
		return nil
	}
	toks := a.Analyze([]byte(text))
	if len(toks) == 0 {
		return nil
	}
	first, last := toks[0].Position, toks[0].Position
	for _, t := range toks {
		first, last = min(first, t.Position), max(last, t.Position)
	}
	terms := make([]string, last-first+1)
	for _, t := range toks {
		if i := t.Position - first; terms[i] == "" {
			terms[i] = string(t.Term)
		}
	}
	if len(terms) == 1 {
		n := tnode(field, terms[0])
		n.boost = boost
		return n
	}
	return &node{kind: nPhrase, field: field, terms: terms, boost: boost, phrase: true}
}

// prefixEnd returns the least string greater than every string with
// prefix p ("" when there is none).
func prefixEnd(p string) string {
	b := []byte(p)
	for i := len(b) - 1; i >= 0; i-- {
		if b[i] < 0xff {
			b[i]++
			return string(b[:i+1])
		}
	}
	return ""
}

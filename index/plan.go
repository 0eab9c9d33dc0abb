package index

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"referat/index/lexicon"
)

// A plan is a search compiled from a parsed query and a request: a tree
// of term sets, which the segment engine (see engine.go) evaluates and
// from which the Bleve query is made (bleveQuery), so that both match
// alike from one compiler.
type plan struct {
	must    []*node
	mustNot []*node
	// scored are the must nodes that rank hits: the free-text clauses.
	// Filters and field clauses only select, as a filter should.
	scored []*node
	// nested is set when a scored clause is more than a choice between
	// words, phrases and terms ("(a b) OR c"), which the engine's ranking
	// does not model: Bleve answers such a search.
	nested bool
}

type nodeKind uint8

const (
	nTerm   nodeKind = iota // documents with term in field
	nAll                    // documents matching every kid and no not
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
	not    []*node  // nAll: documents matching any of these are left out
	boost  float64  // nTerm, nPhrase, and the nAll of a match: weight in a score
	phrase bool     // the node holds a phrase somewhere (evaluated last)
	noMark bool     // snippets mark none of its terms (a case number's digits)
}

func tnode(field, term string) *node { return &node{kind: nTerm, field: field, term: term, boost: 1} }

// Boosts of the free-text kids: a word in the title counts twice, a
// compound the word begins (found by the terms its stem begins) half, a
// compound's parts written apart (partsNode) a tenth: at a quarter, a
// short item holding "kunst" and "græs" ranked above items holding
// "kunstgræsbaner" on the judged queries.
const (
	titleBoost  = 2
	beginsBoost = 0.5
	partsBoost  = 0.1
)

// Expansion bounds: a prefix ("tilsyn*") matches its maxPrefixTerms most
// frequent words, and a free word's stem of at least minBeginsStem
// letters also finds its maxBeginsTerms most frequent compounds (words
// at least minBeginsExtra bytes longer that begin with it).
const (
	maxPrefixTerms = 64
	maxBeginsTerms = 16
	// A compound's first part is looked for as its stem (of at least
	// minPartStem letters) and as the maxPartTerms most frequent words
	// beginning with it (see partsNode).
	maxPartTerms   = 8
	minPartStem    = 4
	minBeginsStem  = 5
	minBeginsExtra = 3
	// maxDictScan bounds the dictionary entries read for one expansion.
	maxDictScan = 20000
	// A word the text of expandBelow items or more holds is not expanded
	// to the compounds it begins nor to its parts written apart: those
	// rank below its own hits (at half and a tenth of its weight), which
	// fill the first pages, while reading the postings of up to 36 more
	// terms made a common word's search almost three times as slow at the
	// 99th percentile (bench/searchbench at 100 000 items, word p99 5.1 ms
	// before the expansions, 13.9 with them, 5.1 with this bound); the
	// judged queries score as before (nDCG@10 0.932, recall@20 0.854).
	expandBelow = 100
)

// compile builds the plan of a parsed query and a validated request.
func (x *Index) compile(q *Query, r *Request) *plan {
	p := &plan{}
	switch r.Type {
	case "":
		p.must = append(p.must, tnode(fListed, "1"))
	default:
		// An alternate form of a meeting is not listed, nor found by
		// type: its meeting is found through its listed form.
		p.must = append(p.must, tnode(fType, r.Type))
		p.mustNot = append(p.mustNot, tnode(fAlternate, "1"))
	}
	documents := r.Type == TypeDocument
	for _, c := range q.Clauses {
		n, text := x.clauseNode(c, documents)
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
			if !rankable(n) {
				p.nested = true
			}
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
		// fDay holds the day as "2006-01-02", whose byte order is the
		// date order.
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

// rankable reports whether the engine's ranking models a scored node: a
// choice between kids each a term, a match (all of some terms), a phrase
// or a choice between terms, matches and phrases (a compound's parts,
// see partsNode), or one such kid.
func rankable(n *node) bool {
	kids := []*node{n}
	if n.kind == nAny {
		kids = n.kids
	}
	if len(kids) == 0 {
		return false
	}
	for _, k := range kids {
		switch k.kind {
		case nTerm, nPhrase:
		case nAll:
			if !termMatch(k) {
				return false
			}
		case nAny:
			if len(k.kids) == 0 {
				return false
			}
			for _, m := range k.kids {
				if m.kind != nTerm && m.kind != nPhrase && !termMatch(m) {
					return false
				}
			}
		default:
			return false
		}
	}
	return true
}

// termMatch reports whether n is all of some terms.
func termMatch(n *node) bool {
	if n.kind != nAll || len(n.not) > 0 {
		return false
	}
	for _, t := range n.kids {
		if t.kind != nTerm {
			return false
		}
	}
	return true
}

// clauseNode is the node of one clause (nil when it has nothing to
// match) and whether it matches text, and so ranks.
func (x *Index) clauseNode(c Clause, documents bool) (*node, bool) {
	if c.Any != nil {
		return x.choiceNode(c, documents)
	}
	v := c.Value
	switch c.Field {
	case "":
		return x.textNode(c, documents)
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

// choiceNode is the node of "a OR b": when every alternative is one free
// word, phrase or prefix, one choice between all their kids (ranked as a
// free-text clause is, by the kids that match); otherwise a choice
// between the alternatives' conjunctions.
func (x *Index) choiceNode(c Clause, documents bool) (*node, bool) {
	flat := true
	for _, alt := range c.Any {
		if len(alt) != 1 || alt[0].Field != "" || alt[0].Any != nil || alt[0].Exclude {
			flat = false
		}
	}
	if flat && len(c.Any) > 1 {
		any := &node{kind: nAny}
		for _, alt := range c.Any {
			if n, _ := x.textNode(alt[0], documents); n != nil {
				any.kids = append(any.kids, n.kids...)
				any.phrase = any.phrase || n.phrase
			}
		}
		if len(any.kids) == 0 {
			return nil, false
		}
		return any, true
	}
	any := &node{kind: nAny}
	text := false
	for _, alt := range c.Any {
		all := &node{kind: nAll}
		for _, d := range alt {
			n, t := x.clauseNode(d, documents)
			if n == nil {
				continue
			}
			if d.Exclude {
				all.not = append(all.not, n)
				continue
			}
			all.kids = append(all.kids, n)
			all.phrase = all.phrase || n.phrase
			text = text || t
		}
		if len(all.kids) > 0 {
			any.kids = append(any.kids, all)
			any.phrase = any.phrase || all.phrase
		}
	}
	if len(any.kids) == 0 {
		return nil, false
	}
	if len(c.Any) == 1 && len(any.kids) == 1 {
		return any.kids[0], text // an excluded group
	}
	return any, text
}

// textNode is the node of a free word, phrase or prefix: a choice between
// the word in the title, the text, the last parts of compounds, the
// compounds it begins and its own parts written apart (partsNode), a
// case number it may be and the outcome it may name.
func (x *Index) textNode(c Clause, documents bool) (*node, bool) {
	v := c.Value
	type field struct {
		name  string
		boost float64
	}
	fields := []field{{fTitle, titleBoost}, {fBody, 1}}
	if documents {
		fields = append(fields, field{fFulltext, 1})
	}
	var ds []*node
	switch {
	case c.Prefix:
		for _, t := range x.expand(prefixesOf(v), maxPrefixTerms, 0) {
			for _, f := range fields {
				n := tnode(f.name, t)
				n.boost = f.boost
				ds = append(ds, n)
			}
		}
		if len(ds) == 0 {
			ds = append(ds, tnode(fBody, strings.ToLower(v))) // matches nothing
		}
		return &node{kind: nAny, kids: ds}, true
	case c.Phrase:
		for _, f := range fields {
			if n := x.phraseNode(analyzerDanish, f.name, v, f.boost); n != nil {
				ds = append(ds, n)
			}
		}
	default:
		for _, f := range fields {
			if n := x.matchNode(analyzerDanish, f.name, v, f.boost); n != nil {
				ds = append(ds, n)
			}
		}
		if n := x.matchNode(analyzerDanish, fParts, v, 1); n != nil {
			ds = append(ds, n)
			if len(n.kids) == 1 {
				stem := n.kids[0].term
				if x.docFreq(fBody, stem) < expandBelow {
					if utf8.RuneCountInString(stem) >= minBeginsStem {
						for _, t := range x.expand([]string{stem}, maxBeginsTerms, minBeginsExtra) {
							k := tnode(fBody, t)
							k.boost = beginsBoost
							ds = append(ds, k)
						}
					}
					if pn := x.partsNode(v); pn != nil {
						ds = append(ds, pn)
					}
				}
			}
		}
		if o, ok := danishOutcomes[strings.ToLower(v)]; ok {
			ds = append(ds, tnode(fOutcome, string(o)))
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
	any := &node{kind: nAny, kids: ds, noMark: LooksLikeCaseNumber(v)}
	for _, d := range ds {
		any.phrase = any.phrase || d.phrase
	}
	return any, true
}

// partsNode is the kid that lets a compound typed as a query word find
// the text that writes its parts apart, near each other ("børnesager"
// finds "sager på børneområdet"), nil when the lexicon does not split
// it: a choice between two-word phrases, for the split with the longest
// last part, of the last part's stem and a first word: the first part's
// stem or one of the maxPartTerms most frequent words of the index
// beginning with the first part as written, linking letter included
// ("børne" of "børne|sager", "ledelses" of "ledelses|tilsyn"). The first
// word stands just before the last part ("ledelsens tilsyn") or two
// places after it ("sager på børneområdet", "tilsyn med ledelsen"; the
// word between is any, often a stop word, which leaves its place). Both
// parts anywhere in an item matched a third of a synthetic corpus of
// meetings, and most items on ledelse that mention a tilsyn.
//
// The phrases are one kid of the word's choice, each term at partsBoost:
// as many kids would weigh the word's other kids down by Bleve's
// coordination factor (matched kids / kids) and let text holding several
// of them rank above text holding the compound. Stems shorter than
// minPartStem letters are left out: they meet words of other meaning
// ("bør" of "børn").
func (x *Index) partsNode(v string) *node {
	own := x.matchNode(analyzerDanish, fBody, v, 1)
	if own == nil || len(own.kids) != 1 {
		return nil
	}
	stem := own.kids[0].term
	w := lexicon.FoldAA(strings.ToLower(v))
	mods, heads := lexicon.Split(w)
	if len(heads) == 0 {
		return nil
	}
	head := analyse(heads[0]).stem
	written := w[:len(w)-len(heads[0])]
	// The first part as a word and as written ("børne-" of "børne- og
	// ungeområdet" is indexed as the stem of "børne"), then the words
	// beginning with it.
	firsts := append([]string{analyse(mods[0]).stem, analyse(written).stem}, x.expand([]string{written}, maxPartTerms, 0)...)
	seen := map[string]bool{stem: true, head: true}
	parts := &node{kind: nAny}
	for _, f := range firsts {
		if seen[f] || utf8.RuneCountInString(f) < minPartStem {
			continue
		}
		seen[f] = true
		for _, terms := range [][]string{{f, head}, {head, "", f}} {
			parts.kids = append(parts.kids, &node{kind: nPhrase, field: fBody, terms: terms, boost: partsBoost, phrase: true})
			parts.phrase = true
		}
	}
	if len(parts.kids) == 0 {
		return nil
	}
	return parts
}

// docFreq returns how many documents hold term in field, deleted ones
// included until a merge drops them (the dictionary's count).
func (x *Index) docFreq(field, term string) (n uint64) {
	if x.expansions != nil { // frozen for tests, as expand's words
		key := "docFreq\x00" + field + "\x00" + term
		if v, ok := x.expansions[key]; ok {
			n, _ = strconv.ParseUint(v[0], 10, 64)
			return n
		}
		defer func() { x.expansions[key] = []string{strconv.FormatUint(n, 10)} }()
	}
	d, err := x.bi.FieldDictPrefix(field, []byte(term))
	if err != nil {
		return 0
	}
	defer d.Close()
	if e, err := d.Next(); err == nil && e != nil && e.Term == term {
		return e.Count
	}
	return 0
}

// prefixesOf returns what a typed prefix is looked up as: lower case,
// old aa as å, and its stem where that differs ("godkendt*" also finds
// the words of "godkende").
func prefixesOf(v string) []string {
	w := lexicon.FoldAA(strings.ToLower(v))
	out := []string{w}
	if s := lexicon.Stem(w); s != w && s != "" {
		out = append(out, s)
	}
	return out
}

// expand returns the terms of fBody beginning with one of prefixes and
// at least extra bytes longer, the max most frequent (ties in term
// order); the index's own vocabulary is the lexicon here.
func (x *Index) expand(prefixes []string, max, extra int) (out []string) {
	if x.expansions != nil {
		key := fmt.Sprint(prefixes, max, extra)
		if out, ok := x.expansions[key]; ok {
			return out
		}
		defer func() { x.expansions[key] = out }()
	}
	type tc struct {
		term  string
		count uint64
	}
	seen := map[string]bool{}
	var all []tc
	for _, pre := range prefixes {
		if pre == "" {
			continue
		}
		d, err := x.bi.FieldDictPrefix(fBody, []byte(pre))
		if err != nil {
			continue // an index that cannot list terms expands to nothing
		}
		for i := 0; i < maxDictScan; i++ {
			e, err := d.Next()
			if err != nil || e == nil {
				break
			}
			if len(e.Term) < len(pre)+extra || seen[e.Term] {
				continue
			}
			seen[e.Term] = true
			all = append(all, tc{e.Term, e.Count})
		}
		d.Close()
	}
	slices.SortFunc(all, func(a, b tc) int {
		if a.count != b.count {
			if a.count > b.count {
				return -1
			}
			return 1
		}
		return strings.Compare(a.term, b.term)
	})
	out = make([]string, 0, min(len(all), max))
	for _, t := range all[:min(len(all), max)] {
		out = append(out, t.term)
	}
	return out
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

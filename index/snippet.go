package index

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// SnippetLength is the approximate length in bytes of a snippet's text.
const SnippetLength = 240

// marks are what a snippet marks for a query: words analysing to one of
// terms, and literal strings (case numbers as typed).
type marks struct {
	terms    map[string]bool
	literals []string // lower case
}

// queryMarks returns the marks of a query: the terms its scored clauses
// search the text for (a prefix's words among them), and the case
// numbers it names as typed. Excluded clauses mark nothing; a case number
// marks itself, not its digits.
func (x *Index) queryMarks(q *Query, p *plan) marks {
	m := marks{terms: map[string]bool{}}
	var walk func(n *node)
	walk = func(n *node) {
		if n.noMark {
			return
		}
		switch n.kind {
		case nTerm:
			switch n.field {
			case fTitle, fBody, fFulltext, fParts:
				m.terms[n.term] = true
			}
		case nPhrase:
			for _, t := range n.terms {
				if t != "" {
					m.terms[t] = true
				}
			}
		}
		for _, k := range n.kids {
			walk(k)
		}
	}
	for _, n := range p.scored {
		walk(n)
	}
	var lits func(cs []Clause)
	lits = func(cs []Clause) {
		for _, c := range cs {
			switch {
			case c.Exclude:
			case c.Any != nil:
				for _, alt := range c.Any {
					lits(alt)
				}
			case c.Field == "case" || c.Field == "" && LooksLikeCaseNumber(c.Value):
				m.literals = append(m.literals, strings.ToLower(c.Value))
			}
		}
	}
	lits(q.Clauses)
	return m
}

type span struct {
	start, end int
	term       string // the query term or literal matched
}

// matches returns the byte ranges of text to mark, in order. A Danish
// stem is a prefix of the lower-cased word, so only words starting with a
// term are analysed: a page of hits costs a scan of their text, not its
// analysis.
func (x *Index) matches(text string, m marks) []span {
	var out []span
	if len(m.terms) > 0 {
		out = x.termMatches(text, m.terms)
	}
	out = append(out, literalMatches(text, m.literals)...)
	return cleanMatches(out, len(m.literals) > 0)
}

// literalMatches returns where text holds one of lits (lower case) as a
// whole, not as part of a longer number.
func literalMatches(text string, lits []string) []span {
	var out []span
	for _, lit := range lits {
		hay := text
		if strings.ContainsFunc(lit, unicode.IsLetter) {
			// Only case numbers with letters need folding, and folding must
			// keep byte offsets.
			if hay = strings.ToLower(text); len(hay) != len(text) {
				continue
			}
		}
		for from := 0; ; {
			i := strings.Index(hay[from:], lit)
			if i < 0 {
				break
			}
			start, end := from+i, from+i+len(lit)
			from = end
			before, _ := utf8.DecodeLastRuneInString(text[:start])
			after, _ := utf8.DecodeRuneInString(text[end:])
			if start > 0 && isWordRune(before) || end < len(text) && isWordRune(after) {
				continue // part of a longer number
			}
			out = append(out, span{start, end, lit})
		}
	}
	return out
}

// cleanMatches sorts matches by start when asked and drops overlaps: a
// literal may contain a marked word.
func cleanMatches(out []span, sort bool) []span {
	if !sort {
		return out
	}
	slices.SortFunc(out, func(a, b span) int { return a.start - b.start })
	clean := out[:0]
	for _, s := range out {
		if n := len(clean); n > 0 && s.start < clean[n-1].end {
			if s.end > clean[n-1].end {
				clean[n-1].end = s.end
			}
			continue
		}
		clean = append(clean, s)
	}
	return clean
}

func (x *Index) termMatches(text string, terms map[string]bool) []span {
	a := x.mapping.AnalyzerNamed(analyzerDanish)
	cores := make(map[string]string, len(terms))
	for t := range terms {
		cores[t] = stemCore(t)
	}
	var out []span
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		if !isWordRune(r) {
			i += n
			continue
		}
		start := i
		for i < len(text) {
			r, n := utf8.DecodeRuneInString(text[i:])
			if !isWordRune(r) {
				break
			}
			i += n
		}
		word := text[start:i]
		for _, core := range cores {
			if !containsFold(word, core) {
				continue
			}
			for _, tok := range a.Analyze([]byte(word)) {
				if terms[string(tok.Term)] {
					out = append(out, span{start, i, string(tok.Term)})
					break
				}
			}
			break
		}
	}
	return out
}

// stemCore returns the part of a stem that every word analysing to it
// holds: a stem may have lost its last letters ("godkende" of
// "godkendt") and stand inside a compound ("tilsyn" of
// "ledelsestilsyn"), and "å" may be printed "aa".
func stemCore(t string) string {
	rs := []rune(t)
	n := max(min(len(rs), 3), len(rs)-2)
	core := string(rs[:n])
	if strings.ContainsRune(core, 'å') {
		// Both spellings hold what comes before the å.
		core, _, _ = strings.Cut(core, "å")
	}
	return core
}

// containsFold reports whether lower-cased s holds sub (lower case),
// without allocating.
func containsFold(s, sub string) bool {
	for {
		if hasPrefixFold(s, sub) {
			return true
		}
		_, n := utf8.DecodeRuneInString(s)
		if n == 0 {
			return false
		}
		s = s[n:]
	}
}

// hasPrefixFold reports whether lower-cased s begins with prefix (lower
// case), without allocating.
func hasPrefixFold(s, prefix string) bool {
	for _, p := range prefix {
		if s == "" {
			return false
		}
		r, n := utf8.DecodeRuneInString(s)
		if unicode.ToLower(r) != p {
			return false
		}
		s = s[n:]
	}
	return true
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// snippet cuts from text the window of about SnippetLength bytes holding
// the most different query terms, then the most matches, and splits it
// into spans. With no matches it returns the text's beginning: for an
// item that is its decision.
func (x *Index) snippet(text string, m marks) []Span {
	if text == "" {
		return nil
	}
	return snippetFrom(text, x.matches(text, m))
}

// bestWindow returns the byte range of the snippet for matches ms (in
// order), before it is fitted to the text and to word boundaries: the
// match after which most different terms, then most matches, fit in
// SnippetLength bytes, with some context before it.
func bestWindow(ms []span) (start, end int) {
	if len(ms) == 0 {
		return 0, SnippetLength
	}
	best, bestN := 0, 0
	var seen []string
	for i := range ms {
		seen = seen[:0]
		n := 0
		for j := i; j < len(ms) && ms[j].end-ms[i].start <= SnippetLength; j++ {
			if !slices.Contains(seen, ms[j].term) {
				seen = append(seen, ms[j].term)
				n += 1000 // a term not yet in the window counts most
			}
			n++
		}
		if n > bestN {
			best, bestN = i, n
		}
	}
	// Some context before the first match, less than a third.
	start = max(0, ms[best].start-SnippetLength/4)
	return start, max(start+SnippetLength, ms[best].end)
}

// snippetOf builds the snippet of text for the spans ms to mark (in
// order) and the literals to look for in it.
func snippetOf(text string, ms []span, literals []string) []Span {
	if len(literals) > 0 {
		ms = cleanMatches(append(ms, literalMatches(text, literals)...), true)
	}
	return snippetFrom(text, ms)
}

// snippetOfBytes is snippetOf for text it may not keep: only the part the
// snippet needs is copied, unless literals must be looked for in all of
// it.
func snippetOfBytes(text []byte, ms []span, literals []string) []Span {
	if len(literals) > 0 {
		return snippetOf(string(text), ms, literals)
	}
	if len(text) == 0 {
		return nil
	}
	start, end := snippetReach(ms, len(text))
	return snippetPart(string(text[start:end]), start, len(text), ms)
}

// reachMargin is how far wordStart and wordEnd may look past a window,
// with a byte for the rune boundary.
const reachMargin = 31 * utf8.UTFMax

// snippetReach returns the part of a text of n bytes that snippetFrom
// reads for matches ms.
func snippetReach(ms []span, n int) (start, end int) {
	start, end = bestWindow(ms)
	return max(0, min(start, n)-reachMargin), min(n, end+reachMargin)
}

// snippetFrom builds the snippet of text for matches ms.
func snippetFrom(text string, ms []span) []Span {
	return snippetPart(text, 0, len(text), ms)
}

// snippetPart builds the snippet for matches ms (offsets in the whole
// text, in order) of a text of total bytes from part, which is the text
// from byte base on and holds at least the bytes snippetReach names.
func snippetPart(part string, base, total int, ms []span) []Span {
	if total == 0 {
		return nil
	}
	start, end := bestWindow(ms)
	start, end = min(start, total)-base, min(end, total)-base
	start = wordStart(part, max(0, start))
	end = wordEnd(part, min(len(part), end))

	var spans []Span
	if base+start > 0 {
		spans = append(spans, Span{Text: "… "})
	}
	pos := start
	for _, m := range ms {
		ms, me := m.start-base, m.end-base
		if ms < start || me > end {
			continue
		}
		if ms > pos {
			spans = appendText(spans, part[pos:ms], false)
		}
		spans = appendText(spans, part[ms:me], true)
		pos = me
	}
	if pos < end {
		spans = appendText(spans, part[pos:end], false)
	}
	if base+end < total {
		spans = appendText(spans, " …", false)
	}
	return spans
}

// appendText adds text with runs of white space (line breaks included)
// folded to one space, so a snippet reads as one line.
func appendText(spans []Span, s string, match bool) []Span {
	s = foldSpace(s)
	if s == "" {
		return spans
	}
	if n := len(spans); n > 0 && spans[n-1].Match == match {
		spans[n-1].Text = foldSpace(spans[n-1].Text + s)
		return spans
	}
	return append(spans, Span{Text: s, Match: match})
}

// foldSpace replaces every run of white space in s with one space.
func foldSpace(s string) string {
	if !needsFold(s) {
		return s
	}
	return foldRunes(s)
}

// foldRunes is foldSpace rune by rune, without its check for text that
// needs no folding.
func foldRunes(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		if unicode.IsSpace(r) {
			space = true
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	if space {
		b.WriteByte(' ')
	}
	return b.String()
}

// needsFold reports whether s holds white space other than single
// spaces: most of a snippet's text does not.
func needsFold(s string) bool {
	prevSpace := false
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch c {
			case ' ':
				if prevSpace {
					return true
				}
				prevSpace = true
			case '\t', '\n', '\v', '\f', '\r':
				return true
			default:
				prevSpace = false
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if unicode.IsSpace(r) || r == utf8.RuneError && n == 1 {
			return true // invalid bytes come out as U+FFFD
		}
		prevSpace = false
		i += n
	}
	return false
}

// wordStart moves i back to the start of the word it falls in.
func wordStart(text string, i int) int {
	if i <= 0 {
		return 0
	}
	for i > 0 && !utf8.RuneStart(text[i]) {
		i--
	}
	for lim := 0; i > 0 && lim < 30; lim++ {
		r, n := utf8.DecodeLastRuneInString(text[:i])
		if unicode.IsSpace(r) {
			break
		}
		i -= n
	}
	return i
}

// wordEnd moves i forward to the end of the word it falls in.
func wordEnd(text string, i int) int {
	if i >= len(text) {
		return len(text)
	}
	for i < len(text) && !utf8.RuneStart(text[i]) {
		i++
	}
	for lim := 0; i < len(text) && lim < 30; lim++ {
		r, n := utf8.DecodeRuneInString(text[i:])
		if unicode.IsSpace(r) {
			break
		}
		i += n
	}
	return i
}

package index

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"referat/internal/casenum"
)

// ParseQuery parses the query language:
//
//	afgørelser ledelsestilsyn    free words: all must match (Danish stemming)
//	"kvalitet i sagsbehandlingen"  a phrase
//	municipality:lejre           a field (see QueryFields; Danish aliases
//	kommune:"Lejre Kommune"      kommune, udvalg, type, år, udfald, sag,
//	                             afsnit, emne work too)
//	deltager:"Viggo Jonasen"     people: participant, absent, for, against,
//	imod:dogru                   reserved (deltager, fraværende, for, imod,
//	                             forbehold): names match loosely
//	-budget  -kind:letter        excluded
//	tilsyn* ledelses*            words beginning so
//	tilsyn OR kontrol            either (also "|" and ELLER); OR binds
//	(a b) | c  -(a b)            closer than the space: "x a OR b" is x
//	                             and (a or b); parentheses group
//	19/3742  2023 - 9318         case numbers typed bare find their items
//
// type: and udfald: take Danish values too (type:brev, udfald:godkendt;
// see danishKinds, danishOutcomes). A malformed query (unbalanced quote
// or parenthesis, OR without both sides, unknown field, empty value,
// value out of a field's vocabulary, over MaxQueryLength) returns a
// *QueryError with a one-line Danish message.
func ParseQuery(s string) (*Query, error) {
	if len(s) > MaxQueryLength {
		return nil, queryErrorf(s, "søgningen er %d bytes lang; grænsen er %d", len(s), MaxQueryLength)
	}
	if !utf8.ValidString(s) {
		return nil, queryErrorf(s, "søgningen er ikke gyldig UTF-8")
	}
	// "2023 - 9318" is one case number, not a word, an exclusion and a word.
	p := parser{src: s, s: casenum.JoinSpaced(s)}
	cs, err := p.seq(0)
	if err != nil {
		return nil, err
	}
	return &Query{Clauses: cs}, nil
}

type parser struct {
	src string // as given, for errors
	s   string
	i   int
}

func (p *parser) eof() bool { return p.i >= len(p.s) }

func (p *parser) skipSpace() {
	for !p.eof() {
		r, n := utf8.DecodeRuneInString(p.s[p.i:])
		if !unicode.IsSpace(r) {
			return
		}
		p.i += n
	}
}

// delimiters end a word.
const delimiters = `"()|`

// word reads up to the next space, quote, parenthesis or "|".
func (p *parser) word() string {
	start := p.i
	for !p.eof() {
		r, n := utf8.DecodeRuneInString(p.s[p.i:])
		if unicode.IsSpace(r) || strings.ContainsRune(delimiters, r) {
			break
		}
		p.i += n
	}
	return p.s[start:p.i]
}

func (p *parser) quoted() (string, error) {
	// at '"'
	p.i++
	end := strings.IndexByte(p.s[p.i:], '"')
	if end < 0 {
		return "", queryErrorf(p.src, "et citat begynder med \" men slutter aldrig")
	}
	v := p.s[p.i : p.i+end]
	p.i += end + 1
	return v, nil
}

// maxDepth bounds the nesting of parentheses.
const maxDepth = 10

// seq reads clauses up to the end, or up to the closing parenthesis when
// inside depth of them.
func (p *parser) seq(depth int) ([]Clause, error) {
	var out []Clause
	for {
		p.skipSpace()
		if p.eof() {
			if depth > 0 {
				return nil, queryErrorf(p.src, "en parentes ( lukkes aldrig")
			}
			return out, nil
		}
		if p.s[p.i] == ')' {
			if depth == 0 {
				return nil, queryErrorf(p.src, "en parentes ) lukker ingen (")
			}
			p.i++
			return out, nil
		}
		c, ok, err := p.or(depth)
		if err != nil {
			return nil, err
		}
		if !ok {
			continue
		}
		if len(c.Any) == 1 && !c.Exclude {
			out = append(out, c.Any[0]...) // a group is its clauses
		} else {
			out = append(out, c)
		}
	}
}

// orWord returns the length of the OR the parser stands at: "|", or the
// word OR or ELLER; 0 if none.
func (p *parser) orWord() int {
	if p.s[p.i] == '|' {
		return 1
	}
	for _, w := range []string{"OR", "ELLER"} {
		if strings.HasPrefix(p.s[p.i:], w) {
			rest := p.s[p.i+len(w):]
			r, _ := utf8.DecodeRuneInString(rest)
			if rest == "" || unicode.IsSpace(r) || strings.ContainsRune(delimiters, r) {
				return len(w)
			}
		}
	}
	return 0
}

// or reads a clause and the clauses joined to it by OR.
func (p *parser) or(depth int) (Clause, bool, error) {
	if n := p.orWord(); n > 0 {
		return Clause{}, false, queryErrorf(p.src, "%s står uden noget foran", p.s[p.i:p.i+n])
	}
	var alts [][]Clause
	add := func(c Clause) error {
		switch {
		case c.Any != nil && !c.Exclude && len(c.Any) > 1:
			alts = append(alts, c.Any...) // (a OR b) OR c is a OR b OR c
			return nil
		case c.Any != nil && !c.Exclude:
			alts = append(alts, c.Any[0])
		default:
			alts = append(alts, []Clause{c})
		}
		return nil
	}
	first, ok, err := p.unit(depth)
	if err != nil {
		return first, false, err
	}
	if ok {
		if err := add(first); err != nil {
			return first, false, err
		}
	}
	for {
		save := p.i
		p.skipSpace()
		if p.eof() || p.orWord() == 0 {
			p.i = save
			break
		}
		n := p.orWord()
		word := p.s[p.i : p.i+n]
		p.i += n
		p.skipSpace()
		if p.eof() || p.s[p.i] == ')' || p.orWord() > 0 {
			return first, false, queryErrorf(p.src, "%s står uden noget efter", word)
		}
		c, ok, err := p.unit(depth)
		if err != nil {
			return first, false, err
		}
		if ok {
			if err := add(c); err != nil {
				return first, false, err
			}
		}
	}
	if len(alts) > 1 {
		for _, alt := range alts {
			if !slices.ContainsFunc(alt, func(d Clause) bool { return !d.Exclude }) {
				return first, false, queryErrorf(p.src, "et led i en OR kan ikke kun udelukke (-)")
			}
		}
	}
	switch {
	case len(alts) == 0:
		return first, false, nil
	case len(alts) == 1 && len(alts[0]) == 1:
		return alts[0][0], true, nil
	}
	return Clause{Any: alts}, true, nil
}

// unit reads one clause: a word, phrase, field or parenthesised group,
// perhaps excluded.
func (p *parser) unit(depth int) (Clause, bool, error) {
	var c Clause
	if p.s[p.i] == '-' {
		c.Exclude = true
		p.i++
		if p.eof() {
			return c, false, nil // a dangling "-" is punctuation
		}
		r, _ := utf8.DecodeRuneInString(p.s[p.i:])
		if unicode.IsSpace(r) {
			return c, false, nil
		}
	}
	switch p.s[p.i] {
	case ')', '|':
		return c, false, nil // seq and or read these
	case '(':
		if depth >= maxDepth {
			return c, false, queryErrorf(p.src, "parenteserne går mere end %d niveauer ned", maxDepth)
		}
		p.i++
		cs, err := p.seq(depth + 1)
		if err != nil || len(cs) == 0 {
			return c, false, err
		}
		if len(cs) == 1 {
			d := cs[0]
			switch {
			case !c.Exclude:
				return d, true, nil // "(a)" is a
			case d.Any == nil && !d.Exclude:
				d.Exclude = true // "-(a)" is -a
				return d, true, nil
			}
		}
		if !c.Exclude {
			return Clause{Any: [][]Clause{cs}}, true, nil // spliced by seq
		}
		c.Any = [][]Clause{cs}
		return c, true, nil
	}
	return p.clause(c)
}

// clause reads a word, phrase or field after its "-", if any.
func (p *parser) clause(c Clause) (Clause, bool, error) {
	if p.s[p.i] == '"' {
		v, err := p.quoted()
		if err != nil {
			return c, false, err
		}
		c.Value, c.Phrase = strings.TrimSpace(v), true
		return c, c.Value != "", nil
	}
	w := p.word()
	name, val, hasColon := strings.Cut(w, ":")
	if !hasColon || !isFieldName(name) {
		return freeWord(c, w)
	}
	field, known := canonicalField(name)
	if !known && val == "" && (p.eof() || p.s[p.i] != '"') {
		// "Beslutning:" pasted from a document: the colon is punctuation.
		return freeWord(c, w)
	}
	if !known {
		return c, false, queryErrorf(p.src, "ukendt felt %q; kendte felter: %s", name, strings.Join(sortedFields(), ", "))
	}
	c.Field = field
	if val == "" && !p.eof() && p.s[p.i] == '"' {
		v, err := p.quoted()
		if err != nil {
			return c, false, err
		}
		val, c.Phrase = strings.TrimSpace(v), true
	}
	if field == "kle" && !c.Phrase {
		val = strings.TrimRight(val, "*") // a code is a prefix already
	}
	if val == "" {
		return c, false, queryErrorf(p.src, "feltet %s har ingen værdi (skriv %s:værdi)", name, name)
	}
	if !c.Phrase && strings.HasSuffix(val, "*") {
		return c, false, queryErrorf(p.src, "* kan kun stå efter et ord uden felt, ikke efter %s:%s", name, val)
	}
	c.Value = val
	if err := checkFieldValue(p.src, &c); err != nil {
		return c, false, err
	}
	return c, true, nil
}

// freeWord makes a free word of w: a trailing "*" makes it a prefix; a
// "*" alone is nothing.
func freeWord(c Clause, w string) (Clause, bool, error) {
	if v := strings.TrimRight(w, "*"); v != w {
		c.Value, c.Prefix = v, true
		return c, v != "", nil
	}
	c.Value = w
	return c, w != "", nil
}

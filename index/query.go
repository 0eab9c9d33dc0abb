package index

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"referat/corpus"
	"referat/internal/casenum"
)

// QueryError is a query or request the index cannot run: a malformed
// query, an unknown field, a value out of range. Its message is one line
// meant for the person who typed the query; the CLI exits with status 2 and
// the web page answers 400.
type QueryError struct {
	Query string // the query as given (may be "")
	Msg   string // what is wrong, one line
}

func (e *QueryError) Error() string { return "bad query: " + e.Msg }

func queryErrorf(q, format string, args ...any) *QueryError {
	return &QueryError{Query: q, Msg: fmt.Sprintf(format, args...)}
}

// Query is a parsed query: a conjunction of clauses.
type Query struct {
	Clauses []Clause
}

// Clause is one part of a query.
type Clause struct {
	// Field is "" for free text, else one of QueryFields (canonical name).
	Field string
	// Value is the word, phrase or field value, unquoted.
	Value string
	// Phrase is set for a quoted value: its words must occur in order.
	Phrase bool
	// Exclude is set for a clause written with a leading "-": hits must
	// not match it.
	Exclude bool
}

// QueryFields are the field names of the query language, with what each
// matches.
var QueryFields = map[string]string{
	"municipality": "municipality name, e.g. municipality:lejre",
	"committee":    "committee name, e.g. committee:socialudvalget",
	"kind":         "document kind: referat, dagsorden, letter, principmeddelelse, unknown",
	"year":         "meeting or letter year, e.g. year:2024",
	"outcome":      "the outcome of the item's own meeting's decision: " + strings.Join(corpus.OutcomeNames(), ", "),
	"case":         "case number as printed, e.g. case:19/3742",
	"heading":      "section heading present, e.g. heading:handicappolitik",
	"kle":          "KLE subject code or name, e.g. kle:00.01 or kle:\"kommunens styrelse\"",
	"scheme":       "case-number scheme: kle, year-serial, slash, prefixed, ministry",
	"participant":  "a meeting participant's name, e.g. participant:\"Viggo Jonasen\"",
	"absent":       "name of someone absent from the meeting or item",
	"for":          "name (or party letter) of someone who voted for",
	"against":      "name (or party letter) of someone who voted against",
	"reserved":     "name (or party letter) of someone who made a reservation",
}

// personFields are the query fields of people's names and the index
// field each searches.
var personFields = map[string]string{
	"participant": fParticipant,
	"absent":      fAbsent,
	"for":         fFor,
	"against":     fAgainst,
	"reserved":    fReserved,
}

// fieldAliases are the Danish names of the query fields.
var fieldAliases = map[string]string{
	"kommune":     "municipality",
	"udvalg":      "committee",
	"type":        "kind",
	"år":          "year",
	"aar":         "year",
	"udfald":      "outcome",
	"sag":         "case",
	"sagsnr":      "case",
	"afsnit":      "heading",
	"overskrift":  "heading",
	"emne":        "kle",
	"deltager":    "participant",
	"fraværende":  "absent",
	"fravaerende": "absent",
	"imod":        "against",
	"forbehold":   "reserved",
}

var (
	kinds    = []string{string(corpus.KindReferat), string(corpus.KindDagsorden), string(corpus.KindLetter), string(corpus.KindPrincipmeddelelse), string(corpus.KindUnknown)}
	outcomes = corpus.OutcomeNames()
	schemes  = []string{corpus.SchemeKLE, corpus.SchemeYearSerial, corpus.SchemeSlash, corpus.SchemePrefixed, corpus.SchemeMinistry}
	yearRe   = regexp.MustCompile(`^\d{4}$`)
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
//	19/3742  2023 - 9318         case numbers typed bare find their items
//
// A malformed query (unbalanced quote, unknown field, empty value, value out
// of a field's vocabulary, over MaxQueryLength) returns a *QueryError.
func ParseQuery(s string) (*Query, error) {
	if len(s) > MaxQueryLength {
		return nil, queryErrorf(s, "query is %d bytes long; the limit is %d", len(s), MaxQueryLength)
	}
	if !utf8.ValidString(s) {
		return nil, queryErrorf(s, "query is not valid UTF-8")
	}
	// "2023 - 9318" is one case number, not a word, an exclusion and a word.
	s2 := casenum.JoinSpaced(s)
	q := &Query{}
	p := parser{src: s, s: s2}
	for {
		p.skipSpace()
		if p.eof() {
			break
		}
		c, ok, err := p.clause()
		if err != nil {
			return nil, err
		}
		if ok {
			q.Clauses = append(q.Clauses, c)
		}
	}
	return q, nil
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

// word reads up to the next space, or the closing quote when the word
// starts with one.
func (p *parser) word() string {
	start := p.i
	for !p.eof() {
		r, n := utf8.DecodeRuneInString(p.s[p.i:])
		if unicode.IsSpace(r) || r == '"' {
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
		return "", queryErrorf(p.src, "unbalanced quote: a phrase starts with \" but never ends")
	}
	v := p.s[p.i : p.i+end]
	p.i += end + 1
	return v, nil
}

func (p *parser) clause() (Clause, bool, error) {
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
		c.Value = w
		return c, w != "", nil
	}
	field, known := canonicalField(name)
	if !known && val == "" && (p.eof() || p.s[p.i] != '"') {
		// "Beslutning:" pasted from a document: the colon is punctuation.
		c.Value = w
		return c, true, nil
	}
	if !known {
		return c, false, queryErrorf(p.src, "unknown field %q; known fields: %s", name, strings.Join(sortedFields(), ", "))
	}
	c.Field = field
	if val == "" && !p.eof() && p.s[p.i] == '"' {
		v, err := p.quoted()
		if err != nil {
			return c, false, err
		}
		val, c.Phrase = strings.TrimSpace(v), true
	}
	if val == "" {
		return c, false, queryErrorf(p.src, "field %s: has no value (write %s:value)", name, name)
	}
	c.Value = val
	if err := checkFieldValue(p.src, c); err != nil {
		return c, false, err
	}
	return c, true, nil
}

// isFieldName reports whether s could be meant as a field name: letters
// only. "kl.16:30" or "https://..." are words.
func isFieldName(s string) bool {
	if s == "" || len(s) > 20 {
		return false
	}
	for _, r := range s {
		if !unicode.IsLetter(r) {
			return false
		}
	}
	return s != "http" && s != "https"
}

func canonicalField(name string) (string, bool) {
	n := strings.ToLower(name)
	if _, ok := QueryFields[n]; ok {
		return n, true
	}
	f, ok := fieldAliases[n]
	return f, ok
}

func sortedFields() []string {
	var fs []string
	for f := range QueryFields {
		fs = append(fs, f)
	}
	slices.Sort(fs)
	return fs
}

func checkFieldValue(src string, c Clause) error {
	v := strings.ToLower(c.Value)
	switch c.Field {
	case "kind":
		if !slices.Contains(kinds, v) {
			return queryErrorf(src, "kind %q unknown; kinds: %s", c.Value, strings.Join(kinds, ", "))
		}
	case "outcome":
		if !slices.Contains(outcomes, v) {
			return queryErrorf(src, "outcome %q unknown; outcomes: %s", c.Value, strings.Join(outcomes, ", "))
		}
	case "scheme":
		if !slices.Contains(schemes, v) {
			return queryErrorf(src, "scheme %q unknown; schemes: %s", c.Value, strings.Join(schemes, ", "))
		}
	case "year":
		if !yearRe.MatchString(v) {
			return queryErrorf(src, "year %q is not a four-digit year", c.Value)
		}
	case "case":
		if NormalizeCaseNumber(c.Value) == "" {
			return queryErrorf(src, "case %q is empty", c.Value)
		}
	}
	return nil
}

// String returns the query in canonical form; ParseQuery(q.String())
// gives q back.
func (q *Query) String() string {
	var b strings.Builder
	for i, c := range q.Clauses {
		if i > 0 {
			b.WriteByte(' ')
		}
		if c.Exclude {
			b.WriteByte('-')
		}
		if c.Field != "" {
			b.WriteString(c.Field)
			b.WriteByte(':')
		}
		if c.Phrase {
			b.WriteByte('"')
			b.WriteString(c.Value)
			b.WriteByte('"')
		} else {
			b.WriteString(c.Value)
		}
	}
	return b.String()
}

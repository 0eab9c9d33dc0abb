package index

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"unicode"

	"referat/corpus"
)

// QueryError is a query or request the index cannot run: a malformed
// query, an unknown field, a value out of range. Its message is one line
// meant for the person who typed the query; the CLI exits with status 2 and
// the web page answers 400.
type QueryError struct {
	Query string // the query as given (may be "")
	Msg   string // what is wrong, one line
}

func (e *QueryError) Error() string { return "ugyldig søgning: " + e.Msg }

func queryErrorf(q, format string, args ...any) *QueryError {
	return &QueryError{Query: q, Msg: fmt.Sprintf(format, args...)}
}

// Query is a parsed query: a conjunction of clauses.
type Query struct {
	Clauses []Clause
}

// Clause is one part of a query: a word, phrase or field value, or a
// choice between alternatives (Any).
type Clause struct {
	// Field is "" for free text, else one of QueryFields (canonical name).
	Field string
	// Value is the word, phrase or field value, unquoted (a kind or
	// outcome by its canonical English name).
	Value string
	// Phrase is set for a quoted value: its words must occur in order.
	Phrase bool
	// Prefix is set for a free word typed with a trailing "*": it matches
	// the words beginning with Value.
	Prefix bool
	// Exclude is set for a clause written with a leading "-": hits must
	// not match it.
	Exclude bool
	// Any, when not nil, makes the clause a choice: hits match every
	// clause of at least one alternative ("a OR b", "(a b) | c"). With one
	// alternative it is an excluded group, "-(a b)". Field and Value are
	// then empty.
	Any [][]Clause
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

// danishKinds and danishOutcomes are the Danish words for the kinds and
// outcomes, accepted as values of type: and udfald: beside the English
// names (type:brev, udfald:godkendt). danishOutcomes also lets a free word
// that names an outcome ("godkendt") find the items with that outcome.
var (
	danishKinds = map[string]corpus.Kind{
		"brev": corpus.KindLetter, "breve": corpus.KindLetter,
		"andet": corpus.KindUnknown, "ukendt": corpus.KindUnknown,
		"referater": corpus.KindReferat, "dagsordener": corpus.KindDagsorden,
		"principmeddelelser": corpus.KindPrincipmeddelelse,
	}
	danishOutcomes = map[string]corpus.Outcome{
		"godkendt": corpus.OutcomeApproved, "vedtaget": corpus.OutcomeApproved, "tiltrådt": corpus.OutcomeApproved,
		"anbefalet": corpus.OutcomeRecommended, "anbefales": corpus.OutcomeRecommended,
		"efterretning": corpus.OutcomeNoted, "noteret": corpus.OutcomeNoted, "orientering": corpus.OutcomeNoted,
		"drøftet": corpus.OutcomeDiscussed, "droftet": corpus.OutcomeDiscussed, "droeftet": corpus.OutcomeDiscussed,
		"afvist": corpus.OutcomeRejected, "forkastet": corpus.OutcomeRejected,
		"udsat": corpus.OutcomePostponed, "udsættes": corpus.OutcomePostponed,
		// DESIGN.md: "Fremsendes til / Oversendes til / Henvist til".
		"videresendt": corpus.OutcomeReferred, "oversendt": corpus.OutcomeReferred, "henvist": corpus.OutcomeReferred,
		"fremsendt": corpus.OutcomeReferred, "fremsendes": corpus.OutcomeReferred, "oversendes": corpus.OutcomeReferred, "henvises": corpus.OutcomeReferred,
		"intet": corpus.OutcomeNone, "ingen": corpus.OutcomeNone,
		"anden": corpus.OutcomeOther, "andet": corpus.OutcomeOther,
	}
)

// danishNames lists the Danish values of m, sorted, for error messages.
func danishNames[V any](m map[string]V) string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return strings.Join(out, ", ")
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

// checkFieldValue checks c's value against its field's vocabulary and
// writes a Danish kind or outcome by its canonical name.
func checkFieldValue(src string, c *Clause) error {
	v := strings.ToLower(c.Value)
	switch c.Field {
	case "kind":
		if k, ok := danishKinds[v]; ok {
			c.Value = string(k)
		} else if !slices.Contains(kinds, v) {
			return queryErrorf(src, "typen %q findes ikke; typer: %s (eller %s)", c.Value, strings.Join(kinds, ", "), danishNames(danishKinds))
		}
	case "outcome":
		if o, ok := danishOutcomes[v]; ok {
			c.Value = string(o)
		} else if !slices.Contains(outcomes, v) {
			return queryErrorf(src, "udfaldet %q findes ikke; udfald: %s (eller %s)", c.Value, strings.Join(outcomes, ", "), danishNames(danishOutcomes))
		}
	case "scheme":
		if !slices.Contains(schemes, v) {
			return queryErrorf(src, "nummerformatet %q findes ikke; formater: %s", c.Value, strings.Join(schemes, ", "))
		}
	case "year":
		if !yearRe.MatchString(v) {
			return queryErrorf(src, "år %q er ikke et firecifret årstal", c.Value)
		}
	case "case":
		if NormalizeCaseNumber(c.Value) == "" {
			return queryErrorf(src, "sagsnummeret %q er tomt", c.Value)
		}
	}
	return nil
}

// String returns the query in canonical form; ParseQuery(q.String())
// gives q back.
func (q *Query) String() string {
	var b strings.Builder
	writeSeq(&b, q.Clauses)
	return b.String()
}

func writeSeq(b *strings.Builder, cs []Clause) {
	for i, c := range cs {
		if i > 0 {
			b.WriteByte(' ')
		}
		writeClause(b, c)
	}
}

func writeClause(b *strings.Builder, c Clause) {
	if c.Exclude {
		b.WriteByte('-')
	}
	if c.Any != nil {
		if c.Exclude || len(c.Any) == 1 {
			b.WriteByte('(')
		}
		for i, alt := range c.Any {
			if i > 0 {
				b.WriteString(" OR ")
			}
			if len(alt) == 1 && alt[0].Any == nil {
				writeClause(b, alt[0])
				continue
			}
			b.WriteByte('(')
			writeSeq(b, alt)
			b.WriteByte(')')
		}
		if c.Exclude || len(c.Any) == 1 {
			b.WriteByte(')')
		}
		return
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
	if c.Prefix {
		b.WriteByte('*')
	}
}

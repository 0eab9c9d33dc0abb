package casenum

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"

	"referat/corpus"
)

// The shapes of case numbers. Each is matched without context and then
// checked by hand for what is glued to it, since RE2 has no look-around.
var (
	kleCase      = regexp.MustCompile(`\d{2}\.\d{2}\.\d{2}-[A-ZÆØÅ]\d{2}-\d{1,7}-\d{2}`)
	prefixedCase = regexp.MustCompile(`[A-ZÆØÅ]{1,6}-?(?:19|20)\d{2}-\d{2,8}`)
	slashCase    = regexp.MustCompile(`\d{2,4}/\d{3,8}(?:-\d{1,6})?`)
	// year-serial, with an optional second serial ("2019-423-0208"), or
	// serial-year ("6400220-12") as some authorities print it.
	yearSerial   = regexp.MustCompile(`\d{2}(?:\d{2})?-\d{3,8}(?:-\d{2,6})?|\d{5,8}-\d{2}`)
	ministryCase = regexp.MustCompile(`(?:19|20)\d{2}(?: [-–] ?| ?– ?)\d{3,8}`)

	// caseLabel introduces a case number: "Sagsnr.:", "sagsnr.",
	// "J.nr.", "J.nr .", "Jnr.", "Journalnr.", "Journalnummer:", "Sag nr.",
	// "Sagsnummer:", "Sags-id:", "Jour. nr.", and, followed by a colon,
	// "Sag:" and "Ref.:" ("Vores ref.:", "Deres ref.:"). What follows may
	// carry any scheme, including the ministry's "2023 - 9318" that is
	// never taken unlabelled.
	caseLabel = regexp.MustCompile(`(?i)(?:\b(?:sags?|j|jour|journal)\s?\.?\s?-?\s?(?:nr|nummer|id)\b\.?|\bj\.\s?nr\b\.?|\bjnr\b\.?|\b(?:sag|ref|reference)\b\.?\s*:)\s?[:.]?\s*`)
	// caseLabelStart is caseLabel at the start of a line.
	caseLabelStart = regexp.MustCompile(`^(?:` + caseLabel.String() + `)`)
	// keyLabel is a label a typed number may carry besides caseLabel:
	// "Dok.nr." (a document's number in the same journal).
	keyLabel = regexp.MustCompile(`(?i)^dok\.\s?nr\.?\s*:?\s*`)

	// plainSerial is a serial printed without separators ("200906126",
	// as Middelfart's eDoc prints its case numbers): a case number only
	// where a label or a case-number field says so, or typed as a query.
	plainSerial = regexp.MustCompile(`^\d{5,}$`)

	// spacedMinistry finds ministry numbers printed with spaced dashes
	// ("2023 - 9318"), which a query would otherwise split into three
	// words.
	spacedMinistry = regexp.MustCompile(`\b(\d{4})\s+[-–]\s+(\d{3,})\b`)
)

// Labelled is the shape (a regular expression) of what a case-number
// label vouches for: any scheme's shape, serials with separators ("24-1",
// "13/011760-1053") and plain serials of five or more digits. Unlabelled
// text is read with Find, which takes far less.
const Labelled = `(?:[A-ZÆØÅ]{1,5}-?)?\d{1,7}(?:[./-][A-Z]?\d+)+|\d{4}\s?[–-]\s?\d{3,6}|\d{5,}`

// schemeOrder is the order shapes are tried in: the most specific first, so
// that 00.01.00-P20-104-19 is one KLE number, not a year-serial 104-19.
var schemeOrder = []struct {
	scheme string
	re     *regexp.Regexp
}{
	{corpus.SchemeKLE, kleCase},
	{corpus.SchemePrefixed, prefixedCase},
	{corpus.SchemeSlash, slashCase},
	{corpus.SchemeMinistry, ministryCase},
	{corpus.SchemeYearSerial, yearSerial},
}

// Parse parses s when it is one case number of a known scheme and nothing
// more (surrounding space and punctuation aside), as on the case line
// under an agenda point's title: "23-002364", "19/3742",
// "EMN-2025-003383", "00.01.00-P20-104-19", "2011-29298", "S2024-19207",
// "2023 - 9318", "6400220-12", "2019-423-0208", "18/13722-4". Dates, year
// ranges (2014-2016), amounts and page numbers are not case numbers. A
// KLE number gets its KLE field; its subject is the caller's to fill.
func Parse(s string) (corpus.CaseNumber, bool) {
	s = strings.Trim(strings.TrimSpace(s), ".,;:()")
	for _, r := range schemeOrder {
		if loc := r.re.FindStringIndex(s); loc != nil && loc[0] == 0 && loc[1] == len(s) {
			if c, ok := checkCase(r.scheme, s); ok {
				return c, true
			}
		}
	}
	return corpus.CaseNumber{}, false
}

// ParseField parses what a system prints in a case-number field or after a
// label: a number of a known scheme, else a plain serial such as
// "200906126" without a scheme.
func ParseField(s string) (corpus.CaseNumber, bool) {
	if c, ok := Parse(s); ok {
		return c, true
	}
	s = strings.Trim(strings.TrimSpace(s), ".,;:()")
	if plainSerial.MatchString(s) {
		return corpus.CaseNumber{Raw: s}, true
	}
	return corpus.CaseNumber{}, false
}

// Line parses a line that holds case numbers of known schemes and nothing
// else, such as "19/3742" or "23-002364, 23-002365", and returns them.
func Line(line string) ([]corpus.CaseNumber, bool) {
	fields := strings.FieldsFunc(line, func(r rune) bool { return r == ',' || r == ';' || r == '\t' })
	var out []corpus.CaseNumber
	for _, f := range fields {
		f = strings.TrimSpace(f)
		if f == "" {
			continue
		}
		c, ok := Parse(f)
		if !ok {
			return nil, false
		}
		out = append(out, c)
	}
	return out, len(out) > 0
}

// CutLabel returns what follows a case-number label at the start of
// line ("Sagsnr.: 2011-29298", "Sag nr. 24-012345", "J.nr.: 24/12345",
// "Journalnummer: 2019-423-0208", "Sag: 13/011760-1053"), or false when
// the line does not start with one.
func CutLabel(line string) (string, bool) {
	line = strings.TrimSpace(line)
	loc := caseLabelStart.FindStringIndex(line)
	if loc == nil {
		return "", false
	}
	return strings.TrimSpace(line[loc[1]:]), true
}

// Find returns the case numbers in running text, in order and without
// repeats: those of an unmistakable shape anywhere (KLE numbers, prefixed
// numbers such as EMN-2025-003383), and those of any scheme after a label
// such as "Sagsnr.:", "J.nr." or "sagsnr." (so a bare "2014-2016" or
// "19/20" in prose is never taken).
func Find(s string) []corpus.CaseNumber {
	type hit struct {
		pos int
		c   corpus.CaseNumber
	}
	var hits []hit
	taken := func(start, end int) bool {
		for _, h := range hits {
			if start < h.pos+len(h.c.Raw) && h.pos < end {
				return true
			}
		}
		return false
	}
	for _, re := range schemeOrder[:2] { // KLE and prefixed
		for _, m := range re.re.FindAllStringIndex(s, -1) {
			if !boundary(s, m[0], m[1]) || taken(m[0], m[1]) {
				continue
			}
			if c, ok := checkCase(re.scheme, s[m[0]:m[1]]); ok {
				hits = append(hits, hit{m[0], c})
			}
		}
	}
	for _, m := range caseLabel.FindAllStringIndex(s, -1) {
		rest := s[m[1]:]
		if len(rest) > 40 {
			rest = rest[:40]
		}
		for _, r := range schemeOrder {
			loc := r.re.FindStringIndex(rest)
			if loc == nil || loc[0] != 0 {
				continue
			}
			start, end := m[1], m[1]+loc[1]
			if !boundary(s, start, end) || taken(start, end) {
				continue
			}
			if c, ok := checkCase(r.scheme, s[start:end]); ok {
				hits = append(hits, hit{start, c})
				break
			}
		}
	}
	for i := 1; i < len(hits); i++ {
		for j := i; j > 0 && hits[j].pos < hits[j-1].pos; j-- {
			hits[j], hits[j-1] = hits[j-1], hits[j]
		}
	}
	var out []corpus.CaseNumber
	seen := map[string]bool{}
	for _, h := range hits {
		if !seen[h.c.Raw] {
			seen[h.c.Raw] = true
			out = append(out, h.c)
		}
	}
	return out
}

// Key returns the form under which a case number is indexed and looked
// up: a leading label such as "J.nr." or "Sagsnr.:" dropped, lower case,
// spaces removed, and every dash and slash one "-", so that a number
// typed with another separator finds it ("19-3742" finds "19/3742",
// "23/011668" finds "23-011668", "2023 – 9318" finds "2023 - 9318").
// "EMN-2025-003383" becomes "emn-2025-003383". Key is idempotent.
func Key(s string) string {
	// Until nothing changes, so that a key is its own key ("J.nr. J.nr. 5"
	// loses one label per round). Lower-casing is idempotent and every
	// other step only removes or replaces one rune by one, so this ends.
	for {
		k := keyOnce(s)
		if k == s {
			return s
		}
		s = k
	}
}

func keyOnce(s string) string {
	s = dropLabel(s)
	s = separators.Replace(s)
	var b strings.Builder
	for _, r := range s {
		if !unicode.IsSpace(r) {
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return strings.Trim(b.String(), ".,;:()")
}

// Query reports whether a word typed in a query is a case number, so that
// it is looked up as one besides being searched as text: what Parse or
// ParseField takes, with or without a label, in any case and with any of
// the separators Key makes one ("19-3742" is typed 19/3742, "18-13722-4"
// is 18/13722-4). A plain serial of five or more digits counts, since an
// item's case-number field may print one.
func Query(s string) bool {
	s = dropLabel(s)
	if _, ok := ParseField(s); ok {
		return true
	}
	up := strings.ToUpper(s)
	dashed := separators.Replace(up)
	for _, v := range []string{up, dashed, strings.Replace(dashed, "-", "/", 1)} {
		if _, ok := Parse(v); ok {
			return true
		}
	}
	return false
}

// dropLabel returns s without a leading label ("J.nr.", "Sagsnr.:",
// "Dok.nr.") and surrounding space.
func dropLabel(s string) string {
	s = strings.TrimSpace(s)
	if rest, ok := CutLabel(s); ok {
		return rest
	}
	if m := keyLabel.FindStringIndex(s); m != nil {
		return s[m[1]:]
	}
	return s
}

// separators are the runes Key makes "-".
var separators = strings.NewReplacer("/", "-", "–", "-", "—", "-", "‐", "-", "‑", "-", "−", "-")

// JoinSpaced joins the ministry numbers in a query that are printed with
// spaced dashes ("2023 - 9318" becomes "2023-9318"), so that they stay one
// word.
func JoinSpaced(s string) string {
	return spacedMinistry.ReplaceAllString(s, "$1-$2")
}

// boundary reports whether s[start:end] stands on its own: no letter,
// digit or joining punctuation glued to either side.
func boundary(s string, start, end int) bool {
	if start > 0 {
		c := s[start-1]
		if isDigit(c) || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c == '/' || c == '-' || c == '.' && start > 1 && isDigit(s[start-2]) {
			return false
		}
	}
	if end < len(s) {
		c := s[end]
		if isDigit(c) || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || (c == '/' || c == '-' || c == '.' || c == ',') && end+1 < len(s) && isDigit(s[end+1]) {
			return false
		}
	}
	return true
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// checkCase applies the rules that tell a case number of a scheme from
// the dates, ranges and amounts of the same shape, and fills the KLE
// field.
func checkCase(scheme, raw string) (corpus.CaseNumber, bool) {
	c := corpus.CaseNumber{Raw: raw, Scheme: scheme}
	switch scheme {
	case corpus.SchemeKLE:
		c.KLE = raw[:8]
	case corpus.SchemePrefixed:
		i := strings.LastIndexByte(raw, '-')
		j := strings.IndexAny(raw, "0123456789")
		if isYearRange(raw[j:j+4], raw[i+1:]) {
			return c, false // BF-2024-2027 is a span of years
		}
	case corpus.SchemeYearSerial:
		a, b, _ := strings.Cut(raw, "-")
		if len(a) > 4 {
			break // serial-year: 6400220-12
		}
		b, third, _ := strings.Cut(b, "-")
		if isYearRange(a, b) {
			return c, false
		}
		if len(a) == 2 && len(b) < 4 && third == "" { // 15-300 is a range, 23-002364 a case
			return c, false
		}
	case corpus.SchemeSlash:
		a, b, _ := strings.Cut(raw, "/")
		b, _, _ = strings.Cut(b, "-")
		if isYearRange(a, b) || len(a) == 4 && len(b) == 2 { // 2019/2020, 2019/20
			return c, false
		}
		if n, _ := strconv.Atoi(a); len(a) <= 2 && n >= 1 && n <= 12 && len(b) == 4 && isYear(b) {
			return c, false // 12/2019 is a month
		}
		if len(a) == 3 {
			return c, false
		}
	case corpus.SchemeMinistry:
		a, b, _ := strings.Cut(strings.ReplaceAll(strings.ReplaceAll(raw, " ", ""), "–", "-"), "-")
		if isYearRange(a, b) {
			return c, false
		}
	}
	return c, true
}

func isYear(s string) bool {
	n, err := strconv.Atoi(s)
	return err == nil && len(s) == 4 && n >= 1900 && n <= 2100
}

// isYearRange reports whether a-b reads as a span of years: 2014-2016,
// 2019/2020.
func isYearRange(a, b string) bool {
	if !isYear(a) || !isYear(b) {
		return false
	}
	x, _ := strconv.Atoi(a)
	y, _ := strconv.Atoi(b)
	return y >= x && y-x <= 50
}

// KLE returns the KLE code ("00.01.00") of a KLE case number, printed or
// as its key, or false when s is no KLE number.
func KLE(s string) (string, bool) {
	c, ok := Parse(strings.ToUpper(s))
	if !ok || c.Scheme != corpus.SchemeKLE {
		return "", false
	}
	return c.KLE, true
}

// specificKey is the key of a prefixed number with a four-digit year and
// a serial of five or more digits: "s2024-19207", "emn-2025-003383".
var specificKey = regexp.MustCompile(`^[a-zæøå]{1,6}-?(?:19|20)\d{2}-\d{5,8}$`)

// Specific reports whether a case number (printed or its Key) is specific
// enough to be taken for one municipality's without knowing whose it is:
// a prefixed number naming its journal system, with a four-digit year and
// a serial of five or more digits ("S2024-19207", "EMN-2025-003383").
// Year-serial and slash numbers ("24-10910", "19/3742", "2011-29298")
// recur in the journals of many municipalities and authorities
// (Ankestyrelsen's J.nr. 24-10910 has the shape of Lejre's 23-002364), and
// KLE numbers share their subject and handling codes across every
// municipality, with small serials ("00.01.00-A00-1-19"): none of them
// says whose journal it is in.
func Specific(s string) bool {
	return specificKey.MatchString(Key(s))
}

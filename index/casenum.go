package index

import (
	"regexp"
	"strings"
	"unicode"
)

// NormalizeCaseNumber returns the form under which a case number is indexed
// and looked up: lower case, dashes unified, spaces removed, and a leading
// label such as "J.nr." or "sagsnr." dropped. "2023 – 9318" and "2023 - 9318"
// both become "2023-9318"; "EMN-2025-003383" becomes "emn-2025-003383".
func NormalizeCaseNumber(s string) string {
	// Until nothing changes, so that a normalised number normalises to
	// itself ("J.nr. J.nr. 5" loses one label per round). Lower-casing is
	// idempotent and every other step only removes, so this ends.
	for {
		n := normalizeOnce(s)
		if n == s {
			return s
		}
		s = n
	}
}

func normalizeOnce(s string) string {
	s = strings.TrimSpace(s)
	if m := caseLabel.FindStringIndex(s); m != nil {
		s = s[m[1]:]
	}
	var b strings.Builder
	for _, r := range s {
		switch {
		case unicode.IsSpace(r):
		case r == '–' || r == '—' || r == '‐' || r == '‑' || r == '−':
			b.WriteByte('-')
		default:
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return strings.Trim(b.String(), ".,;:()")
}

var caseLabel = regexp.MustCompile(`(?i)^(j\.\s?nr\.?|journalnr\.?|sagsnr\.?|sags\s?nr\.?|sag\s?nr\.?|dok\.\s?nr\.?)\s*:?\s*`)

// caseNumberPatterns are the printed shapes of the schemes in DESIGN.md, on
// the normalised form.
var caseNumberPatterns = []*regexp.Regexp{
	regexp.MustCompile(`^\d\d\.\d\d\.\d\d(-[a-zø]\d\d(-\d+-\d+)?)?$`), // KLE: 00.01.00-p20-104-19
	regexp.MustCompile(`^(\d\d|\d{4})-\d{3,}$`),                       // year-serial: 23-002364, 2011-29298, ministry 2023-9318
	regexp.MustCompile(`^(\d\d|\d{4})/\d+$`),                          // slash: 19/3742
	regexp.MustCompile(`^[a-zæøå]{1,5}-?\d{2,4}-\d{2,}$`),             // prefixed: s2024-19207, emn-2025-003383
}

// LooksLikeCaseNumber reports whether a word typed in a query has the shape
// of a case number, so that it is looked up as one besides being searched
// as text.
func LooksLikeCaseNumber(s string) bool {
	n := NormalizeCaseNumber(s)
	for _, re := range caseNumberPatterns {
		if re.MatchString(n) {
			return true
		}
	}
	return false
}

// ministryNumber finds case numbers printed with spaced dashes
// ("2023 - 9318"), which a query would otherwise split into three words.
var ministryNumber = regexp.MustCompile(`\b(\d{4})\s+[-–]\s+(\d{3,})\b`)

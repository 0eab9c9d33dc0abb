package danish

import (
	"regexp"
	"strings"
)

// committeePeriod is the election period some systems append to a
// committee's name: "Udvalget for Børn og Ungdom - 2022-2025",
// "Socialudvalget_2018-21", "Udvalget for Social, Sundhed og Ældre - 2022 - 2025".
var committeePeriod = regexp.MustCompile(`\s*[-–_ ]\s*(?:19|20)\d{2}\s*[-–/]\s*(?:19|20)?\d{2}\s*$`)

// CommitteeName cleans a committee's name as printed: the election period
// suffix goes, underscores and runs of space become one space. The words
// stay as printed ("&" stays "&"); see CommitteeKey for comparing.
func CommitteeName(s string) string {
	s = strings.TrimSpace(s)
	s = committeePeriod.ReplaceAllString(s, "")
	s = strings.ReplaceAll(s, "_", " ")
	return strings.Join(strings.Fields(s), " ")
}

// CommitteeKey returns the form under which two printings of one
// committee compare equal, for facets and grouping: "Udvalget for Børn &
// Ungdom" and "Udvalget for Børn og Ungdom - 2022-2025" both give
// "Udvalget for Børn og Ungdom". Case is kept from the first letter on,
// but "For"/"for" after "Udvalget" is lower-cased.
func CommitteeKey(s string) string {
	s = CommitteeName(s)
	s = strings.ReplaceAll(s, " & ", " og ")
	s = strings.ReplaceAll(s, "&", " og ")
	f := strings.Fields(s)
	for i := 1; i < len(f); i++ {
		switch lw := strings.ToLower(f[i]); lw {
		case "for", "og", "i", "af", "til":
			f[i] = lw
		}
	}
	return strings.Join(f, " ")
}

// committeeWord ends the name of a body that meets: "Økonomiudvalget",
// "Aarhus Byråd", "Kommunalbestyrelsen", "Magistraten", "Ældrerådet".
var committeeWord = regexp.MustCompile(`(?i)(?:udvalg(?:et)?|byråd(?:et)?|kommunalbestyrelse(?:n)?|regionsråd(?:et)?|rådet|magistrat(?:en)?|borgerrepræsentation(?:en)?|bestyrelse(?:n)?)$`)

// LooksLikeCommittee reports whether a line, printed alone, names a
// committee or council: it ends in "udvalget", "Byråd", "Kommunalbestyrelsen"
// and the like, or starts "Udvalget for", and is short and no sentence.
func LooksLikeCommittee(s string) bool {
	s = CommitteeName(s)
	n := len(strings.Fields(s))
	if n == 0 || n > 10 || len(s) > 100 || strings.ContainsAny(s, ".:;!?0123456789") {
		return false
	}
	low := strings.ToLower(s)
	return strings.HasPrefix(low, "udvalget for ") || strings.HasPrefix(low, "udvalg for ") || committeeWord.MatchString(s)
}

package letter

import (
	"regexp"
	"strings"

	"referat/corpus"
	"referat/extract/danish"
	"referat/internal/casenum"
)

// caseNumber is what a label vouches for as a journal or case number:
// "24-10910", "S2024-19207", "13/011760-1053", "2019-423-0208",
// "EMN-2023-015988", "2023 – 9318", "00.01.00-P20-104-19".
const caseNumber = `(` + casenum.Labelled + `)`

var (
	// The sender's own number: "J.nr. 24-10910", "J.nr . 24-10910",
	// "Journalnummer: 2019-423-0208", "Sag: 13/011760-1053",
	// "Sagsnr.: 2012-28504", "Vores ref.: 24-1".
	ownNumber = regexp.MustCompile(`(?i)(?:^|[\s(,;])(?:vores\s+|vor\s+)?(?:j\.?\s?nr|jour\.?\s?nr|journal\s?nr|journalnummer|sagsnr|sags\.?\s?nr|sagsnummer|sag|ref)\s?\.?\s?:?\s*` + caseNumber)
	// Another party's number: "(kommunens sagsnr. S2024-19207)",
	// "(ministeriets sagsnr. 2023 – 9318)", "Deres j.nr. 12-345".
	partyNumber = regexp.MustCompile(`(?i)\b(deres|jeres|din|dit|\p{L}+(?:ens|ets|s))\s+(?:j\.?\s?nr|journal\s?nr|journalnummer|sagsnr|sags\.?\s?nr|sagsnummer|ref)\s?\.?\s?:?\s*` + caseNumber)
)

// numbers holds the numbers a letter prints.
type numbers struct {
	journal []string
	others  []corpus.CaseNumber
}

// findNumbers reads journal numbers and other parties' case numbers from
// lines (letterhead furniture included: that is where the journal number
// is printed). A number the sender calls its own ("Ankestyrelsens j.nr.")
// is a journal number.
func findNumbers(ls []line, sender string) numbers {
	own := strings.ToLower(strings.Fields(sender + " x")[0])
	var n numbers
	seen := map[string]bool{}
	for _, l := range ls {
		if l.blank {
			continue
		}
		t := l.text
		party := map[string]bool{}
		for _, m := range partyNumber.FindAllStringSubmatch(t, -1) {
			raw := strings.TrimSpace(m[2])
			party[raw] = true
			if w := strings.ToLower(m[1]); w == "vores" || w == "vor" || sender != "" && strings.HasPrefix(w, own) {
				delete(party, raw)
				continue
			}
			if !seen["c"+fold(raw)] {
				seen["c"+fold(raw)] = true
				n.others = append(n.others, parseCase(raw))
			}
		}
		for _, m := range ownNumber.FindAllStringSubmatch(t, -1) {
			raw := strings.TrimSpace(m[1])
			if party[raw] || !plausibleNumber(raw) || seen["j"+fold(raw)] {
				continue
			}
			seen["j"+fold(raw)] = true
			n.journal = append(n.journal, raw)
		}
	}
	return n
}

// parseCase returns a case number with its scheme, or with no scheme when
// the number is of a shape none of the known schemes has (it was printed
// as a case number, so it is kept).
func parseCase(raw string) corpus.CaseNumber {
	if c, ok := danish.ParseCaseNumber(raw); ok {
		return c
	}
	return corpus.CaseNumber{Raw: raw}
}

// plausibleNumber rejects what the label regexp catches but is no case
// number: a date or a lone year.
func plausibleNumber(raw string) bool {
	if _, ok := danish.ParseDate(raw); ok {
		return false
	}
	digits := 0
	for _, r := range raw {
		if r >= '0' && r <= '9' {
			digits++
		}
	}
	return digits >= 4
}

func fold(s string) string {
	return strings.NewReplacer(" ", "", "–", "-", "—", "-").Replace(strings.ToLower(s))
}

package letter

import (
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

var (
	// closing starts the signature: "Venlig hilsen", "Med venlig hilsen",
	// "Mvh", "Med venlige hilsner".
	closing = regexp.MustCompile(`(?i)^(?:med\s+)?(?:venlig(?:st|e)?\s+hils(?:en|ner)|mvh\.?|de\s+bedste\s+hilsner|kærlig\s+hilsen|vh\.?)\s*[,.!]?$`)
	// copyHeading starts the list of copy recipients.
	copyHeading = regexp.MustCompile(`(?i)^(?:kopi(?:\s+er)?(?:\s+(?:sendt|givet))?\s+til|kopi|cc)\s*(?::\s*(.*)|$)`)
	// lawHeading starts a list of the laws a decision rests on.
	lawHeading = regexp.MustCompile(`(?i)^(?:vi\s+har\s+anvendt|love\s+og\s+(?:regler|bekendtgørelser)|lovgrundlag|retsgrundlag|regelgrundlag|lov(?:e)?|regler(?:ne)?|anvendte\s+regler|de\s+anvendte\s+regler)\s*(?::\s*(.*)|$)`)
	// conclusionHeading starts the conclusion or decision of a letter.
	conclusionHeading = regexp.MustCompile(`(?i)^(?:\d+\.\s*)?(?:konklusion|afgørelse|afgørelsen|resultat|resultatet|sammenfatning|\p{L}+s\s+(?:afgørelse|konklusion|vurdering))\s*:?$`)
	// knownHeading are the section headings of Danish authority letters.
	knownHeading = regexp.MustCompile(`(?i)^(?:\d+(?:\.\d+)*\.?\s*)?(?:konklusion|afgørelse|afgørelsen|resultat|resumé|resume|sammenfatning|sagens\s+oplysninger|sagens\s+baggrund|sagsfremstilling|baggrund|begrundelse|begrundelse\s+for\s+afgørelsen|vurdering|klagevejledning|regler(?:ne)?|retsgrundlag|lovgrundlag|vi\s+har\s+anvendt|kopi\s+er\s+sendt\s+til|\p{L}+s\s+(?:vurdering|afgørelse|konklusion|bemærkninger|kompetence.*|udtalelse))\s*:?$`)
	// A name as signed: two to five capitalised words or initials.
	nameLine = regexp.MustCompile(`^\p{Lu}[\p{L}'-]*\.?(?:\s+(?:\p{Lu}[\p{L}'-]*\.?|von|van|de|la|af))+$`)
	// A party's place and role, never a signer: "Formand for ...".
	mailAddress = regexp.MustCompile(`<[^>]*@[^>]*>|\S+@\S+`)
)

// orgName matches a line that is the name of an authority or
// municipality alone, as letterheads print it.
var orgName = regexp.MustCompile(`^(?:[\p{Lu}][\p{L}.&-]*,?\s+(?:og\s+|for\s+|i\s+)?)*(?:\p{Lu}\p{L}*-\s+og\s+)?(?:\p{L}+\s+)?(?:Kommune|Regionskommune|Region\s+\p{Lu}\p{L}+|\p{L}*styrelsen|\p{L}*tilsynet|\p{L}*ministeriet|Ombudsmand(?:en)?|\p{L}*nævnet|Folketinget|Rigsrevisionen|Udbetaling\s+Danmark|Borgerrepræsentationen|Byråd(?:et)?)$`)

// sender returns the organisation printed in the letterhead: the
// organisation line printed most often outside the address blocks and
// copy lists, the first one on a tie.
func sender(ls []line, skip map[int]bool) string {
	count := map[string]int{}
	first := map[string]int{}
	for i, l := range ls {
		if l.blank || skip[i] || utf8.RuneCountInString(l.text) > 60 {
			continue
		}
		t := strings.TrimSpace(strings.TrimRight(l.text, ",."))
		if !orgName.MatchString(t) || toLine.MatchString(t) {
			continue
		}
		if _, ok := first[t]; !ok {
			first[t] = i
		}
		count[t]++
	}
	var names []string
	for n := range count {
		names = append(names, n)
	}
	sort.Slice(names, func(a, b int) bool {
		if count[names[a]] != count[names[b]] {
			return count[names[a]] > count[names[b]]
		}
		return first[names[a]] < first[names[b]]
	})
	if len(names) == 0 {
		return ""
	}
	return names[0]
}

// subject reads the subject under the date: the first line, and the lines
// that carry it on (a line in lower case, or a short line ending it).
func subject(ls []line, from, to int) (string, int) {
	i := from
	for i < to && (ls[i].blank || ls[i].furniture || isPageLine(ls[i].text)) {
		i++
	}
	if i >= to {
		return "", from
	}
	parts := []string{ls[i].text}
	i++
	for n := 1; n < 3 && i < to; n++ {
		l := ls[i]
		if l.blank || l.furniture || knownHeading.MatchString(l.text) {
			break
		}
		prev := parts[len(parts)-1]
		r, _ := utf8.DecodeRuneInString(l.text)
		short := utf8.RuneCountInString(l.text) <= 45 && !strings.HasSuffix(l.text, ".") && !strings.HasSuffix(l.text, ":")
		if !(unicode.IsLower(r) || short && !endsSentence(prev)) {
			break
		}
		parts = append(parts, l.text)
		i++
	}
	return joinLines(parts), i
}

func isPageLine(s string) bool { return pageNumber.MatchString(s) }

func endsSentence(s string) bool {
	return strings.HasSuffix(s, ".") || strings.HasSuffix(s, "?") || strings.HasSuffix(s, "!")
}

// section returns the text under the heading at ls[h] up to the next
// heading, closing or copy list, as running text.
func section(ls []line, h, to int) string {
	var parts []string
	for i := h + 1; i < to; i++ {
		l := ls[i]
		if l.furniture {
			continue
		}
		if l.blank {
			if len(parts) > 0 && parts[len(parts)-1] != "\n" {
				parts = append(parts, "\n")
			}
			continue
		}
		if isHeading(ls, i) || closing.MatchString(l.text) || copyHeading.MatchString(l.text) && strings.HasSuffix(l.text, ":") {
			break
		}
		parts = append(parts, l.text)
	}
	return joinLines(parts)
}

// isHeading reports whether ls[i] is a section heading: a known one, or a
// short line that follows a finished sentence and is followed by text.
func isHeading(ls []line, i int) bool {
	t := ls[i].text
	if knownHeading.MatchString(t) || lawHeading.MatchString(t) && strings.HasSuffix(t, ":") {
		return true
	}
	if utf8.RuneCountInString(t) > 50 || endsSentence(t) || strings.HasSuffix(t, ",") {
		return false
	}
	r, _ := utf8.DecodeRuneInString(t)
	if !unicode.IsUpper(r) {
		return false
	}
	prev := prevText(ls, i)
	next := nextText(ls, i)
	if prev == "" || next == "" || !endsSentence(prev) && !strings.HasSuffix(prev, ":") {
		return false
	}
	nr, _ := utf8.DecodeRuneInString(next)
	return unicode.IsUpper(nr)
}

func prevText(ls []line, i int) string {
	for j := i - 1; j >= 0; j-- {
		if !ls[j].blank && !ls[j].furniture {
			return ls[j].text
		}
	}
	return ""
}

func nextText(ls []line, i int) string {
	for j := i + 1; j < len(ls); j++ {
		if !ls[j].blank && !ls[j].furniture {
			return ls[j].text
		}
	}
	return ""
}

// joinLines joins printed lines to running text: a line break is a
// space, "\n" parts are paragraph breaks, and a word broken with a hyphen
// at the end of a line is joined ("ikke-" + "planlagte").
func joinLines(parts []string) string {
	var b strings.Builder
	for i, p := range parts {
		if p == "\n" {
			b.WriteString("\n")
			continue
		}
		if i > 0 && parts[i-1] != "\n" {
			prev := parts[i-1]
			first := strings.Fields(p)
			if !(strings.HasSuffix(prev, "-") && len(first) > 0 && !conjunction[first[0]] && !strings.HasSuffix(prev, " -")) {
				b.WriteByte(' ')
			}
		}
		b.WriteString(p)
	}
	return strings.TrimSpace(b.String())
}

var conjunction = map[string]bool{"og": true, "eller": true, "til": true, "samt": true}

// signer returns the name under the last closing between from and to.
func signer(ls []line, from, to int) (string, int) {
	for i := to - 1; i >= from; i-- {
		if ls[i].blank || !closing.MatchString(ls[i].text) {
			continue
		}
		for j := i + 1; j < len(ls) && j <= i+4; j++ {
			l := ls[j]
			if l.blank || l.furniture {
				continue
			}
			t := strings.TrimSpace(mailAddress.ReplaceAllString(l.text, ""))
			if nameLine.MatchString(t) && len(strings.Fields(t)) <= 5 && !orgName.MatchString(t) {
				return t, i
			}
			break
		}
		return "", i
	}
	return "", -1
}

// copyTo returns the copy recipients listed after "Kopi er sendt til:".
func copyTo(ls []line, from int) []string {
	var out []string
	for i := from; i < len(ls); i++ {
		l := ls[i]
		if l.blank || l.furniture {
			continue
		}
		m := copyHeading.FindStringSubmatch(l.text)
		if m == nil || !strings.Contains(l.text, ":") {
			continue
		}
		if rest := strings.TrimSpace(m[1]); rest != "" {
			out = append(out, splitList(rest)...)
		}
		parent := ""
		for j := i + 1; j < len(ls); j++ {
			l := ls[j]
			if l.furniture {
				continue
			}
			if l.blank && len(out) > 0 {
				break
			}
			if l.blank {
				continue
			}
			if knownHeading.MatchString(l.text) || lawHeading.MatchString(l.text) || closing.MatchString(l.text) || utf8.RuneCountInString(l.text) > 90 {
				break
			}
			if _, ok := dateLine(l.text); ok {
				break
			}
			item := strings.TrimSpace(strings.TrimLeft(l.text, "-–•· "))
			// A group and its members: "Aarhus Kommune, Teknik og Miljø:"
			// over "- Plan og Miljø, Mobilitet".
			if item != l.text && parent != "" {
				item = parent + ", " + item
				if len(out) > 0 && out[len(out)-1] == parent+":" {
					out = out[:len(out)-1]
				}
			} else if strings.HasSuffix(item, ":") {
				parent = strings.TrimSuffix(item, ":")
			} else {
				parent = ""
			}
			out = append(out, item)
		}
		break
	}
	return out
}

func splitList(s string) []string {
	var out []string
	for _, p := range strings.Split(s, ";") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

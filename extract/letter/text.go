package letter

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"referat/corpus"
	"referat/extract/danish"
)

var (
	// meetingMarker is a line only minutes and agendas print.
	meetingMarker = regexp.MustCompile(`(?i)^(?:mødedato|mødested|mødetidspunkt|mødelokale|dagsorden|referat|tilstede|fraværende|afbud)\b|^Punkt\s+\d+\s*[:.]`)
	// mailHeader is a header line of a printed e-mail.
	mailHeader = regexp.MustCompile(`(?i)^(fra|from|sendt|sent|dato|date|til|to|cc|emne|subject)\s*:\s*(.*)$`)
	// toLine addresses a letter in its body: "Til Aarhus Byråd".
	toLine = regexp.MustCompile(`^Til\s+(\p{L}[^.!?:]{2,60})$`)
)

// fromText reads a letter from text laid out as ingest lays it out. It
// reports false when the text is not a letter: no address block with a
// date, or no closing and signature (or mail header), or the text is
// minutes.
func fromText(text string) (corpus.Record, bool) {
	if quickMinutes(text) {
		return corpus.Record{}, false // before the costly line marking
	}
	ls := splitLines(text)
	if minutesLike(ls) {
		return corpus.Record{}, false
	}
	mail := mailHeaders(ls)
	anchors := findAnchors(ls)
	if len(anchors) == 0 && mail == nil {
		a, ok := addresseeAnchor(ls)
		if !ok {
			return corpus.Record{}, false
		}
		anchors = []anchor{a}
	}
	L := &corpus.Letter{}
	var warnings []string
	start, end := 0, len(ls)
	skip := map[int]bool{}
	if len(anchors) > 0 {
		k := mainLetter(ls, anchors)
		a := anchors[k]
		start = a.start
		if k+1 < len(anchors) {
			end = anchors[k+1].start
		}
		L.Date = a.iso
		L.Recipient = strings.Join(a.names, ", ")
		for _, b := range anchors {
			for i := b.start; i < b.date; i++ {
				skip[i] = true
			}
		}
		var next int
		L.Subject, next = subject(ls, a.date+1, end)
		_ = next
	}
	if mail != nil {
		if L.Date == "" {
			if d, ok := danish.FindDate(mail["sendt"] + " " + mail["sent"] + " " + mail["dato"] + " " + mail["date"]); ok {
				L.Date = d
			}
		}
		if L.Recipient == "" {
			L.Recipient = firstNonEmpty(cleanParty(mail["til"]), cleanParty(mail["to"]), bodyAddressee(ls))
		}
		if L.Subject == "" {
			L.Subject = strings.TrimSpace(firstNonEmpty(mail["emne"], mail["subject"]))
		}
	}
	name, closeAt := signer(ls, start, end)
	if closeAt < 0 && mail == nil {
		return corpus.Record{}, false // a note or report: no closing, no mail
	}
	L.SignedBy = name
	if closeAt < 0 {
		closeAt = end
	}
	for i := start; i < len(ls); i++ {
		if m := copyHeading.FindStringSubmatch(ls[i].text); m != nil && strings.Contains(ls[i].text, ":") {
			for j := i; j < len(ls) && j < i+30; j++ {
				skip[j] = true
			}
			break
		}
	}
	L.Sender = sender(ls, skip)
	if mail != nil {
		if from := cleanParty(firstNonEmpty(mail["fra"], mail["from"])); from != "" {
			L.Sender = from
		}
	}
	L.CopyTo = copyTo(ls, start)
	nums := findNumbers(ls, L.Sender)
	L.JournalNumbers = nums.journal
	L.CaseNumbers = nums.others
	L.Conclusion = conclusion(ls, start, closeAt)
	L.LawsCited = lawsFromLines(ls[start:])
	if len(L.LawsCited) == 0 {
		L.LawsCited = lawsNamed(bodyText(ls[start:closeAt]))
	}
	for _, f := range []struct{ name, v string }{{"sender", L.Sender}, {"recipient", L.Recipient}, {"date", L.Date}, {"signer", L.SignedBy}} {
		if f.v == "" {
			warnings = append(warnings, "letter: no "+f.name+" found")
		}
	}
	rec := corpus.Record{Kind: corpus.KindLetter, Letter: L, Title: L.Subject, Warnings: warnings}
	rec.Municipality = firstNonEmpty(danish.MunicipalityName(L.Sender), danish.MunicipalityName(L.Recipient))
	return rec, true
}

// minutesLike reports whether the text is minutes or an agenda rather
// than a letter: it prints a meeting header or numbered agenda points.
func minutesLike(ls []line) bool {
	n, seen := 0, 0
	for _, l := range ls {
		if l.blank || l.furniture {
			continue
		}
		seen++
		if meetingMarker.MatchString(l.text) {
			n++
		}
		if seen > 60 {
			break
		}
	}
	return n >= 2
}

// quickMinutes is minutesLike on the raw lines, for the documents that
// are plainly minutes (three markers or more among the first lines), so
// that they skip the marking of page furniture a letter needs.
func quickMinutes(text string) bool {
	n, seen := 0, 0
	for len(text) > 0 && seen < 60 {
		l := text
		if i := strings.IndexAny(text, "\n\f"); i >= 0 {
			l, text = text[:i], text[i+1:]
		} else {
			text = ""
		}
		l = strings.TrimSpace(l)
		if l == "" {
			continue
		}
		seen++
		if meetingMarker.MatchString(l) {
			n++
		}
	}
	return n >= 3
}

// mainLetter picks the letter with the most text when a document holds
// several (a minister's cover letter and the letter it forwards).
func mainLetter(ls []line, anchors []anchor) int {
	best, most := 0, -1
	for k, a := range anchors {
		end := len(ls)
		if k+1 < len(anchors) {
			end = anchors[k+1].start
		}
		n := 0
		for i := a.date; i < end; i++ {
			if !ls[i].blank && !ls[i].furniture {
				n++
			}
		}
		if n > most {
			best, most = k, n
		}
	}
	return best
}

// mailHeaders reads the header of a printed e-mail at the top of the
// text ("Fra:", "Sendt:", "Til:", "Emne:"), or returns nil.
func mailHeaders(ls []line) map[string]string {
	h := map[string]string{}
	seen := 0
	for _, l := range ls {
		if l.blank || l.furniture {
			continue
		}
		if seen++; seen > 8 {
			break
		}
		if m := mailHeader.FindStringSubmatch(l.text); m != nil {
			h[strings.ToLower(m[1])] = strings.TrimSpace(m[2])
		}
	}
	_, from := h["fra"]
	_, from2 := h["from"]
	_, subj := h["emne"]
	_, subj2 := h["subject"]
	if (from || from2) && (subj || subj2) {
		return h
	}
	return nil
}

// cleanParty drops mail addresses from a party as a mail header prints it.
func cleanParty(s string) string {
	s = strings.TrimSpace(mailAddress.ReplaceAllString(s, ""))
	return strings.Trim(s, `"' ,;`)
}

// addresseeAnchor finds a letter that names its addressee in the body
// ("Til kommunalbestyrelsen") rather than in an address block, with a
// date line near the top. The subject follows the addressee.
func addresseeAnchor(ls []line) (anchor, bool) {
	to, seen := -1, 0
	for i, l := range ls {
		if l.blank || l.furniture {
			continue
		}
		if seen++; seen > 80 {
			break
		}
		if to < 0 && seen <= 15 {
			if m := toLine.FindStringSubmatch(l.text); m != nil {
				to = i
				continue
			}
		}
		if to >= 0 && !l.spaced {
			if iso, ok := dateLine(l.text); ok && !runningDate(ls, i) {
				name := toLine.FindStringSubmatch(ls[to].text)[1]
				// The subject is read after the date; here it stands
				// under the addressee, so the date "sits" there.
				return anchor{start: to, date: to, iso: iso, names: []string{strings.TrimSpace(name)}}, true
			}
		}
	}
	return anchor{}, false
}

// bodyAddressee finds "Til Aarhus Byråd" among the first lines of a body.
func bodyAddressee(ls []line) string {
	seen := 0
	for _, l := range ls {
		if l.blank || l.furniture {
			continue
		}
		if seen++; seen > 15 {
			break
		}
		if m := toLine.FindStringSubmatch(l.text); m != nil {
			return strings.TrimSpace(m[1])
		}
	}
	return ""
}

// conclusion returns the text under the letter's conclusion heading
// ("Konklusion", "Afgørelse") between from and to, or "".
func conclusion(ls []line, from, to int) string {
	for i := from; i < to; i++ {
		if ls[i].blank || ls[i].furniture || !conclusionHeading.MatchString(ls[i].text) {
			continue
		}
		if s := section(ls, i, to); s != "" {
			return clip(s, 4000)
		}
	}
	return ""
}

// bodyText is the running text of lines that are not furniture.
func bodyText(ls []line) string {
	var parts []string
	for _, l := range body(ls) {
		if l.blank {
			parts = append(parts, "\n")
			continue
		}
		parts = append(parts, l.text)
	}
	return joinLines(parts)
}

// clip cuts s after at most n runes, at the end of a sentence when there
// is one.
func clip(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)[:n]
	cut := string(r)
	if i := strings.LastIndex(cut, ". "); i > n/2 {
		return cut[:i+1]
	}
	return cut
}

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if strings.TrimSpace(s) != "" {
			return strings.TrimSpace(s)
		}
	}
	return ""
}

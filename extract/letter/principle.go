package letter

import (
	"regexp"
	"strings"

	"referat/corpus"
)

const ankestyrelsen = "Ankestyrelsen"

var (
	// "Ankestyrelsens principmeddelelse 1-25 om erstatning for tab af
	// erhvervsevne, fleksjob", "principafgørelse 64-13 om ...".
	principTitle = regexp.MustCompile(`(?i)\bprincip(?:meddelelse|afgørelse)\s+(\d{1,3}-\d{2})\b(?:\s+om\s+(.+))?`)
	// The statement of the principle starts here.
	principStart = regexp.MustCompile(`(?i)princip(?:meddelelsen|afgørelsen)\s+fastslår[:.]?\s*`)
	// ... and ends where the case, the purpose or the rules begin.
	principEnd = regexp.MustCompile(`(?:\n\s*\nLov:|\n\s*\nAfgørelse:|\bDen konkrete sag\b|\bDe konkrete sager\b|\bDen konkrete afgørelse\b|\bLove og bekendtgørelser\b|\bFormålet med\b|\bAnkestyrelsen har (?:valgt|behandlet)\b|\bBaggrund for at behandle sagen\b|\bReglerne\b\s)`)
	// "Love og bekendtgørelser" (ast.dk) or "Lov:" (Retsinformation) heads
	// the rules; "Praksis" or a blank line ends them.
	rulesStart = regexp.MustCompile(`(?:Love og bekendtgørelser|Love og regler|Lov:|Vi har anvendt:)\s*`)
	rulesEnd   = regexp.MustCompile(`(?:\bPraksis\b|\bAfgørelse:|\bSag nr\.|\bSag j\.nr)`)
	// "genudgivet som 2-26": a principle republished under a new number.
	republished = regexp.MustCompile(`genudgivet som (\d{1,3}-\d{2})`)
)

// principle holds what a principmeddelelse states about itself.
type principle struct {
	title, number, date, subject string
	journal                      []string
	text                         string // the whole text, paragraphs separated by blank lines
}

// record builds the record of a principmeddelelse.
func (p principle) record() corpus.Record {
	L := &corpus.Letter{
		Sender:         ankestyrelsen,
		Date:           p.date,
		Number:         p.number,
		Subject:        p.subject,
		JournalNumbers: p.journal,
		Conclusion:     statedPrinciple(p.text),
		LawsCited:      rulesIn(p.text),
	}
	var warnings []string
	if L.Conclusion == "" {
		warnings = append(warnings, "principmeddelelse: the principle stated was not found")
	}
	if len(L.LawsCited) == 0 {
		L.LawsCited = lawsNamed(p.text)
	}
	if L.Number == "" {
		warnings = append(warnings, "principmeddelelse: no number found")
	}
	if m := republished.FindStringSubmatch(p.text); m != nil && m[1] != L.Number {
		warnings = append(warnings, "principmeddelelse "+L.Number+" was republished as "+m[1])
	}
	for _, n := range findNumbers(splitLines(p.text), ankestyrelsen).journal {
		if !containsFold(L.JournalNumbers, n) {
			L.JournalNumbers = append(L.JournalNumbers, n)
		}
	}
	return corpus.Record{
		Kind:     corpus.KindPrincipmeddelelse,
		Title:    p.title,
		Letter:   L,
		Text:     p.text,
		Warnings: warnings,
	}
}

// statedPrinciple returns the statement after "Principmeddelelsen
// fastslår", up to the account of the case.
func statedPrinciple(text string) string {
	loc := principStart.FindStringIndex(text)
	if loc == nil {
		return ""
	}
	rest := text[loc[1]:]
	// The heading is sometimes repeated as the start of a sentence:
	// "Principmeddelelsen fastslår Principmeddelelsen fastslår, at ...".
	// The sentence is kept whole; a bare repeated heading goes.
	if l2 := principStart.FindStringIndex(rest); l2 != nil && l2[0] == 0 && !strings.HasPrefix(rest[l2[0]:], "Principmeddelelsen fastslår,") && !strings.HasPrefix(rest[l2[0]:], "Principafgørelsen fastslår,") {
		rest = rest[l2[1]:]
	}
	if end := principEnd.FindStringIndex(rest); end != nil && end[0] > 0 {
		rest = rest[:end[0]]
	}
	return clip(strings.Join(strings.Fields(rest), " "), 4000)
}

// rulesIn returns the laws listed under "Love og bekendtgørelser" or
// "Lov:": the paragraph after the heading, and the paragraphs after it
// that begin with a law's title (Retsinformation prints one a paragraph).
func rulesIn(text string) []string {
	loc := rulesStart.FindStringIndex(text)
	if loc == nil {
		return nil
	}
	paras := strings.Split(text[loc[1]:], "\n\n")
	list := []string{paras[0]}
	for _, p := range paras[1:] {
		loc := lawStart.FindStringSubmatchIndex(" " + strings.TrimSpace(p))
		if loc == nil || loc[2] != 1 {
			break // not a paragraph that starts with a law's title
		}
		list = append(list, p)
	}
	var out []string
	for _, p := range list {
		if end := rulesEnd.FindStringIndex(p); end != nil {
			p = p[:end[0]]
		}
		out = append(out, lawsIn(p)...)
	}
	return out
}

// principleFromText reads a principmeddelelse printed as text (a PDF or
// web page of ast.dk or Retsinformation).
func principleFromText(text string) (corpus.Record, bool) {
	head := text
	if len(head) > 600 {
		head = head[:600]
	}
	m := principTitle.FindStringSubmatch(head)
	if m == nil || !principStart.MatchString(text) {
		return corpus.Record{}, false
	}
	p := principle{number: m[1], text: text}
	p.title = strings.TrimSpace(firstLineWith(head, m[0]))
	p.subject = topic(m[2])
	ls := splitLines(text)
	for _, l := range ls[:min(len(ls), 15)] {
		if d, ok := dateLine(l.text); ok {
			p.date = d
			break
		}
	}
	p.journal = findNumbers(ls, ankestyrelsen).journal
	return p.record(), true
}

// firstLineWith returns the line of s that holds sub.
func firstLineWith(s, sub string) string {
	for _, l := range strings.Split(s, "\n") {
		if strings.Contains(l, sub) {
			return l
		}
	}
	return sub
}

func containsFold(list []string, s string) bool {
	for _, x := range list {
		if fold(x) == fold(s) {
			return true
		}
	}
	return false
}

// topic cleans the topic of a principle's title: "– kommunens
// forpligtelse – anmodning om bistand." loses its leading dash and final
// full stop.
func topic(s string) string {
	return strings.TrimSpace(strings.TrimRight(strings.TrimLeft(strings.TrimSpace(s), "–- "), ". "))
}

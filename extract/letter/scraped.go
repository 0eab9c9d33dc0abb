package letter

import (
	"bytes"
	"encoding/json"
	"regexp"
	"strings"

	"referat/corpus"
	"referat/extract/danish"
)

// scraped is a decision as scrapers of ast.dk, datatilsynet.dk and the
// like store it: metadata and the whole text.
type scraped struct {
	Title          string `json:"title"`
	Text           string `json:"text"`
	Date           string `json:"date"`
	URL            string `json:"url"`
	Source         string `json:"_source"`
	Authority      string `json:"authority"`
	DecisionNumber string `json:"decision_number"`
	JournalNumber  string `json:"journal_number"`
	CaseNumber     string `json:"case_number"`
}

var (
	isoDay = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}`)
	// Footnotes naming the rules: "[1] Europa-Parlamentets og Rådets
	// forordning (EU) 2016/679 ...".
	footnote = regexp.MustCompile(`(?m)^\s*\[\d+\]\s*(.+)$`)
	// The decision's own summary: "I tilsynet med Aalborg Kommune
	// konkluderer Datatilsynet, at ...".
	concludes = regexp.MustCompile(`(?i)\bkonklude\w*|\budtaler\s+(?:alvorlig\s+)?kritik|\bfinder\s+(?:ikke\s+)?grundlag`)
)

// fromScraped reads a scraped decision: a principmeddelelse of
// Ankestyrelsen, or a decision of another authority about a
// municipality (Datatilsynet), as a letter from that authority.
func fromScraped(raw []byte) (corpus.Record, bool) {
	raw = bytes.TrimPrefix(raw, []byte("\xef\xbb\xbf"))
	if !bytes.HasPrefix(bytes.TrimSpace(raw), []byte("{")) {
		return corpus.Record{}, false
	}
	var s scraped
	if err := json.Unmarshal(raw, &s); err != nil || strings.TrimSpace(s.Text) == "" || s.Title == "" {
		return corpus.Record{}, false
	}
	text := cleanScraped(s.Text)
	date := ""
	if m := isoDay.FindString(s.Date); m != "" {
		date = m
	} else if d, ok := danish.FindDate(s.Date); ok {
		date = d
	}
	if m := principTitle.FindStringSubmatch(s.Title); m != nil {
		p := principle{title: s.Title, number: firstNonEmpty(s.DecisionNumber, m[1]), date: date, subject: topic(m[2]), text: text}
		if j := strings.TrimSpace(firstNonEmpty(s.JournalNumber, s.CaseNumber)); j != "" {
			p.journal = []string{j}
		}
		return p.record(), true
	}
	authority := strings.TrimSpace(s.Authority)
	if authority == "" {
		authority = authorityOf(s.URL, s.Source)
	}
	if authority == "" {
		return corpus.Record{}, false // not a decision we know the sender of
	}
	L := &corpus.Letter{Sender: authority, Date: date, Subject: s.Title}
	L.Recipient = addressee(s.Title, text)
	if j := strings.TrimSpace(firstNonEmpty(s.CaseNumber, s.JournalNumber)); j != "" {
		L.JournalNumbers = []string{j}
	}
	ls := splitLines(text)
	for _, n := range findNumbers(ls, authority).journal {
		if !containsFold(L.JournalNumbers, n) {
			L.JournalNumbers = append(L.JournalNumbers, n)
		}
	}
	L.Conclusion = leadConclusion(text)
	if L.Conclusion == "" {
		L.Conclusion = conclusion(ls, 0, len(ls))
	}
	var notes []string
	for _, m := range footnote.FindAllStringSubmatch(text, -1) {
		notes = append(notes, m[1])
	}
	L.LawsCited = lawsIn(strings.Join(notes, " "))
	if len(L.LawsCited) == 0 {
		L.LawsCited = lawsNamed(text)
	}
	rec := corpus.Record{Kind: corpus.KindLetter, Title: s.Title, Letter: L, Text: text}
	rec.Municipality = danish.MunicipalityName(L.Recipient)
	if L.Recipient == "" {
		rec.Warnings = append(rec.Warnings, "letter: no recipient found")
	}
	return rec, true
}

// cleanScraped normalises a scraped text: no carriage returns, no runs of
// empty lines.
func cleanScraped(s string) string {
	s = strings.ReplaceAll(s, "\r", "")
	s = strings.ReplaceAll(s, "\u00a0", " ")
	lines := strings.Split(s, "\n")
	var out []string
	for _, l := range lines {
		l = strings.TrimSpace(l)
		if l == "" && (len(out) == 0 || out[len(out)-1] == "") {
			continue
		}
		out = append(out, l)
	}
	return strings.TrimSpace(strings.Join(out, "\n"))
}

// authorityOf names the authority a scraped record comes from.
func authorityOf(url, source string) string {
	u := strings.ToLower(url + " " + source)
	switch {
	case strings.Contains(u, "datatilsynet") || strings.Contains(u, "dtil"):
		return "Datatilsynet"
	case strings.Contains(u, "ast.dk") || strings.Contains(u, "ankestyrelsen"):
		return ankestyrelsen
	case strings.Contains(u, "ombudsmanden") || strings.Contains(u, "foi.dk"):
		return "Folketingets Ombudsmand"
	}
	return ""
}

// addressee finds whom a decision concerns: the party after the colon of
// its title ("Tilsyn med ...: Aalborg Kommune"), else the municipality
// the text names most.
func addressee(title, text string) string {
	if i := strings.LastIndex(title, ":"); i >= 0 {
		if p := strings.TrimSpace(title[i+1:]); p != "" && len(strings.Fields(p)) <= 6 {
			if m := danish.MunicipalityName(p); m != "" {
				return m
			}
			return p
		}
	}
	return danish.FindMunicipality(text, 600)
}

// leadConclusion returns the first paragraph before any numbered section
// that states a conclusion.
func leadConclusion(text string) string {
	for _, p := range strings.Split(text, "\n\n") {
		p = strings.TrimSpace(p)
		if strings.HasPrefix(p, "1.") {
			break
		}
		if len(p) > 60 && concludes.MatchString(p) {
			return clip(strings.Join(strings.Fields(p), " "), 4000)
		}
	}
	return ""
}

package meetingdata

import (
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"referat/corpus"
	"referat/extract/danish"
	"referat/extract/minutes"
	"referat/internal/htmltext"
)

// headingMark brackets a heading's text in a rendered fragment, so that
// the layout of htmltext is kept and the headings can still be found.
const headingMark = "\u0001"

// section is a headed part of an item body given as HTML.
type section struct {
	heading string // as printed, without a trailing colon
	text    string // rendered as text: paragraphs, list items, tab-separated table rows
}

// parseFragment parses an HTML fragment; the parser never fails on a
// string.
func parseFragment(s string) *html.Node {
	nodes, err := html.ParseFragment(strings.NewReader(s), &html.Node{Type: html.ElementNode, Data: "body", DataAtom: atom.Body})
	root := &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div}
	if err != nil {
		root.AppendChild(&html.Node{Type: html.TextNode, Data: s})
		return root
	}
	for _, n := range nodes {
		root.AppendChild(n)
	}
	return root
}

// splitSections renders the HTML under n as text and splits it at its
// headings (h1-h6). Text before the first heading gets an empty heading;
// headings without text of their own (a wrapper such as "Fremstilling"
// over sub-headings) are dropped.
func splitSections(n *html.Node) []section {
	var marked []*html.Node
	var walk func(*html.Node)
	walk = func(c *html.Node) {
		if c.Type == html.ElementNode {
			switch c.DataAtom {
			case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
				marked = append(marked, c)
				return
			case atom.P, atom.Div:
				if boldHeading(c) {
					marked = append(marked, c)
					return
				}
			}
		}
		for k := c.FirstChild; k != nil; k = k.NextSibling {
			walk(k)
		}
	}
	walk(n)
	for _, h := range marked {
		t := strings.Join(strings.Fields(htmltext.Node(h)), " ")
		if utf8.RuneCountInString(t) > 80 || strings.HasSuffix(t, ".") {
			continue // a paragraph set as a heading: keep it as text
		}
		for h.FirstChild != nil {
			h.RemoveChild(h.FirstChild)
		}
		if t != "" {
			h.AppendChild(&html.Node{Type: html.TextNode, Data: headingMark + t + headingMark})
		}
	}
	return splitMarked(htmltext.Node(n))
}

// knownHeadings are the section headings of Danish agenda templates
// (lower case, no colon). A paragraph that is all bold and says one of
// them is a heading, as Word-made HTML prints headings. "Beslutning" is
// not among them: in bold it is as often a paragraph's subject (another
// body's decision) as the item's decision.
var knownHeadings = map[string]bool{
	"sagsprocedure": true, "sagsprocedurer": true, "sagsproces": true,
	"resume": true, "resumé": true, "sammendrag": true, "indstilling": true, "indstillinger": true,
	"sagsbeskrivelse": true, "sagsfremstilling": true, "supplerende sagsfremstilling": true,
	"lovgrundlag": true, "retsgrundlag": true, "tidsplan": true, "økonomi": true,
	"økonomiske konsekvenser": true, "økonomiske konsekvenser og finansiering": true,
	"sagens forløb": true, "sagsforløb": true, "tidligere behandling": true, "kommunikation": true,
	"øvrige konsekvenser": true, "høring": true, "øvrige forhold": true, "baggrund": true,
	"bilag": true, "vurdering": true, "administrationens vurdering": true, "forvaltningens vurdering": true,
	"beslutningskompetence": true, "beslutningen træffes af": true, "handicappolitik": true,
	"videre proces": true, "problemstilling": true, "løsning": true, "præsentation": true,
	"forvaltningen foreslår": true, "sagen afgøres af": true, "beslutningspunkter": true,
}

// boldHeading reports whether n is a paragraph that is all bold text and
// says a known heading.
func boldHeading(n *html.Node) bool {
	t := strings.Join(strings.Fields(htmltext.Node(n)), " ")
	if t == "" || len(t) > 60 || !knownHeadings[strings.ToLower(strings.TrimSuffix(t, ":"))] {
		return false
	}
	var bold strings.Builder
	var walk func(*html.Node, bool)
	walk = func(c *html.Node, in bool) {
		if c.Type == html.TextNode && in {
			bold.WriteString(c.Data)
		}
		if c.Type == html.ElementNode && (c.DataAtom == atom.Strong || c.DataAtom == atom.B) {
			in = true
		}
		for k := c.FirstChild; k != nil; k = k.NextSibling {
			walk(k, in)
		}
	}
	walk(n, false)
	return strings.Join(strings.Fields(bold.String()), " ") == t
}

// splitMarked splits rendered text at the lines holding marked headings.
func splitMarked(text string) []section {
	var out []section
	cur := section{}
	var lines []string
	flush := func() {
		cur.text = strings.TrimSpace(strings.Join(lines, "\n"))
		if cur.heading == "" && strings.Trim(cur.text, ".,;:-– \n") == "" {
			cur.text = "" // a placeholder before the first heading
		}
		if cur.text != "" || roleOf(cur.heading) == roleDecision {
			out = append(out, cur)
		}
		lines = nil
	}
	for _, l := range strings.Split(text, "\n") {
		t := strings.TrimSpace(l)
		if strings.HasPrefix(t, headingMark) && strings.HasSuffix(t, headingMark) && len(t) > 2*len(headingMark) {
			flush()
			cur = section{heading: strings.TrimSpace(strings.TrimSuffix(strings.Trim(t, headingMark), ":"))}
			continue
		}
		lines = append(lines, strings.ReplaceAll(l, headingMark, ""))
	}
	flush()
	return out
}

// role is what a section heading says its section is.
type role int

const (
	roleText role = iota
	roleDecision
	roleRecommend
	roleCompetence
	roleHistory
	roleAttachments
)

var (
	// "Beslutning", "Udvalgets beslutning", "FORRETNINGSUDVALGETS
	// BESLUTNING", "Beslutning i Økonomiudvalget den 12. marts 2024".
	decisionHeading   = regexp.MustCompile(`(?i)^(?:beslutning(?:er)?|.+s\s+beslutning(?:er)?(?:\s+(?:den|d\.)\s+.+)?|beslutning(?:er)?\s+(?:i\s+|på\s+|fra\s+)?.+\s+(?:den|d\.)\s+.+)$`)
	recommendHeading  = regexp.MustCompile(`(?i)^(?:indstilling(?:er)?|beslutningspunkter|forslag til beslutning|(?:forvaltningen|administrationen|direktionen)\s+(?:foreslår|indstiller)|.+s\s+indstilling(?:er)?)$`)
	competenceHeading = regexp.MustCompile(`(?i)^(?:beslutningskompetence|kompetence|beslutningen træffes af|sagen afgøres af|afgøres af)$`)
	historyHeading    = regexp.MustCompile(`(?i)^(?:sagsforløb|sagens forløb|tidligere behandling|tidligere beslutninger|punktet behandlet tidligere)$`)
	// A person's absence noted in a decision: "Fraværende: Marc Genning".
	absentNote = regexp.MustCompile(`(?im)^\s*(?:fraværende|afbud|ikke til stede)\s*:\s*(.+)$`)
	// An empty field as some systems fill it.
	emptyContent = regexp.MustCompile(`(?i)^(?:tomt indhold|beslutning ikke frigivet|intet indhold|-)?\.?$`)
)

func roleOf(heading string) role {
	h := strings.TrimSpace(heading)
	switch {
	case h == "":
		return roleText
	case strings.EqualFold(h, "bilag"):
		return roleAttachments
	case competenceHeading.MatchString(h):
		return roleCompetence
	case historyHeading.MatchString(h):
		return roleHistory
	case recommendHeading.MatchString(h):
		return roleRecommend
	case decisionHeading.MatchString(h) && !strings.HasPrefix(strings.ToLower(h), "beslutningsforslag"):
		return roleDecision
	}
	return roleText
}

// fillItem puts the sections of an item body into it: sections in order,
// decisions (of ctx's committee and date unless the heading names a body
// and a date), recommendations, competence, case history, attachments,
// absentees and tables. An empty decision field is kept only in minutes
// (keepEmpty): in an agenda it is the space left for the decision.
func fillItem(it *corpus.Item, secs []section, ctx minutes.Context, keepEmpty bool) {
	for _, s := range secs {
		if s.text == "" && !keepEmpty {
			continue
		}
		it.Sections = append(it.Sections, corpus.Section{Heading: s.heading, Text: s.text})
		it.Tables = append(it.Tables, minutes.Tables(s.text)...)
		switch roleOf(s.heading) {
		case roleDecision:
			text := s.text
			if emptyContent.MatchString(strings.TrimSpace(text)) {
				text = ""
			}
			if text == "" && !keepEmpty {
				continue
			}
			d := decisionOf(s.heading, text, ctx)
			if strings.TrimSpace(absentNote.ReplaceAllString(text, "")) == "" {
				d.Outcome = "" // only who was away: nothing was decided
			}
			it.Decisions = append(it.Decisions, d)
			for _, m := range absentNote.FindAllStringSubmatch(text, -1) {
				it.Absent = appendNew(it.Absent, danish.SplitNames(strings.TrimSuffix(strings.TrimSpace(m[1]), "."))...)
			}
		case roleRecommend:
			it.Recommendations = append(it.Recommendations, minutes.Recommendations(s.text)...)
		case roleCompetence:
			if it.Competence == "" {
				it.Competence = strings.TrimSuffix(strings.Join(strings.Fields(s.text), " "), ".")
			}
		case roleHistory:
			text := entryBreak.ReplaceAllString(s.text, "$1\n$2")
			it.History = append(it.History, minutes.History(text)...)
			it.Decisions = append(it.Decisions, historyDecisions(text)...)
		case roleAttachments:
			it.Attachments = appendNew(it.Attachments, minutes.Attachments(s.text)...)
		}
	}
	sortDecisions(it.Decisions)
}

// entryBreak finds a case history entry that starts inside a line,
// where the HTML put no break before its date.
var entryBreak = regexp.MustCompile(`([^\s:])[ \t]+(\d{1,2}[-/]\d{1,2}[-/]\d{4}[ \t]+\p{Lu})`)

var (
	// "13-11-2023 Sundheds- og Omsorgsudvalget" starts an entry (Greve).
	datedBody = regexp.MustCompile(`^(\d{1,2}[-./]\d{1,2}[-./]\d{4})\s+(\p{Lu}.{2,80})$`)
	// "Udvalg: Magistraten", "Dato: 02-09-2025", "Punktnummer: 3" (Aarhus).
	historyLabel = regexp.MustCompile(`(?i)^(udvalg|dato|punktnummer|punkt)\s*:\s*(.*)$`)
)

// historyDecisions reads the decisions of other bodies that a case
// history lists: one per entry, with its body and date.
func historyDecisions(text string) []corpus.Decision {
	var out []corpus.Decision
	var cur *corpus.Decision
	var lines []string
	flush := func() {
		if cur == nil {
			return
		}
		cur.Text = strings.TrimSpace(strings.Join(lines, "\n"))
		cur.Outcome = danish.Outcome(cur.Text)
		cur.Votes = danish.Votes(cur.Text)
		// An entry whose decision is not published yet is no decision.
		if cur.Body != "" && cur.Text != "" && !emptyContent.MatchString(cur.Text) {
			out = append(out, *cur)
		}
		cur, lines = nil, nil
	}
	for _, l := range strings.Split(text, "\n") {
		l = strings.TrimSpace(l)
		if m := datedBody.FindStringSubmatch(l); m != nil {
			if d, ok := danish.ParseDate(strings.ReplaceAll(m[1], "/", "-")); ok {
				flush()
				cur = &corpus.Decision{Body: danish.CommitteeName(strings.TrimSpace(m[2])), Date: d}
				continue
			}
		}
		if m := historyLabel.FindStringSubmatch(l); m != nil {
			v := strings.TrimSpace(m[2])
			switch strings.ToLower(m[1]) {
			case "udvalg":
				flush()
				cur = &corpus.Decision{Body: v}
			case "dato":
				if cur != nil {
					cur.Date, _ = danish.ParseDate(v)
				}
			}
			continue
		}
		if cur != nil && l != "" {
			lines = append(lines, l)
		}
	}
	flush()
	return out
}

// sortDecisions puts decisions in the order they were made; decisions
// without a date keep their place after the dated ones before them.
func sortDecisions(ds []corpus.Decision) {
	sort.SliceStable(ds, func(a, b int) bool {
		return ds[a].Date != "" && ds[b].Date != "" && ds[a].Date < ds[b].Date
	})
}

// decisionOf makes the decision of a decision section. The minutes
// package reads the body and date a heading names; a bare heading, or one
// naming only a body ("FORRETNINGSUDVALGETS BESLUTNING"), is the
// meeting's.
func decisionOf(heading, text string, ctx minutes.Context) corpus.Decision {
	var d corpus.Decision
	if m := bodyOnly.FindStringSubmatch(heading); m != nil && !strings.EqualFold(strings.TrimSpace(m[1]), "udvalget") {
		d = corpus.Decision{Body: bodyName(m[1]), Date: ctx.Date, Text: text}
		d.Outcome = danish.Outcome(text)
		d.Votes = danish.Votes(text)
	} else if ds := minutes.Decisions([]corpus.Section{{Heading: heading, Text: text}}, ctx); len(ds) == 1 {
		d = ds[0]
	} else {
		d = corpus.Decision{Body: ctx.Committee, Date: ctx.Date, Text: text, Outcome: danish.Outcome(text), Votes: danish.Votes(text)}
	}
	if d.Outcome == corpus.OutcomeOther {
		d.Outcome = danish.Outcome(d.Text)
	}
	// A decision of an earlier meeting printed with its date:
	// "18. september 2012: Sagen udsat ...".
	if m := datedText.FindStringSubmatch(text); m != nil {
		if iso, ok := danish.ParseDate(m[1]); ok {
			d.Date = iso
		}
	}
	return d
}

// datedText is a decision text that starts with the date it was made.
var datedText = regexp.MustCompile(`^\s*([^:\n]{6,30}):`)

// clockTime is a time of day as data formats write it: "16:30",
// "16:30:00".
var clockTime = regexp.MustCompile(`(?:^|[^\d:])(\d{1,2}):(\d{2})(?::\d{2})?(?:$|[^\d:])`)

// clockOf returns the time of day in s as HH:MM; midnight is taken as no
// time (a date written as a timestamp).
func clockOf(s string) string {
	if t, ok := danish.FindTime(s); ok && t != "00:00" {
		return t
	}
	m := clockTime.FindStringSubmatch(s)
	if m == nil {
		return ""
	}
	h, _ := strconv.Atoi(m[1])
	if h > 23 || m[2] > "59" || h == 0 && m[2] == "00" {
		return ""
	}
	return fmt.Sprintf("%02d:%s", h, m[2])
}

// "Forretningsudvalgets beslutning", "REGIONSRÅDETS BESLUTNING".
var bodyOnly = regexp.MustCompile(`(?i)^(.+?)s\s+beslutning(?:er)?$`)

// bodyName turns a body named in a heading into its name: "REGIONSRÅDET"
// becomes "Regionsrådet"; names in mixed case stay as printed.
func bodyName(s string) string {
	s = strings.TrimSpace(s)
	if s != strings.ToUpper(s) {
		return s
	}
	r := []rune(strings.ToLower(s))
	if len(r) > 0 {
		r[0] = []rune(strings.ToUpper(string(r[0])))[0]
	}
	return string(r)
}

// appendNew appends the items, trimmed, that are not empty and not in list
// yet.
func appendNew(list []string, items ...string) []string {
	for _, s := range items {
		s = strings.TrimSpace(s)
		if s == "" {
			continue
		}
		if !slices.Contains(list, s) {
			list = append(list, s)
		}
	}
	return list
}

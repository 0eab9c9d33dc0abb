package minutes

import (
	"regexp"
	"strings"

	"referat/corpus"
	"referat/extract/danish"
)

// Context is what a point's body is read against: the meeting's
// committee and date, which a bare "Beslutning" heading refers to.
type Context struct {
	Committee string
	Date      string // YYYY-MM-DD
}

var (
	// historyLine is an earlier treatment printed in a point's head:
	// "Kommunalbestyrelsen den 30. januar 2012 Punkt 5".
	historyLine = regexp.MustCompile(`^(.{3,80}?)\s+(?:den|d\.)\s+(.+?)(?:\s+[Pp]unkt\s+\d+)?$`)
	// attachmentDocNumber starts an eDoc attachment: "2012-208960 - Title".
	attachmentDocNumber = regexp.MustCompile(`^\d{4}-\d{3,8}\s+[-–]\s+`)
	listMarker          = regexp.MustCompile(`^(?:\d{1,2}[.)]|[A-Za-z][.)]|[-•·*▪]|[Aa]t\s+\d{1,2}\))\s*`)
	atNumber            = regexp.MustCompile(`^[Aa]t\s+\d{1,2}\)\s*`)
	pointMarker         = regexp.MustCompile(`^(?:[A-Za-z]|\d{1,2})\)\s+`)
	markerAlone         = regexp.MustCompile(`^(?:\d{1,2}[.)]|[A-Za-z][.)])$`)
	indstillerAt        = regexp.MustCompile(`(?i)\b(?:indstiller|indstilles|foreslår|foreslås)(?:\s+\w+)?\s*,?\s+(at\s+.+)$`)
	absentSentence      = regexp.MustCompile(`(?i)^(.{2,120}?)\s+deltog ikke\b`)
)

// Section is a headed part of a point as found, with what its heading
// says.
type section struct {
	heading heading
	lines   []string
}

// splitSections splits a point's body into sections at its headings. A
// "Bilag" list runs on over lines that look like headings ("Indstilling"
// is also the name of an attachment) until a decision, competence or
// history heading, or, in eDoc's numbered lists, a line that is not an
// attachment.
func splitSections(lines []string) []section {
	var out []section
	cur := section{}
	flush := func() {
		for len(cur.lines) > 0 && cur.lines[len(cur.lines)-1] == "" {
			cur.lines = cur.lines[:len(cur.lines)-1]
		}
		if cur.heading.text != "" || len(cur.lines) > 0 {
			out = append(out, cur)
		}
	}
	for i, l := range lines {
		if l == "" && len(cur.lines) == 0 {
			continue
		}
		h, ok := parseHeading(l)
		if ok && cur.heading.role == roleAttachments && cur.heading.text != "" {
			switch h.role {
			case roleDecision, roleCompetence, roleHistory, roleAbsent, roleAttachments:
			default:
				// An attachment may be named like a heading ("Indstilling");
				// a heading is followed by its text, a name by more names.
				ok = proseFollows(lines, i+1)
			}
		}
		if !ok && cur.heading.role == roleAttachments && l != "" && endsAttachments(cur.lines, l) {
			flush()
			cur = section{lines: []string{l}}
			continue
		}
		if ok {
			flush()
			cur = section{heading: h}
			continue
		}
		if h, rest, ok := parseInlineHeading(l); ok && (cur.heading.role != roleAttachments || h.role != roleAttachments) {
			flush()
			cur = section{heading: h, lines: []string{rest}}
			continue
		}
		cur.lines = append(cur.lines, l)
	}
	flush()
	return out
}

// numberedAttachment is an attachment named with its number: "Bilag 1:
// Forslag til lokalplan", "Bilag 2 - Høringssvar".
var numberedAttachment = regexp.MustCompile(`^Bilag\s+\d{1,3}\s*[:.-]`)

// proseFollows reports whether the lines from i on start with running
// text (a sentence, a recommendation "... indstiller, at", a long line)
// rather than with names such as an attachment list's.
func proseFollows(lines []string, i int) bool {
	seen := 0
	for ; i < len(lines) && seen < 3; i++ {
		l := lines[i]
		if l == "" {
			if seen > 0 {
				break
			}
			continue
		}
		if _, ok := parseHeading(l); ok {
			break
		}
		seen++
		if numberedAttachment.MatchString(l) || attachmentDocNumber.MatchString(l) {
			return false // "Bilag 1: ...", "2012-200782 - ...": names
		}
		if strings.HasSuffix(l, ".") || strings.HasSuffix(l, ":") || strings.HasSuffix(l, ",") ||
			strings.HasSuffix(l, " at") || isAt(l) || strings.Contains(strings.ToLower(l), "indstill") || listMarker.MatchString(l) {
			return true
		}
	}
	return false
}

func nonEmpty(ls []string) int {
	n := 0
	for _, l := range ls {
		if l != "" {
			n++
		}
	}
	return n
}

// endsAttachments reports whether line l, under a "Bilag" heading whose
// list so far is ls, is no longer an attachment: in eDoc's lists every
// attachment starts with its document number, and a paragraph that does
// not ends the list.
func endsAttachments(ls []string, l string) bool {
	first := ""
	for _, x := range ls {
		if x != "" {
			first = x
			break
		}
	}
	if first == "" || !attachmentDocNumber.MatchString(first) || attachmentDocNumber.MatchString(l) {
		return false
	}
	// A wrapped attachment name continues without a blank line.
	return ls[len(ls)-1] == ""
}

// fillItem reads a point's body lines into it.
func fillItem(it *corpus.Item, lines []string, ctx Context) {
	secs := splitSummaries(splitSections(lines))
	var lastDecision *corpus.Decision
	for i, s := range secs {
		text := joinLines(s.lines)
		if i == 0 && s.heading.text == "" && s.heading.role == roleText {
			text = readHead(it, s.lines)
			if text == "" {
				continue
			}
		}
		it.Sections = append(it.Sections, corpus.Section{Heading: s.heading.text, Text: text})
		it.Tables = append(it.Tables, Tables(text)...)
		switch s.heading.role {
		case roleDecision:
			if s.heading.text == "" {
				break
			}
			d := decision(s.heading, text, ctx)
			it.Decisions = append(it.Decisions, d)
			lastDecision = &it.Decisions[len(it.Decisions)-1]
			for _, sent := range strings.Split(text, "\n") {
				if m := absentSentence.FindStringSubmatch(strings.TrimSpace(sent)); m != nil {
					it.Absent = appendNew(it.Absent, danish.SplitNames(m[1])...)
				}
			}
			continue
		case roleAbsent:
			names := splitPeople(text)
			it.Absent = appendNew(it.Absent, names...)
			if lastDecision != nil && len(names) > 0 {
				if lastDecision.Votes == nil {
					lastDecision.Votes = &corpus.Votes{}
				}
				lastDecision.Votes.Absent = appendNew(lastDecision.Votes.Absent, names...)
			}
			continue
		case roleAttachments:
			it.Attachments = append(it.Attachments, Attachments(text)...)
		case roleHistory:
			it.History = append(it.History, History(text)...)
		case roleCompetence:
			if it.Competence == "" {
				var bodies []string
				for _, l := range strings.Split(text, "\n") {
					if l = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(l), ".")); l != "" {
						bodies = append(bodies, l)
					}
				}
				it.Competence = strings.Join(bodies, "; ")
			}
		case roleRecommend:
			it.Recommendations = append(it.Recommendations, Recommendations(text)...)
		}
		lastDecision = nil
	}
	// A closed point publishes its title and its decision only, printed
	// under the case number without a heading (First Agenda's "Lukket:").
	if it.Closed && len(it.Decisions) == 0 && len(it.Sections) == 1 && it.Sections[0].Heading == "" {
		it.Decisions = append(it.Decisions, decision(heading{}, it.Sections[0].Text, ctx))
	}
}

// splitSummaries ends a decision where the decision ends. First Agenda's
// referat prints a point's summary field under an empty heading right
// after "Beslutninger" and before "Resume" (its web page shows the same
// field as an untitled block), so in the text the summary ("Endelig
// vedtagelse af forslag til Lokalplan nr. 1221 ...", or "." when empty)
// is the last paragraph of the decision: a line after one that ends a
// sentence, with what follows it, saying no outcome and no vote. It
// becomes an untitled section of its own ("." alone is dropped). A
// decision whose paragraphs are set apart by blank lines (Lejre's) kept
// its layout and is left alone.
func splitSummaries(secs []section) []section {
	var out []section
	for i, s := range secs {
		if s.heading.role != roleDecision || !strings.EqualFold(s.heading.text, "Beslutninger") ||
			i+1 >= len(secs) || !isSummaryNext(secs[i+1].heading.text) {
			out = append(out, s)
			continue
		}
		ls := trimBlank(s.lines)
		k := summaryStart(ls)
		if k < 0 {
			out = append(out, s)
			continue
		}
		out = append(out, section{heading: s.heading, lines: ls[:k]})
		if rest := strings.TrimSpace(joinLines(ls[k:])); rest != "." && rest != "" {
			out = append(out, section{heading: heading{role: roleSummary}, lines: ls[k:]})
		}
	}
	return out
}

// isSummaryNext reports whether a heading is the one First Agenda prints
// after a point's summary field.
func isSummaryNext(h string) bool {
	switch strings.ToLower(h) {
	case "resume", "resumé":
		return true
	}
	return false
}

// summaryStart returns the index of the line the summary paragraph of a
// decision's lines starts at, or -1. It is 0 where the block is the
// summary alone: an agenda's, whose decision is not written yet.
func summaryStart(ls []string) int {
	if len(ls) == 0 {
		return -1
	}
	for _, l := range ls {
		if strings.TrimSpace(l) == "" {
			return -1
		}
	}
	for k := len(ls) - 1; k >= 0; k-- {
		if k > 0 && !strings.HasSuffix(strings.TrimSpace(ls[k-1]), ".") {
			continue
		}
		rest := joinLines(ls[k:])
		if strings.TrimSpace(rest) == "." {
			return k
		}
		if danish.Outcome(rest) != corpus.OutcomeOther || danish.Votes(rest) != nil || absentSentence.MatchString(strings.TrimSpace(rest)) {
			return -1
		}
		return k
	}
	return -1
}

func trimBlank(ls []string) []string {
	for len(ls) > 0 && strings.TrimSpace(ls[len(ls)-1]) == "" {
		ls = ls[:len(ls)-1]
	}
	for len(ls) > 0 && strings.TrimSpace(ls[0]) == "" {
		ls = ls[1:]
	}
	return ls
}

// readHead reads the lines between a point's title and its first heading:
// case numbers, document numbers, earlier treatments. What is left is
// returned as the text of an untitled section.
func readHead(it *corpus.Item, lines []string) string {
	var rest []string
	for _, l := range lines {
		if cs, ok := danish.CaseNumberLine(l); ok {
			it.CaseNumbers = appendCases(it.CaseNumbers, cs...)
			continue
		}
		if rest, ok := danish.CutCaseLabel(l); ok {
			if cs, ok := danish.CaseNumberLine(rest); ok {
				it.CaseNumbers = appendCases(it.CaseNumbers, cs...)
				continue
			}
		}
		if docNumberLine.MatchString(l) || isLinkText(l) {
			continue
		}
		if m := historyLine.FindStringSubmatch(l); m != nil && !strings.HasSuffix(l, ".") {
			if _, ok := danish.ParseDate(m[2]); ok {
				it.History = append(it.History, l)
				continue
			}
		}
		rest = append(rest, l)
	}
	return joinLines(rest)
}

func appendCases(list []corpus.CaseNumber, cs ...corpus.CaseNumber) []corpus.CaseNumber {
	for _, c := range cs {
		dup := false
		for _, x := range list {
			if x.Raw == c.Raw {
				dup = true
			}
		}
		if !dup {
			list = append(list, c)
		}
	}
	return list
}

// decision makes a decision of a decision section. A bare "Beslutning"
// is the meeting's: its committee and date.
func decision(h heading, text string, ctx Context) corpus.Decision {
	d := corpus.Decision{Body: h.body, Date: h.date, Text: text}
	if d.Body == "" {
		d.Body = ctx.Committee
		if d.Date == "" {
			d.Date = ctx.Date
		}
	} else if d.Date == "" && ctx.Committee != "" && danish.CommitteeKey(d.Body) == danish.CommitteeKey(ctx.Committee) {
		d.Date = ctx.Date // the meeting's own committee, named
	}
	d.Outcome = danish.Outcome(text)
	d.Votes = danish.Votes(text)
	return d
}

// Sections splits the text of one agenda point into its sections, headings
// as printed and in order. Text before the first heading becomes a
// section with an empty heading.
func Sections(text string) []corpus.Section {
	var out []corpus.Section
	for _, s := range splitSections(prepare(text)) {
		out = append(out, corpus.Section{Heading: s.heading.text, Text: joinLines(s.lines)})
	}
	return out
}

// Decisions returns the decisions among sections: one for each decision
// heading ("Beslutning", "Beslutning <udvalg> den <dato>", "<udvalg>s
// beslutning den <dato>"), with outcome and votes. A bare heading is
// taken as the decision of ctx's committee on ctx's date. An empty
// decision stays: its text and outcome are empty.
func Decisions(sections []corpus.Section, ctx Context) []corpus.Decision {
	var out []corpus.Decision
	for _, s := range sections {
		h, ok := parseHeading(s.Heading)
		if !ok || h.role != roleDecision {
			continue
		}
		out = append(out, decision(h, strings.TrimSpace(s.Text), ctx))
	}
	return out
}

// Item fills the parts of an agenda point that its body text holds (case
// numbers before the first heading, sections, decisions, recommendations,
// competence, attachments, absentees, case history, tables), for readers
// of formats that give a point's body as one text (First Agenda's
// fields, eDoc's HTML).
func Item(it *corpus.Item, body string, ctx Context) {
	fillItem(it, prepare(body), ctx)
}

// Attachments returns the attachments of a "Bilag" list, one a line, a
// wrapped name (continuing in lower case) joined to its line; "Ingen"
// means none.
func Attachments(text string) []string {
	var out []string
	prevBlank := true
	for _, l := range strings.Split(text, "\n") {
		l = strings.TrimSpace(listMarkerBullet(l))
		if l == "" {
			prevBlank = true
			continue
		}
		switch strings.ToLower(strings.TrimSuffix(l, ".")) {
		case "ingen", "ingen bilag", "intet", "-":
			continue
		}
		if len(out) > 0 && !prevBlank && (startsLower(l) || !attachmentDocNumber.MatchString(l) && attachmentDocNumber.MatchString(out[len(out)-1])) {
			out[len(out)-1] += " " + l
		} else {
			out = append(out, l)
		}
		prevBlank = false
	}
	return out
}

func listMarkerBullet(l string) string {
	for _, b := range []string{"- ", "• ", "· ", "* ", "▪ "} {
		if strings.HasPrefix(l, b) {
			return l[len(b):]
		}
	}
	return l
}

// History returns the entries of a case history ("Sagens forløb"): an
// entry starts at a line that begins with a date or with "Udvalg:"; the
// lines after it belong to it. Without such lines every paragraph is an
// entry.
func History(text string) []string {
	var out []string
	starts := false
	lines := strings.Split(text, "\n")
	for _, l := range lines {
		if historyStart(l) {
			starts = true
			break
		}
	}
	cur := ""
	for _, l := range lines {
		l = strings.TrimSpace(l)
		newEntry := (starts && historyStart(l)) || (!starts && l == "")
		if newEntry && cur != "" {
			out = append(out, cur)
			cur = ""
		}
		if l == "" {
			continue
		}
		if cur == "" {
			cur = l
		} else {
			cur += " " + l
		}
	}
	if cur != "" {
		out = append(out, cur)
	}
	return out
}

func historyStart(l string) bool {
	if strings.HasPrefix(l, "Udvalg:") {
		return true
	}
	ds := danish.FindDates(l)
	return len(ds) > 0 && ds[0].Start == 0
}

// Recommendations returns the recommendations of an "Indstilling"
// section: its points ("1. at udvalget ...", "At 1) der ...", "A)" and the
// paragraph under it) and an inline "indstiller, at ...". Wrapped lines
// are joined.
func Recommendations(text string) []string {
	var out []string
	cur := ""
	pending := false // a marker alone on its line: the point follows
	prevBlank := true
	flush := func() {
		if c := strings.TrimSpace(cur); c != "" {
			out = append(out, c)
		}
		cur = ""
	}
	for _, l := range strings.Split(text, "\n") {
		l = strings.TrimSpace(l)
		if l == "" {
			prevBlank = true
			continue
		}
		switch {
		case markerAlone.MatchString(l):
			flush()
			pending = true
		case pending:
			cur, pending = recommendationStart(l), false
		case atNumber.MatchString(l):
			flush()
			cur = "at " + atNumber.ReplaceAllString(l, "")
		case pointMarker.MatchString(l):
			flush()
			cur = recommendationStart(pointMarker.ReplaceAllString(l, ""))
		case listMarker.MatchString(l) && isAt(listMarker.ReplaceAllString(l, "")):
			flush()
			cur = normaliseAt(listMarker.ReplaceAllString(l, ""))
		case isAt(l) && (prevBlank || cur == ""):
			flush()
			cur = normaliseAt(l)
		case indstillerAt.MatchString(l):
			flush()
			cur = indstillerAt.FindStringSubmatch(l)[1]
		case cur != "" && !prevBlank:
			cur += " " + l
		default:
			flush()
		}
		prevBlank = false
	}
	flush()
	return out
}

// recommendationStart strips a point's marker: "At 1) der ..." and
// "1. at ..." both become "at ...".
func recommendationStart(l string) string {
	if atNumber.MatchString(l) {
		return "at " + atNumber.ReplaceAllString(l, "")
	}
	if listMarker.MatchString(l) && isAt(listMarker.ReplaceAllString(l, "")) {
		return normaliseAt(listMarker.ReplaceAllString(l, ""))
	}
	return l
}

func isAt(s string) bool { return strings.HasPrefix(s, "at ") || strings.HasPrefix(s, "At ") }

func normaliseAt(s string) string {
	if strings.HasPrefix(s, "At ") {
		return "at " + s[3:]
	}
	return s
}

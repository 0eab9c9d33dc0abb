package minutes

import (
	"fmt"
	"strings"

	"referat/corpus"
	"referat/extract/danish"
)

// Minutes is what Parse finds in the text of minutes or an agenda.
type Minutes struct {
	// Kind is KindReferat or KindDagsorden when agenda points were found,
	// KindUnknown otherwise.
	Kind      corpus.Kind
	Committee string // as printed, election period removed; "" if not found
	Meeting   corpus.Meeting
	Items     []corpus.Item
	Warnings  []string
}

// singleItemHeadings are headings of which two in one text make it a
// single agenda point printed on its own (København's item pages).
var singleItemHeadings = map[string]bool{
	"resumé": true, "resume": true, "indstilling": true, "beslutning": true,
	"sagsfremstilling": true, "problemstilling": true, "løsning": true,
	"sammendrag": true, "beslutningskompetence": true, "beslutninger": true,
}

// Parse reads the structure of minutes or an agenda from its text.
func Parse(text string) Minutes {
	lines, pages := preparePages(text)
	paged := strings.Contains(text, "\f")
	var m Minutes
	t, hasTOC := findTOC(lines)
	starts := findItems(lines, 0, t, hasTOC)
	// Minutes of systems no rule was written for: numbered points under a
	// meeting's header. They also replace points found by "Punkt N" when
	// they are the same points and their sub-points.
	if gs := genericItems(lines, t, hasTOC); len(gs) > 0 && (len(starts) == 0 || extendsItems(gs, starts)) {
		if parseHeader(withoutTOC(lines, gs[0].line, t, hasTOC)).isMeeting() {
			starts = gs
		}
	}

	headEnd := len(lines)
	var single corpus.Item
	isSingle := false
	if len(starts) > 0 {
		headEnd = starts[0].line
	} else if it, at, ok := singleItem(lines); ok {
		single, isSingle, headEnd = it, true, at
	}
	h := parseHeader(withoutTOC(lines, headEnd, t, hasTOC))
	m.Committee = h.committee
	m.Meeting = h.meeting
	ctx := Context{Committee: m.Committee, Date: m.Meeting.Date}

	for k, s := range starts {
		// Only the last point scans for the end of the minutes: a scan
		// per point would be quadratic.
		var end int
		if k+1 < len(starts) {
			end = starts[k+1].line
		} else {
			end = minutesEnd(lines, s.next)
		}
		prefix, title, closed := splitTitle(s.title)
		it := corpus.Item{Number: s.number, Label: s.label, Prefix: prefix, Title: title, Closed: closed}
		if paged {
			it.Page = pages[s.line]
		}
		fillItem(&it, lines[s.next:end], ctx)
		m.Items = append(m.Items, normaliseItem(it))
	}
	if isSingle {
		fillItem(&single, lines[headEnd+1:], ctx)
		m.Items = append(m.Items, normaliseItem(single))
	}
	inferCommittee(&m)
	if hasTOC {
		m.Warnings = append(m.Warnings, checkTOC(t, starts)...)
	}

	switch {
	case len(m.Items) == 0:
		m.Kind = corpus.KindUnknown
		m.Warnings = append(m.Warnings, "no agenda points found")
	case h.kind == corpus.KindDagsorden && h.bareAgenda && hasDecisionText(m.Items):
		m.Kind = corpus.KindReferat
	case h.kind != "":
		m.Kind = h.kind
	case hasDecisionText(m.Items):
		m.Kind = corpus.KindReferat
	default:
		m.Kind = corpus.KindDagsorden
	}
	if m.Kind == corpus.KindDagsorden {
		// An agenda's empty "Beslutning" is the space left for a decision
		// not yet made: no decision.
		for i := range m.Items {
			m.Items[i].Decisions = withText(m.Items[i].Decisions)
		}
	}
	if m.Kind != corpus.KindUnknown {
		if m.Meeting.Date == "" {
			m.Warnings = append(m.Warnings, "meeting date not found")
		}
		if m.Committee == "" {
			m.Warnings = append(m.Warnings, "committee not found")
		}
	}
	return m
}

// withoutTOC returns the lines before line end with the table of
// contents cut out.
func withoutTOC(lines []string, end int, t toc, hasTOC bool) []string {
	if hasTOC && t.start < end {
		return append(append([]string(nil), lines[:t.start]...), lines[min(t.end, end):end]...)
	}
	return lines[:end]
}

// extendsItems reports whether the points of more are those of fewer and
// more: the same lines start them, and sub-points besides.
func extendsItems(more, fewer []itemStart) bool {
	if len(more) <= len(fewer) {
		return false
	}
	at := map[int]bool{}
	for _, s := range more {
		at[s.line] = true
	}
	for _, s := range fewer {
		if !at[s.line] {
			return false
		}
	}
	return true
}

// singleItem reads a text that is one agenda point without a number: a
// header ("Mødedato:", "Mødested:"), the title, then sections. It needs
// two of the usual item headings, so a note with a "Baggrund" heading is
// not taken for a point.
func singleItem(lines []string) (corpus.Item, int, bool) {
	first, seen := -1, map[string]bool{}
	for i, l := range lines {
		h, ok := parseHeading(l)
		if !ok || h.role == roleAbsent {
			continue // "Afbud:" belongs to the page's header
		}
		if first < 0 {
			first = i
		}
		if low := strings.ToLower(h.text); singleItemHeadings[low] {
			seen[low] = true
		}
	}
	if len(seen) < 2 {
		return corpus.Item{}, 0, false
	}
	// The title is the last line of the first paragraph of text before the
	// first heading that is not a header field or a link.
	title, titleAt := "", -1
	inList := false // the names under a header label such as "Afbud/Fraværende"
	for i := 0; i < first; i++ {
		l := lines[i]
		if l == "" {
			inList = false
			continue
		}
		if m := headerLabel.FindStringSubmatch(l); m != nil {
			inList = m[2] == "" && isListLabel(absentLabel(strings.ToLower(m[1])))
			continue
		}
		if inList || titleLine.MatchString(l) || isLinkText(l) {
			continue
		}
		if title == "" && danish.LooksLikeCommittee(l) && nonBlankBefore(lines, i) < 4 {
			continue // the page's committee, printed above the point
		}
		if title == "" {
			title, titleAt = l, i
		}
	}
	if title == "" {
		return corpus.Item{}, 0, false
	}
	prefix, t, closed := splitTitle(title)
	it := corpus.Item{Prefix: prefix, Title: t, Closed: closed}
	if m := numberedEntry.FindStringSubmatch(title); m != nil && m[2] != "" {
		fmt.Sscanf(m[1], "%d", &it.Number)
		it.Prefix, it.Title, it.Closed = splitTitle(m[2])
	}
	return it, titleAt, true
}

// isLinkText is navigation a web page's text keeps: "Se alle bilag",
// "Til top", "Print".
func isLinkText(l string) bool {
	switch strings.ToLower(l) {
	case "se alle bilag", "til top", "print", "udskriv", "tilbage", "del", "luk":
		return true
	}
	return false
}

// withText returns the decisions that have text.
func withText(ds []corpus.Decision) []corpus.Decision {
	out := ds[:0]
	for _, d := range ds {
		if strings.TrimSpace(d.Text) != "" {
			out = append(out, d)
		}
	}
	return out
}

func hasDecisionText(items []corpus.Item) bool {
	for _, it := range items {
		for _, d := range it.Decisions {
			if d.Text != "" {
				return true
			}
		}
	}
	return false
}

// checkTOC compares the table of contents with the points found.
func checkTOC(t toc, starts []itemStart) []string {
	var warn []string
	entries := make([]string, len(t.entries))
	for i, e := range t.entries {
		entries[i] = normTitle(e.title)
	}
	titles := make([]string, len(starts))
	for i, s := range starts {
		titles[i] = normTitle(s.title)
	}
	for i, e := range t.entries {
		found := false
		for _, nt := range titles {
			if normMatch(entries[i], nt) {
				found = true
				break
			}
		}
		if !found {
			warn = append(warn, fmt.Sprintf("table of contents lists %q, not found as an agenda point", e.title))
		}
	}
	for i, s := range starts {
		found := false
		for _, ne := range entries {
			if normMatch(ne, titles[i]) {
				found = true
				break
			}
		}
		if !found {
			warn = append(warn, fmt.Sprintf("agenda point %d %q is not in the table of contents", s.number, s.title))
		}
	}
	return warn
}

// normaliseItem gives empty lists instead of nil, so records print [] and
// not null.
func normaliseItem(it corpus.Item) corpus.Item {
	if it.CaseNumbers == nil {
		it.CaseNumbers = []corpus.CaseNumber{}
	}
	if it.Sections == nil {
		it.Sections = []corpus.Section{}
	}
	if it.Decisions == nil {
		it.Decisions = []corpus.Decision{}
	}
	if it.Recommendations == nil {
		it.Recommendations = []string{}
	}
	if it.Attachments == nil {
		it.Attachments = []string{}
	}
	if it.Absent == nil {
		it.Absent = []string{}
	}
	if it.Tables == nil {
		it.Tables = []corpus.Table{}
	}
	return it
}

// CleanText returns a document's text as the record keeps it: page
// furniture that the text layer left in removed, page breaks and runs of
// blank lines turned into one blank line.
func CleanText(text string) string {
	return joinLines(prepare(text))
}

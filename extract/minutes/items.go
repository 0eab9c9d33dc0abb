package minutes

import (
	"regexp"
	"strconv"
	"strings"

	"referat/extract/danish"
)

var (
	// punktLine starts an agenda point: "Punkt 2: BU - Title", "Punkt 63:
	// Title", "Pkt. 4 - Title".
	// A sub-point "Punkt 1.1" is not point 1 titled "1 ...".
	punktLine = regexp.MustCompile(`^(?:Punkt|Pkt\.?|Dagsordenspunkt)\s+(\d{1,4})\s*(?:[:)]|\.(?:\s|$)|\s[-–])\s*(.*)$`)
	// prefixTitle splits "SSÆ/BU/JAI - Status på ..." into prefix and title.
	prefixTitle = regexp.MustCompile(`^([A-ZÆØÅ]{1,6}(?:/[A-ZÆØÅ]{1,6})*)\s+[-–]\s+(.+)$`)
	// closedTitle marks a closed point: "Lukket: Køb af landbrugsejendom",
	// "Lukket punkt: ...", "Lukket punkt".
	closedTitle = regexp.MustCompile(`^(?i:lukket(?: punkt| sag)?)\s*(?:[:.-]\s*|$)`)
)

// itemStart is where an agenda point begins.
type itemStart struct {
	line   int // index of the line with the number
	next   int // first line after the title
	number int
	label  string // the number as printed where it is not a plain integer ("1.1")
	title  string // as printed, prefix included
}

// findItems finds the agenda points after the header: "Punkt N:" lines,
// or failing those numbered headings "1." / "1.   Meddelelses" that run in
// sequence and are confirmed by the table of contents or by a case-number
// line right under them.
func findItems(lines []string, from int, t toc, hasTOC bool) []itemStart {
	var out []itemStart
	for i := from; i < len(lines); i++ {
		if hasTOC && i >= t.start && i < t.end {
			continue
		}
		m := punktLine.FindStringSubmatch(lines[i])
		if m == nil {
			continue
		}
		n, _ := strconv.Atoi(m[1])
		title, next := itemTitle(lines, i, m[2], t, hasTOC)
		if title == "" {
			continue
		}
		out = append(out, itemStart{line: i, next: next, number: n, title: title})
	}
	if len(out) > 0 {
		return out
	}
	return numberedItems(lines, from, t, hasTOC)
}

// itemTitle returns a point's title: the rest of its line, or the next
// line when the number stands alone, joined with the lines a long title
// wraps onto.
func itemTitle(lines []string, i int, rest string, t toc, hasTOC bool) (string, int) {
	j := i + 1
	if rest == "" {
		for j < len(lines) && lines[j] == "" {
			j++
		}
		if j == len(lines) || isBodyLine(lines[j]) {
			return "", i + 1
		}
		rest = lines[j]
		j++
	}
	title := rest
	// A long title may wrap: take the next line when it follows without a
	// break and is not the case number or a heading, and, where there is
	// a table of contents, when the joined title agrees with an entry
	// better.
	for k := 0; k < 2 && j < len(lines); k++ {
		l := lines[j]
		if l == "" || isBodyLine(l) || runeLen(l) > 100 {
			break
		}
		// A line going on in lower case continues the title whatever its
		// length; otherwise only a title near the full width wraps.
		if !startsLower(l) && runeLen(lines[j-1]) < 55 && !(hasTOC && tocLonger(t, title)) {
			break
		}
		joined := title + " " + l
		if strings.HasSuffix(title, "-") && startsLower(l) {
			joined = title + l // "2030-" + "fremskrivning"
		}
		if hasTOC && !tocConfirms(t, joined, title) {
			break
		}
		title = joined
		j++
	}
	return title, j
}

// isBodyLine reports whether a line belongs to an item's body rather than
// to its title: a heading, a case number, a labelled case or document
// number, another point.
func isBodyLine(l string) bool {
	if _, ok := parseHeading(l); ok {
		return true
	}
	if _, _, ok := parseInlineHeading(l); ok {
		return true
	}
	if _, ok := danish.CaseNumberLine(l); ok {
		return true
	}
	if _, ok := danish.CutCaseLabel(l); ok {
		return true
	}
	if docNumberLine.MatchString(l) || punktLine.MatchString(l) {
		return true
	}
	return false
}

// tocLonger reports whether a TOC entry starts like title and goes on.
func tocLonger(t toc, title string) bool {
	nt := normTitle(title)
	for _, e := range t.entries {
		if ne := normTitle(e.title); strings.HasPrefix(ne, nt) && len(ne) > len(nt) {
			return true
		}
	}
	return false
}

// tocConfirms reports whether the joined title matches a TOC entry at
// least as well as the title alone.
func tocConfirms(t toc, joined, title string) bool {
	for _, e := range t.entries {
		if e.matches(joined) {
			return true
		}
	}
	for _, e := range t.entries {
		if e.matches(title) && runeLen(normTitle(e.title)) <= runeLen(normTitle(title)) {
			return false
		}
	}
	return false
}

var docNumberLine = regexp.MustCompile(`(?i)^dok(?:ument)?\.? ?nr\.?\s*:?`)

// numberedItems finds points numbered "1." (eDoc's layout). A numbered
// line counts when a case-number line follows within a few lines, or when
// the table of contents lists it by number and title; numbered headings
// of notes and reports, and numbered lists, never become points. Numbers
// rise from point to point but may skip (a point left out of the
// published minutes).
func numberedItems(lines []string, from int, t toc, hasTOC bool) []itemStart {
	var out []itemStart
	last := 0 // the first point may have any number (a single item's PDF)
	if hasTOC && len(t.entries) > 0 && t.entries[0].number > 0 {
		last = t.entries[0].number - 1
	}
	// The contents confirm a point only in minutes whose points carry
	// case numbers: a report's numbered sections are in its contents too.
	byTOC := false
	for i := from; i < len(lines) && hasTOC && !byTOC; i++ {
		if m := numberedEntry.FindStringSubmatch(lines[i]); m != nil && m[2] != "" && (i < t.start || i >= t.end) {
			byTOC = caseLineFollows(lines, i+1)
		}
	}
	for i := from; i < len(lines); i++ {
		if hasTOC && i >= t.start && i < t.end {
			continue
		}
		m := numberedEntry.FindStringSubmatch(lines[i])
		if m == nil {
			continue
		}
		n, _ := strconv.Atoi(m[1])
		if n <= last && len(out) > 0 || n < last {
			continue
		}
		title, next := itemTitle(lines, i, strings.TrimSpace(m[2]), t, hasTOC)
		if title == "" {
			continue
		}
		// Numbered sections of reports match their table of contents too;
		// only a case number under the title, or the contents' own
		// number for this title, makes a point.
		if !caseLineFollows(lines, next) && !(byTOC && tocLists(t, n, title)) {
			continue
		}
		out = append(out, itemStart{line: i, next: next, number: n, title: title})
		last = n
	}
	return out
}

// tocLists reports whether the table of contents has an entry numbered n
// whose title agrees with title.
func tocLists(t toc, n int, title string) bool {
	for _, e := range t.entries {
		if e.number == n && e.matches(title) {
			return true
		}
	}
	return false
}

// caseLineFollows reports whether a case number ("Sagsnr.: ...", or a
// case number alone on its line) comes within the next few lines.
func caseLineFollows(lines []string, from int) bool {
	seen := 0
	for j := from; j < len(lines) && seen < 4; j++ {
		if lines[j] == "" {
			continue
		}
		seen++
		if rest, ok := danish.CutCaseLabel(lines[j]); ok {
			if _, ok := danish.CaseNumberLine(rest); ok {
				return true
			}
		}
		if _, ok := danish.CaseNumberLine(lines[j]); ok {
			return true
		}
	}
	return false
}

// splitTitle splits a printed title into prefix, title and closedness.
func splitTitle(printed string) (prefix, title string, closed bool) {
	title = strings.TrimSpace(printed)
	if loc := closedTitle.FindStringIndex(title); loc != nil && loc[1] < len(title) {
		closed = true
		title = strings.TrimSpace(title[loc[1]:])
	} else if loc != nil {
		closed = true
	}
	if m := prefixTitle.FindStringSubmatch(title); m != nil {
		prefix, title = m[1], m[2]
	}
	return prefix, title, closed
}

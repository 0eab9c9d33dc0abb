package minutes

import (
	"regexp"
	"strconv"
	"strings"
)

var (
	tocTitle = regexp.MustCompile(`(?i)^(?:indholdsfortegnelse|indhold|dagsorden(?:punkter)?|oversigt over punkter)\s*:?$`)
	// dotLeader is a table of contents' dotted leader and what follows it.
	dotLeader  = regexp.MustCompile(`\s*(?:\.{3,}|…{2,}|(?:\. ){3,}).*$`)
	dotsOnly   = regexp.MustCompile(`^[.…\s|]*$`)
	numberOnly = regexp.MustCompile(`^\d{1,4}$`)
	// numberedEntry is "1. Meddelelser" or "1." alone.
	numberedEntry = regexp.MustCompile(`^(\d{1,3})\.(?:\s+(.*))?$`)
	pipeSep       = regexp.MustCompile(`^\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?$`)
)

// tocEntry is one line of a table of contents.
type tocEntry struct {
	number int    // 0 when the entry is not numbered
	title  string // with the item's prefix, dotted leader and page removed
}

// toc is a document's table of contents and the lines it spans.
type toc struct {
	start, end int // lines[start:end]
	entries    []tocEntry
}

// findTOC finds the table of contents: a line "Indholdsfortegnelse" and
// the entries after it, up to the first agenda point, a heading, or the
// first text after the column of page numbers.
func findTOC(lines []string) (toc, bool) {
	start := -1
	for i, l := range lines {
		if tocTitle.MatchString(l) && (strings.EqualFold(strings.TrimSuffix(l, ":"), "indholdsfortegnelse") || hasLeaders(lines[i+1:])) {
			start = i
			break
		}
		if punktLine.MatchString(l) {
			return toc{}, false
		}
	}
	if start < 0 {
		return toc{}, false
	}
	t := toc{start: start}
	sawNumbers := false
	lastNum := 0
	i := start + 1
	for ; i < len(lines); i++ {
		l := lines[i]
		if l == "" {
			continue
		}
		if punktLine.MatchString(l) {
			break
		}
		cell := strings.TrimSpace(strings.Trim(l, "|"))
		if pipeSep.MatchString(l) || dotsOnly.MatchString(cell) {
			continue
		}
		if numberOnly.MatchString(cell) {
			sawNumbers = true
			continue
		}
		if sawNumbers && !hasLeader(l) && !strings.Contains(l, "\t") && !strings.HasPrefix(l, "|") && !leaderFollows(lines, i+1) {
			// Text after the column of page numbers is the body, unless
			// entries and page numbers alternate line by line.
			break
		}
		if _, ok := parseHeading(l); ok && !hasLeader(l) {
			if strings.EqualFold(l, "Lukket referat") || strings.EqualFold(l, "Åbent referat") {
				continue
			}
			break
		}
		if listedPoint(t.entries, l) {
			break // the first point, numbered and without leader or page
		}
		title := l
		// "Meddelelser..... | 3 |" and "BU - Godkendelse.....\t3".
		if strings.HasPrefix(title, "|") {
			title = strings.TrimSpace(strings.Split(strings.Trim(title, "|"), "|")[0])
		}
		title, _, _ = strings.Cut(title, "\t")
		title = strings.TrimSpace(dotLeader.ReplaceAllString(title, ""))
		if title == "" {
			continue
		}
		e := tocEntry{title: title}
		if m := numberedEntry.FindStringSubmatch(title); m != nil {
			n, _ := strconv.Atoi(m[1])
			if len(t.entries) > 0 && n <= lastNum {
				break // the numbering starts over: the body has begun
			}
			e.number, e.title, lastNum = n, strings.TrimSpace(m[2]), n
		} else if len(t.entries) > 0 && startsLower(title) {
			// A wrapped entry: "... hverdagsrehabilitering for" + "ældre".
			t.entries[len(t.entries)-1].title += " " + title
			continue
		}
		if strings.EqualFold(title, "Åbent referat") || strings.EqualFold(title, "Lukket referat") || strings.EqualFold(title, "Åben dagsorden") || strings.EqualFold(title, "Lukket dagsorden") {
			continue
		}
		t.entries = append(t.entries, e)
	}
	t.end = i
	if len(t.entries) == 0 {
		return toc{}, false
	}
	return t, true
}

// listedPoint reports whether l is a numbered point ("1 BU - Title")
// with neither dotted leader nor page number, whose title an entry
// already lists: the body begins with it.
func listedPoint(entries []tocEntry, l string) bool {
	if hasLeader(l) || strings.Contains(l, "\t") || strings.HasPrefix(l, "|") {
		return false
	}
	m := genericPoint.FindStringSubmatch(l)
	if m == nil || m[5] == "" {
		return false
	}
	for _, e := range entries {
		if e.matches(m[5]) {
			return true
		}
	}
	return false
}

// leaderFollows reports whether one of the next two non-blank lines is a
// dotted leader or a page number alone: the line before is a TOC entry.
func leaderFollows(lines []string, from int) bool {
	seen := 0
	for j := from; j < len(lines) && seen < 2; j++ {
		if lines[j] == "" {
			continue
		}
		seen++
		if dotsOnly.MatchString(lines[j]) || numberOnly.MatchString(lines[j]) {
			return true
		}
	}
	return false
}

func hasLeader(l string) bool { return strings.Contains(l, "....") || strings.Contains(l, "……") }

func hasLeaders(ls []string) bool {
	for i, l := range ls {
		if i > 6 {
			break
		}
		if hasLeader(l) {
			return true
		}
	}
	return false
}

// titleReplacer evens out dashes and quotes. Hyphens go: a text layer may
// join "2030-" and "fremskrivning" either way.
var titleReplacer = strings.NewReplacer("–", " ", "—", " ", "-", "", "”", "\"", "“", "\"", "’", "'")

// normTitle is the form under which an item title and its TOC entry
// compare: lower case, one space, dashes alike, no prefix.
func normTitle(s string) string {
	s = strings.ToLower(s)
	s = titleReplacer.Replace(s)
	return strings.Join(strings.Fields(s), " ")
}

// matches reports whether an item title agrees with a TOC entry, which may
// be cut short.
func (e tocEntry) matches(title string) bool {
	return normMatch(normTitle(e.title), normTitle(title))
}

// normMatch is matches on titles already normalised.
func normMatch(a, b string) bool {
	if a == "" || b == "" {
		return false
	}
	return strings.HasPrefix(b, a) || strings.HasPrefix(a, b) && runeLen(b) > 10
}

package minutes

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The generic recogniser reads minutes of systems no rule of this package
// was written for, from what Danish minutes have in common: a meeting
// header in one of the usual forms (see header.isMeeting) and numbered
// points. Numbered lines alone prove nothing (notes and reports number
// their sections too), so its points count only under a meeting's header.

// genericPoint is a numbered point as minutes of any system print it: "1
// Title", "1. Title", "1) Title", "Punkt 1 Title", "Pkt. 1: Title", "Sag
// 1 - Title", "Ad punkt 1. Title", sub-points "1.1 Title" and "2.3.1
// Title", "12a Title", or the number alone with the title on the next
// line.
var genericPoint = regexp.MustCompile(`^(?i:(punkt|pkt\.?|sag|dagsordenspunkt|ad(?:\s+punkt|\s+pkt\.?)?)\s+)?(\d{1,3}(?:\.\d{1,2}){0,2})([a-z])?(\s*[.):]|\s+[-–])?(?:\s+(.*))?$`)

// genericCandidate is a line that may start a point.
type genericCandidate struct {
	line   int
	parts  []int  // 2.1 is [2 1]
	label  string // as printed: "2.1", "12a"
	style  string // the prefix word and separator: "punkt:", ".", ""
	title  string // "" when the number stands alone
	letter bool   // "12a": a point added between 12 and 13
}

// genericCandidates returns the lines that look like numbered points:
// a number in one of the forms of genericPoint and a title that starts
// like one (a capital letter), outside the table of contents.
func genericCandidates(lines []string, t toc, hasTOC bool) []genericCandidate {
	var out []genericCandidate
	for i, l := range lines {
		if hasTOC && i >= t.start && i < t.end {
			continue
		}
		m := genericPoint.FindStringSubmatch(l)
		if m == nil {
			continue
		}
		title := strings.TrimSpace(m[5])
		if title == "" && m[1] == "" && m[4] == "" && !strings.Contains(m[2], ".") {
			continue // a number alone ("3") is a page number or a table cell
		}
		if title != "" && !titleStart(title) {
			continue
		}
		if runeLen(title) > 150 || strings.HasSuffix(title, ",") || strings.HasSuffix(title, ";") {
			continue
		}
		c := genericCandidate{line: i, label: m[2] + m[3], title: title, letter: m[3] != ""}
		for _, p := range strings.Split(m[2], ".") {
			n, _ := strconv.Atoi(p)
			c.parts = append(c.parts, n)
		}
		sep := strings.TrimSpace(m[4])
		if sep == "–" {
			sep = "-"
		}
		c.style = strings.ToLower(strings.TrimSuffix(strings.Join(strings.Fields(m[1]), " "), ".")) + sep
		out = append(out, c)
	}
	return out
}

// titleStart reports whether s starts like a point's title: a capital
// letter or a quotation mark, not a lower-case word going on from a
// sentence ("3 fejl er rettet").
func titleStart(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r) || strings.ContainsRune("\"'»«„“”", r)
}

// genericRun builds the run of points that starts at candidate k: each
// next point is the next number at its level (2 after 1, 2.1 under 2,
// 2.2 after 2.1, 3 after 2.2, 12a after 12), printed in the style of the
// first. Candidates that do not continue the run are text of a point (a
// numbered list inside it).
func genericRun(cs []genericCandidate, k int) []genericCandidate {
	first := cs[k]
	if len(first.parts) != 1 || first.letter {
		return nil
	}
	// Points may continue the numbering of earlier meetings ("63
	// Meddelelser"); bare numbers must then follow one another, while
	// "Punkt 45", "Punkt 47" may skip a point left out.
	prefixed := strings.IndexFunc(first.style, unicode.IsLetter) >= 0
	run := []genericCandidate{first}
	path := []int{first.parts[0]}
	lastLetter := false
	for _, c := range cs[k+1:] {
		if !genericNext(path, lastLetter, c, prefixed) {
			continue
		}
		if len(c.parts) == 1 && c.style != first.style {
			continue
		}
		if len(c.parts) > 1 && sameWord(c.style) != sameWord(first.style) {
			continue
		}
		run = append(run, c)
		path = append([]int(nil), c.parts...)
		lastLetter = c.letter
	}
	return run
}

// sameWord is a style's prefix word ("punkt", "sag", "" for a bare
// number): sub-points may end their number differently from points
// ("2.1" under "2."), but not drop or change the word.
func sameWord(style string) string {
	return strings.TrimRight(style, ".):-")
}

// genericNext reports whether c continues a run whose last point is
// numbered path.
func genericNext(path []int, lastLetter bool, c genericCandidate, prefixed bool) bool {
	p := c.parts
	switch {
	case c.letter:
		// "12a" after 12 (or after 12's sub-points), "12b" after "12a".
		return len(p) == 1 && p[0] == path[0]
	case len(p) == 1:
		if prefixed {
			return p[0] > path[0]
		}
		return p[0] == path[0]+1
	case len(p) > len(path)+1:
		return false // 2.1.1 straight under 2
	}
	// A sub-point: the same parents, the next number at its level.
	for i := 0; i < len(p)-1; i++ {
		if p[i] != path[i] {
			return false
		}
	}
	last := len(p) - 1
	if len(path) <= last {
		return p[last] == 1 || p[last] == 0 && !lastLetter
	}
	return p[last] == path[last]+1
}

// genericItems finds the points of minutes numbered in any of the usual
// ways. Of the runs of numbered points it takes the longest, and among
// equally long ones the one whose points have the most text: an agenda
// printed as a list before the points is a run of titles alone. It
// returns nil when no run has two points.
func genericItems(lines []string, t toc, hasTOC bool) []itemStart {
	cs := genericCandidates(lines, t, hasTOC)
	var best []genericCandidate
	bestBody := -1
	// A run that starts inside another is no longer than it: only
	// candidates no run has taken start one, so the search stays linear
	// in the runs rather than quadratic in the candidates.
	taken := map[int]bool{}
	for k := range cs {
		if taken[cs[k].line] {
			continue
		}
		run := genericRun(cs, k)
		for _, c := range run {
			taken[c.line] = true
		}
		if len(run) < 2 || len(run) < len(best) {
			continue
		}
		body := 0
		for j := 0; j+1 < len(run); j++ {
			body += nonEmpty(lines[run[j].line+1 : run[j+1].line])
		}
		if len(run) > len(best) || body >= bestBody {
			best, bestBody = run, body
		}
	}
	var out []itemStart
	for _, c := range best {
		at, rest := c.line, c.title
		if rest == "" {
			// The number alone: the next line is the title, even a word
			// that heads sections elsewhere ("Tidsplan", "Økonomi").
			at++
			for at < len(lines) && lines[at] == "" {
				at++
			}
			if at == len(lines) || strings.HasSuffix(lines[at], ":") || !titleStart(lines[at]) {
				return nil
			}
			rest = lines[at]
		}
		title, next := itemTitle(lines, at, rest, t, hasTOC)
		s := itemStart{line: c.line, next: next, number: c.parts[0], title: title}
		if len(c.parts) > 1 || c.letter {
			s.label = c.label
		}
		out = append(out, s)
	}
	return out
}

// endOfMinutes is a line after which the minutes have no more points:
// the meeting closed, the signatures (a heading, or a line to sign on).
var endOfMinutes = regexp.MustCompile(`^(?i:mødet\s+(?:blev\s+)?(?:hævet|afsluttet|sluttede)\b|underskriftsside|underskrifter|underskriftsblad|signaturside|signaturer|godkendt og underskrevet|som underskrivere)|_{5,}\s*$`)

// minutesEnd returns the line where the last point's text ends: at the
// first closing or signature line after it, or at the end.
func minutesEnd(lines []string, from int) int {
	for i := from; i < len(lines); i++ {
		if endOfMinutes.MatchString(lines[i]) {
			return i
		}
	}
	return len(lines)
}

package minutes

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// pageNumberLine is a page number left alone on a line: "Side 3",
// "Side 3 af 28", "3/28", "- 3 -".
var (
	pageNumberLine = regexp.MustCompile(`^(?:[Ss]ide \d{1,4}(?: af \d{1,4})?|- ?\d{1,4} ?-|Page \d{1,4}(?: of \d{1,4})?)$`)
	pageOfLine     = regexp.MustCompile(`^(\d{1,3}) ?/ ?(\d{1,3})$`)
)

// isPageNumber reports whether a line is a page number alone: "Side 3",
// "Side 3 af 28", "- 3 -", "3/28" (never a case number such as 19/374).
func isPageNumber(l string) bool {
	if pageNumberLine.MatchString(l) {
		return true
	}
	m := pageOfLine.FindStringSubmatch(l)
	if m == nil {
		return false
	}
	a, _ := strconv.Atoi(m[1])
	b, _ := strconv.Atoi(m[2])
	return a >= 1 && a <= b && len(m[2]) <= 2
}

// prepare splits text into trimmed lines, removes what is left of page
// furniture (a block of lines repeated at the top or bottom of most pages,
// page numbers alone on a line) and turns page breaks into blank lines.
// Runs of blank lines become one.
func prepare(text string) []string {
	lines, _ := preparePages(text)
	return lines
}

// preparePages is prepare that also returns the page (1-based, pages
// separated by form feeds) each line is on.
func preparePages(text string) ([]string, []int) {
	text = strings.ReplaceAll(text, "\r\n", "\n")
	text = strings.ReplaceAll(text, "\r", "\n")
	pages := strings.Split(text, "\f")
	pageLines := make([][]string, len(pages))
	for i, p := range pages {
		ls := strings.Split(p, "\n")
		for j, l := range ls {
			ls[j] = cleanLine(l)
		}
		pageLines[i] = ls
	}
	removeRunningBlocks(pageLines)
	var out []string
	var page []int
	for i, ls := range pageLines {
		for _, l := range ls {
			if isPageNumber(l) {
				continue
			}
			if l == "" && (len(out) == 0 || out[len(out)-1] == "") {
				continue
			}
			out = append(out, l)
			page = append(page, i+1)
		}
		if len(out) > 0 && out[len(out)-1] != "" {
			out = append(out, "")
			page = append(page, i+1)
		}
	}
	for len(out) > 0 && out[len(out)-1] == "" {
		out = out[:len(out)-1]
	}
	return out, page[:len(out)]
}

// cleanLine trims a line of spaces, turns non-breaking and other odd
// spaces into plain ones, and keeps tabs even at the ends: a table row's
// first or last cell may be empty ("\t2020\t2023").
func cleanLine(l string) string {
	if strings.IndexFunc(l, func(r rune) bool {
		return r == '\u00a0' || r == '\u2007' || r == '\u202f' || r == '\u200b' || r == '\ufeff'
	}) >= 0 {
		l = strings.Map(func(r rune) rune {
			switch r {
			case '\u00a0', '\u2007', '\u202f':
				return ' '
			case '\u200b', '\ufeff':
				return -1
			}
			return r
		}, l)
	}
	l = strings.TrimFunc(l, func(r rune) bool { return r != '\t' && unicode.IsSpace(r) })
	if strings.Trim(l, "\t ") == "" {
		return ""
	}
	return l
}

// furnitureKey is the form of a line under which running headers of
// different pages compare equal: numbers do not count ("Side 3", "Side 14").
func furnitureKey(l string) string {
	return digitRun.ReplaceAllString(l, "#")
}

var digitRun = regexp.MustCompile(`\d+`)

// removeRunningBlocks removes the longest block of lines that starts (or
// ends) at least half of the pages, three pages at least: a running header
// or footer the text layer left in.
func removeRunningBlocks(pages [][]string) {
	if len(pages) < 3 {
		return
	}
	for _, fromEnd := range []bool{false, true} {
		heads := make([][]string, len(pages))
		for i, ls := range pages {
			heads[i] = edgeLines(ls, fromEnd, 8)
		}
		n := 0
		for k := 1; k <= 8; k++ {
			best := 0
			for _, c := range blockCounts(heads, k) {
				best = max(best, c)
			}
			if best*2 >= len(pages) && best >= 3 {
				n = k
			} else {
				break
			}
		}
		if n == 0 {
			continue
		}
		// The most common block of length n is the furniture.
		counts := blockCounts(heads, n)
		var block string
		for b, c := range counts {
			if c > counts[block] || c == counts[block] && b < block {
				block = b
			}
		}
		for i, ls := range pages {
			h := heads[i]
			if len(h) >= n && strings.Join(h[:n], "\n") == block {
				pages[i] = dropEdge(ls, fromEnd, n)
			}
		}
	}
}

// blockCounts counts the pages whose edge (heads) starts with each block
// of k lines.
func blockCounts(heads [][]string, k int) map[string]int {
	counts := map[string]int{}
	for _, h := range heads {
		if len(h) >= k {
			counts[strings.Join(h[:k], "\n")]++
		}
	}
	return counts
}

// edge returns the indexes of the first (or last) n non-blank lines,
// nearest the edge first.
func edge(ls []string, fromEnd bool, n int) []int {
	var out []int
	for i := range ls {
		j := i
		if fromEnd {
			j = len(ls) - 1 - i
		}
		if ls[j] == "" {
			continue
		}
		out = append(out, j)
		if len(out) == n {
			break
		}
	}
	return out
}

// edgeLines returns the keys of the first (or last) k non-blank lines.
func edgeLines(ls []string, fromEnd bool, k int) []string {
	var out []string
	for _, j := range edge(ls, fromEnd, k) {
		out = append(out, furnitureKey(ls[j]))
	}
	return out
}

// dropEdge blanks the first (or last) n non-blank lines.
func dropEdge(ls []string, fromEnd bool, n int) []string {
	out := append([]string(nil), ls...)
	for _, j := range edge(ls, fromEnd, n) {
		out[j] = ""
	}
	return out
}

// joinLines joins lines into text: a blank line stays a paragraph break.
func joinLines(ls []string) string {
	var b strings.Builder
	for i, l := range ls {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(l)
	}
	return strings.Trim(b.String(), "\n")
}

func runeLen(s string) int { return utf8.RuneCountInString(s) }

// startsLower reports whether s begins with a lower-case letter.
func startsLower(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLower(r)
}

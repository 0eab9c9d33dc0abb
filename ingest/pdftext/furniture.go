package pdftext

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Page furniture is what a page carries besides the document's text:
// running headers and footers, page numbers, the file names of scanned
// page images. removeFurniture drops it, joins words hyphenated across
// lines and repairs letter-spaced letterhead text.

// edgeLines is how many lines at the top and at the bottom of a page are
// looked at for running headers, footers and page numbers.
const edgeLines = 4

var (
	pageNumberRE = regexp.MustCompile(`(?i)^(?:(?:side|page|s\.|p\.)\s*)?[-–—(]?\s*\d{1,4}\s*[-–—)]?(?:\s*(?:af|of|/|ud af)\s*\d{1,4})?\.?$`)
	imageNameRE  = regexp.MustCompile(`(?i)^[\w.-]+\.(?:png|jpe?g|tiff?|gif|bmp)$`)
	digitsRE     = regexp.MustCompile(`\d+`)
	spaceRE      = regexp.MustCompile(`\s+`)
)

// pageOffsets are the differences between a page's printed number and its
// place in the file that running headers are checked for (a cover page or
// a table of contents often goes unnumbered).
var pageOffsets = [...]int{0, -1, 1, -2, 2}

// furnitureKey is a line as compared across pages, for one page offset:
// spacing and case do not count, and a number equal to the page's place
// plus offset ("Side 3 af 28") is a page number, which varies. Every other
// digit counts, so case numbers and dates that differ are different lines.
func furnitureKey(s string, page, offset int) string {
	s = strings.ToLower(strings.TrimSpace(spaceRE.ReplaceAllString(s, " ")))
	want, done := strconv.Itoa(page+offset), false
	return digitsRE.ReplaceAllStringFunc(s, func(n string) string {
		if !done && strings.TrimLeft(n, "0") == want {
			done = true // only the first: in "Side 3 af 3" the second is the count
			return "#"
		}
		return n
	})
}

// removeFurniture returns the document text without page furniture: page
// numbers, and running headers and footers, which repeat near the top or
// bottom of many pages. Only lines running from the page's edge inward
// count: the headings of an agenda item that starts a new page ("Punkt 4:
// ...", its case number, "Beslutninger") repeat too, but below its title,
// so they stay.
func removeFurniture(pages []Page) string {
	lines := make([][]string, len(pages))
	for i, p := range pages {
		lines[i] = strings.Split(p.Text, "\n")
	}
	// Count, per key, on how many pages a line near the top or bottom occurs.
	var counts [len(pageOffsets)]map[string]int
	for o := range pageOffsets {
		counts[o] = map[string]int{}
	}
	for i, ls := range lines {
		for o, off := range pageOffsets {
			seen := map[string]bool{}
			for _, j := range edgeIndexes(ls) {
				k := furnitureKey(ls[j], i+1, off)
				if k != "" && !seen[k] {
					seen[k] = true
					counts[o][k]++
				}
			}
		}
	}
	need := max(2, (len(pages)+1)/2)
	if len(pages) >= 6 {
		need = max(3, len(pages)/3)
	}
	repeated := func(line string, page int) (string, bool) {
		for o, off := range pageOffsets {
			k := furnitureKey(line, page, off)
			if counts[o][k] >= need {
				return k, true
			}
		}
		return "", false
	}
	kept := map[string]bool{}
	vocab := vocabulary(pages)
	texts := make([]string, len(pages))
	for i, ls := range lines {
		drop := make([]bool, len(ls))
		seen := make([]bool, len(ls))
		top, bottom := edgeRuns(ls)
		for _, run := range [][]int{top, bottom} {
			for _, j := range run {
				if seen[j] {
					break // a short page: the runs met
				}
				seen[j] = true
				s := strings.TrimSpace(ls[j])
				if pageNumberRE.MatchString(s) {
					drop[j] = true
					continue
				}
				k, ok := repeated(s, i+1)
				if len(pages) < 2 || !ok {
					break // the page's own text begins here
				}
				// keep a running header's first appearance: the first
				// page's copy is often the document's own title or date
				if kept[k] {
					drop[j] = true
				}
				kept[k] = true
			}
		}
		var out []string
		for j, l := range ls {
			if drop[j] || imageNameRE.MatchString(strings.TrimSpace(l)) {
				continue
			}
			out = append(out, repairLetterSpacing(l, vocab))
		}
		texts[i] = strings.Trim(joinHyphenated(strings.Join(out, "\n")), "\n")
	}
	return norm.NFC.String(strings.Join(texts, "\f"))
}

// edgeRuns returns the indexes of the first non-blank lines, top down, and
// of the last ones, bottom up, edgeLines of each; on a short page they
// overlap.
func edgeRuns(ls []string) (top, bottom []int) {
	for j := 0; j < len(ls) && len(top) < edgeLines; j++ {
		if strings.TrimSpace(ls[j]) != "" {
			top = append(top, j)
		}
	}
	for j := len(ls) - 1; j >= 0 && len(bottom) < edgeLines; j-- {
		if strings.TrimSpace(ls[j]) != "" {
			bottom = append(bottom, j)
		}
	}
	return top, bottom
}

// edgeIndexes returns the indexes of the first and last non-blank lines.
func edgeIndexes(ls []string) []int {
	var idx []int
	for j, n := 0, 0; j < len(ls) && n < edgeLines; j++ {
		if strings.TrimSpace(ls[j]) != "" {
			idx = append(idx, j)
			n++
		}
	}
	for j, n := len(ls)-1, 0; j >= 0 && n < edgeLines; j-- {
		if strings.TrimSpace(ls[j]) != "" {
			dup := false
			for _, k := range idx {
				dup = dup || k == j
			}
			if !dup {
				idx = append(idx, j)
			}
			n++
		}
	}
	return idx
}

// suspended lists the words after which a line-final hyphen is a
// suspended compound ("Sundheds- og Forebyggelsesudvalget"), not a break.
var suspended = map[string]bool{"og": true, "eller": true, "samt": true, "til": true, "and": true, "or": true, "&": true, "/": true}

// joinHyphenated joins words hyphenated across a line break: the rest of
// the word moves up to the line it started on. A hyphen after a capital or
// a digit ("EU-", "2024-") is kept, since it belongs to the word. When a
// line holds cells, the hyphen ends its first cell (prose beside a
// sidebar) and the word continues at the start of the next line.
func joinHyphenated(s string) string {
	ls := strings.Split(s, "\n")
	for i := 0; i+1 < len(ls); i++ {
		cell, rest := ls[i], ""
		if k := strings.IndexByte(cell, '\t'); k >= 0 {
			cell, rest = cell[:k], cell[k:]
		}
		cur := strings.TrimRight(cell, " ")
		if !strings.HasSuffix(cur, "-") {
			continue
		}
		before, _ := utf8.DecodeLastRuneInString(cur[:len(cur)-1])
		next := strings.TrimLeft(ls[i+1], " ")
		first, _ := utf8.DecodeRuneInString(next)
		switch {
		case unicode.IsLetter(before) && unicode.IsLower(first):
		case unicode.IsDigit(before) && unicode.IsDigit(first):
		default:
			continue
		}
		end := strings.IndexAny(next, " \t")
		if end < 0 {
			end = len(next)
		}
		frag := next[:end]
		if suspended[strings.ToLower(strings.TrimRight(frag, ".,;:"))] {
			continue
		}
		if unicode.IsLetter(before) && !unicode.IsUpper(before) {
			cur = cur[:len(cur)-1]
		}
		ls[i] = cur + frag + rest
		ls[i+1] = strings.TrimLeft(next[end:], " \t")
	}
	return strings.Join(ls, "\n")
}

var spaceBeforePunctRE = regexp.MustCompile(`(\pL) ([.,:;])( |$)`)

// vocabulary returns the lower-cased words of the pages.
func vocabulary(pages []Page) map[string]bool {
	v := map[string]bool{}
	for _, p := range pages {
		for _, w := range strings.FieldsFunc(p.Text, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
			v[strings.ToLower(w)] = true
		}
	}
	return v
}

// repairLetterSpacing mends lines whose letter-spaced glyphs were read as
// several words ("A nk estyrelsen", "S tatsservice", "J.nr . 24"): two or
// three adjacent pieces are joined when the joined word occurs elsewhere
// in the document and some piece is not a word of the document by itself.
func repairLetterSpacing(l string, vocab map[string]bool) string {
	if utf8.RuneCountInString(l) > 80 {
		return l
	}
	l = spaceBeforePunctRE.ReplaceAllString(l, "$1$2$3")
	toks := strings.Split(l, " ")
	if len(toks) < 2 {
		return l
	}
	isWord := func(s string) bool {
		for _, r := range s {
			if !unicode.IsLetter(r) {
				return false
			}
		}
		return s != ""
	}
	var out []string
	for i := 0; i < len(toks); i++ {
		joined := false
		for n := 3; n >= 2 && !joined; n-- {
			if i+n > len(toks) {
				continue
			}
			run := toks[i : i+n]
			w, stray, ok := "", false, true
			for k, t := range run {
				if !isWord(t) || (k > 0 && !isLowerWord(t)) {
					ok = false
					break
				}
				w += t
				stray = stray || !vocab[strings.ToLower(t)]
			}
			if ok && stray && vocab[strings.ToLower(w)] {
				out = append(out, w)
				i += n - 1
				joined = true
			}
		}
		if !joined {
			out = append(out, toks[i])
		}
	}
	return strings.Join(out, " ")
}

func isLowerWord(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if !unicode.IsLower(r) {
			return false
		}
	}
	return true
}

package minutes

import (
	"referat/corpus"
	"regexp"
	"strings"
)

var (
	htmlTag   = regexp.MustCompile(`<[^<>]{0,400}>`)
	gapSplit  = regexp.MustCompile(`\s{2,}`)
	captionRe = regexp.MustCompile(`^(?i:tabel|table|figur|oversigt|skema)\b`)
)

// Tables returns the tables in a block of text: runs of lines with cells
// separated by tabs, markdown pipe tables (separator rows dropped, HTML
// inside cells reduced to its text), and runs of three or more lines whose
// cells line up in columns separated by wide gaps. The first row is the
// header; cells stay as printed. A short line just above a table, or one
// starting "Tabel", is its caption.
func Tables(text string) []corpus.Table {
	lines := strings.Split(text, "\n")
	var out []corpus.Table
	for i := 0; i < len(lines); {
		l := lines[i]
		var rows [][]string
		j := i
		switch {
		case isPipeRow(l):
			for ; j < len(lines) && isPipeRow(lines[j]); j++ {
				if pipeSep.MatchString(strings.TrimSpace(lines[j])) {
					continue
				}
				rows = append(rows, pipeCells(lines[j]))
			}
		case strings.Contains(l, "\t"):
			rows, j = tabRows(lines, i)
			if len(rows) < 2 || isMarkedList(rows) {
				rows = nil
			}
		case strings.Contains(l, "  ") && len(gapSplit.Split(l, -1)) >= 3:
			n := len(gapSplit.Split(l, -1))
			for ; j < len(lines) && len(gapSplit.Split(lines[j], -1)) == n; j++ {
				rows = append(rows, cellsOf(gapSplit.Split(lines[j], -1)))
			}
			if len(rows) < 3 {
				rows = nil
			}
		}
		if j == i {
			j = i + 1
		}
		if len(rows) > 0 {
			t := corpus.Table{Header: rows[0], Rows: rows[1:]}
			if t.Rows == nil {
				t.Rows = [][]string{}
			}
			t.Caption = caption(lines, i)
			out = append(out, t)
		}
		i = j
	}
	return out
}

// tabRows reads the rows of a tab-separated table starting at line i. A
// cell's text may wrap onto lines without tabs ("... samt\t1.370.000 kr." +
// "koordination i forhold til KOL"): such lines, when another row follows
// within two lines, go on the first cell of the row above. One blank line
// or page break inside the table is passed over when the row after it has
// as many cells.
func tabRows(lines []string, i int) ([][]string, int) {
	var rows [][]string
	j := i
	for j < len(lines) {
		l := lines[j]
		switch {
		case strings.Contains(l, "\t"):
			rows = append(rows, tabCells(l))
			j++
			continue
		case l == "" && j+1 < len(lines) && len(rows) > 0 && strings.Count(lines[j+1], "\t") == len(rows[len(rows)-1])-1:
			j++
			continue
		case l != "" && len(rows) > 0 && tabRowWithin(lines, j+1, 2):
			last := rows[len(rows)-1]
			last[0] = strings.TrimSpace(last[0] + " " + strings.Join(strings.Fields(l), " "))
			j++
			continue
		}
		break
	}
	return rows, j
}

// tabRowWithin reports whether a line with tabs comes within n lines
// from i, with no blank line before it.
func tabRowWithin(lines []string, i, n int) bool {
	for k := i; k < len(lines) && k < i+n; k++ {
		if lines[k] == "" {
			return false
		}
		if strings.Contains(lines[k], "\t") {
			return true
		}
	}
	return false
}

// listMarkerCell is the marker of a list item set off by a tab: "a.",
// "1.", "A)", "-", "•".
var listMarkerCell = regexp.MustCompile(`^(?:[A-Za-z]|\d{1,2})[.)]$|^[-•·*▪]$`)

// isMarkedList reports whether tab-separated rows are a list ("a.\tMøder
// og konferencer", "b.\tKonference ...") rather than a table.
func isMarkedList(rows [][]string) bool {
	for _, r := range rows {
		if len(r) > 2 || !listMarkerCell.MatchString(r[0]) {
			return false
		}
	}
	return true
}

func isPipeRow(l string) bool {
	l = strings.TrimSpace(l)
	return len(l) >= 3 && strings.HasPrefix(l, "|") && strings.HasSuffix(l, "|")
}

func pipeCells(l string) []string {
	l = strings.TrimSpace(l)
	l = strings.TrimSuffix(strings.TrimPrefix(l, "|"), "|")
	return cellsOf(strings.Split(l, "|"))
}

func tabCells(l string) []string { return cellsOf(strings.Split(l, "\t")) }

func cellsOf(parts []string) []string {
	out := make([]string, len(parts))
	for i, p := range parts {
		if strings.Contains(p, "<") {
			p = htmlTag.ReplaceAllString(p, " ")
		}
		out[i] = strings.Join(strings.Fields(p), " ")
	}
	return out
}

// caption returns the line above line i when it reads as a table's
// caption.
func caption(lines []string, i int) string {
	for j := i - 1; j >= 0 && j >= i-2; j-- {
		l := strings.TrimSpace(lines[j])
		if l == "" {
			continue
		}
		if captionRe.MatchString(l) {
			return l
		}
		// A short paragraph of its own, not the tail of a wrapped sentence.
		ownParagraph := j == 0 || strings.TrimSpace(lines[j-1]) == ""
		if ownParagraph && runeLen(l) <= 100 && !startsLower(l) && !strings.HasSuffix(l, ".") && !strings.HasSuffix(l, ":") && !strings.Contains(l, "\t") && !isPipeRow(l) {
			return l
		}
		return ""
	}
	return ""
}

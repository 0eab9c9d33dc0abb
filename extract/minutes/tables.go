package minutes

import (
	"referat/corpus"
	"regexp"
	"strings"
)

var (
	htmlTag   = regexp.MustCompile(`<[^<>]{0,400}>`)
	wideGap   = regexp.MustCompile(`\S(?: ?\S)*`)
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
			for ; j < len(lines) && strings.Contains(lines[j], "\t"); j++ {
				rows = append(rows, tabCells(lines[j]))
			}
			if len(rows) < 2 {
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
		if captionRe.MatchString(l) || runeLen(l) <= 100 && !strings.HasSuffix(l, ".") && !strings.HasSuffix(l, ":") && !strings.Contains(l, "\t") && !isPipeRow(l) {
			return l
		}
		return ""
	}
	return ""
}

package main

import (
	"fmt"
	"io"
	"math"
	"os"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"golang.org/x/term"

	"referat/index"
)

// fitWidth is the number of columns the result table may use: the flag's
// when set, else the terminal's, else $COLUMNS, else 0 (any width, for a
// pipe or file: what is printed there is cut only at each column's most).
func fitWidth(w io.Writer, flag int) int {
	if flag > 0 {
		return flag
	}
	if f, ok := w.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		if cols, _, err := term.GetSize(int(f.Fd())); err == nil && cols > 0 {
			return cols
		}
	}
	if n, err := strconv.Atoi(os.Getenv("COLUMNS")); err == nil && n > 0 {
		return n
	}
	return 0
}

// A column of the result table. Its width lies between min and max runes;
// cells wider than it are cut with an ellipsis.
type column struct {
	head     string
	min, max int
	weight   int // how much it keeps when the table is narrowed
	width    int
}

// columnGap is the space between two columns.
const columnGap = 2

// writeResultTable prints hits as a table at most width runes wide (0: any
// width) and the facets below, wrapped to the same width. Matching words are bold on a
// terminal and *starred* otherwise. Where even the narrowest table does not
// fit (a phone's terminal), each hit is printed as a block of lines.
func writeResultTable(w io.Writer, res *index.Result, req index.Request, color bool, width int) {
	page, size := max(req.Page, 1), req.PageSize
	if size <= 0 {
		size = index.DefaultPageSize
	}
	size = min(size, index.MaxPageSize) // as the index clamps it
	first := (page-1)*size + 1
	if res.Total == 0 {
		fmt.Fprintf(w, "No results (%s).\n", res.Took.Round(time.Millisecond))
	} else {
		fmt.Fprintf(w, "%d results, %d-%d shown (%s)\n\n", res.Total, first, first+len(res.Hits)-1, res.Took.Round(time.Millisecond))
	}
	snippetWidth := width
	if width <= 0 {
		width = math.MaxInt
	}
	rows := make([][]string, len(res.Hits))
	for i, h := range res.Hits {
		item := h.Title
		if h.Type == index.TypeItem {
			item = fmt.Sprintf("%d. %s", h.ItemNumber, h.Title)
		}
		rows[i] = []string{orDash(h.Municipality), orDash(h.Committee), orDash(h.Date), item, orDash(decidedBy(h.Outcome, h.DecidedBy, h.DecidedOn))}
	}
	cols := []column{
		{head: "MUNICIPALITY", min: 12, max: 22, weight: 1},
		{head: "COMMITTEE", min: 14, max: 32, weight: 1},
		{head: "DATE", min: 10, max: 10, weight: 1},
		{head: "ITEM", min: 24, max: 80, weight: 2},
		{head: "OUTCOME", min: 8, max: 40, weight: 1},
	}
	if len(rows) > 0 {
		if fitColumns(cols, rows, width) {
			writeTable(w, cols, rows, res.Hits, color, snippetWidth)
		} else {
			writeBlocks(w, rows, res.Hits, color, width)
		}
	}
	for _, name := range index.FacetNames {
		counts := res.Facets[name]
		if len(counts) == 0 {
			continue
		}
		parts := make([]string, 0, len(counts))
		for _, c := range counts {
			parts = append(parts, fmt.Sprintf("%s (%d)", c.Value, c.Count))
		}
		fmt.Fprintln(w)
		writeWrapped(w, name+": ", parts, width)
	}
}

// fitColumns sets each column's width to its widest cell within its bounds,
// then narrows the widest column above its minimum (its width divided by
// its weight), a rune at a time, until the table fits in width. It reports
// whether it fits.
func fitColumns(cols []column, rows [][]string, width int) bool {
	total := columnGap * (len(cols) - 1)
	for i := range cols {
		c := &cols[i]
		c.width = utf8.RuneCountInString(c.head)
		for _, r := range rows {
			c.width = max(c.width, utf8.RuneCountInString(r[i]))
		}
		c.width = min(max(c.width, c.min), c.max)
		total += c.width
	}
	for total > width {
		widest := -1
		for i, c := range cols {
			if c.width > c.min && (widest < 0 || c.width*cols[widest].weight > cols[widest].width*c.weight) {
				widest = i
			}
		}
		if widest < 0 {
			return false
		}
		cols[widest].width--
		total--
	}
	return true
}

// writeTable prints the header and one line per hit, each followed by its
// snippet under the ITEM column (or indented, when that column starts too
// far right to leave a snippet room) and at most width runes wide (0: any).
func writeTable(w io.Writer, cols []column, rows [][]string, hits []index.Hit, color bool, width int) {
	line := func(cells []string) {
		var b strings.Builder
		for i, c := range cols {
			if i == len(cols)-1 {
				b.WriteString(cut(cells[i], c.width))
				break
			}
			b.WriteString(pad(cut(cells[i], c.width), c.width+columnGap))
		}
		fmt.Fprintln(w, strings.TrimRight(b.String(), " "))
	}
	heads := make([]string, len(cols))
	for i, c := range cols {
		heads[i] = c.head
	}
	line(heads)
	indent, room := 0, 0 // room 0: any length
	for _, c := range cols[:3] {
		indent += c.width + columnGap
	}
	if width > 0 {
		if width-indent < 40 {
			indent = 2
		}
		room = width - indent
	}
	for i, r := range rows {
		line(r)
		if s := snippetText(hits[i].Snippet, color, room); s != "" {
			fmt.Fprintf(w, "%s%s\n", strings.Repeat(" ", indent), s)
		}
	}
}

// writeBlocks prints each hit as lines of at most width runes: where and
// when, the item, its outcome and its snippet.
func writeBlocks(w io.Writer, rows [][]string, hits []index.Hit, color bool, width int) {
	inner := max(width-2, 1)
	for i, r := range rows {
		if i > 0 {
			fmt.Fprintln(w)
		}
		var where []string
		for _, s := range []string{r[2], r[0], r[1]} {
			if s != "-" {
				where = append(where, s)
			}
		}
		fmt.Fprintln(w, cut(strings.Join(where, " · "), width))
		fmt.Fprintln(w, "  "+cut(r[3], inner))
		if r[4] != "-" {
			fmt.Fprintln(w, "  "+cut(r[4], inner))
		}
		if s := snippetText(hits[i].Snippet, color, inner); s != "" {
			fmt.Fprintln(w, "  "+s)
		}
	}
}

// writeWrapped prints label and the parts, separated by commas, in lines of
// at most width runes where the parts allow, breaking only between parts;
// continuation lines are indented by two.
func writeWrapped(w io.Writer, label string, parts []string, width int) {
	line := label
	for i, p := range parts {
		if i < len(parts)-1 {
			p += ","
		}
		p = cut(p, width-2)
		switch {
		case i == 0:
			line += p
		case utf8.RuneCountInString(line)+1+utf8.RuneCountInString(p) > width:
			fmt.Fprintln(w, line)
			line = "  " + p
		default:
			line += " " + p
		}
	}
	fmt.Fprintln(w, line)
}

// snippetText renders a snippet on one line of at most n visible runes
// (n <= 0: any length). A snippet too long is cut with an ellipsis, first
// before its first match (keeping a third of the line ahead of it), then
// at its end.
func snippetText(spans []index.Span, color bool, n int) string {
	type piece struct {
		text  []rune
		match bool
	}
	marks := func(p piece) int { // the stars around a match off a terminal
		if p.match && !color {
			return 2
		}
		return 0
	}
	pieces := make([]piece, 0, len(spans))
	total, firstMatch := 0, -1
	for _, s := range spans {
		t := strings.Join(strings.Fields(s.Text), " ")
		if strings.HasPrefix(s.Text, " ") || strings.HasPrefix(s.Text, "\n") {
			t = " " + t
		}
		if strings.HasSuffix(s.Text, " ") || strings.HasSuffix(s.Text, "\n") {
			t += " "
		}
		if len(pieces) == 0 {
			t = strings.TrimLeft(t, " ")
		}
		p := piece{[]rune(t), s.Match}
		if p.match && firstMatch < 0 {
			firstMatch = len(pieces)
		}
		total += len(p.text) + marks(p)
		pieces = append(pieces, p)
	}
	if n > 0 && total > n && firstMatch > 0 {
		ahead := 0
		for _, p := range pieces[:firstMatch] {
			ahead += len(p.text)
		}
		if keep := n / 3; ahead > keep {
			drop := ahead - keep + 1 // and one for the ellipsis
			for len(pieces) > 0 && drop > 0 && !pieces[0].match {
				k := min(drop, len(pieces[0].text))
				pieces[0].text = pieces[0].text[k:]
				drop -= k
				if len(pieces[0].text) == 0 {
					pieces = pieces[1:]
				}
			}
			lead := []rune("…")
			if len(pieces) > 0 && !pieces[0].match {
				pieces[0].text = append(lead, pieces[0].text...)
			} else {
				pieces = append([]piece{{text: lead}}, pieces...)
			}
		}
	}
	var b strings.Builder
	left := n
	for _, p := range pieces {
		t := p.text
		if n > 0 {
			if size := len(t) + marks(p); size > left {
				room := left - marks(p) - 1
				if room <= 0 { // not even a letter of it fits
					if left > 0 {
						b.WriteString("…")
					}
					break
				}
				t = append([]rune(strings.TrimRight(string(t[:room]), " ")), '…')
				left = 0
			} else {
				left -= size
			}
		}
		switch {
		case !p.match:
			b.WriteString(string(t))
		case color:
			b.WriteString("\x1b[1m" + string(t) + "\x1b[0m")
		default:
			b.WriteString("*" + string(t) + "*")
		}
		if n > 0 && left == 0 {
			break
		}
	}
	return strings.TrimSpace(b.String())
}

// pad fills s with spaces to n runes.
func pad(s string, n int) string {
	return s + strings.Repeat(" ", max(n-utf8.RuneCountInString(s), 0))
}

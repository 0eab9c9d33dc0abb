package pdftext

import (
	"math"
	"unicode"
	"unicode/utf8"
)

// Columns. A table's cells stay on their row, tab-separated, so the
// extractor can rebuild the table; but a page whose prose runs beside a
// sidebar or in two columns must be read one column after the other, or
// its sentences (and words hyphenated at a column's edge) interleave.
// splitColumns finds runs of lines that share an empty vertical gutter
// and reads such a run as columns when one side of the gutter is prose,
// lines of many words, beside text that is neither mostly numbers nor
// one-word list markers.

const (
	minColumnRun   = 3   // lines a gutter must span
	proseWords     = 5   // words a prose line has at least
	minGutterWidth = 0.8 // of the font size
)

func splitColumns(lines []*line) []*line {
	var out []*line
	for i := 0; i < len(lines); {
		if n, mid := columnRun(lines, i); n > 0 {
			left, right := splitAt(lines[i:i+n], mid)
			out = append(out, left...)
			out = append(out, right...)
			i += n
			continue
		}
		out = append(out, lines[i])
		i++
	}
	return out
}

// columnRun reports how many lines from i on share a gutter that divides
// prose from other text, and the gutter's middle; 0 when none does.
func columnRun(lines []*line, i int) (int, float64) {
	first := lines[i]
	for k := 1; k < len(first.segs); k++ {
		g0, g1 := first.segs[k-1].x1, first.segs[k].x0
		// A sidebar lines up on its left edge, a left-hand column on its
		// right edge: probe the gutter next to each.
		for _, probe := range []float64{g1 - 0.25*first.size, g0 + 0.25*first.size} {
			a0, a1 := g0, g1
			n := 1
			for j := i + 1; j < len(lines); j++ {
				a, b, ok := freeAround(lines[j], probe)
				if !ok {
					break
				}
				a, b = math.Max(a, a0), math.Min(b, a1)
				if b-a < minGutterWidth*lines[j].size {
					break
				}
				a0, a1 = a, b
				n++
			}
			if n >= minColumnRun && isProseBeside(lines[i:i+n], (a0+a1)/2) {
				return n, (a0 + a1) / 2
			}
		}
	}
	return 0, 0
}

// freeAround returns the empty interval of a line around x, false when a
// segment covers x.
func freeAround(l *line, x float64) (float64, float64, bool) {
	a, b := math.Inf(-1), math.Inf(1)
	for _, s := range l.segs {
		switch {
		case s.x1 <= x:
			a = math.Max(a, s.x1)
		case s.x0 >= x:
			b = math.Min(b, s.x0)
		default:
			return 0, 0, false
		}
	}
	return a, b, true
}

// isProseBeside reports whether one side of the gutter at mid holds prose
// and the other side is text of its own. Prose is lines of many words
// whose sentences run on from line to line; the other side must not be
// one-word list markers, and unless the prose visibly runs on, not mostly
// numbers either (that is a table: descriptions beside amounts).
func isProseBeside(run []*line, mid float64) bool {
	var prose, flow, lines, words, digits [2]int
	for _, l := range run {
		var w, d [2]int
		var text [2]string
		for _, s := range l.segs {
			side := 0
			if s.x0 >= mid {
				side = 1
			}
			w[side] += s.words
			d[side] += s.digits
			if text[side] == "" {
				text[side] = s.text
			}
		}
		for side := 0; side < 2; side++ {
			if w[side] == 0 {
				continue
			}
			lines[side]++
			words[side] += w[side]
			digits[side] += d[side]
			if w[side] >= proseWords {
				prose[side]++
			}
			if r, _ := utf8.DecodeRuneInString(text[side]); lines[side] > 1 && unicode.IsLower(r) {
				flow[side]++
			}
		}
	}
	for side := 0; side < 2; side++ {
		other := 1 - side
		if lines[side] < minColumnRun || prose[side]*2 < lines[side] || lines[other] == 0 || words[other] < 2*lines[other] {
			continue
		}
		runsOn := flow[side] >= 2 && flow[side]*3 >= lines[side]
		if runsOn || digits[other]*2 < words[other] {
			return true
		}
	}
	return false
}

// splitAt divides each line of a run at mid into a left and a right line.
func splitAt(run []*line, mid float64) (left, right []*line) {
	for _, l := range run {
		var ls, rs []segment
		for _, s := range l.segs {
			if s.x0 >= mid {
				rs = append(rs, s)
			} else {
				ls = append(ls, s)
			}
		}
		if len(ls) > 0 {
			left = append(left, &line{y: l.y, size: l.size, segs: ls, text: joinSegments(ls)})
		}
		if len(rs) > 0 {
			right = append(right, &line{y: l.y, size: l.size, segs: rs, text: joinSegments(rs)})
		}
	}
	return left, right
}

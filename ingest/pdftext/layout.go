package pdftext

import (
	"math"
	"sort"
	"strings"
)

// Layout turns a page's glyphs into text: glyphs on one baseline make a
// line, gaps between glyphs make spaces (or tabs between table cells),
// lines run top to bottom. Text turned a quarter (margin notes) follows
// the upright text, each direction read in its own frame.

// Gap thresholds, as fractions of the font size.
const (
	wordGap    = 0.12 // wider than kerning, narrower than the narrowest space
	cellGap    = 1.2  // a gap this wide, much wider than the line's spaces, separates cells
	cellGapAbs = 3.0  // a gap this wide separates cells whatever the line's spacing
	dupOverlap = 0.15 // the same glyph drawn twice this close is one glyph (fake bold)
)

// line is one baseline's glyphs.
type line struct {
	y, size float64
	glyphs  []glyph
	segs    []segment
	text    string
}

// segment is a run of words on a line between cell gaps.
type segment struct {
	x0, x1 float64
	text   string
	words  int
	digits int // words that are numbers
}

// layoutPage returns the text of a page's glyphs.
func layoutPage(glyphs []glyph) string {
	var groups [4][]glyph
	for _, g := range glyphs {
		groups[g.rot&3] = append(groups[g.rot&3], g)
	}
	var b strings.Builder
	for _, grp := range groups {
		if len(grp) == 0 {
			continue
		}
		lines := buildLines(grp)
		writeLines(&b, lines)
	}
	return strings.TrimRight(b.String(), "\n")
}

// lineTolerance is how far apart two baselines may be and still be one
// line: half the larger size catches superscripts, but never more than
// most of the smaller size, so a heading does not swallow the line below.
func lineTolerance(a, b float64) float64 {
	return math.Min(0.5*math.Max(a, b), 0.8*math.Min(a, b))
}

func buildLines(gs []glyph) []*line {
	sort.SliceStable(gs, func(i, j int) bool {
		if gs[i].y != gs[j].y {
			return gs[i].y > gs[j].y
		}
		return gs[i].x0 < gs[j].x0
	})
	var lines []*line
	var cur *line
	for _, g := range gs {
		if cur != nil && math.Abs(g.y-cur.y) <= lineTolerance(g.size, cur.size) {
			if g.size > cur.size && !g.space {
				cur.y, cur.size = g.y, g.size
			}
			cur.glyphs = append(cur.glyphs, g)
			continue
		}
		cur = &line{y: g.y, size: g.size, glyphs: []glyph{g}}
		lines = append(lines, cur)
	}
	out := lines[:0]
	for _, l := range lines {
		l.segs = l.compose()
		if len(l.segs) > 0 {
			l.text = joinSegments(l.segs)
			out = append(out, l)
		}
	}
	return splitColumns(out)
}

func joinSegments(segs []segment) string {
	var b strings.Builder
	for i, s := range segs {
		if i > 0 {
			b.WriteByte('\t')
		}
		b.WriteString(s.text)
	}
	return b.String()
}

// word is a run of glyphs without a gap.
type word struct {
	text   strings.Builder
	x0, x1 float64
	size   float64
}

// compose builds the line's segments: words separated by spaces, split
// into segments (table cells, columns) at wide gaps.
func (l *line) compose() []segment {
	gs := l.glyphs
	sort.SliceStable(gs, func(i, j int) bool { return gs[i].x0 < gs[j].x0 })
	var words []*word
	var cur *word
	var last *glyph
	brk := false
	for i := range gs {
		g := &gs[i]
		if g.space {
			brk = true
			continue
		}
		if last != nil && g.text == last.text && math.Abs(g.x0-last.x0) < dupOverlap*g.size && math.Abs(g.y-last.y) < dupOverlap*g.size {
			continue // drawn twice
		}
		size := g.size
		if cur != nil {
			size = math.Max(size, cur.size)
		}
		if cur == nil || brk || g.x0-cur.x1 > wordGap*size {
			cur = &word{x0: g.x0, x1: g.x1, size: g.size}
			words = append(words, cur)
		}
		cur.text.WriteString(g.text)
		cur.x1 = math.Max(cur.x1, g.x1)
		cur.size = math.Max(cur.size, g.size)
		last = g
		brk = false
	}
	if len(words) == 0 {
		return nil
	}
	// A table's cells are set apart by gaps much wider than the line's
	// word spaces; a justified line widens all its spaces alike.
	gaps := make([]float64, 0, len(words))
	for i := 1; i < len(words); i++ {
		gaps = append(gaps, words[i].x0-words[i-1].x1)
	}
	typical := median(gaps)
	var segs []segment
	var b strings.Builder
	seg := segment{x0: words[0].x0}
	for i, w := range words {
		if i > 0 {
			gap := gaps[i-1]
			size := math.Max(w.size, words[i-1].size)
			if gap > cellGapAbs*size || (gap > cellGap*size && gap > 2.5*typical) {
				seg.text = b.String()
				segs = append(segs, seg)
				b.Reset()
				seg = segment{x0: w.x0}
			} else {
				b.WriteByte(' ')
			}
		}
		t := w.text.String()
		b.WriteString(t)
		seg.x1 = w.x1
		seg.words++
		if isNumber(t) {
			seg.digits++
		}
	}
	seg.text = b.String()
	return append(segs, seg)
}

func isNumber(s string) bool {
	digits := 0
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			digits++
		case strings.ContainsRune(".,-–%/:+()kr", r):
		default:
			return false
		}
	}
	return digits > 0
}

func median(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	s := append([]float64(nil), xs...)
	sort.Float64s(s)
	return s[len(s)/2]
}

// writeLines writes lines top to bottom, with a blank line where the
// vertical gap says a new paragraph or block begins.
func writeLines(b *strings.Builder, lines []*line) {
	for i, l := range lines {
		if i > 0 {
			prev := lines[i-1]
			if gap := prev.y - l.y; gap > 2.0*math.Max(prev.size, l.size) || gap < 0 {
				b.WriteByte('\n')
			}
		}
		b.WriteString(l.text)
		b.WriteByte('\n')
	}
}

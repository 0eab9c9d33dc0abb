package pdftext

import (
	"math"
	"strings"

	"github.com/ledongthuc/pdf"
)

// matrix is a PDF transformation [a b c d e f]: x' = a x + c y + e,
// y' = b x + d y + f.
type matrix [6]float64

var identity = matrix{1, 0, 0, 1, 0, 0}

// mul returns m followed by n.
func (m matrix) mul(n matrix) matrix {
	return matrix{
		m[0]*n[0] + m[1]*n[2],
		m[0]*n[1] + m[1]*n[3],
		m[2]*n[0] + m[3]*n[2],
		m[2]*n[1] + m[3]*n[3],
		m[4]*n[0] + m[5]*n[2] + n[4],
		m[4]*n[1] + m[5]*n[3] + n[5],
	}
}

func (m matrix) apply(x, y float64) (float64, float64) {
	return m[0]*x + m[2]*y + m[4], m[1]*x + m[3]*y + m[5]
}

// glyph is one shown glyph in a page's reading frame: x along the
// baseline, y across it (up), both in points.
type glyph struct {
	x0, x1 float64
	y      float64
	size   float64
	text   string
	space  bool  // a space glyph: a word break, no text
	rot    uint8 // 0 upright as displayed, 1..3 quarter turns
	seq    int32 // order shown
}

type gstate struct {
	ctm    matrix
	font   *font
	fs     float64
	tc, tw float64
	th     float64
	tl     float64
	rise   float64
}

// pageRun collects the glyphs of one page.
type pageRun struct {
	d       *document
	glyphs  []glyph
	images  int
	total   int // glyphs with text
	bad     int // glyphs that decoded to nothing real
	box     [4]float64
	rotate  int // page /Rotate in quarter turns
	ops     int
	inForms map[string]bool
	tooMany bool
}

// maxGlyphsPerPage bounds the memory one page can take.
const maxGlyphsPerPage = 1 << 20

func num(o operand) float64 {
	if o.kind == tkNum && !math.IsNaN(o.num) && !math.IsInf(o.num, 0) {
		return o.num
	}
	return 0
}

// run interprets a content stream with the given resources.
func (pr *pageRun) run(data []byte, res pdf.Value, ctm matrix, depth int) error {
	g := gstate{ctm: ctm, th: 1}
	var stack []gstate
	var tm, tlm matrix
	fonts := map[string]*font{}
	xobjs := map[string]pdf.Value{}
	var fontRes pdf.Value
	fontResLoaded := false
	l := &lexer{b: data}
	var ops []operand

	show := func(s string) {
		f := g.font
		if f == nil {
			f = pr.d.defaultFont()
		}
		f.decode(s, func(gc glyphCode) {
			trm := matrix{g.fs * g.th, 0, 0, g.fs, 0, g.rise}.mul(tm).mul(g.ctm)
			pr.emit(gc, trm)
			tx := (gc.width*g.fs + g.tc) * g.th
			if gc.space {
				tx += g.tw * g.th
			}
			tm = matrix{1, 0, 0, 1, tx, 0}.mul(tm)
		})
	}

	for {
		t := l.next()
		if t.kind == tkEOF {
			break
		}
		if t.kind != tkOp {
			if t.kind == tkArrClose || t.kind == tkDictClose || t.kind == tkProcOpen || t.kind == tkProcClose {
				continue
			}
			if len(ops) < 64 {
				ops = append(ops, l.readOperand(t, 0))
			}
			continue
		}
		pr.ops++
		if pr.ops&4095 == 0 {
			if err := pr.d.ctx.Err(); err != nil {
				return err
			}
		}
		if pr.tooMany {
			return nil
		}
		a := ops
		switch t.s {
		case "q":
			if len(stack) < 256 {
				stack = append(stack, g)
			}
		case "Q":
			if n := len(stack); n > 0 {
				g = stack[n-1]
				stack = stack[:n-1]
			}
		case "cm":
			if len(a) == 6 {
				m := matrix{num(a[0]), num(a[1]), num(a[2]), num(a[3]), num(a[4]), num(a[5])}
				g.ctm = m.mul(g.ctm)
			}
		case "BT":
			tm, tlm = identity, identity
		case "Tf":
			if len(a) == 2 {
				name := a[0].s
				f, ok := fonts[name]
				if !ok {
					if !fontResLoaded {
						fontRes = res.Key("Font")
						fontResLoaded = true
					}
					f = pr.d.font(fontRes.Key(name))
					fonts[name] = f
				}
				g.font = f
				g.fs = num(a[1])
			}
		case "Tc":
			if len(a) == 1 {
				g.tc = num(a[0])
			}
		case "Tw":
			if len(a) == 1 {
				g.tw = num(a[0])
			}
		case "Tz":
			if len(a) == 1 {
				g.th = num(a[0]) / 100
			}
		case "TL":
			if len(a) == 1 {
				g.tl = num(a[0])
			}
		case "Ts":
			if len(a) == 1 {
				g.rise = num(a[0])
			}
		case "Td", "TD":
			if len(a) == 2 {
				if t.s == "TD" {
					g.tl = -num(a[1])
				}
				tlm = matrix{1, 0, 0, 1, num(a[0]), num(a[1])}.mul(tlm)
				tm = tlm
			}
		case "Tm":
			if len(a) == 6 {
				tlm = matrix{num(a[0]), num(a[1]), num(a[2]), num(a[3]), num(a[4]), num(a[5])}
				tm = tlm
			}
		case "T*":
			tlm = matrix{1, 0, 0, 1, 0, -g.tl}.mul(tlm)
			tm = tlm
		case "Tj":
			if len(a) >= 1 {
				show(a[len(a)-1].s)
			}
		case "'":
			tlm = matrix{1, 0, 0, 1, 0, -g.tl}.mul(tlm)
			tm = tlm
			if len(a) >= 1 {
				show(a[len(a)-1].s)
			}
		case "\"":
			if len(a) == 3 {
				g.tw, g.tc = num(a[0]), num(a[1])
				tlm = matrix{1, 0, 0, 1, 0, -g.tl}.mul(tlm)
				tm = tlm
				show(a[2].s)
			}
		case "TJ":
			if len(a) >= 1 {
				for _, x := range a[len(a)-1].arr {
					switch x.kind {
					case tkStr:
						show(x.s)
					case tkNum:
						tx := -num(x) / 1000 * g.fs * g.th
						tm = matrix{1, 0, 0, 1, tx, 0}.mul(tm)
					}
				}
			}
		case "Do":
			if len(a) == 1 && a[0].kind == tkName {
				x, ok := xobjs[a[0].s]
				if !ok {
					x = res.Key("XObject").Key(a[0].s)
					xobjs[a[0].s] = x
				}
				if err := pr.doXObject(x, res, g.ctm, depth); err != nil {
					return err
				}
			}
		case "BI":
			pr.images++
			skipInlineImage(l)
		}
		ops = ops[:0]
	}
	return nil
}

// skipInlineImage moves the lexer past an inline image's dictionary and
// binary data (BI ... ID data EI).
func skipInlineImage(l *lexer) {
	for {
		t := l.next()
		if t.kind == tkEOF {
			return
		}
		if t.kind == tkOp && t.s == "ID" {
			break
		}
	}
	if l.i < len(l.b) {
		l.i++ // the single white-space byte after ID
	}
	// The data ends at white space, "EI", then white space or the end.
	for j := l.i; j+1 < len(l.b); j++ {
		if l.b[j] == 'E' && l.b[j+1] == 'I' && (j == l.i || isWhite(l.b[j-1])) &&
			(j+2 == len(l.b) || isWhite(l.b[j+2]) || isDelimiter(l.b[j+2])) {
			l.i = j + 2
			return
		}
	}
	l.i = len(l.b)
}

func (pr *pageRun) doXObject(x pdf.Value, parentRes pdf.Value, ctm matrix, depth int) error {
	if x.Kind() != pdf.Stream {
		return nil
	}
	switch x.Key("Subtype").Name() {
	case "Image":
		pr.images++
		return nil
	case "Form":
	default:
		return nil
	}
	if depth >= 12 {
		return nil
	}
	key := x.String() // header and offset: unique per stream
	if pr.inForms[key] {
		return nil // a form that draws itself
	}
	data, err := pr.d.formData(key, x)
	if err != nil {
		pr.d.warnf("form xobject: %v", err)
		return nil
	}
	m := identity
	if mv := x.Key("Matrix"); mv.Len() == 6 {
		for i := 0; i < 6; i++ {
			m[i] = mv.Index(i).Float64()
		}
	}
	res := x.Key("Resources")
	if res.Kind() != pdf.Dict {
		res = parentRes
	}
	if pr.inForms == nil {
		pr.inForms = map[string]bool{}
	}
	pr.inForms[key] = true
	defer delete(pr.inForms, key)
	return pr.run(data, res, m.mul(ctm), depth+1)
}

// emit records one decoded glyph drawn with the text rendering matrix trm.
func (pr *pageRun) emit(gc glyphCode, trm matrix) {
	if len(pr.glyphs) >= maxGlyphsPerPage {
		pr.tooMany = true
		return
	}
	dx, dy := trm[0], trm[1]
	adv := math.Hypot(dx, dy)
	size := math.Hypot(trm[2], trm[3])
	if adv == 0 || size == 0 || math.IsNaN(adv+size) || math.IsInf(adv+size, 0) {
		return
	}
	// Snap the baseline direction to a quarter turn.
	var rot uint8
	switch {
	case math.Abs(dx) >= math.Abs(dy) && dx > 0:
		rot = 0
	case math.Abs(dy) > math.Abs(dx) && dy > 0:
		rot = 1
	case math.Abs(dx) >= math.Abs(dy):
		rot = 2
	default:
		rot = 3
	}
	ox, oy := trm[4], trm[5]
	ex, ey := trm.apply(gc.width, 0)
	// Drop glyphs wholly outside the page, as viewers (and pdftotext) do.
	minX, maxX := math.Min(ox, ex), math.Max(ox, ex)
	minY, maxY := math.Min(oy, ey), math.Max(oy, ey)
	if maxX < pr.box[0]-1 || minX > pr.box[2]+1 || maxY < pr.box[1]-1 || minY > pr.box[3]+1 {
		return
	}
	var x0, x1, y float64
	switch rot {
	case 0:
		x0, x1, y = ox, ex, oy
	case 1:
		x0, x1, y = oy, ey, -ox
	case 2:
		x0, x1, y = -ox, -ex, -oy
	case 3:
		x0, x1, y = -oy, -ey, ox
	}
	if x1 < x0 {
		x1 = x0
	}
	g := glyph{x0: x0, x1: x1, y: y, size: size, rot: (rot + 4 - uint8(pr.rotate)) % 4, seq: int32(len(pr.glyphs))}
	text := gc.text
	if isBlank(text) {
		g.space = true
	} else {
		pr.total++
		if !gc.mapped || strings.ContainsRune(text, '\uFFFD') {
			pr.bad++
		}
		g.text = cleanGlyphText(text)
	}
	pr.glyphs = append(pr.glyphs, g)
}

func isBlank(s string) bool {
	for _, r := range s {
		switch r {
		case ' ', '\t', '\n', '\r', 0xa0, 0x2002, 0x2003, 0x2009, 0x200a, 0x200b, 0x3000, 0:
		default:
			return false
		}
	}
	return true
}

// cleanGlyphText expands ligatures and drops control characters, so words
// read as typed.
func cleanGlyphText(s string) string {
	if len(s) == 1 && s[0] >= 0x20 && s[0] < 0x7f {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		switch {
		case r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) || r == 0xfeff:
		case r == 0xad:
			// A visible soft hyphen ends a hyphenated line.
			b.WriteByte('-')
		case r == 0xfb00:
			b.WriteString("ff")
		case r == 0xfb01:
			b.WriteString("fi")
		case r == 0xfb02:
			b.WriteString("fl")
		case r == 0xfb03:
			b.WriteString("ffi")
		case r == 0xfb04:
			b.WriteString("ffl")
		case r == 0xfb05 || r == 0xfb06:
			b.WriteString("st")
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

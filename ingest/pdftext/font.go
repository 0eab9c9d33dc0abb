package pdftext

import (
	"strings"
	"unicode/utf16"

	"github.com/ledongthuc/pdf"
)

// font decodes the codes a content stream shows into text and advance
// widths. It is built once per distinct font dictionary in a document.
type font struct {
	name   string
	cid    bool    // Type0: multi-byte codes through an encoding CMap
	enc    *cmap   // Type0 encoding CMap; nil means Identity (2 bytes)
	ucs2   bool    // Type0 codes are UTF-16 (a Uni*-UCS2/UTF16 CMap)
	toUni  *cmap   // the font's ToUnicode map, if any
	scale  float64 // glyph space to text space (0.001, or a Type3 FontMatrix)
	simple [256]string
	known  [256]bool // simple[c] came from a real mapping
	widths [256]float64
	hasW   [256]bool
	cidW   map[uint32]float64
	dw     float64
	noW    bool // no widths in the file: estimate from standard metrics
}

// glyph is one decoded code.
type glyphCode struct {
	text   string
	width  float64 // advance in text space units per unit font size
	space  bool    // single-byte code 32: word spacing applies
	mapped bool    // text came from a mapping, not a guess
}

// decode calls fn for each code in the shown string s.
func (f *font) decode(s string, fn func(g glyphCode)) {
	if !f.cid {
		for i := 0; i < len(s); i++ {
			c := s[i]
			w := f.widths[c]
			if !f.hasW[c] {
				if f.noW {
					w = standardWidth(f.name, f.simple[c]) * f.scale
				} else {
					w = f.dw * f.scale
				}
			}
			fn(glyphCode{text: f.simple[c], width: w, space: c == ' ', mapped: f.known[c]})
		}
		return
	}
	for i := 0; i < len(s); {
		n := 2
		if f.enc != nil {
			n = f.enc.codeLen(s[i:], 2)
		}
		if i+n > len(s) {
			n = len(s) - i
		}
		code := codeValue(s[i : i+n])
		i += n
		cid := code
		if f.enc != nil {
			cid = f.enc.cidOf(code)
		}
		w, ok := f.cidW[cid]
		if !ok {
			w = f.dw
		}
		g := glyphCode{width: w * f.scale, space: n == 1 && code == 32}
		if f.toUni != nil {
			g.text, g.mapped = f.toUni.text(code)
		}
		if !g.mapped && f.ucs2 {
			g.text, g.mapped = string(utf16.Decode([]uint16{uint16(code)})), true
		}
		if !g.mapped {
			g.text = "\uFFFD"
		}
		fn(g)
	}
}

// loadFont builds a font from its dictionary.
func (d *document) loadFont(v pdf.Value) *font {
	f := &font{name: v.Key("BaseFont").Name(), scale: 0.001}
	if tu := v.Key("ToUnicode"); tu.Kind() == pdf.Stream {
		if data, err := d.stream(tu); err == nil {
			f.toUni = parseCMap(data)
		}
	}
	switch v.Key("Subtype").Name() {
	case "Type0":
		d.loadCIDFont(f, v)
		return f
	case "Type3":
		if m := v.Key("FontMatrix"); m.Len() >= 1 && m.Index(0).Float64() != 0 {
			f.scale = m.Index(0).Float64()
		}
	}
	d.loadSimpleFont(f, v)
	return f
}

func (d *document) loadCIDFont(f *font, v pdf.Value) {
	f.cid = true
	f.dw = 1000
	enc := v.Key("Encoding")
	switch enc.Kind() {
	case pdf.Name:
		n := enc.Name()
		if strings.HasPrefix(n, "Uni") && (strings.Contains(n, "UCS2") || strings.Contains(n, "UTF16")) {
			f.ucs2 = true
		}
	case pdf.Stream:
		if data, err := d.stream(enc); err == nil {
			f.enc = parseCMap(data)
			if len(f.enc.space) == 0 && len(f.enc.cid) == 0 && len(f.enc.cidRanges) == 0 {
				f.enc = nil
			}
		}
	}
	desc := v.Key("DescendantFonts").Index(0)
	if desc.Kind() != pdf.Dict {
		return
	}
	if dw := desc.Key("DW"); dw.Kind() == pdf.Integer || dw.Kind() == pdf.Real {
		f.dw = dw.Float64()
	}
	w := desc.Key("W")
	f.cidW = make(map[uint32]float64)
	n := w.Len()
	for i := 0; i < n && len(f.cidW) < maxCMapEntries; {
		first := w.Index(i)
		if i+1 >= n {
			break
		}
		next := w.Index(i + 1)
		if next.Kind() == pdf.Array {
			c := uint32(first.Int64())
			for k := 0; k < next.Len(); k++ {
				f.cidW[c+uint32(k)] = next.Index(k).Float64()
			}
			i += 2
			continue
		}
		if i+2 >= n {
			break
		}
		lo, hi, wv := uint32(first.Float64()), uint32(next.Float64()), w.Index(i+2).Float64()
		for c := lo; c <= hi && c-lo < 1<<16; c++ {
			f.cidW[c] = wv
		}
		i += 3
	}
}

func (d *document) loadSimpleFont(f *font, v pdf.Value) {
	desc := v.Key("FontDescriptor")
	flags := desc.Key("Flags").Int64()
	symbolic := flags&4 != 0 && flags&32 == 0
	f.dw = desc.Key("MissingWidth").Float64()

	var base *encodingTable
	var diffs pdf.Value
	enc := v.Key("Encoding")
	switch enc.Kind() {
	case pdf.Name:
		base = baseEncoding(enc.Name())
	case pdf.Dict:
		base = baseEncoding(enc.Key("BaseEncoding").Name())
		diffs = enc.Key("Differences")
	}
	subtype := v.Key("Subtype").Name()
	if base == nil {
		switch {
		case subtype == "TrueType" || symbolic:
			// A symbolic or unencoded TrueType font maps codes through its
			// own cmap; for the text fonts that do this, WinAnsi is what
			// the codes mean.
			base = winAnsiEncoding
		default:
			base = standardEncoding
		}
	}
	for c := 0; c < 256; c++ {
		f.simple[c] = base[c]
		f.known[c] = base[c] != ""
	}
	if diffs.Kind() == pdf.Array {
		code := 0
		for i := 0; i < diffs.Len(); i++ {
			x := diffs.Index(i)
			switch x.Kind() {
			case pdf.Integer, pdf.Real:
				code = int(x.Int64())
			case pdf.Name:
				if code >= 0 && code < 256 {
					s, ok := glyphText(x.Name())
					f.simple[code], f.known[code] = s, ok
				}
				code++
			}
		}
	}
	if f.toUni != nil {
		for c := 0; c < 256; c++ {
			if s, ok := f.toUni.text(uint32(c)); ok {
				f.simple[c], f.known[c] = s, true
			}
		}
	}
	for c := 0; c < 256; c++ {
		if !f.known[c] && f.simple[c] == "" {
			if c < 32 {
				f.simple[c] = " "
			} else {
				f.simple[c] = "\uFFFD"
			}
		}
	}
	widths := v.Key("Widths")
	if widths.Kind() != pdf.Array {
		f.noW = true
		return
	}
	first := int(v.Key("FirstChar").Int64())
	for i := 0; i < widths.Len(); i++ {
		c := first + i
		if c >= 0 && c < 256 {
			f.widths[c] = widths.Index(i).Float64() * f.scale
			f.hasW[c] = true
		}
	}
}

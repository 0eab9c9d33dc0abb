package pdftext

import (
	"sort"
	"strings"
	"unicode/utf16"
)

// cmap is a parsed CMap: a ToUnicode map (codes to text) or a font
// encoding CMap (codes to CIDs), with its codespace ranges. Ranges stay
// ranges, so a hostile <00000000> <FFFFFFFF> costs nothing.
type cmap struct {
	space     []codespace
	uni       map[uint32]string
	uniRanges []uniRange
	cid       map[uint32]uint32
	cidRanges []cidRange
	use       string // usecmap name, e.g. Identity-H
}

type codespace struct {
	lo, hi uint32
	n      int
}

type uniRange struct {
	lo, hi uint32
	base   []rune   // text of lo; the last rune counts up through the range
	arr    []string // or one text per code
}

type cidRange struct {
	lo, hi, cid uint32
}

// maxCMapEntries bounds a CMap's explicit entries.
const maxCMapEntries = 1 << 20

func codeValue(s string) uint32 {
	if len(s) > 4 {
		s = s[len(s)-4:]
	}
	var v uint32
	for i := 0; i < len(s); i++ {
		v = v<<8 | uint32(s[i])
	}
	return v
}

// utf16Text decodes a CMap destination string (UTF-16BE).
func utf16Text(s string) string {
	if len(s) == 1 {
		return string(rune(s[0]))
	}
	u := make([]uint16, 0, len(s)/2)
	for i := 0; i+1 < len(s); i += 2 {
		u = append(u, uint16(s[i])<<8|uint16(s[i+1]))
	}
	return string(utf16.Decode(u))
}

func parseCMap(data []byte) *cmap {
	m := &cmap{uni: map[uint32]string{}, cid: map[uint32]uint32{}}
	l := &lexer{b: data}
	var ops []operand
	entries := 0
	for {
		t := l.next()
		if t.kind == tkEOF {
			break
		}
		if t.kind != tkOp {
			if t.kind == tkProcOpen || t.kind == tkProcClose || t.kind == tkDictClose || t.kind == tkArrClose {
				continue
			}
			if len(ops) < 3*maxCMapEntries {
				ops = append(ops, l.readOperand(t, 0))
			}
			continue
		}
		if entries > maxCMapEntries {
			break
		}
		switch t.s {
		case "endcodespacerange":
			for i := 0; i+1 < len(ops); i += 2 {
				if ops[i].kind == tkStr && ops[i+1].kind == tkStr && len(ops[i].s) > 0 {
					m.space = append(m.space, codespace{codeValue(ops[i].s), codeValue(ops[i+1].s), min(len(ops[i].s), 4)})
				}
			}
		case "endbfchar":
			for i := 0; i+1 < len(ops); i += 2 {
				src, dst := ops[i], ops[i+1]
				if src.kind != tkStr {
					continue
				}
				switch dst.kind {
				case tkStr:
					m.uni[codeValue(src.s)] = utf16Text(dst.s)
				case tkName:
					if s, ok := glyphText(dst.s); ok {
						m.uni[codeValue(src.s)] = s
					}
				}
				entries++
			}
		case "endbfrange":
			for i := 0; i+2 < len(ops); i += 3 {
				lo, hi, dst := ops[i], ops[i+1], ops[i+2]
				if lo.kind != tkStr || hi.kind != tkStr {
					continue
				}
				r := uniRange{lo: codeValue(lo.s), hi: codeValue(hi.s)}
				if r.hi < r.lo {
					continue
				}
				switch dst.kind {
				case tkStr:
					r.base = []rune(utf16Text(dst.s))
					if len(r.base) == 0 {
						continue
					}
				case tkArrOpen:
					for _, a := range dst.arr {
						r.arr = append(r.arr, utf16Text(a.s))
					}
					if len(r.arr) == 0 {
						continue
					}
				default:
					continue
				}
				m.uniRanges = append(m.uniRanges, r)
				entries++
			}
		case "endcidchar":
			for i := 0; i+1 < len(ops); i += 2 {
				if ops[i].kind == tkStr && ops[i+1].kind == tkNum && ops[i+1].num >= 0 {
					m.cid[codeValue(ops[i].s)] = uint32(ops[i+1].num)
					entries++
				}
			}
		case "endcidrange":
			for i := 0; i+2 < len(ops); i += 3 {
				lo, hi, c := ops[i], ops[i+1], ops[i+2]
				if lo.kind == tkStr && hi.kind == tkStr && c.kind == tkNum && c.num >= 0 {
					r := cidRange{codeValue(lo.s), codeValue(hi.s), uint32(c.num)}
					if r.hi >= r.lo {
						m.cidRanges = append(m.cidRanges, r)
						entries++
					}
				}
			}
		case "usecmap":
			if n := len(ops); n > 0 && ops[n-1].kind == tkName {
				m.use = ops[n-1].s
			}
		}
		ops = ops[:0]
	}
	sort.Slice(m.uniRanges, func(i, j int) bool { return m.uniRanges[i].lo < m.uniRanges[j].lo })
	sort.Slice(m.cidRanges, func(i, j int) bool { return m.cidRanges[i].lo < m.cidRanges[j].lo })
	return m
}

// text returns the text a code maps to.
func (m *cmap) text(code uint32) (string, bool) {
	if s, ok := m.uni[code]; ok {
		return s, true
	}
	rs := m.uniRanges
	i := sort.Search(len(rs), func(i int) bool { return rs[i].lo > code }) - 1
	// Ranges may overlap; look back a little for one that holds code.
	for k := i; k >= 0 && k > i-4; k-- {
		r := rs[k]
		if code < r.lo || code > r.hi {
			continue
		}
		off := code - r.lo
		if r.arr != nil {
			if int(off) < len(r.arr) {
				return r.arr[off], true
			}
			return "", false
		}
		out := make([]rune, len(r.base))
		copy(out, r.base)
		out[len(out)-1] += rune(off)
		return string(out), true
	}
	return "", false
}

// cidOf maps a code to a CID through an encoding CMap.
func (m *cmap) cidOf(code uint32) uint32 {
	if c, ok := m.cid[code]; ok {
		return c
	}
	rs := m.cidRanges
	i := sort.Search(len(rs), func(i int) bool { return rs[i].lo > code }) - 1
	for k := i; k >= 0 && k > i-4; k-- {
		if r := rs[k]; code >= r.lo && code <= r.hi {
			return r.cid + code - r.lo
		}
	}
	if strings.HasPrefix(m.use, "Identity") {
		return code
	}
	return 0
}

// codeLen returns how many bytes of s make the next code, by the
// codespace ranges; def when none matches.
func (m *cmap) codeLen(s string, def int) int {
	if len(m.space) == 0 {
		return def
	}
	for n := 1; n <= 4 && n <= len(s); n++ {
		v := codeValue(s[:n])
		for _, r := range m.space {
			if r.n == n && v >= r.lo && v <= r.hi {
				return n
			}
		}
	}
	return def
}

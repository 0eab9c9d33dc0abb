package pdftext

import (
	"bytes"
	"compress/zlib"
	"io"
	"strconv"
)

// Checking cross-reference streams before the library reads them. The
// library finds an object packed in an object stream by resolving that
// stream first, recursively and without a depth limit; a stream that the
// table says is itself packed (in itself, or in a stream packed in it)
// recurses until Go's stack limit ends the whole process, which no recover
// can catch. The PDF specification forbids packing an object stream, so a
// table that does is damaged: open rebuilds it instead.

// xrefEntry is what a cross-reference stream says about one object.
type xrefEntry struct {
	packed bool // type 2: in an object stream
	stream int  // the object stream, when packed
}

// maxXrefStreamBytes bounds the decoded size of one cross-reference
// stream; maxObjects entries of a few bytes each fit well within it.
const maxXrefStreamBytes = 64 << 20

// nestsObjectStreams reports whether the cross-reference streams reached
// from the final startxref pack an object stream inside another object
// stream. Sections it cannot decode are left to the library, which either
// reads them like this or fails with an error it recovers from.
func nestsObjectStreams(data []byte) bool {
	table := map[int]xrefEntry{}
	offs, _ := xrefSections(data)
	for _, off := range offs {
		if !bytes.Contains(data[off:min(len(data), off+64)], []byte("obj")) {
			continue // a classic table: it cannot pack objects
		}
		readXrefStream(data[off:], table)
	}
	for _, e := range table {
		if e.packed {
			if s, ok := table[e.stream]; ok && s.packed {
				return true
			}
		}
	}
	return false
}

// xrefSections returns the offsets of the cross-reference sections from
// the final startxref through their /Prev links, newest first, stopping
// at the first offset that is out of range or seen before; looped says
// the chain came back to a section it had seen (or ran past 1000).
func xrefSections(data []byte) (offs []int, looped bool) {
	m := startxrefRE.FindSubmatch(data[max(0, len(data)-1024):])
	if m == nil {
		return nil, false
	}
	seen := map[int]bool{}
	for off := atoiBounded(m[1]); off > 0 && off < len(data); off = prevOffset(data[off:]) {
		if seen[off] || len(offs) == 1000 {
			return offs, true
		}
		seen[off] = true
		offs = append(offs, off)
	}
	return offs, false
}

// prevOffset returns the /Prev of the cross-reference section at the start
// of sec (a table's trailer, or a stream's own dictionary), or -1.
func prevOffset(sec []byte) int {
	end := bytes.Index(sec, []byte(">>"))
	if t := bytes.Index(sec, []byte("trailer")); bytes.HasPrefix(sec, []byte("xref")) && t >= 0 {
		sec = sec[t:]
		end = bytes.Index(sec, []byte(">>"))
	}
	if end < 0 {
		return -1
	}
	pm := prevRE.FindSubmatch(sec[:end])
	if pm == nil {
		return -1
	}
	return atoiBounded(pm[1])
}

// atoiBounded parses a run of decimal digits, returning -1 for one too
// long to be an offset.
func atoiBounded(b []byte) int {
	n, err := strconv.Atoi(string(b))
	if err != nil {
		return -1
	}
	return n
}

// readXrefStream adds to table the entries of the cross-reference stream
// object at the start of sec that table does not have yet (newer sections
// are read first and win, as in the library). It reads what the library
// reads: /W, /Index, /Size, FlateDecode with the PNG-Up predictor or none.
func readXrefStream(sec []byte, table map[int]xrefEntry) {
	l := &lexer{b: sec}
	for k := 0; k < 3; k++ { // "N G obj"
		l.next()
	}
	if l.next().kind != tkDictOpen {
		return
	}
	hdr := readDict(l, 0)
	if l.next().s != "stream" {
		return
	}
	start := l.i
	if start < len(sec) && sec[start] == '\r' {
		start++
	}
	if start < len(sec) && sec[start] == '\n' {
		start++
	}
	raw, ok := decodeXrefData(sec[start:], hdr)
	if !ok {
		return
	}
	var w [3]int
	ws := hdr["W"].arr
	if len(ws) < 3 {
		return
	}
	rowLen := 0
	for i := range w {
		if ws[i].kind != tkNum || ws[i].num < 0 || ws[i].num > 8 {
			return
		}
		w[i] = int(ws[i].num)
		rowLen += w[i]
	}
	if rowLen == 0 {
		return
	}
	index := hdr["Index"].arr
	if len(index) == 0 {
		index = []operand{{kind: tkNum}, hdr["Size"]}
	}
	for ; len(index) >= 2; index = index[2:] {
		first, n := index[0], index[1]
		if first.kind != tkNum || n.kind != tkNum || first.num < 0 || n.num < 0 || first.num+n.num > maxObjects {
			return
		}
		for i := 0; i < int(n.num); i++ {
			if len(raw) < rowLen {
				return
			}
			row := raw[:rowLen]
			raw = raw[rowLen:]
			typ := 1
			if w[0] > 0 {
				typ = beInt(row[:w[0]])
			}
			num := int(first.num) + i
			if _, ok := table[num]; ok || typ > 2 {
				continue // the library skips an unknown type, leaving the number to older sections
			}
			table[num] = xrefEntry{packed: typ == 2, stream: beInt(row[w[0] : w[0]+w[1]])}
		}
	}
}

// decodeXrefData returns the decoded bytes of a cross-reference stream
// whose data starts body, or false when its filters are not ones the
// library reads the table through.
func decodeXrefData(body []byte, hdr map[string]operand) ([]byte, bool) {
	filter := hdr["Filter"]
	if filter.kind == tkArrOpen && len(filter.arr) == 1 {
		filter = filter.arr[0]
	}
	parms := hdr["DecodeParms"]
	if parms.kind == tkArrOpen && len(parms.arr) == 1 {
		parms = parms.arr[0]
	}
	switch {
	case filter.kind == 0:
		end := bytes.Index(body, []byte("endstream"))
		if end < 0 {
			return nil, false
		}
		return body[:end], true
	case filter.kind != tkName || filter.s != "FlateDecode":
		return nil, false
	}
	zr, err := zlib.NewReader(bytes.NewReader(body))
	if err != nil {
		return nil, false
	}
	data, _ := io.ReadAll(io.LimitReader(zr, maxXrefStreamBytes)) // a truncated stream gives the rows it has
	pred := parms.dict["Predictor"]
	if pred.kind == 0 {
		return data, true
	}
	cols := parms.dict["Columns"]
	if pred.num != 12 || cols.kind != tkNum || cols.num < 1 || cols.num > 64 {
		return nil, false
	}
	return pngUp(data, int(cols.num)), true
}

// pngUp undoes the PNG-Up predictor on rows of cols bytes, each prefixed
// with its filter-type byte, stopping at a row of another type as the
// library does.
func pngUp(data []byte, cols int) []byte {
	prev := make([]byte, cols)
	out := make([]byte, 0, len(data))
	for len(data) >= cols+1 && data[0] == 2 {
		for i := range prev {
			prev[i] += data[1+i]
		}
		out = append(out, prev...)
		data = data[cols+1:]
	}
	return out
}

// beInt decodes a big-endian unsigned field of a cross-reference row.
func beInt(b []byte) int {
	n := 0
	for _, c := range b {
		n = n<<8 | int(c)
	}
	return n
}

// readDict reads the rest of a dictionary whose "<<" l has just read, with
// nested dictionaries (such as /DecodeParms) read as operands with dict set.
func readDict(l *lexer, depth int) map[string]operand {
	d := map[string]operand{}
	for n := 0; n < 1<<12; n++ {
		k := l.next()
		if k.kind == tkDictClose || k.kind == tkEOF {
			break
		}
		if k.kind != tkName {
			continue
		}
		v := l.next()
		switch {
		case v.kind == tkDictOpen && depth < maxNesting:
			d[k.s] = operand{kind: tkDictOpen, dict: readDict(l, depth+1)}
		case v.kind == tkArrOpen && depth < maxNesting:
			d[k.s] = l.readArrayOfDicts(depth + 1)
		default:
			d[k.s] = operand{kind: v.kind, num: v.num, s: v.s}
		}
	}
	return d
}

// readArrayOfDicts reads an array whose "[" l has just read, keeping the
// entries of dictionaries in it (a /DecodeParms array).
func (l *lexer) readArrayOfDicts(depth int) operand {
	var arr []operand
	for len(arr) < 1<<16 {
		u := l.next()
		if u.kind == tkArrClose || u.kind == tkEOF {
			break
		}
		if u.kind == tkDictOpen && depth < maxNesting {
			arr = append(arr, operand{kind: tkDictOpen, dict: readDict(l, depth+1)})
			continue
		}
		arr = append(arr, l.readOperand(u, depth+1))
	}
	return operand{kind: tkArrOpen, arr: arr}
}

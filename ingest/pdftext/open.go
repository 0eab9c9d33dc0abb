package pdftext

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"sort"
	"strconv"

	"github.com/ledongthuc/pdf"
)

// Opening a PDF. The library wants a file that is right at both ends (a
// "%PDF-1.x" header at byte 0, "%%EOF" within the last 100 bytes, a valid
// startxref); poppler reconstructs the cross-reference table of a file
// that is not, and so does open: it scans the file for "N G obj" and
// object streams, and appends a fresh cross-reference stream that the
// library then reads like any other.

// ErrEncrypted is returned for a PDF that cannot be read without a
// password or uses an encryption the library does not support.
var ErrEncrypted = errors.New("encrypted pdf")

// ErrNotPDF is returned for data that holds no PDF at all.
var ErrNotPDF = errors.New("not a pdf")

// maxObjects bounds the object numbers a file may claim: the library
// allocates its cross-reference table from the numbers it reads, and a
// hostile /Size would otherwise exhaust memory before anything else runs.
const maxObjects = 4 << 20

var (
	subsecRE  = regexp.MustCompile(`^\s*(\d{1,20})[ \t]+(\d{1,20})[ \t]*[\r\n]`)
	objRE     = regexp.MustCompile(`(\d{1,10})[ \t\r\n\f\x00]+(\d{1,5})[ \t\r\n\f\x00]+obj\b`)
	rootRE    = regexp.MustCompile(`/Root\s+(\d+)\s+(\d+)\s+R`)
	catalogRE = regexp.MustCompile(`/Type\s*/Catalog\b`)
	objStmRE  = regexp.MustCompile(`/Type\s*/ObjStm\b`)
)

// checkSizes rejects files whose cross-reference sizes would make the
// library allocate without bound: a /Size or /Index number, or the first
// object number of a table's subsection, beyond maxObjects. It scans for
// the keys with bytes.Index, since a regular expression over a whole file
// costs more than the rest of the extraction.
func checkSizes(data []byte) error {
	tooBig := func(b []byte) bool {
		n, err := strconv.ParseUint(string(b), 10, 64)
		return err != nil || n > maxObjects
	}
	for _, key := range []string{"/Size", "/Index"} {
		for rest := data; ; {
			i := bytes.Index(rest, []byte(key))
			if i < 0 {
				break
			}
			rest = rest[i+len(key):]
			l := &lexer{b: rest[:min(len(rest), 256)]}
			t := l.next()
			if t.kind == tkArrOpen {
				t = l.next()
			}
			for k := 0; k < 16 && t.kind == tkNum; k++ {
				if t.num > maxObjects {
					return fmt.Errorf("implausible cross-reference %s %.0f", key, t.num)
				}
				t = l.next()
			}
		}
	}
	for rest := data; ; {
		i := bytes.Index(rest, []byte("xref"))
		if i < 0 {
			break
		}
		rest = rest[i+4:]
		if len(rest) == 0 || !isWhite(rest[0]) {
			continue
		}
		// subsection headers: "first count" lines, each followed by entries
		for _, m := range subsecRE.FindAllSubmatch(rest[:min(len(rest), 64)], 1) {
			if tooBig(m[1]) {
				return fmt.Errorf("implausible cross-reference subsection %s", m[1])
			}
		}
	}
	return nil
}

var (
	startxrefRE = regexp.MustCompile(`startxref\s+(\d+)\s+%%EOF\s*$`)
	prevRE      = regexp.MustCompile(`/Prev\s+(\d+)`)
)

// prevChainOK follows the chain of cross-reference sections from the
// final startxref through their /Prev entries and reports false when the
// chain comes back to a section it has seen.
func prevChainOK(data []byte) bool {
	_, looped := xrefSections(data)
	return !looped
}

// newReader opens data with the library, recovering its panics.
func newReader(data []byte) (r *pdf.Reader, err error) {
	defer func() {
		if x := recover(); x != nil {
			r, err = nil, fmt.Errorf("malformed pdf: %v", x)
		}
	}()
	return pdf.NewReader(bytes.NewReader(data), int64(len(data)))
}

// open opens a PDF, repairing its cross-reference table when the library
// cannot read it as it is.
func open(data []byte) (*pdf.Reader, []string, error) {
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, nil, fmt.Errorf("%w: empty file", ErrNotPDF)
	}
	if err := checkSizes(data); err != nil {
		return nil, nil, err
	}
	if !prevChainOK(data) {
		// The library would follow a cycle of /Prev links forever.
		r, err := openRepaired(data)
		if err != nil {
			return nil, nil, fmt.Errorf("open pdf: cross-reference chain loops; repair: %w", err)
		}
		return r, []string{"repaired cross-reference table (its /Prev chain loops)"}, nil
	}
	if nestsObjectStreams(data) {
		// The library would resolve the packed stream recursively until
		// the stack ran out, a fatal error no recover catches.
		r, err := openRepaired(data)
		if err != nil {
			return nil, nil, fmt.Errorf("open pdf: cross-reference table packs an object stream in an object stream; repair: %w", err)
		}
		return r, []string{"repaired cross-reference table (it packs an object stream in an object stream)"}, nil
	}
	r, err := newReader(data)
	if err == nil {
		return r, nil, nil
	}
	if isEncryptionError(err) {
		return nil, nil, fmt.Errorf("%w: %v", ErrEncrypted, err)
	}
	r2, err2 := openRepaired(data)
	if err2 != nil {
		if errors.Is(err2, ErrNotPDF) {
			return nil, nil, err2
		}
		return nil, nil, fmt.Errorf("open pdf: %v; repair: %w", err, err2)
	}
	return r2, []string{"repaired cross-reference table (" + err.Error() + ")"}, nil
}

// openRepaired rebuilds the cross-reference table and opens the result.
func openRepaired(data []byte) (*pdf.Reader, error) {
	start := bytes.Index(data[:min(len(data), 1024)], []byte("%PDF-"))
	if start < 0 {
		return nil, ErrNotPDF
	}
	body := append([]byte(nil), data[start:]...)
	if len(body) < 9 {
		return nil, fmt.Errorf("%w: truncated header", ErrNotPDF)
	}
	// The library accepts only "%PDF-1.0".."%PDF-1.7" and a newline at byte 8.
	copy(body, "%PDF-1.7\n")

	if bytes.Contains(body, []byte("/Encrypt")) {
		// the rebuilt trailer would lose the key; garbage is worse than an error
		return nil, fmt.Errorf("%w: damaged encrypted file", ErrEncrypted)
	}
	objs := scanObjects(body)
	root := findRoot(body, objs)
	if root == nil {
		return nil, errors.New("no document catalog found")
	}
	// First pass: plain objects, with the object streams named in the
	// trailer so that the library can decode them for us.
	var stms []int
	for num, o := range objs {
		if objStmRE.Match(body[o.off:min(len(body), o.off+512)]) {
			stms = append(stms, num)
		}
	}
	sort.Ints(stms)
	if len(stms) > 0 {
		first, err := newReader(appendXref(body, objs, nil, root, stms))
		if err == nil {
			compressed := readObjectStreams(first, objs, stms)
			if r, err := newReader(appendXref(body, objs, compressed, root, nil)); err == nil {
				return r, nil
			}
		}
	}
	return newReader(appendXref(body, objs, nil, root, nil))
}

type objLoc struct {
	off int // byte offset of "N G obj"
	gen int
}

type packedLoc struct {
	stm, index int
	pos        int // where its object stream is in the file, for precedence
}

// scanObjects finds every "N G obj" in the file; a later definition of a
// number replaces an earlier one, as in an incremental update.
func scanObjects(body []byte) map[int]objLoc {
	objs := map[int]objLoc{}
	for _, m := range objRE.FindAllSubmatchIndex(body, -1) {
		if m[0] > 0 {
			if c := body[m[0]-1]; !isWhite(c) && !isDelimiter(c) {
				continue // digits glued to something else
			}
		}
		num, err1 := strconv.Atoi(string(body[m[2]:m[3]]))
		gen, err2 := strconv.Atoi(string(body[m[4]:m[5]]))
		if err1 != nil || err2 != nil || num <= 0 || num > maxObjects || gen > 65535 {
			continue
		}
		objs[num] = objLoc{off: m[0], gen: gen}
	}
	return objs
}

type objRef struct{ num, gen int }

// findRoot returns the catalog reference: the last /Root a trailer names
// that points at an object present, or else an object typed /Catalog.
func findRoot(body []byte, objs map[int]objLoc) *objRef {
	ms := rootRE.FindAllSubmatch(body, -1)
	for i := len(ms) - 1; i >= 0; i-- {
		num, _ := strconv.Atoi(string(ms[i][1]))
		if o, ok := objs[num]; ok {
			return &objRef{num, o.gen}
		}
	}
	best := -1
	for num, o := range objs {
		if catalogRE.Match(body[o.off:min(len(body), o.off+1024)]) && (best < 0 || o.off > objs[best].off) {
			best = num
		}
	}
	if best < 0 {
		return nil
	}
	return &objRef{best, objs[best].gen}
}

// readObjectStreams lists the objects packed in each object stream.
func readObjectStreams(r *pdf.Reader, objs map[int]objLoc, stms []int) map[int]packedLoc {
	out := map[int]packedLoc{}
	isStm := make(map[int]bool, len(stms))
	for _, num := range stms {
		isStm[num] = true
	}
	tr := r.Trailer()
	for _, num := range stms {
		func() {
			defer func() { _ = recover() }()
			v := tr.Key("ObjStm" + strconv.Itoa(num))
			n := int(v.Key("N").Int64())
			if v.Kind() != pdf.Stream || n <= 0 || n > maxObjects {
				return
			}
			d := &document{budget: maxStreamBytes}
			data, err := d.stream(v)
			if err != nil {
				return
			}
			l := &lexer{b: data}
			for i := 0; i < n; i++ {
				a, b := l.next(), l.next()
				if a.kind != tkNum || b.kind != tkNum {
					return
				}
				id := int(a.num)
				if id <= 0 || id > maxObjects || isStm[id] {
					continue // an object stream is never packed (see nestsObjectStreams)
				}
				if prev, ok := out[id]; ok && prev.pos > objs[num].off {
					continue
				}
				out[id] = packedLoc{stm: num, index: i, pos: objs[num].off}
			}
		}()
	}
	return out
}

// appendXref returns body followed by a cross-reference stream that lists
// objs and packed objects, whose trailer names root and, as /ObjStmN, the
// object streams stms.
func appendXref(body []byte, objs map[int]objLoc, packed map[int]packedLoc, root *objRef, stms []int) []byte {
	maxNum := 0
	for n := range objs {
		maxNum = max(maxNum, n)
	}
	for n := range packed {
		maxNum = max(maxNum, n)
	}
	xnum := maxNum + 1
	size := xnum + 1
	out := make([]byte, 0, len(body)+size*7+256)
	out = append(out, body...)
	out = append(out, '\n')
	xoff := len(out)
	entries := make([]byte, 0, size*7)
	for n := 0; n < size; n++ {
		var typ byte
		var f2, f3 int
		o, plain := objs[n]
		p, isPacked := packed[n]
		switch {
		case n == xnum:
			typ, f2 = 1, xoff
		case plain && (!isPacked || o.off >= p.pos):
			typ, f2, f3 = 1, o.off, o.gen
		case isPacked:
			typ, f2, f3 = 2, p.stm, p.index
		}
		entries = append(entries, typ, byte(f2>>24), byte(f2>>16), byte(f2>>8), byte(f2), byte(f3>>8), byte(f3))
	}
	var hdr bytes.Buffer
	fmt.Fprintf(&hdr, "%d 0 obj\n<</Type/XRef/Size %d/W[1 4 2]/Root %d %d R/Length %d", xnum, size, root.num, root.gen, len(entries))
	for _, s := range stms {
		fmt.Fprintf(&hdr, "/ObjStm%d %d %d R", s, s, objs[s].gen)
	}
	hdr.WriteString(">>\nstream\n")
	out = append(out, hdr.Bytes()...)
	out = append(out, entries...)
	out = append(out, "\nendstream\nendobj\nstartxref\n"...)
	out = append(out, strconv.Itoa(xoff)...)
	out = append(out, "\n%%EOF\n"...)
	return out
}

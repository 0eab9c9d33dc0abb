package ingest

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"regexp"
	"sort"
	"strconv"
	"strings"
)

// maxDocxXML bounds the decompressed size of one part of a Word document
// (word/document.xml, a page header), so a zip bomb cannot exhaust memory.
const maxDocxXML = 64 << 20

// headerPart names the page headers of a Word document.
var headerPart = regexp.MustCompile(`^word/header\d*\.xml$`)

// docxText renders a Word document: its page headers first, once (an
// Acadre or Word template prints the meeting's date and time there), then
// the main part, one paragraph per line with blank lines between, table
// rows as tab-separated cells.
func docxText(data []byte) (string, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return "", err
	}
	var main *zip.File
	var headers []*zip.File
	num := newNumbering()
	for _, f := range zr.File {
		switch {
		case f.Name == "word/document.xml":
			main = f
		case headerPart.MatchString(f.Name):
			headers = append(headers, f)
		case f.Name == "word/numbering.xml" || f.Name == "word/styles.xml":
			// Numbering is an aid: a part that does not parse leaves the
			// paragraphs unnumbered rather than failing the document.
			if err := num.read(f); err != nil {
				num.failed = true
			}
		}
	}
	if main == nil {
		return "", fmt.Errorf("no word/document.xml")
	}
	sort.Slice(headers, func(i, j int) bool { return headers[i].Name < headers[j].Name })
	var out strings.Builder
	seen := map[string]bool{}
	for _, f := range headers {
		t, err := docxPartText(f, num)
		if err != nil {
			return "", fmt.Errorf("%s: %w", f.Name, err)
		}
		// First-page, even and default headers often repeat one text.
		if t = strings.TrimSpace(t); t != "" && !seen[t] {
			seen[t] = true
			out.WriteString(t + "\n\n")
		}
	}
	body, err := docxPartText(main, num)
	if err != nil {
		return "", err
	}
	out.WriteString(body)
	return out.String(), nil
}

// docxPartText renders one WordprocessingML part.
func docxPartText(f *zip.File, num *numbering) (string, error) {
	rc, err := f.Open()
	if err != nil {
		return "", err
	}
	defer rc.Close()
	r := docxRenderer{num: num}
	if err := r.render(xml.NewDecoder(io.LimitReader(rc, maxDocxXML))); err != nil {
		return "", err
	}
	return r.out.String(), nil
}

// docxRenderer walks a part's elements. What Word stores besides the text
// a reader sees is left out: the Fallback of alternate content (the same
// text box again, for old Word versions), field codes (the instruction
// of a TOC, PAGEREF or PAGE field, between its begin and separate marks:
// the field's result is kept), deleted text of tracked changes, and the
// numbers of drawing positions and sizes (only w:t is text).
type docxRenderer struct {
	out       strings.Builder
	paras     []*docxPara // the paragraphs being read: a text box's inside another's
	num       *numbering
	cells     []string
	tableNest int
	skip      int    // depth inside an element whose content is left out
	fields    []bool // per open complex field: still in its code
	inText    bool   // inside w:t
}

// docxPara is a paragraph being read: its text and its numbering.
type docxPara struct {
	text   strings.Builder
	style  string // w:pStyle
	numID  string // w:numPr's w:numId; "" when the paragraph sets none
	ilvl   string // w:numPr's w:ilvl
	inNum  bool   // inside w:numPr
	inPPr  bool   // inside w:pPr
	direct bool   // the paragraph sets its numbering itself
}

func (r *docxRenderer) top() *docxPara {
	if len(r.paras) == 0 {
		r.paras = append(r.paras, &docxPara{})
	}
	return r.paras[len(r.paras)-1]
}

func (r *docxRenderer) para() *strings.Builder { return &r.top().text }

func (r *docxRenderer) inCode() bool {
	for _, code := range r.fields {
		if code {
			return true
		}
	}
	return false
}

func attr(e xml.StartElement, local string) string {
	for _, a := range e.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

func (r *docxRenderer) render(dec *xml.Decoder) error {
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if r.skip > 0 {
				r.skip++
				continue
			}
			r.start(t)
		case xml.EndElement:
			if r.skip > 0 {
				r.skip--
				continue
			}
			r.end(t)
		case xml.CharData:
			if r.skip == 0 && r.inText && !r.inCode() {
				r.para().Write(t)
			}
		}
	}
}

func (r *docxRenderer) start(t xml.StartElement) {
	switch t.Name.Local {
	case "Fallback", "instrText", "delText", "delInstrText", "pPrChange", "rPrChange", "numberingChange":
		r.skip = 1
	case "p":
		r.paras = append(r.paras, &docxPara{})
	case "pPr":
		r.top().inPPr = true
	case "pStyle":
		if p := r.top(); p.inPPr {
			p.style = attr(t, "val")
		}
	case "numPr":
		if p := r.top(); p.inPPr {
			p.inNum, p.direct = true, true
		}
	case "numId":
		if p := r.top(); p.inNum {
			p.numID = attr(t, "val")
		}
	case "ilvl":
		if p := r.top(); p.inNum {
			p.ilvl = attr(t, "val")
		}
	case "t":
		r.inText = true
	case "fldChar":
		switch attr(t, "fldCharType") {
		case "begin":
			r.fields = append(r.fields, true)
		case "separate":
			if n := len(r.fields); n > 0 {
				r.fields[n-1] = false
			}
		case "end":
			if n := len(r.fields); n > 0 {
				r.fields = r.fields[:n-1]
			}
		}
	case "tab":
		// A run's tab; a paragraph's tab stops (w:tabs/w:tab) carry a
		// position.
		if attr(t, "pos") == "" && !r.inCode() {
			if r.tableNest > 0 {
				r.para().WriteByte(' ')
			} else {
				r.para().WriteByte('\t')
			}
		}
	case "br", "cr":
		// A page break too: a Word document has no running text to
		// remove at page edges (its page headers are parts of their
		// own), so pages need not be told apart.
		r.para().WriteByte('\n')
	case "tbl":
		r.tableNest++
	case "tr":
		r.cells = r.cells[:0]
	case "tc":
		r.cells = append(r.cells, "")
	}
}

func (r *docxRenderer) end(t xml.EndElement) {
	switch t.Name.Local {
	case "t":
		r.inText = false
	case "pPr":
		r.top().inPPr = false
	case "numPr":
		r.top().inNum = false
	case "p":
		// A text box's paragraphs are paragraphs of their own, written
		// before the paragraph that anchors the box.
		para := r.top()
		if n := len(r.paras); n > 0 {
			r.paras = r.paras[:n-1]
		}
		p := strings.TrimSpace(para.text.String())
		if label := r.num.label(para); label != "" && p != "" {
			p = label + " " + p
		}
		if r.tableNest > 0 && len(r.cells) > 0 {
			if r.cells[len(r.cells)-1] != "" && p != "" {
				r.cells[len(r.cells)-1] += " "
			}
			r.cells[len(r.cells)-1] += p
		} else if p != "" {
			r.out.WriteString(p)
			r.out.WriteString("\n\n")
		}
	case "tr":
		r.out.WriteString(strings.Join(r.cells, "\t"))
		r.out.WriteString("\n")
	case "tbl":
		r.tableNest--
		r.out.WriteString("\n")
	}
}

// numbering is a document's list numbering (word/numbering.xml) and the
// numbering its paragraph styles carry (word/styles.xml): Word prints a
// numbered point's "1." or "2.1" from these, not from the text. It
// counts as the paragraphs are read, in document order.
type numbering struct {
	levels   map[string]map[string]numLevel // abstractNumId, ilvl
	nums     map[string]string              // numId to abstractNumId
	styles   map[string]docxPara            // styleId to the numbering it sets
	basedOn  map[string]string              // styleId to its parent style
	counters map[string][]int               // abstractNumId to the counter per level
	failed   bool
}

// numLevel is one level of a list: its format ("decimal", "bullet"),
// its text ("%1.%2.") and its first number.
type numLevel struct {
	format, text string
	start        int
}

func newNumbering() *numbering {
	return &numbering{levels: map[string]map[string]numLevel{}, nums: map[string]string{},
		styles: map[string]docxPara{}, basedOn: map[string]string{}, counters: map[string][]int{}}
}

// read reads numbering.xml or styles.xml.
func (n *numbering) read(f *zip.File) error {
	rc, err := f.Open()
	if err != nil {
		return err
	}
	defer rc.Close()
	dec := xml.NewDecoder(io.LimitReader(rc, maxDocxXML))
	var (
		abs, lvl, num, style string
		level                numLevel
		sp                   docxPara
		inNumPr              bool
	)
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			v := attr(t, "val")
			switch t.Name.Local {
			case "abstractNum":
				abs = attr(t, "abstractNumId")
				n.levels[abs] = map[string]numLevel{}
			case "lvl":
				lvl, level = attr(t, "ilvl"), numLevel{start: 1}
			case "start":
				fmt.Sscanf(v, "%d", &level.start)
			case "numFmt":
				level.format = v
			case "lvlText":
				level.text = v
			case "num":
				num = attr(t, "numId")
			case "abstractNumId":
				if num != "" {
					n.nums[num] = v
				}
			case "style":
				style, sp = attr(t, "styleId"), docxPara{}
			case "basedOn":
				if style != "" {
					n.basedOn[style] = v
				}
			case "numPr":
				inNumPr = style != ""
			case "numId":
				if inNumPr {
					sp.numID, sp.direct = v, true
				}
			case "ilvl":
				if inNumPr {
					sp.ilvl = v
				}
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "lvl":
				if abs != "" && n.levels[abs] != nil {
					n.levels[abs][lvl] = level
				}
			case "abstractNum":
				abs = ""
			case "num":
				num = ""
			case "numPr":
				inNumPr = false
			case "style":
				if sp.direct {
					n.styles[style] = sp
				}
				style = ""
			}
		}
	}
}

// label counts paragraph p in its list and returns its number as Word
// prints it ("2.1"), or "" for a paragraph not numbered or bulleted.
func (n *numbering) label(p *docxPara) string {
	if n == nil || n.failed {
		return ""
	}
	numID, ilvl := p.numID, p.ilvl
	if !p.direct {
		// The style's numbering, or its parent's.
		seen := map[string]bool{}
		for s := p.style; s != "" && !seen[s]; s = n.basedOn[s] {
			seen[s] = true
			if sp, ok := n.styles[s]; ok {
				numID = sp.numID
				if ilvl == "" {
					ilvl = sp.ilvl
				}
				break
			}
		}
	}
	abs, ok := n.nums[numID]
	if !ok || numID == "0" {
		return ""
	}
	if ilvl == "" {
		ilvl = "0"
	}
	var lv int
	fmt.Sscanf(ilvl, "%d", &lv)
	if lv < 0 || lv > 8 {
		return ""
	}
	levels := n.levels[abs]
	cs := n.counters[abs]
	for len(cs) <= lv {
		cs = append(cs, 0)
	}
	// This level counts on; deeper levels start again.
	if cs[lv] == 0 {
		cs[lv] = levels[ilvl].start
	} else {
		cs[lv]++
	}
	for k := lv + 1; k < len(cs); k++ {
		cs[k] = 0
	}
	n.counters[abs] = cs
	level := levels[ilvl]
	if level.format == "bullet" || level.format == "none" || level.text == "" {
		return ""
	}
	out := level.text
	for k := 0; k <= lv; k++ {
		c := cs[k]
		if c == 0 {
			c = levels[strconv.Itoa(k)].start
		}
		out = strings.ReplaceAll(out, "%"+strconv.Itoa(k+1), formatNumber(c, levels[strconv.Itoa(k)].format))
	}
	return out
}

// formatNumber prints n in a list level's format.
func formatNumber(n int, format string) string {
	switch format {
	case "lowerLetter", "upperLetter":
		if n < 1 {
			return strconv.Itoa(n)
		}
		s := string(rune('a' + (n-1)%26))
		if format == "upperLetter" {
			s = strings.ToUpper(s)
		}
		return s
	case "lowerRoman", "upperRoman":
		s := roman(n)
		if format == "lowerRoman" {
			s = strings.ToLower(s)
		}
		return s
	case "decimalZero":
		return fmt.Sprintf("%02d", n)
	}
	return strconv.Itoa(n)
}

func roman(n int) string {
	if n < 1 || n > 3999 {
		return strconv.Itoa(n)
	}
	var b strings.Builder
	for _, v := range []struct {
		n int
		s string
	}{{1000, "M"}, {900, "CM"}, {500, "D"}, {400, "CD"}, {100, "C"}, {90, "XC"}, {50, "L"}, {40, "XL"}, {10, "X"}, {9, "IX"}, {5, "V"}, {4, "IV"}, {1, "I"}} {
		for n >= v.n {
			b.WriteString(v.s)
			n -= v.n
		}
	}
	return b.String()
}

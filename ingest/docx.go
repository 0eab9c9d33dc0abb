package ingest

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"regexp"
	"sort"
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
	for _, f := range zr.File {
		switch {
		case f.Name == "word/document.xml":
			main = f
		case headerPart.MatchString(f.Name):
			headers = append(headers, f)
		}
	}
	if main == nil {
		return "", fmt.Errorf("no word/document.xml")
	}
	sort.Slice(headers, func(i, j int) bool { return headers[i].Name < headers[j].Name })
	var out strings.Builder
	seen := map[string]bool{}
	for _, f := range headers {
		t, err := docxPartText(f)
		if err != nil {
			return "", fmt.Errorf("%s: %w", f.Name, err)
		}
		// First-page, even and default headers often repeat one text.
		if t = strings.TrimSpace(t); t != "" && !seen[t] {
			seen[t] = true
			out.WriteString(t + "\n\n")
		}
	}
	body, err := docxPartText(main)
	if err != nil {
		return "", err
	}
	out.WriteString(body)
	return out.String(), nil
}

// docxPartText renders one WordprocessingML part.
func docxPartText(f *zip.File) (string, error) {
	rc, err := f.Open()
	if err != nil {
		return "", err
	}
	defer rc.Close()
	r := docxRenderer{}
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
	paras     []*strings.Builder // the paragraph being read; a text box's inside another's
	cells     []string
	tableNest int
	skip      int    // depth inside an element whose content is left out
	fields    []bool // per open complex field: still in its code
	inText    bool   // inside w:t
}

func (r *docxRenderer) para() *strings.Builder {
	if len(r.paras) == 0 {
		r.paras = append(r.paras, &strings.Builder{})
	}
	return r.paras[len(r.paras)-1]
}

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
	case "Fallback", "instrText", "delText", "delInstrText":
		r.skip = 1
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
	case "txbxContent":
		// A text box's paragraphs are paragraphs of their own, written
		// before the paragraph that anchors the box.
		r.paras = append(r.paras, &strings.Builder{})
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
	case "txbxContent":
		if n := len(r.paras); n > 1 {
			r.paras = r.paras[:n-1]
		}
	case "p":
		p := strings.TrimSpace(r.para().String())
		r.para().Reset()
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

package crawl

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"net/url"
	"regexp"
	"strconv"
	"strings"

	"golang.org/x/net/html/charset"
)

// eDoc and SBSYS publish a meeting as a folder: an XML file describing it
// and the PDFs it names by file name, relative to the XML file.

// eDocPDFs lists the PDFs an eDocAgendaPublishing.xml names: the whole
// agenda of each MeetingAgendaType, each MeetingAgendaItem's PDF and each
// Attachment's PDF, all in <PDFDocument> elements.
func eDocPDFs(src *source, doc *url.URL, body []byte, _ string) ([]task, error) {
	var out []task
	seen := map[string]bool{}
	err := xmlRecords(body, []string{"MeetingAgendaType", "MeetingAgendaItem", "Attachment"}, func(container string, f map[string]string) {
		name := f["PDFDocument"]
		if name == "" {
			return
		}
		u, ok := relativeFile(doc, name)
		if !ok || seen[u] {
			return
		}
		seen[u] = true
		var title string
		switch container {
		case "MeetingAgendaType":
			title = f["AgendaType"]
		case "MeetingAgendaItem":
			title = f["Document/Title"]
			if n := f["AgendaItemNumber"]; n != "" && title != "" {
				title = n + ". " + title
			}
		case "Attachment":
			title = f["Title"]
		}
		out = append(out, task{URL: u, Source: src.Name, Role: roleDocument, Parent: doc.String(), Ref: name, Title: title})
	})
	return out, err
}

// sbsysEnclosures lists the enclosures a SBSYS Publication*.xml names:
// each <Enclosure> has a DownloadUrl or, when that is empty, a path
// relative to the XML file (InstantiationFilePathRelative, "Enclosures\1.pdf").
func sbsysEnclosures(src *source, doc *url.URL, body []byte, _ string) ([]task, error) {
	var out []task
	seen := map[string]bool{}
	err := xmlRecords(body, []string{"Enclosure"}, func(_ string, f map[string]string) {
		ref := f["DownloadUrl"]
		u, ok := "", false
		if ref != "" {
			var ru *url.URL
			if ru, ok = resolve(doc, ref); ok {
				u = ru.String()
			}
		}
		if !ok {
			ref = f["InstantiationFilePathRelative"]
			if ref == "" && f["InstantiationFileName"] != "" {
				ref = "Enclosures/" + f["InstantiationFileName"]
			}
			if ref == "" {
				return
			}
			u, ok = relativeFile(doc, ref)
		}
		if !ok || seen[u] {
			return
		}
		seen[u] = true
		out = append(out, task{URL: u, Source: src.Name, Role: roleDocument, Parent: doc.String(), Ref: ref, Title: f["Name"]})
	})
	return out, err
}

// relativeFile resolves a file path as an export writes it (a file name,
// or a relative path with '\' or '/') against the URL of the XML file.
func relativeFile(doc *url.URL, name string) (string, bool) {
	name = strings.TrimSpace(name)
	if name == "" || strings.Contains(name, ":") || strings.HasPrefix(name, `\`) || strings.HasPrefix(name, "/") {
		// A drive letter, scheme or absolute path points outside the folder.
		return "", false
	}
	parts := strings.FieldsFunc(name, func(r rune) bool { return r == '\\' || r == '/' })
	for i, p := range parts {
		if p == ".." || p == "." {
			return "", false
		}
		parts[i] = url.PathEscape(p)
	}
	u, ok := resolve(doc, strings.Join(parts, "/"))
	if !ok {
		return "", false
	}
	return u.String(), true
}

// xmlRecords streams an XML document and calls fn at the end of every
// element named in containers with the text of the elements inside it, by
// path relative to it ("PDFDocument", "Document/Title"; first occurrence
// wins). Nested containers keep their own fields. The document's declared
// encoding is honoured, and character references to characters XML does
// not allow (eDoc writes form feeds as &#xC;) are read as spaces.
func xmlRecords(body []byte, containers []string, fn func(container string, fields map[string]string)) error {
	isContainer := map[string]bool{}
	for _, c := range containers {
		isContainer[c] = true
	}
	type frame struct {
		name   string
		fields map[string]string
		depth  int // element depth of the container
	}
	var (
		stack  []string // element names from the root
		frames []frame
		text   [][]byte // character data directly inside each open element
	)
	dec := xml.NewDecoder(bytes.NewReader(cleanXML(body)))
	dec.CharsetReader = charset.NewReaderLabel
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return fmt.Errorf("xml: %w", err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			stack = append(stack, t.Name.Local)
			text = append(text, nil)
			if isContainer[t.Name.Local] {
				frames = append(frames, frame{name: t.Name.Local, fields: map[string]string{}, depth: len(stack)})
			}
		case xml.CharData:
			if len(text) > 0 {
				text[len(text)-1] = append(text[len(text)-1], t...)
			}
		case xml.EndElement:
			if len(stack) == 0 {
				continue
			}
			depth := len(stack)
			s := strings.TrimSpace(string(text[depth-1]))
			if n := len(frames); n > 0 {
				fr := frames[n-1]
				if fr.depth == depth {
					fn(fr.name, fr.fields)
					frames = frames[:n-1]
				} else if s != "" {
					key := strings.Join(stack[fr.depth:], "/")
					if _, ok := fr.fields[key]; !ok {
						fr.fields[key] = s
					}
				}
			}
			stack = stack[:depth-1]
			text = text[:depth-1]
		}
	}
	return nil
}

var charRefRE = regexp.MustCompile(`&#([xX][0-9A-Fa-f]+|[0-9]+);`)

// cleanXML replaces character references to characters XML 1.0 forbids,
// and such raw control bytes, with spaces, so one stray form feed does not
// make a whole export unreadable.
func cleanXML(b []byte) []byte {
	if bytes.Contains(b, []byte("&#")) {
		b = charRefRE.ReplaceAllFunc(b, func(ref []byte) []byte {
			num := string(ref[2 : len(ref)-1])
			var n uint64
			var err error
			if num[0] == 'x' || num[0] == 'X' {
				n, err = strconv.ParseUint(num[1:], 16, 32)
			} else {
				n, err = strconv.ParseUint(num, 10, 32)
			}
			if err != nil || !xmlChar(rune(n)) {
				return []byte(" ")
			}
			return ref
		})
	}
	var out []byte
	for i, c := range b {
		if c < 0x20 && c != '\t' && c != '\n' && c != '\r' {
			if out == nil {
				out = append([]byte(nil), b...)
			}
			out[i] = ' '
		}
	}
	if out != nil {
		return out
	}
	return b
}

// xmlChar reports whether XML 1.0 allows r.
func xmlChar(r rune) bool {
	return r == 0x09 || r == 0x0A || r == 0x0D ||
		r >= 0x20 && r <= 0xD7FF || r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 && r <= 0x10FFFF
}

package letter

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"strings"

	"referat/corpus"
	"referat/extract/danish"
)

// lexDania is what is read from a Retsinformation LexDania document.
type lexDania struct {
	meta  map[string][]string // Meta element name -> values in order
	title string
	paras []string // paragraphs of the title and body, in order
}

// readLexDania reads a LexDania document: the Meta fields, and the text
// of each Exitus (paragraph) with its Linea (lines) joined by spaces.
func readLexDania(raw []byte) (lexDania, error) {
	d := xml.NewDecoder(bytes.NewReader(raw))
	d.Strict = false
	doc := lexDania{meta: map[string][]string{}}
	var stack []string
	var text, para strings.Builder
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return doc, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if len(stack) == 0 && t.Name.Local != "Dokument" {
				return doc, errors.New("not a LexDania document")
			}
			stack = append(stack, t.Name.Local)
			text.Reset()
		case xml.CharData:
			if len(stack) > 0 {
				text.Write(t)
				if stack[len(stack)-1] == "Char" {
					para.Write(t)
				}
			}
		case xml.EndElement:
			if len(stack) == 0 {
				continue
			}
			name := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			switch {
			case len(stack) == 2 && stack[1] == "Meta":
				doc.meta[name] = append(doc.meta[name], strings.TrimSpace(text.String()))
			case name == "Linea":
				para.WriteByte(' ')
			case name == "Exitus" || name == "Titel":
				if p := strings.Join(strings.Fields(para.String()), " "); p != "" {
					doc.paras = append(doc.paras, p)
				}
				para.Reset()
			}
			text.Reset()
		}
	}
	if len(doc.meta) == 0 {
		return doc, errors.New("no Meta in LexDania document")
	}
	doc.title = first(doc.meta["DocumentTitle"])
	return doc, nil
}

func first(ss []string) string {
	if len(ss) == 0 {
		return ""
	}
	return ss[0]
}

// fromLexDania reads a principafgørelse or other ruling published by
// Retsinformation in LexDania XML.
func fromLexDania(raw []byte) (corpus.Record, bool) {
	head := raw
	if len(head) > 2048 {
		head = head[:2048]
	}
	if !bytes.Contains(head, []byte("<Dokument")) || !bytes.Contains(head, []byte("<Meta")) {
		return corpus.Record{}, false
	}
	doc, err := readLexDania(raw)
	if err != nil {
		return corpus.Record{}, false
	}
	text := strings.Join(doc.paras, "\n\n")
	date := first(doc.meta["DiesSigni"])
	if _, ok := danish.ParseDate(date); !ok {
		date = ""
	}
	var journal []string
	if j := first(doc.meta["JournalNumber"]); j != "" {
		journal = []string{j}
	}
	if m := principTitle.FindStringSubmatch(doc.title); m != nil {
		p := principle{title: doc.title, number: m[1], date: date, subject: topic(m[2]), journal: journal, text: text}
		rec := p.record()
		if s := first(doc.meta["AdministrativeAuthority"]); s != "" {
			rec.Letter.Sender = s
		}
		if len(rec.Letter.LawsCited) == 0 {
			rec.Letter.LawsCited = doc.meta["Ref_Text"]
		}
		return rec, true
	}
	// Other Retsinformation documents (laws, circulars) are not letters.
	return corpus.Record{}, false
}

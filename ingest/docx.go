package ingest

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"strings"
)

// maxDocxXML bounds the decompressed size of word/document.xml, so a zip
// bomb cannot exhaust memory.
const maxDocxXML = 64 << 20

// docxText renders the main part of a Word document: one paragraph per
// line with blank lines between, table rows as tab-separated cells.
func docxText(data []byte) (string, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return "", err
	}
	var part *zip.File
	for _, f := range zr.File {
		if f.Name == "word/document.xml" {
			part = f
		}
	}
	if part == nil {
		return "", fmt.Errorf("no word/document.xml")
	}
	rc, err := part.Open()
	if err != nil {
		return "", err
	}
	defer rc.Close()
	dec := xml.NewDecoder(io.LimitReader(rc, maxDocxXML))
	var (
		out       strings.Builder
		para      strings.Builder
		cells     []string
		tableNest int
	)
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return "", err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "tab":
				para.WriteByte(' ')
			case "br", "cr":
				para.WriteByte('\n')
			case "tbl":
				tableNest++
			case "tr":
				cells = cells[:0]
			case "tc":
				cells = append(cells, "")
			}
		case xml.CharData:
			para.Write(t)
		case xml.EndElement:
			switch t.Name.Local {
			case "p":
				p := strings.TrimSpace(para.String())
				para.Reset()
				if tableNest > 0 && len(cells) > 0 {
					if cells[len(cells)-1] != "" && p != "" {
						cells[len(cells)-1] += " "
					}
					cells[len(cells)-1] += p
				} else if p != "" {
					out.WriteString(p)
					out.WriteString("\n\n")
				}
			case "tr":
				out.WriteString(strings.Join(cells, "\t"))
				out.WriteString("\n")
			case "tbl":
				tableNest--
				out.WriteString("\n")
			}
		}
	}
	return out.String(), nil
}

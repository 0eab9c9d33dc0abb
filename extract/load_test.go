package extract

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"referat/corpus"
	"referat/ingest/pdftext"
	"referat/internal/htmltext"
)

// loadDoc reads a corpus file into a Document the way ingest does: text
// files as they are, PDFs through the PDF text layer, web pages through
// the HTML renderer, structured files (JSON, XML) as raw bytes.
func loadDoc(tb testing.TB, path string) corpus.Document {
	tb.Helper()
	raw, err := os.ReadFile(path)
	if err != nil {
		tb.Fatalf("read %s: %v", path, err)
	}
	doc := corpus.Document{ID: corpus.Hash(raw), Raw: raw, Source: corpus.Source{Path: filepath.ToSlash(path)}}
	switch strings.ToLower(filepath.Ext(path)) {
	case ".pdf":
		doc.Format = corpus.FormatPDF
		res, err := pdftext.Extract(context.Background(), raw, pdftext.Options{})
		if err != nil {
			doc.Warnings = append(doc.Warnings, err.Error())
			break
		}
		doc.Text = res.Text
		doc.Warnings = append(doc.Warnings, res.Warnings...)
	case ".html", ".htm":
		doc.Format = corpus.FormatHTML
		text, err := htmltext.Text(bytes.NewReader(raw))
		if err != nil {
			tb.Fatalf("html %s: %v", path, err)
		}
		doc.Text = text
	case ".json":
		doc.Format = corpus.FormatJSON
	case ".xml":
		doc.Format = corpus.FormatXML
	default:
		doc.Format = corpus.FormatText
		doc.Text = string(raw)
	}
	return doc
}

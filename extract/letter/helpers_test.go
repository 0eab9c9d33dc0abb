package letter

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"referat/corpus"
	"referat/internal/testcorpus"
)

// textFixture names the text of a corpus PDF kept in testdata/text:
// poppler's pdftotext output, one line per printed line, pages separated
// by form feeds, as ingest lays PDF text out.
func textFixture(rel string) string {
	return filepath.Join("testdata", "text", strings.TrimSuffix(strings.ReplaceAll(rel, "/", "_"), ".pdf")+".txt")
}

// load builds the Document ingest would hand over: structured formats as
// raw bytes, text as text, PDFs as the text kept in testdata/text.
func load(t testing.TB, rel string) corpus.Document {
	t.Helper()
	if strings.HasSuffix(rel, ".pdf") {
		b, err := os.ReadFile(textFixture(rel))
		if err != nil {
			t.Fatalf("read text of %s: %v", rel, err)
		}
		return corpus.Document{Format: corpus.FormatPDF, Text: string(b), Source: corpus.Source{Path: rel}}
	}
	p := testcorpus.Path(rel)
	if _, err := os.Stat(p); err != nil {
		p = filepath.Join(testcorpus.Shared(t), filepath.FromSlash(rel))
	}
	raw, err := os.ReadFile(p)
	if err != nil {
		t.Fatalf("read %s: %v", p, err)
	}
	doc := corpus.Document{Raw: raw, Source: corpus.Source{Path: p}}
	switch strings.ToLower(filepath.Ext(p)) {
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

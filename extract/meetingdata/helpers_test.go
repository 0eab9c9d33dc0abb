package meetingdata

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"referat/corpus"
	"referat/internal/testcorpus"
)

// load reads a corpus document the way ingest hands it over for the
// formats this package reads: the raw bytes and the format.
func load(t testing.TB, path string) corpus.Document {
	t.Helper()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("read %s: %v", path, err)
	}
	doc := corpus.Document{ID: corpus.Hash(raw), Raw: raw, Source: corpus.Source{Path: path}}
	switch strings.ToLower(filepath.Ext(path)) {
	case ".json":
		doc.Format = corpus.FormatJSON
	case ".xml":
		doc.Format = corpus.FormatXML
	case ".html", ".htm":
		doc.Format = corpus.FormatHTML
	case ".pdf":
		doc.Format = corpus.FormatPDF
	default:
		doc.Format = corpus.FormatText
		doc.Text = string(raw)
	}
	return doc
}

// corpusPath finds a document by its path relative to the corpus: in the
// repository's lean copy, else in the shared corpus (skipping the test
// when that is absent).
func corpusPath(t testing.TB, rel string) string {
	t.Helper()
	if p := testcorpus.Path(rel); exists(p) {
		return p
	}
	return filepath.Join(testcorpus.Shared(t), filepath.FromSlash(rel))
}

func exists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}

package ingest

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"referat/corpus"
	"referat/internal/testcorpus"
)

// syddjursDoc is a legacy Word file of the shared corpus (an Acadre
// meeting's attachment) with a PDF of the same text beside it.
const syddjursDoc = "syddjurs-acadre-2013-06-20/Politik for Kultur og Fritid - Lokalt engagement, Godkendt af byrådet 300409.doc"

func TestReadLegacyWord(t *testing.T) {
	if _, _, ok := findDocConverter(); !ok {
		t.Skip("neither antiword nor catdoc is installed")
	}
	path := filepath.Join(testcorpus.Shared(t), syddjursDoc)
	doc, err := ReadFile(context.Background(), path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if doc.Format != corpus.FormatDOC || doc.Source.ContentType != "application/msword" {
		t.Errorf("format %q, content type %q; want doc, application/msword", doc.Format, doc.Source.ContentType)
	}
	for _, want := range []string{"Godkendt af byrådet, Syddjurs Kommune den 30. april 2009", "Forord", "Styrke og understøtte de alsidige kulturinitiativer"} {
		if !strings.Contains(doc.Text, want) {
			t.Errorf("text lacks %q", want)
		}
	}
	if strings.Contains(doc.Text, "[pic]") {
		t.Errorf("text keeps the converter's picture mark [pic]")
	}
}

// TestReadLegacyWordWithoutConverter checks that with no converter on
// the PATH a .doc fails with an error naming the file and what to
// install, and that other Office files are still refused as such.
func TestReadLegacyWordWithoutConverter(t *testing.T) {
	path := filepath.Join(testcorpus.Shared(t), syddjursDoc)
	t.Setenv("PATH", t.TempDir())
	_, err := ReadFile(context.Background(), path, Options{})
	if !errors.Is(err, ErrNoDocConverter) || !strings.Contains(err.Error(), filepath.Base(path)) || !strings.Contains(err.Error(), "antiword") {
		t.Errorf("ReadFile with no converter: %v; want ErrNoDocConverter naming the file and antiword", err)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if f, err := Detect(b); f != corpus.FormatDOC || err != nil {
		t.Errorf("Detect(.doc) = %q, %v; want doc", f, err)
	}
}

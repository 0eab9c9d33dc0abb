package pdftext

import (
	"context"
	"os"
	"strings"
	"testing"
	"time"

	"referat/internal/testcorpus"
	"referat/internal/testpdf"
)

// TestPackedObjectStream opens a file whose cross-reference stream packs
// an object stream in itself. Handed to the library as it is, it ends the
// process with a stack overflow; open must notice and rebuild the table.
func TestPackedObjectStream(t *testing.T) {
	data := testpdf.PackedObjectStream("Dagsorden for m\xf8det")
	if !nestsObjectStreams(data) {
		t.Fatal("nestsObjectStreams = false for a stream packed in itself")
	}
	res, err := Extract(context.Background(), data, Options{Timeout: 10 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(res.Text, "Dagsorden for mødet") {
		t.Errorf("text = %q; want the page's text", res.Text)
	}
	if !strings.Contains(strings.Join(res.Warnings, "\n"), "packs an object stream") {
		t.Errorf("warnings = %q; want one saying the table was repaired", res.Warnings)
	}
}

// TestNestsObjectStreamsCorpus checks that no real PDF is taken for a
// damaged one: every file keeps the table it has.
func TestNestsObjectStreamsCorpus(t *testing.T) {
	check := func(t *testing.T, dir string) {
		for _, path := range testcorpus.Files(t, dir, ".pdf") {
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if nestsObjectStreams(data) {
				t.Errorf("%s: nestsObjectStreams = true for a real file", path)
			}
		}
	}
	t.Run("testdata", func(t *testing.T) { check(t, testcorpus.Dir()) })
	t.Run("shared", func(t *testing.T) { check(t, testcorpus.Shared(t)) })
}

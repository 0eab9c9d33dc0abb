package pdftext

import (
	"context"
	"os"
	"os/exec"
	"testing"
	"time"

	"referat/internal/testcorpus"
)

type benchDoc struct {
	path  string
	data  []byte
	pages int
}

func benchDocs(b *testing.B) []benchDoc {
	dir := testcorpus.SharedDir()
	if dir == "" {
		dir = testcorpus.Dir()
	}
	var docs []benchDoc
	for _, f := range testcorpus.Files(b, dir, ".pdf") {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		res, err := Extract(context.Background(), data, Options{})
		if err != nil {
			b.Fatalf("extract %s: %v", f, err)
		}
		docs = append(docs, benchDoc{f, data, len(res.Pages)})
	}
	return docs
}

// pdftotextRate is poppler's pages per second over docs, one process per
// file as a batch would run it, best of three rounds.
func pdftotextRate(b *testing.B, docs []benchDoc) float64 {
	bin, err := exec.LookPath("pdftotext")
	if err != nil {
		b.Skip("pdftotext not installed")
	}
	best := 0.0
	for round := 0; round < 3; round++ {
		start := time.Now()
		pages := 0
		for _, d := range docs {
			if err := exec.Command(bin, "-q", d.path, os.DevNull).Run(); err != nil {
				b.Fatalf("pdftotext %s: %v", d.path, err)
			}
			pages += d.pages
		}
		best = max(best, float64(pages)/time.Since(start).Seconds())
	}
	return best
}

// BenchmarkTextLayer reports pages/s of Extract (in process) and of
// ExtractIsolated (a child per document) over the corpus, and each as a
// ratio to pdftotext on the same files at the same parallelism (one
// document at a time).
func BenchmarkTextLayer(b *testing.B) {
	docs := benchDocs(b)
	ref := pdftotextRate(b, docs)
	run := func(b *testing.B, extract func([]byte) error) {
		pages := 0
		b.ResetTimer()
		start := time.Now()
		for i := 0; i < b.N; i++ {
			for _, d := range docs {
				if err := extract(d.data); err != nil {
					b.Fatal(err)
				}
				pages += d.pages
			}
		}
		rate := float64(pages) / time.Since(start).Seconds()
		b.ReportMetric(rate, "pages/s")
		b.ReportMetric(ref, "pdftotext-pages/s")
		b.ReportMetric(rate/ref, "x-pdftotext")
	}
	b.Run("in-process", func(b *testing.B) {
		run(b, func(data []byte) error {
			_, err := Extract(context.Background(), data, Options{})
			return err
		})
	})
	b.Run("isolated", func(b *testing.B) {
		iso := &Isolator{}
		defer iso.Close()
		run(b, func(data []byte) error {
			_, err := iso.Extract(context.Background(), data, Options{})
			return err
		})
	})
}

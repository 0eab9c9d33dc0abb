package pdftext

import (
	"context"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// goldenDocs are real PDFs whose cleaned text is kept, reviewed, in
// testdata/golden: an eDoc referat page with syntax errors, a Word letter
// with a running footer, a scanned-style English minutes PDF.
var goldenDocs = []string{
	"ballerup-edoc-2012-12-04/1552824.pdf",
	"ballerup-sbsys-2013/Enclosures/1.pdf",
	"aarhus/aarhus-borgerhenvendelse-2025-08-26.pdf",
	"other/english/eastpaloalto_ca_minutes_2020-01-27.pdf",
}

// goldenText is what a golden file holds: the warnings, then the text.
func goldenText(r *Result) string {
	var b strings.Builder
	for _, w := range r.Warnings {
		b.WriteString("# warning: " + w + "\n")
	}
	b.WriteString(strings.ReplaceAll(r.Text, "\f", "\n<page break>\n"))
	b.WriteString("\n")
	return b.String()
}

func TestGolden(t *testing.T) {
	for _, rel := range goldenDocs {
		t.Run(filepath.Base(rel), func(t *testing.T) {
			res, err := Extract(context.Background(), readCorpusPDF(t, rel), Options{})
			if err != nil {
				t.Fatal(err)
			}
			got := goldenText(res)
			path := filepath.Join("testdata", "golden", strings.TrimSuffix(filepath.Base(rel), ".pdf")+".txt")
			if *update {
				if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if got != string(want) {
				t.Errorf("text of %s differs from %s (rerun with -update and review the diff)\ngot:\n%s", rel, path, got)
			}
		})
	}
}

package pdftext

import (
	"context"
	"os"
	"sort"
	"testing"
)

// TestDebugDiff prints the words that differ from pdftotext for $PDF.
func TestDebugDiff(t *testing.T) {
	f := os.Getenv("PDF")
	if f == "" {
		t.Skip("set PDF")
	}
	ref := pdftotext(t, f)
	data, _ := os.ReadFile(f)
	res, err := Extract(context.Background(), data, Options{})
	if err != nil {
		t.Fatal(err)
	}
	r, c := words(ref), words(pageText(res))
	var onlyR, onlyC []string
	for w, n := range r {
		if d := n - c[w]; d > 0 {
			onlyR = append(onlyR, w)
		}
	}
	for w, n := range c {
		if d := n - r[w]; d > 0 {
			onlyC = append(onlyC, w)
		}
	}
	sort.Strings(onlyR)
	sort.Strings(onlyC)
	t.Logf("only pdftotext: %q", onlyR)
	t.Logf("only ours: %q", onlyC)
	if os.Getenv("SHOW") != "" {
		t.Log(pageText(res))
	}
}

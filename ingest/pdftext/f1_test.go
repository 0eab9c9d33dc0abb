package pdftext

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"

	"referat/internal/testcorpus"
)

// wordRE is Python's \w+ for the text at hand: letters, marks, digits and
// the underscore.
var wordRE = regexp.MustCompile(`[\p{L}\p{M}\p{Nd}_]+`)

// words is the bag of words /work/shared/tools/wordf1.py compares: NFC,
// lower-cased, \w+ runs.
func words(s string) map[string]int {
	m := map[string]int{}
	for _, w := range wordRE.FindAllString(strings.ToLower(norm.NFC.String(s)), -1) {
		m[w]++
	}
	return m
}

// wordF1 is the bag-of-words F1 of cand against ref.
func wordF1(ref, cand string) float64 {
	r, c := words(ref), words(cand)
	var common, nr, nc int
	for w, n := range r {
		nr += n
		common += min(n, c[w])
	}
	for _, n := range c {
		nc += n
	}
	if nr == 0 && nc == 0 {
		return 1
	}
	p := float64(common) / float64(max(1, nc))
	rc := float64(common) / float64(max(1, nr))
	if p+rc == 0 {
		return 0
	}
	return 2 * p * rc / (p + rc)
}

// pdftotext runs poppler's pdftotext on a file, skipping the test when it
// is not installed.
func pdftotext(tb testing.TB, path string) string {
	tb.Helper()
	bin, err := exec.LookPath("pdftotext")
	if err != nil {
		tb.Skip("pdftotext not installed (apt-get install poppler-utils)")
	}
	var out bytes.Buffer
	cmd := exec.Command(bin, "-q", "-enc", "UTF-8", path, "-")
	cmd.Stdout = &out
	if err := cmd.Run(); err != nil {
		tb.Fatalf("pdftotext %s: %v", path, err)
	}
	return out.String()
}

// pageText is the text of the pages before furniture removal, with words
// hyphenated across lines joined: pdftotext joins them, and the F1 is to
// measure glyphs and spacing, not that difference of convention.
func pageText(r *Result) string {
	var b strings.Builder
	for _, p := range r.Pages {
		b.WriteString(joinHyphenated(p.Text))
		b.WriteString("\n\f")
	}
	return b.String()
}

// checkF1 extracts every PDF under dir and compares its page text (before
// furniture removal) with pdftotext's: the median must reach 0.99 and no
// document may fall under 0.98.
func checkF1(t *testing.T, dir string) {
	files := testcorpus.Files(t, dir, ".pdf")
	if len(files) == 0 {
		t.Fatalf("no PDFs under %s", dir)
	}
	var scores []float64
	for _, f := range files {
		ref := pdftotext(t, f)
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		res, err := Extract(context.Background(), data, Options{})
		if err != nil {
			t.Errorf("extract %s: %v", f, err)
			scores = append(scores, 0)
			continue
		}
		s := wordF1(ref, pageText(res))
		scores = append(scores, s)
		rel, _ := filepath.Rel(dir, f)
		t.Logf("%.4f %s", s, rel)
		if s < 0.98 {
			t.Errorf("word F1 of %s = %.4f; want >= 0.98", rel, s)
		}
	}
	sort.Float64s(scores)
	med := scores[len(scores)/2]
	if len(scores)%2 == 0 {
		med = (scores[len(scores)/2-1] + scores[len(scores)/2]) / 2
	}
	t.Logf("word F1 over %d PDFs: median %.4f, min %.4f", len(scores), med, scores[0])
	if med < 0.99 {
		t.Errorf("median word F1 = %.4f; want >= 0.99", med)
	}
}

func TestWordF1SharedCorpus(t *testing.T) {
	checkF1(t, testcorpus.Shared(t))
}

func TestWordF1Testdata(t *testing.T) {
	checkF1(t, testcorpus.Dir())
}

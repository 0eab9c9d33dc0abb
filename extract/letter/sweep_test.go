package letter

import (
	"errors"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"referat/corpus"
	"referat/internal/testcorpus"
)

// TestSweepSharedCorpus runs the shared corpus through Extract and checks
// that exactly the letters, decisions and principmeddelelser are claimed:
// minutes, agendas, notes and reports are left to others. PDFs are read
// with poppler's pdftotext; the test skips them when it is absent.
func TestSweepSharedCorpus(t *testing.T) {
	dir := testcorpus.Shared(t)
	want := map[string]corpus.Kind{}
	for _, rel := range owned {
		want[rel] = corpus.KindLetter
		if strings.HasPrefix(rel, "ankestyrelsen/") {
			want[rel] = corpus.KindPrincipmeddelelse
		}
	}
	pdftotext, pdfErr := exec.LookPath("pdftotext")
	if testing.Short() {
		pdfErr = errShort
	}
	for _, p := range testcorpus.Files(t, dir, ".json", ".xml", ".txt", ".pdf") {
		rel := filepath.ToSlash(strings.TrimPrefix(p, dir+string(filepath.Separator)))
		var doc corpus.Document
		if strings.HasSuffix(rel, ".pdf") {
			if pdfErr != nil {
				continue
			}
			out, err := exec.Command(pdftotext, p, "-").Output()
			if err != nil {
				continue // a PDF poppler cannot read is ingest's matter
			}
			doc = corpus.Document{Format: corpus.FormatPDF, Text: string(out)}
		} else {
			doc = load(t, rel)
		}
		rec, ok := Extract(doc)
		switch k, mine := want[rel]; {
		case mine && !ok:
			t.Errorf("Extract(%s) = not mine; want kind %s", rel, k)
		case mine && rec.Kind != k:
			t.Errorf("Extract(%s) kind = %s; want %s", rel, rec.Kind, k)
		case !mine && ok:
			t.Errorf("Extract(%s) claimed it as %s; want it left to others", rel, rec.Kind)
		}
	}
	if pdfErr != nil {
		t.Log("pdftotext absent: PDFs of the shared corpus not swept")
	}
}

var errShort = errors.New("-short: PDFs skipped")

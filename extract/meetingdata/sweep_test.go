package meetingdata

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"referat/internal/testcorpus"
)

// mineDirs are the corpus folders whose structured documents (JSON, XML,
// HTML) come from the meeting systems this package reads.
var mineDirs = []string{"greve-firstagenda-api/", "ballerup-edoc-2012-12-04/", "ballerup-sbsys-2013/", "region-hovedstaden-sbsys-2012/", "middelfart-edoc-2017/", "aarhus/"}

// TestSweepSharedCorpus runs every structured document of the shared
// corpus through Extract: those of the known systems must be claimed and
// give a kind, the rest (principmeddelelser, Datatilsynet's decisions,
// LexDania) must be left to others.
func TestSweepSharedCorpus(t *testing.T) {
	dir := testcorpus.Shared(t)
	for _, p := range testcorpus.Files(t, dir, ".json", ".xml", ".html", ".htm") {
		rel := filepath.ToSlash(strings.TrimPrefix(p, dir+string(filepath.Separator)))
		mine := false
		for _, d := range mineDirs {
			if strings.Contains(rel, d) {
				mine = true
			}
		}
		rec, ok := Extract(load(t, p))
		switch {
		case mine && !ok:
			t.Errorf("Extract(%s) = not mine; want a record", rel)
		case !mine && ok:
			t.Errorf("Extract(%s) claimed a document of another kind (kind %q)", rel, rec.Kind)
		case ok && rec.Kind == "":
			t.Errorf("Extract(%s) gave no kind", rel)
		}
	}
}

// TestNotMine checks that text documents and minutes PDFs are never
// claimed: this package reads only structured data and generated pages.
func TestNotMine(t *testing.T) {
	for _, rel := range []string{"seeds/000_734b34927aab3490.txt", "seeds/002_1f9e0adde186f6aa.txt", "aarhus/aarhus-byraad-referat-2025-08-27.pdf"} {
		p := corpusPath(t, rel)
		if _, err := os.Stat(p); err != nil {
			t.Fatal(err)
		}
		if _, ok := Extract(load(t, p)); ok {
			t.Errorf("Extract(%s) claimed it; want not mine", rel)
		}
	}
}

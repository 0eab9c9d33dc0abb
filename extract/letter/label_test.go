package letter

import (
	"path"
	"path/filepath"
	"testing"

	"referat/extract/internal/labeltest"
	"referat/internal/testcorpus"
)

// scoreLabels scores the labels under dir that keep accepts against the
// records of the documents they name, under the corpus folder docDir (""
// for the corpus root), as ../shared/tools/score.py does, and checks a
// principmeddelelse's number too, which score.py leaves out.
func scoreLabels(t *testing.T, dir, docDir string, keep func(labeltest.Label) bool) labeltest.Tally {
	return labeltest.Run(t, dir, func(name string, lab labeltest.Label, tl *labeltest.Tally) bool {
		if !keep(lab) {
			return false
		}
		rec, _ := Extract(load(t, path.Join(docDir, name)))
		labeltest.Score(rec, lab, tl)
		if lab.Letter != nil && lab.Letter.Number != nil {
			var got string
			if rec.Letter != nil {
				got = rec.Letter.Number
			}
			tl.Check(got == *lab.Letter.Number, "letter number %q != %q", got, *lab.Letter.Number)
		}
		return true
	})
}

// TestSeedLabel scores the letter seed against its label in
// ../shared/labels/seeds.
func TestSeedLabel(t *testing.T) {
	dir := filepath.Join(testcorpus.SharedLabels(t), "seeds")
	scoreLabels(t, dir, "seeds", func(lab labeltest.Label) bool { return lab.Letter != nil }).Require(t, 0.98)
}

// TestLabels scores the letters, decisions and principmeddelelser of the
// corpus against the labels in testdata/labels, written from the
// documents in the form of ../shared/labels.
func TestLabels(t *testing.T) {
	all := func(labeltest.Label) bool { return true }
	scoreLabels(t, filepath.Join("testdata", "labels"), "", all).Require(t, 0.98)
}

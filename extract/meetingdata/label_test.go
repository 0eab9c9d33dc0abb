package meetingdata

import (
	"path/filepath"
	"testing"

	"referat/extract/internal/labeltest"
)

// TestLabels scores the records of the labelled documents against the
// hand-made labels in testdata/labels (written from the documents, in the
// form of ../shared/labels) the way ../shared/tools/score.py does, and
// fails below 0.98.
func TestLabels(t *testing.T) {
	total := labeltest.Run(t, filepath.Join("testdata", "labels"), func(name string, lab labeltest.Label, tl *labeltest.Tally) bool {
		rec, ok := Extract(load(t, corpusPath(t, name)))
		if !ok {
			t.Errorf("Extract(%s) = not mine", name)
		}
		labeltest.Score(rec, lab, tl)
		return true
	})
	total.Require(t, 0.98)
}

package meetingdata

import (
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestLabels scores the records of the labelled documents against the
// hand-made labels in testdata/labels (written from the documents, in the
// form of ../shared/labels) the way ../shared/tools/score.py does, and
// fails below 0.98.
func TestLabels(t *testing.T) {
	total := tally{}
	err := filepath.WalkDir(filepath.Join("testdata", "labels"), func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".json") {
			return err
		}
		rel := filepath.ToSlash(strings.TrimSuffix(strings.TrimPrefix(p, filepath.Join("testdata", "labels")+string(filepath.Separator)), ".json"))
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		var lab label
		if err := json.Unmarshal(b, &lab); err != nil {
			t.Fatalf("label %s: %v", p, err)
		}
		path := corpusPath(t, rel)
		rec, ok := Extract(load(t, path))
		if !ok {
			t.Errorf("Extract(%s) = not mine", rel)
		}
		var tl tally
		score(rec, lab, &tl)
		t.Logf("%s: %d/%d", rel, tl.got, tl.possible)
		for _, m := range tl.misses {
			t.Logf("   - %s", m)
		}
		total.got += tl.got
		total.possible += tl.possible
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if total.possible == 0 {
		t.Fatal("no labels scored")
	}
	s := float64(total.got) / float64(total.possible)
	t.Logf("score %.3f (%d/%d)", s, total.got, total.possible)
	if s < 0.98 {
		t.Errorf("label score %.3f (%d/%d) is below 0.98", s, total.got, total.possible)
	}
}

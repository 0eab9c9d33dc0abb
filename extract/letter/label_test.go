package letter

import (
	"encoding/json"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"testing"

	"referat/internal/testcorpus"
)

// scoreLabels scores every label under dir against the record of the
// document it names: its path relative to dir without ".json", under the
// corpus folder docDir ("" for the corpus root).
func scoreLabels(t *testing.T, dir, docDir string, keep func(rel string) bool) tally {
	total := tally{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".json") {
			return err
		}
		rel := filepath.ToSlash(strings.TrimSuffix(strings.TrimPrefix(p, dir+string(filepath.Separator)), ".json"))
		if !keep(rel) {
			return nil
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		var lab label
		if err := json.Unmarshal(b, &lab); err != nil {
			t.Fatalf("label %s: %v", p, err)
		}
		rec, _ := Extract(load(t, path.Join(docDir, rel)))
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
	return total
}

func requireScore(t *testing.T, total tally) {
	t.Helper()
	if total.possible == 0 {
		t.Fatal("no labels scored")
	}
	s := float64(total.got) / float64(total.possible)
	t.Logf("score %.3f (%d/%d)", s, total.got, total.possible)
	if s < 0.98 {
		t.Errorf("label score %.3f (%d/%d) is below 0.98", s, total.got, total.possible)
	}
}

// TestSeedLabel scores the letter seed against its label in
// ../shared/labels/seeds, as ../shared/tools/score.py does.
func TestSeedLabel(t *testing.T) {
	dir := filepath.Join(testcorpus.SharedLabels(t), "seeds")
	total := scoreLabels(t, dir, "seeds", func(rel string) bool {
		var lab label
		b, _ := os.ReadFile(filepath.Join(dir, rel+".json"))
		json.Unmarshal(b, &lab)
		return lab.Letter != nil
	})
	requireScore(t, total)
}

// TestLabels scores the letters, decisions and principmeddelelser of the
// corpus against the labels in testdata/labels, written from the
// documents in the form of ../shared/labels.
func TestLabels(t *testing.T) {
	requireScore(t, scoreLabels(t, filepath.Join("testdata", "labels"), "", func(string) bool { return true }))
}

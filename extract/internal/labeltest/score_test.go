package labeltest

import (
	"testing"

	"referat/corpus"
)

// TestScoreMissingItem checks score.py's rule that an item the record
// lacks loses every fact its label holds, and that the count is one more.
func TestScoreMissingItem(t *testing.T) {
	title, prefix := "Budget", "A"
	two := 2
	lab := Label{Kind: "minutes", Items: &[]Item{{Number: &two, Title: &title, Prefix: &prefix}}}
	rec := corpus.Record{Kind: "minutes", Items: []corpus.Item{{Number: 1, Title: "Budget"}}}
	var tl Tally
	Score(rec, lab, &tl)
	if tl.Got != 2 || tl.Possible != 4 {
		t.Errorf("Score = %d/%d (misses %q); want 2/4", tl.Got, tl.Possible, tl.Misses)
	}
}

// TestScoreLetterSubsets checks that a letter's journal and case numbers
// score as score.py's subsets (the record may hold more), compared without
// spaces, and that case numbers of items count.
func TestScoreLetterSubsets(t *testing.T) {
	journal := []string{"24-10910"}
	cases := []string{"S2024-19207", "2023 – 9318"}
	lab := Label{Kind: "letter", Letter: &Letter{JournalNumbers: &journal, CaseNumbers: &cases}}
	rec := corpus.Record{
		Kind:   "letter",
		Letter: &corpus.Letter{JournalNumbers: []string{"24 - 10910", "25-1"}, CaseNumbers: []corpus.CaseNumber{{Raw: "2023-9318"}}},
		Items:  []corpus.Item{{CaseNumbers: []corpus.CaseNumber{{Raw: "S2024-19207"}}}},
	}
	var tl Tally
	Score(rec, lab, &tl)
	if tl.Got != 3 || tl.Possible != 3 {
		t.Errorf("Score = %d/%d (misses %q); want 3/3", tl.Got, tl.Possible, tl.Misses)
	}
	rec.Items = nil
	tl = Tally{}
	Score(rec, lab, &tl)
	if tl.Got != 2 || tl.Possible != 3 {
		t.Errorf("without the item's case number: Score = %d/%d; want 2/3", tl.Got, tl.Possible)
	}
}

package index

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"referat/corpus"
)

// caseLettersRef is what LinkedLetters must return: each number's
// CaseHistory.Letters in turn, each letter once, scores 0.
func caseLettersRef(t *testing.T, x *Index, numbers []string) []Hit {
	t.Helper()
	out := []Hit{}
	seen := map[string]bool{}
	for _, n := range numbers {
		if NormalizeCaseNumber(n) == "" {
			continue
		}
		h, err := x.Case(context.Background(), n)
		if err != nil {
			t.Fatalf("Case(%q): %v", n, err)
		}
		for _, l := range h.Letters {
			if !seen[l.RecordID] {
				seen[l.RecordID] = true
				l.Score = 0
				out = append(out, l)
			}
		}
	}
	return out
}

// TestLinkedLetters checks LinkedLetters against Case for the case
// numbers of every item of the real corpus, on an index of several
// segments with deleted documents, with letters linked both by number and
// by municipality and KLE subject (variations of the real Nyborg letter).
func TestLinkedLetters(t *testing.T) {
	recs := realRecords(t)
	seeds := seedRecords(t)
	letter := seeds[4]
	if letter.Kind != corpus.KindLetter {
		t.Fatalf("seed 4 is a %s; want the letter", letter.Kind)
	}
	// Letters naming the case number of every fifth numbered item, and for
	// every item with a KLE number and a municipality, one naming its
	// number and one on the same subject under another number.
	n, numbered := 0, 0
	add := func(recipient, date string, c corpus.CaseNumber) {
		l := *letter
		l.ID = fmt.Sprintf("%064x", 0xfeed0000+n)
		l.Letter = &corpus.Letter{Sender: "Ankestyrelsen", Recipient: recipient, Date: date, CaseNumbers: []corpus.CaseNumber{c}}
		recs = append(recs, &l)
		n++
	}
	for _, r := range append(recs, seeds...) {
		for _, it := range r.Items {
			for _, c := range it.CaseNumbers {
				if numbered++; numbered%5 == 0 {
					add(r.Municipality, fmt.Sprintf("2019-0%d-01", 1+n%9), c)
				}
				if c.KLE != "" && r.Municipality != "" {
					add(r.Municipality, fmt.Sprintf("2020-0%d-01", 1+n%9), c)
					add(r.Municipality, "", corpus.CaseNumber{Raw: c.KLE + "-A00-1-20", Scheme: corpus.SchemeKLE, KLE: c.KLE})
				}
			}
		}
	}
	if n == 0 {
		t.Fatal("no item with a KLE number and a municipality to link letters to")
	}
	ctx := context.Background()
	x := segmentedIndex(t, recs, 9, 4)
	linked := 0
	for _, r := range recs {
		for _, it := range r.Items {
			var numbers []string
			for _, c := range it.CaseNumbers {
				numbers = append(numbers, c.Raw)
			}
			if len(numbers) == 0 {
				continue
			}
			want := caseLettersRef(t, x, numbers)
			for _, bleveOnly := range []bool{false, true} {
				x.bleveOnly = bleveOnly
				got, err := x.LinkedLetters(ctx, numbers)
				x.bleveOnly = false
				if err != nil {
					t.Fatalf("LinkedLetters(%q): %v", numbers, err)
				}
				if fmt.Sprint(got) != fmt.Sprint(want) {
					t.Errorf("LinkedLetters(%q) (Bleve only: %v) =\n%v\nCase gives\n%v", numbers, bleveOnly, got, want)
				}
			}
			linked += len(want)
		}
	}
	t.Logf("%d letters added, %d linked to items", n, linked)
	if linked == 0 {
		t.Error("no item has a linked letter; the test checks nothing")
	}
	if got, err := x.LinkedLetters(ctx, []string{"", "  ", strings.Repeat("9", MaxQueryLength+1)}); err != nil || len(got) != 0 {
		t.Errorf("LinkedLetters of no case numbers = %v, %v; want none", got, err)
	}
}

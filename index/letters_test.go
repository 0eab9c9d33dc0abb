package index

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"referat/corpus"
	"referat/internal/casenum"
)

// linkedRef is what LinkedLetters must return for an item, worked out
// from the records rather than the index: each letter naming one of the
// item's numbers, in the order of the numbers and then of the letters'
// dates, that is of the item's municipality, or, where either
// municipality is unknown, names a specific number no two
// municipalities' records carry.
func linkedRef(recs []*corpus.Record, muni string, numbers []string) []string {
	journal := map[string]map[string]bool{}
	keysOf := func(r *corpus.Record, it *corpus.Item) []string {
		var cns []corpus.CaseNumber
		var raw []string
		if it != nil {
			cns = it.CaseNumbers
		} else if r.Letter != nil {
			cns, raw = r.Letter.CaseNumbers, r.Letter.JournalNumbers
		}
		for _, c := range cns {
			raw = append(raw, c.Raw)
		}
		var keys []string
		for _, s := range raw {
			if k := NormalizeCaseNumber(s); k != "" {
				keys = append(keys, k)
			}
		}
		return keys
	}
	var letters []*corpus.Record
	for _, r := range recs {
		m := recordMunicipality(r)
		for _, k := range keysOf(r, nil) {
			if m != "" {
				if journal[k] == nil {
					journal[k] = map[string]bool{}
				}
				journal[k][m] = true
			}
		}
		for i := range r.Items {
			for _, k := range keysOf(r, &r.Items[i]) {
				if m != "" {
					if journal[k] == nil {
						journal[k] = map[string]bool{}
					}
					journal[k][m] = true
				}
			}
		}
		if r.Kind == corpus.KindLetter || r.Kind == corpus.KindPrincipmeddelelse {
			letters = append(letters, r)
		}
	}
	slices.SortStableFunc(letters, func(a, b *corpus.Record) int {
		da, db := recordDate(a).Format(time.DateOnly), recordDate(b).Format(time.DateOnly)
		if recordDate(a).IsZero() || recordDate(b).IsZero() {
			return strings.Compare(db, da)
		}
		if c := strings.Compare(da, db); c != 0 {
			return c
		}
		return strings.Compare(a.ID, b.ID)
	})
	var out []string
	seen := map[string]bool{}
	for _, n := range numbers {
		k := NormalizeCaseNumber(n)
		if k == "" {
			continue
		}
		for _, l := range letters {
			lm := recordMunicipality(l)
			ok := slices.Contains(keysOf(l, nil), k)
			if lm != "" && muni != "" {
				ok = ok && lm == muni
			} else {
				ok = ok && casenum.Specific(k) && len(journal[k]) <= 1
			}
			if ok && !seen[l.ID] {
				seen[l.ID] = true
				out = append(out, l.ID)
			}
		}
	}
	return out
}

// TestLinkedLetters checks LinkedLetters, by the segment engine and by
// Bleve, against the records for the case numbers of every item of the
// real corpus, on an index of several segments with deleted documents,
// with variations of the real Nyborg letter: naming an item's number to
// its municipality, to another municipality, and to none; and on the same
// KLE subject under another number (which links to nothing: a letter
// links by a number it names, never by subject).
func TestLinkedLetters(t *testing.T) {
	recs := realRecords(t)
	seeds := seedRecords(t)
	letter := seeds[4]
	if letter.Kind != corpus.KindLetter {
		t.Fatalf("seed 4 is a %s; want the letter", letter.Kind)
	}
	n, numbered := 0, 0
	bySubject := map[string]bool{}
	add := func(recipient, date string, c corpus.CaseNumber) string {
		l := *letter
		l.ID = fmt.Sprintf("%064x", 0xfeed0000+n)
		l.Municipality = ""
		l.Letter = &corpus.Letter{Sender: "Ankestyrelsen", Recipient: recipient, Date: date, CaseNumbers: []corpus.CaseNumber{c}}
		recs = append(recs, &l)
		n++
		return l.ID
	}
	for _, r := range append(recs, seeds...) {
		for _, it := range r.Items {
			for _, c := range it.CaseNumbers {
				if numbered++; numbered%5 == 0 {
					add(r.Municipality, fmt.Sprintf("2019-0%d-01", 1+n%9), c)
					add("Nyborg Kommune", fmt.Sprintf("2019-0%d-02", 1+n%9), c)
					add("Social- og Boligministeriet", fmt.Sprintf("2019-0%d-03", 1+n%9), c)
				}
				if casenum.Specific(c.Raw) {
					add("Social- og Boligministeriet", fmt.Sprintf("2021-0%d-01", 1+n%9), c)
				}
				if c.KLE != "" && r.Municipality != "" {
					add(r.Municipality, fmt.Sprintf("2020-0%d-01", 1+n%9), c)
					bySubject[add(r.Municipality, "", corpus.CaseNumber{Raw: c.KLE + "-A00-1-20", Scheme: corpus.SchemeKLE, KLE: c.KLE})] = true
				}
			}
		}
	}
	if len(bySubject) == 0 {
		t.Fatal("no item with a KLE number and a municipality to write about its subject")
	}
	ctx := context.Background()
	x := segmentedIndex(t, recs, 9, 4)
	// What the index holds: segmentedIndex indexes every fourth record
	// again with the first half of its items.
	held := slices.Clone(recs)
	for i := 0; i < len(held); i += 4 {
		r := *held[i]
		if len(r.Items) > 1 {
			r.Items = r.Items[:len(r.Items)/2]
		}
		held[i] = &r
	}
	recs = held
	// An alternate form of a meeting (Middelfart's XML) is its meeting's
	// municipality's, which its other form names.
	alts, err := x.AlternateForms(ctx)
	if err != nil {
		t.Fatal(err)
	}
	linked, byNumber := 0, 0 // byNumber: letters of no municipality, linked by a specific number
	for _, r := range recs {
		for i, it := range r.Items {
			var numbers []string
			for _, c := range it.CaseNumbers {
				numbers = append(numbers, c.Raw)
			}
			if len(numbers) == 0 {
				continue
			}
			if slices.IndexFunc(r.Items, func(o corpus.Item) bool { return o.Number == it.Number }) != i {
				continue // a repeated number: its id is not worked out here
			}
			id := ItemID(r.ID, it.Number, 0)
			muni := recordMunicipality(r)
			if a, ok := alts[r.ID]; ok && muni == "" {
				muni = a.Municipality
			}
			want := linkedRef(recs, muni, numbers)
			for _, bleveOnly := range []bool{false, true} {
				x.bleveOnly = bleveOnly
				got, err := x.LinkedLetters(ctx, id, numbers)
				x.bleveOnly = false
				if err != nil {
					t.Fatalf("LinkedLetters(%q): %v", numbers, err)
				}
				var ids []string
				for _, l := range got {
					ids = append(ids, l.RecordID)
					if bySubject[l.RecordID] {
						t.Errorf("LinkedLetters(%s %q) links %s, a letter on the subject under another number", r.Municipality, numbers, l.RecordID)
					}
					if l.Score != 0 {
						t.Errorf("LinkedLetters: score %v; want 0", l.Score)
					}
				}
				if !slices.Equal(ids, want) {
					t.Errorf("LinkedLetters(%s %q) (Bleve only: %v) =\n%q\nwant\n%q", r.Municipality, numbers, bleveOnly, ids, want)
				}
			}
			linked += len(want)
			for _, id := range want {
				if i := slices.IndexFunc(recs, func(r *corpus.Record) bool { return r.ID == id }); recordMunicipality(recs[i]) == "" {
					byNumber++
				}
			}
		}
	}
	t.Logf("%d letters added, %d linked to items, %d of them of no municipality", n, linked, byNumber)
	if linked == 0 || byNumber == 0 {
		t.Error("no item has a linked letter of a municipality and one of none; the test checks too little")
	}
	if got, err := x.LinkedLetters(ctx, "none", []string{"", "  ", strings.Repeat("9", MaxQueryLength+1)}); err != nil || len(got) != 0 {
		t.Errorf("LinkedLetters of no case numbers = %v, %v; want none", got, err)
	}
}

package index_test

import (
	"regexp"
	"strings"
	"testing"

	"referat/corpus"
	"referat/index"
)

// TestCompoundPartsApart checks that a compound typed alone also finds,
// ranked lower, the items that write its parts apart near each other:
// "børnesager" finds København's item on "forvaltningens sager på børne-
// og ungeområdet" beside the Lejre item holding "børnesager"; every hit
// of "ledelsestilsyn" holds it or its parts, the compound first; Bleve
// and the engine alike. Which items hold what is read from their text,
// not from the index.
func TestCompoundPartsApart(t *testing.T) {
	seeds := extractedSeeds(t)
	x := indexSeeds(t, seeds)
	items := map[string]*corpus.Item{}
	for _, r := range seeds {
		seen := map[int]int{}
		for i := range r.Items {
			n := r.Items[i].Number
			items[index.ItemID(r.ID, n, seen[n])] = &r.Items[i]
			seen[n]++
		}
	}
	words := func(it *corpus.Item) []string {
		return strings.FieldsFunc(strings.ToLower(itemText(it)), func(r rune) bool {
			return !('a' <= r && r <= 'z' || strings.ContainsRune("æøå", r))
		})
	}
	has := func(it *corpus.Item, re *regexp.Regexp) bool {
		for _, w := range words(it) {
			if re.MatchString(w) {
				return true
			}
		}
		return false
	}
	for _, tc := range []struct {
		query                   string
		compound, first, last   *regexp.Regexp
		wantApart, wantCompound int
	}{
		{"børnesager", regexp.MustCompile(`^børnesag`), regexp.MustCompile(`^børne`), regexp.MustCompile(`^sag(en|er|erne)?$`), 1, 1},
		{"ledelsestilsyn", regexp.MustCompile(`^ledelsestilsyn`), regexp.MustCompile(`^ledelse`), regexp.MustCompile(`^tilsyn(et|ene)?$`), 0, 3},
	} {
		for _, engine := range []bool{true, false} {
			x.UseEngine(engine)
			res := searchAll(t, x, index.Request{Query: tc.query, Type: index.TypeItem})
			compound, apart := 0, 0
			for i, h := range res.Hits {
				it := items[h.ID]
				if it == nil {
					t.Fatalf("%q: hit %s is no seed item", tc.query, h.ID)
				}
				switch {
				case has(it, tc.compound):
					compound++
					if apart > 0 {
						t.Errorf("%q (engine %v): %s holding %s ranks %d, below an item holding only its parts", tc.query, engine, h.ID, tc.query, i+1)
					}
				case has(it, tc.first) && has(it, tc.last):
					apart++
					t.Logf("%q: %d %s %q holds the parts apart", tc.query, i+1, h.ID, it.Title)
				default:
					t.Errorf("%q (engine %v): hit %s %q holds neither the compound nor its parts", tc.query, engine, h.ID, it.Title)
				}
			}
			if compound < tc.wantCompound || apart < tc.wantApart {
				t.Errorf("%q (engine %v): %d items with the compound, %d with its parts apart; want at least %d and %d",
					tc.query, engine, compound, apart, tc.wantCompound, tc.wantApart)
			}
		}
	}
}

package index

import (
	"context"
	"testing"
)

// TestDateSortKeepsAgendaOrder pages through date-sorted searches of the
// real corpus, oldest and newest first, with the segment engine and with
// Bleve: the hits of one day come meeting by meeting, and each meeting's
// items in the order its record holds them (agenda order), also where
// scores differ (a word query) and across page boundaries.
func TestDateSortKeepsAgendaOrder(t *testing.T) {
	recs := realRecords(t)
	x := segmentedIndex(t, recs, 7, 1000)
	type place struct {
		record string
		pos    int
	}
	places := map[string]place{}
	for _, r := range recs {
		seen := map[int]int{}
		for i, it := range r.Items {
			places[ItemID(r.ID, it.Number, seen[it.Number])] = place{r.ID, i}
			seen[it.Number]++
		}
	}
	ctx := context.Background()
	for _, bleveOnly := range []bool{false, true} {
		for _, sort := range []string{SortDate, SortDateDesc} {
			for _, q := range []string{"", "kommune", "beslutning"} {
				for _, typ := range []string{"", TypeItem} {
					x.bleveOnly = bleveOnly
					var hits []Hit
					for page := 1; ; page++ {
						res, err := x.Search(ctx, Request{Query: q, Sort: sort, Page: page, PageSize: 7, Type: typ})
						if err != nil {
							t.Fatalf("search %q sort %s: %v", q, sort, err)
						}
						hits = append(hits, res.Hits...)
						if len(res.Hits) < 7 {
							break
						}
					}
					items := 0
					done := map[string]bool{} // meetings whose run of items has ended
					for i, h := range hits {
						p, ok := places[h.ID]
						if !ok {
							continue // a whole document
						}
						items++
						if i == 0 {
							continue
						}
						prev, ok := places[hits[i-1].ID]
						switch {
						case ok && prev.record == p.record && prev.pos >= p.pos:
							t.Errorf("bleve %v, %q sorted %s: item %s (place %d) after %s (place %d) of the same meeting", bleveOnly, q, sort, h.ID, p.pos, hits[i-1].ID, prev.pos)
						case ok && prev.record != p.record:
							done[prev.record] = true
							if done[p.record] {
								t.Errorf("bleve %v, %q sorted %s: the items of record %s are not together (again at %s)", bleveOnly, q, sort, p.record, h.ID)
							}
						}
					}
					if items < 20 {
						t.Errorf("bleve %v, %q sorted %s: %d items; want the corpus's", bleveOnly, q, sort, items)
					}
				}
			}
		}
	}
	x.bleveOnly = false
}

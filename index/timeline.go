package index

import (
	"cmp"
	"slices"
	"strings"

	"referat/corpus"
)

// caseTimeline makes a case's timeline from its items, oldest meeting
// first: every decision the items record, each once, oldest first.
//
// One decision is often printed by several items: the meeting that took
// it records it, and a later committee's item prints it again in its case
// history (Greve's Klima-, Teknik- og Miljøudvalget decides on 14 March,
// and Skole-, Børne- og Ungeudvalget's item of 19 March reprints that
// decision above its own). Two decisions are the same when body, date and
// text agree (spacing and case of the body aside) and they are printed by
// items of different meetings. Within one meeting they never are: two
// items of one meeting may take the same words ("Orienteringen blev taget
// til efterretning.") or reprint the same earlier committee's words, and
// each is a decision of its own. Where several decisions of one meeting
// could be the one a later item reprints, the one of the item with the
// same title is, else the first.
//
// A decision is shown from the item of the meeting that took it (the item
// dated the decision's date), else, when that meeting is not in the
// index, from the first item printing it, marked Reprinted. An undated
// decision cannot be placed by its own date: it takes its item's date in
// the order, and is never Reprinted (nothing says it is another
// meeting's). A decision with no body, date, text or outcome says nothing
// and is left out.
func caseTimeline(items []CaseItem) []CaseDecision {
	type entry struct {
		CaseDecision
		key      decisionKey
		order    string          // the date it is ordered by
		meetings map[string]bool // records whose items print it
	}
	var entries []*entry
	byKey := map[decisionKey][]*entry{}
	for _, it := range items {
		for _, d := range it.Decisions {
			if d.Body == "" && d.Date == "" && strings.TrimSpace(d.Text) == "" && d.Outcome == "" {
				continue
			}
			k := keyOf(d)
			var same *entry
			for _, e := range byKey[k] {
				if e.meetings[it.RecordID] {
					continue
				}
				if same == nil || (sameTitle(e.Item.Title, it.Title) && !sameTitle(same.Item.Title, it.Title)) {
					same = e
				}
			}
			if same == nil {
				e := &entry{
					CaseDecision: CaseDecision{Decision: d, Item: it.Hit, Reprinted: reprinted(d, it.Hit)},
					key:          k,
					order:        cmp.Or(d.Date, it.Date),
					meetings:     map[string]bool{it.RecordID: true},
				}
				entries = append(entries, e)
				byKey[k] = append(byKey[k], e)
				continue
			}
			same.meetings[it.RecordID] = true
			if same.Reprinted && !reprinted(d, it.Hit) {
				// The meeting that took it, found after a reprint of it:
				// shown from its own meeting, with its own words.
				same.ReprintedIn = append(same.ReprintedIn, same.Item.ID)
				same.Decision, same.Item, same.Reprinted = d, it.Hit, false
				continue
			}
			same.ReprintedIn = append(same.ReprintedIn, it.ID)
		}
	}
	// Oldest first; undated last; otherwise as the items came (oldest
	// meeting first, agenda order).
	slices.SortStableFunc(entries, func(a, b *entry) int {
		if a.order == "" || b.order == "" {
			return strings.Compare(b.order, a.order)
		}
		return strings.Compare(a.order, b.order)
	})
	out := make([]CaseDecision, 0, len(entries))
	for _, e := range entries {
		e.Item.Score, e.Item.Snippet = 0, nil
		out = append(out, e.CaseDecision)
	}
	return out
}

// decisionKey is what two printings of one decision share.
type decisionKey struct{ body, date, text string }

func keyOf(d corpus.Decision) decisionKey {
	return decisionKey{
		body: strings.ToLower(strings.Join(strings.Fields(strings.ReplaceAll(d.Body, "&", " og ")), " ")),
		date: d.Date,
		text: strings.Join(strings.Fields(d.Text), " "),
	}
}

// reprinted reports whether a decision printed with an item was taken at
// another meeting: it is dated, and not the item's meeting's date.
func reprinted(d corpus.Decision, item Hit) bool {
	return d.Date != "" && item.Date != "" && d.Date != item.Date
}

func sameTitle(a, b string) bool {
	return strings.EqualFold(strings.Join(strings.Fields(a), " "), strings.Join(strings.Fields(b), " "))
}

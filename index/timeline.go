package index

import (
	"cmp"
	"slices"
	"strings"

	"referat/corpus"
)

// caseTimeline makes a case's timeline from its items, oldest meeting
// first: every decision the items record, each (body, date, text) once,
// oldest first.
//
// One decision is often printed by several items: the meeting that took
// it records it, and a later committee's item prints it again in its case
// history (Greve's Klima-, Teknik- og Miljøudvalget decides on 14 March,
// and Skole-, Børne- og Ungeudvalget's item of 19 March reprints that
// decision above its own). Two printings are one decision when body, date
// and text agree (spacing and case of the body aside). Several items of
// one meeting recording the same words of the same body on the same day
// (a decision taken on several points of the case at once, or Aarhus'
// budget points each reprinting Magistraten's joint decision) are listed
// once too, naming every item (AlsoIn); the same words dated otherwise, or
// another body's, are another decision.
//
// A decision is shown from the first item of the meeting that took it
// (the item dated the decision's date), else, when that meeting is not in
// the index, from the first item printing it, marked Reprinted. An
// undated decision cannot be placed by its own date: it takes its item's
// date in the order, and is never Reprinted (nothing says it is another
// meeting's). A decision with no body, date, text or outcome says nothing
// and is left out.
func caseTimeline(items []CaseItem) []CaseDecision {
	type entry struct {
		CaseDecision
		order string // the date it is ordered by
	}
	var entries []*entry
	byKey := map[decisionKey]*entry{}
	for _, it := range items {
		for _, d := range it.Decisions {
			if d.Body == "" && d.Date == "" && strings.TrimSpace(d.Text) == "" && d.Outcome == "" {
				continue
			}
			k := keyOf(d)
			e := byKey[k]
			switch {
			case e == nil:
				e = &entry{
					CaseDecision: CaseDecision{Decision: d, Item: it.Hit, Reprinted: reprinted(d, it.Hit)},
					order:        cmp.Or(d.Date, it.Date),
				}
				entries = append(entries, e)
				byKey[k] = e
			case e.Item.ID == it.ID || slices.Contains(e.AlsoIn, it.ID) || slices.Contains(e.ReprintedIn, it.ID):
				// An item printing the same words twice.
			case e.Reprinted && !reprinted(d, it.Hit):
				// The meeting that took it, found after a reprint of it
				// (same day): shown from its own meeting, in its words.
				e.ReprintedIn = append(append(e.ReprintedIn, e.Item.ID), e.AlsoIn...)
				e.Decision, e.Item, e.Reprinted, e.AlsoIn = d, it.Hit, false, nil
			case it.RecordID == e.Item.RecordID || (!e.Reprinted && !reprinted(d, it.Hit)):
				e.AlsoIn = append(e.AlsoIn, it.ID)
			default:
				e.ReprintedIn = append(e.ReprintedIn, it.ID)
			}
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

package extract

import (
	"fmt"
	"testing"

	"referat/corpus"
)

// TestItemOutcome checks on real documents that an item's outcome is the
// decision of its own meeting, never an earlier body's decision printed
// with it, and that an agenda item nobody has decided yet has none.
func TestItemOutcome(t *testing.T) {
	type want struct {
		title                string // a prefix of the item's title
		outcome              corpus.Outcome
		decisions            int // how many decisions the item keeps (its history too)
		decidedBy, decidedOn string
	}
	cases := []struct {
		doc   string
		items []want
	}{
		// Byrådet's agenda of 8 October 2025 prints Magistraten's and
		// committees' earlier decisions; Byrådet has decided nothing yet.
		{"aarhus/aarhus-byraad-dagsorden-2025-10-08.html", []want{
			{title: "Budgetforslag Ældre og sundhed", decisions: 4},
			{title: "Dispensation fra 'Grøn handleplan for kunstgræsbaner'", decisions: 3},
			{title: "Udviklingsplan Aarhus Ø", decisions: 4},
		}},
		// Byrådet's minutes of 27 August 2025 hold its own decisions.
		{"aarhus/aarhus-byraad-referat-2025-08-27.pdf", []want{
			{title: "Godkendelse af dagsorden", outcome: corpus.OutcomeApproved, decisions: 1},
			{title: "Revisionspåtegning og endelig godkendelse af regnskab 2024", outcome: corpus.OutcomeApproved, decisions: 1},
		}},
		// Lejre's Job & Arbejdsmarked prints the earlier committees'
		// decisions (Erhverv & Turisme approved) before its own (noted).
		{"seeds/004_9618094e2dce791b.txt", []want{
			{title: "Effektindikatorer på fagudvalg", outcome: corpus.OutcomeNoted, decisions: 4},
		}},
		// Greve's Økonomiudvalget after five committees' recommendations.
		{"greve-firstagenda-api/greve_Økonomiudvalget_2023-11-27.json", []want{
			{title: "Delegationsplan for Greve Kommune", outcome: corpus.OutcomeRecommended, decisions: 6},
		}},
		// Region Hovedstaden's agenda of 25 September 2012: the
		// committee postponed the item on 18 September.
		{"other/region-hovedstaden-sbsys-2012/Publication553.xml", []want{
			{title: "", decisions: 1},
		}},
	}
	for _, c := range cases {
		t.Run(c.doc, func(t *testing.T) {
			path, ok := docPath(t, c.doc)
			if !ok {
				t.Skipf("%s absent", c.doc)
			}
			rec := Record(loadDoc(t, path))
			for _, w := range c.items {
				it := findItem(rec, w.title)
				if it == nil {
					t.Errorf("no item titled %q; items: %s", w.title, itemTitles(rec))
					continue
				}
				if it.Outcome != w.outcome || it.DecidedBy != w.decidedBy || it.DecidedOn != w.decidedOn {
					t.Errorf("item %d %q: outcome %q by %q on %q; want %q by %q on %q (decisions %s)", it.Number, it.Title,
						it.Outcome, it.DecidedBy, it.DecidedOn, w.outcome, w.decidedBy, w.decidedOn, decisionList(it.Decisions))
				}
				if len(it.Decisions) != w.decisions {
					t.Errorf("item %d %q: %d decisions; want %d, the case history kept (%s)", it.Number, it.Title, len(it.Decisions), w.decisions, decisionList(it.Decisions))
				}
			}
		})
	}
}

// TestOwnDecision checks the rule on records that leave the meeting's
// date or committee unknown, or print the body in another spelling.
func TestOwnDecision(t *testing.T) {
	d := func(body, date string, o corpus.Outcome) corpus.Decision {
		return corpus.Decision{Body: body, Date: date, Outcome: o, Text: string(o)}
	}
	cases := []struct {
		name                 string
		committee, date      string
		decisions            []corpus.Decision
		outcome              corpus.Outcome
		decidedBy, decidedOn string
	}{
		{"same body in another spelling", "Udvalget for Børn og Ungdom", "2019-05-07",
			[]corpus.Decision{d("Udvalget for Børn & Ungdom", "2019-05-07", corpus.OutcomeNoted)}, corpus.OutcomeNoted, "", ""},
		{"meeting date unknown: the committee's decision", "Økonomiudvalget", "",
			[]corpus.Decision{d("Økonomiudvalget", "2023-11-27", corpus.OutcomeApproved), d("Byrådet", "2023-12-05", corpus.OutcomeRecommended)},
			corpus.OutcomeApproved, "", "2023-11-27"},
		{"committee unknown: the decision of the meeting's date", "", "2023-11-27",
			[]corpus.Decision{d("Magistraten", "2023-11-20", corpus.OutcomeRecommended), d("Byrådet", "2023-11-27", corpus.OutcomeApproved)},
			corpus.OutcomeApproved, "Byrådet", ""},
		{"later decision printed after the meeting's", "Teknisk Udvalg", "2025-09-22",
			[]corpus.Decision{d("Teknisk Udvalg", "2025-09-22", corpus.OutcomePostponed), d("Teknisk Udvalg", "2025-10-01", corpus.OutcomeApproved)},
			corpus.OutcomePostponed, "", ""},
		{"only earlier meetings' decisions", "Aarhus Byråd", "2025-10-08",
			[]corpus.Decision{d("Magistraten", "2025-09-30", corpus.OutcomeApproved)}, "", "", ""},
		{"nothing known: the decision as printed", "", "",
			[]corpus.Decision{d("", "", corpus.OutcomeDiscussed)}, corpus.OutcomeDiscussed, "", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			rec := corpus.Record{Committee: c.committee, Meeting: corpus.Meeting{Date: c.date}, Items: []corpus.Item{{Decisions: c.decisions}}}
			itemOutcomes(&rec)
			it := rec.Items[0]
			if it.Outcome != c.outcome || it.DecidedBy != c.decidedBy || it.DecidedOn != c.decidedOn {
				t.Errorf("got %q by %q on %q; want %q by %q on %q", it.Outcome, it.DecidedBy, it.DecidedOn, c.outcome, c.decidedBy, c.decidedOn)
			}
		})
	}
}

func findItem(rec corpus.Record, prefix string) *corpus.Item {
	for i := range rec.Items {
		if len(rec.Items[i].Title) >= len(prefix) && rec.Items[i].Title[:len(prefix)] == prefix {
			return &rec.Items[i]
		}
	}
	return nil
}

func itemTitles(rec corpus.Record) string {
	var s string
	for _, it := range rec.Items {
		s += fmt.Sprintf("\n  %d %q", it.Number, it.Title)
	}
	return s
}

func decisionList(ds []corpus.Decision) string {
	var s string
	for _, d := range ds {
		s += fmt.Sprintf(" [%s %s %s]", d.Body, d.Date, d.Outcome)
	}
	return s
}

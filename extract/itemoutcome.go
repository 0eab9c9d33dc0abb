package extract

import (
	"referat/corpus"
	"referat/extract/danish"
)

// itemOutcomes sets each item's Outcome from the decision of the meeting
// the record is of. An item's decisions also hold earlier bodies'
// decisions printed with it (Aarhus' "Sagsforløb", Greve's history, a
// Lejre point's earlier committees): a Byråd agenda item Magistraten
// approved a week before is not approved, and has no outcome until the
// Byråd decides.
func itemOutcomes(rec *corpus.Record) {
	for i := range rec.Items {
		it := &rec.Items[i]
		it.Outcome, it.DecidedBy, it.DecidedOn = "", "", ""
		d := ownDecision(rec, it.Decisions)
		if d == nil {
			continue
		}
		it.Outcome = d.Outcome
		if d.Body != "" && danish.CommitteeKey(d.Body) != danish.CommitteeKey(rec.Committee) {
			it.DecidedBy = d.Body
		}
		if d.Date != "" && d.Date != rec.Meeting.Date {
			it.DecidedOn = d.Date
		}
	}
}

// ownDecision returns the last of decisions that is the record's
// meeting's: dated the meeting's date where both dates are known, else
// taken by the meeting's committee where both bodies are known, else
// (nothing tells it from another meeting's) the decision as printed.
func ownDecision(rec *corpus.Record, decisions []corpus.Decision) *corpus.Decision {
	date, committee := rec.Meeting.Date, danish.CommitteeKey(rec.Committee)
	for i := len(decisions) - 1; i >= 0; i-- {
		d := &decisions[i]
		if d.Outcome == "" {
			continue
		}
		switch {
		case d.Date != "" && date != "":
			if d.Date == date {
				return d
			}
		case d.Body != "" && committee != "":
			if danish.CommitteeKey(d.Body) == committee {
				return d
			}
		default:
			return d
		}
	}
	return nil
}

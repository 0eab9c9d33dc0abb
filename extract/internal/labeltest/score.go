package labeltest

import (
	"fmt"
	"slices"
	"strings"

	"referat/corpus"
)

// Score checks every labelled fact of lab against rec into t, as score.py's
// score_doc does.
func Score(rec corpus.Record, lab Label, t *Tally) {
	t.Check(string(rec.Kind) == lab.Kind, "kind %q != %q", rec.Kind, lab.Kind)
	if lab.Municipality != nil {
		t.Check(Norm(rec.Municipality) == Norm(*lab.Municipality), "municipality %q != %q", rec.Municipality, *lab.Municipality)
	}
	if lab.Committee != nil {
		got, want := Norm(rec.Committee), Norm(*lab.Committee)
		t.Check(got != "" && (got == want || strings.Contains(got, want) || strings.Contains(want, got)), "committee %q != %q", rec.Committee, *lab.Committee)
	}
	m := rec.Meeting
	if lab.MeetingDate != nil {
		t.Check(m.Date == *lab.MeetingDate, "meeting date %q != %q", m.Date, *lab.MeetingDate)
	}
	if lab.MeetingTime != nil {
		t.Check(m.Time == *lab.MeetingTime, "meeting time %q != %q", m.Time, *lab.MeetingTime)
	}
	if lab.Location != nil {
		t.Check(Norm(m.Location) == Norm(*lab.Location), "location %q != %q", m.Location, *lab.Location)
	}
	if lab.Participants != nil {
		t.Check(len(m.Participants) == *lab.Participants, "participants %d != %d", len(m.Participants), *lab.Participants)
	}
	if lab.Items != nil {
		scoreItems(rec.Items, *lab.Items, t)
	}
	if lab.Letter != nil {
		scoreLetter(rec, *lab.Letter, t)
	}
}

func scoreItems(items []corpus.Item, labs []Item, t *Tally) {
	t.Check(len(items) == len(labs), "item count %d != %d", len(items), len(labs))
	for i, li := range labs {
		var it *corpus.Item
		tag := fmt.Sprintf("item %d", i+1)
		if li.Number != nil {
			tag = fmt.Sprintf("item %d", *li.Number)
			for k := range items {
				if items[k].Number == *li.Number {
					it = &items[k]
					break
				}
			}
		} else if i < len(items) {
			it = &items[i]
		}
		if it == nil {
			for n := li.facts(); n > 0; n-- {
				t.Check(false, "%s missing", tag)
			}
			continue
		}
		if li.Title != nil {
			t.Check(Similar(it.Title, *li.Title), "%s title %q", tag, it.Title)
		}
		if li.Prefix != nil {
			t.Check(it.Prefix == *li.Prefix, "%s prefix %q != %q", tag, it.Prefix, *li.Prefix)
		}
		if li.CaseNumbers != nil {
			t.Check(sameSet(caseSet(rawsOf(it.CaseNumbers)), caseSet(*li.CaseNumbers)), "%s case numbers %q != %q", tag, rawsOf(it.CaseNumbers), *li.CaseNumbers)
		}
		var outcomes, dates []string
		for _, d := range it.Decisions {
			outcomes = append(outcomes, string(d.Outcome))
			dates = append(dates, d.Date)
		}
		if li.Outcomes != nil {
			t.Check(slices.Equal(outcomes, *li.Outcomes), "%s outcomes %q != %q", tag, outcomes, *li.Outcomes)
		}
		if li.DecisionDates != nil {
			t.Check(slices.Equal(dates, *li.DecisionDates), "%s decision dates %q != %q", tag, dates, *li.DecisionDates)
		}
		if li.Tables != nil {
			t.Check(len(it.Tables) == *li.Tables, "%s tables %d != %d", tag, len(it.Tables), *li.Tables)
		}
		if li.Attachments != nil {
			t.Check(len(it.Attachments) == *li.Attachments, "%s attachments %d != %d", tag, len(it.Attachments), *li.Attachments)
		}
	}
}

func scoreLetter(rec corpus.Record, ll Letter, t *Tally) {
	L := rec.Letter
	if L == nil {
		L = &corpus.Letter{}
	}
	for _, f := range []struct {
		name      string
		got, want *string
	}{{"sender", &L.Sender, ll.Sender}, {"recipient", &L.Recipient, ll.Recipient}, {"signed_by", &L.SignedBy, ll.SignedBy}} {
		if f.want != nil {
			t.Check(Norm(*f.got) == Norm(*f.want), "letter %s %q != %q", f.name, *f.got, *f.want)
		}
	}
	if ll.Date != nil {
		t.Check(L.Date == *ll.Date, "letter date %q != %q", L.Date, *ll.Date)
	}
	if ll.JournalNumbers != nil {
		t.Check(subset(caseSet(*ll.JournalNumbers), caseSet(L.JournalNumbers)), "journal numbers %q", L.JournalNumbers)
	}
	if ll.LawsCited != nil {
		t.Check(len(L.LawsCited) >= *ll.LawsCited, "laws cited %q", L.LawsCited)
	}
	if ll.CaseNumbers != nil {
		all := caseSet(rawsOf(L.CaseNumbers))
		for _, it := range rec.Items {
			for k := range caseSet(rawsOf(it.CaseNumbers)) {
				all[k] = true
			}
		}
		t.Check(subset(caseSet(*ll.CaseNumbers), all), "letter case numbers %v", all)
	}
}

// caseSet is score.py's case_set: case numbers normalised, without spaces.
func caseSet(raws []string) map[string]bool {
	out := map[string]bool{}
	for _, r := range raws {
		out[strings.ReplaceAll(Norm(r), " ", "")] = true
	}
	return out
}

func rawsOf(cs []corpus.CaseNumber) []string {
	var out []string
	for _, c := range cs {
		out = append(out, c.Raw)
	}
	return out
}

func sameSet(a, b map[string]bool) bool {
	return len(a) == len(b) && subset(a, b)
}

func subset(a, b map[string]bool) bool {
	for k := range a {
		if !b[k] {
			return false
		}
	}
	return true
}

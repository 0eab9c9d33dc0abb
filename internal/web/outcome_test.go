package web

import (
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"referat/corpus"
	"referat/index"
)

// TestSharedAgendaItemHasNoOutcome is the Aarhus case of issue 11: Byrådet's
// agenda item "Budgetforslag Ældre og sundhed" of 8 October 2025 prints
// Magistraten's approval of 30 September. Neither its page nor its search
// hit may show that as the item's outcome; the page shows the decisions
// as a dated timeline, oldest first.
func TestSharedAgendaItemHasNoOutcome(t *testing.T) {
	rf := sharedServer(t)
	rec, it := storedItem(t, rf, "Aarhus Byråd", "2025-10-08", "Budgetforslag Ældre og sundhed")
	page := "/items/" + index.ItemID(rec.ID, it.Number, 0)
	res, body := get(t, rf.srv, page)
	wantStatus(t, page, res, http.StatusOK)
	if strings.Contains(body, `class="itemoutcome"`) {
		t.Errorf("GET %s shows an outcome for an item Byrådet has not decided", page)
	}
	containsAll(t, page, body, "Mødet har ikke truffet beslutning på punktet", `<ol class="timeline">`)
	var dates []string
	for _, m := range regexp.MustCompile(`<time class="ddate" datetime="([0-9-]+)">`).FindAllStringSubmatch(body, -1) {
		dates = append(dates, m[1])
	}
	if want := []string{"2025-09-02", "2025-09-10", "2025-09-16", "2025-09-30"}; strings.Join(dates, " ") != strings.Join(want, " ") {
		t.Errorf("GET %s: timeline dates %v; want %v", page, dates, want)
	}

	search := "/?q=" + url.QueryEscape(`"Budgetforslag Ældre og sundhed"`)
	_, body = get(t, rf.srv, search)
	if !strings.Contains(body, "Budgetforslag Ældre og sundhed") {
		t.Fatalf("GET %s: the item is not found", search)
	}
	if strings.Contains(body, `class="badge o-`) {
		t.Errorf("GET %s: a hit shows an outcome badge; the agenda's items are undecided", search)
	}
}

// TestItemOutcomeNamesOtherBody checks that a badge names the deciding
// body and date where they are not the meeting's.
func TestItemOutcomeNamesOtherBody(t *testing.T) {
	got := string(itemOutcome(corpus.OutcomeApproved, "Magistraten", "2025-09-30"))
	for _, want := range []string{`class="badge o-approved">Godkendt<`, "Magistraten 30. september 2025"} {
		if !strings.Contains(got, want) {
			t.Errorf("itemOutcome = %s; want it to contain %s", got, want)
		}
	}
	if got := string(itemOutcome(corpus.OutcomeApproved, "", "")); strings.Contains(got, "decidedby") {
		t.Errorf("itemOutcome of the meeting's own decision = %s; want the badge alone", got)
	}
}

// storedRecords returns every record of the real corpus's store.
func storedRecords(t *testing.T, rf *realFixture) []*corpus.Record {
	t.Helper()
	ids, err := rf.p.Store.RecordIDs()
	if err != nil {
		t.Fatal(err)
	}
	recs := make([]*corpus.Record, 0, len(ids))
	for _, id := range ids {
		rec, err := rf.p.Store.Record(id)
		if err != nil {
			t.Fatal(err)
		}
		recs = append(recs, rec)
	}
	return recs
}

// storedItem finds the item of a stored record by committee, meeting
// date and title.
func storedItem(t *testing.T, rf *realFixture, committee, date, title string) (*corpus.Record, *corpus.Item) {
	t.Helper()
	for _, rec := range storedRecords(t, rf) {
		if rec.Committee != committee || rec.Meeting.Date != date {
			continue
		}
		for i := range rec.Items {
			if rec.Items[i].Title == title {
				return rec, &rec.Items[i]
			}
		}
	}
	t.Fatalf("no stored item %q of %s %s", title, committee, date)
	return nil, nil
}

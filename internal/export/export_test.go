package export

import (
	"bytes"
	"encoding/csv"
	"strings"
	"testing"

	"referat/corpus"
	"referat/index"
)

func TestCellsNeutraliseFormulas(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"},
		{"+45 12345678", "'+45 12345678"},
		{"@SUM(A1)", "'@SUM(A1)"},
		{"-A1+B1", "'-A1+B1"},
		{"- punkt", "- punkt"},
		{"-1.000 kr.", "-1.000 kr."},
		{"Godkendt", "Godkendt"},
		{"", ""},
	} {
		if got := cells(c.in)[0]; got != c.want {
			t.Errorf("cells(%q) = %q; want %q", c.in, got, c.want)
		}
	}
}

func TestItemFindsRepeatedNumbers(t *testing.T) {
	rec := &corpus.Record{ID: strings.Repeat("a", 64), Items: []corpus.Item{{Number: 1, Title: "a"}, {Number: 2, Title: "b"}, {Number: 2, Title: "c"}}}
	for _, c := range []struct {
		id, want string
	}{
		{index.ItemID(rec.ID, 1, 0), "a"},
		{index.ItemID(rec.ID, 2, 0), "b"},
		{index.ItemID(rec.ID, 2, 1), "c"},
	} {
		it := Item(rec, index.Hit{ID: c.id, Type: index.TypeItem})
		if it == nil || it.Title != c.want {
			t.Errorf("Item(%s) = %v; want %q", c.id, it, c.want)
		}
	}
	if it := Item(rec, index.Hit{ID: rec.ID + "/9", Type: index.TypeItem}); it != nil {
		t.Errorf("Item of an unknown number = %v; want nil", it)
	}
}

func TestWriterRow(t *testing.T) {
	rec := &corpus.Record{ID: strings.Repeat("b", 64), Source: corpus.Source{URL: "https://lejre.dk/referat.pdf"}, Items: []corpus.Item{{
		Number: 7, Title: "Sø og å",
		Decisions: []corpus.Decision{
			{Body: "Økonomiudvalget", Date: "2024-01-30", Text: "Anbefales.", Outcome: corpus.OutcomeRecommended},
			{Body: "Byrådet", Date: "2024-02-06", Text: "Godkendt;\nmed bemærkning.", Outcome: corpus.OutcomeApproved},
		},
	}}}
	h := index.Hit{ID: index.ItemID(rec.ID, 7, 0), Type: index.TypeItem, RecordID: rec.ID, ItemNumber: 7, Municipality: "Lejre Kommune", Committee: "Byrådet", Date: "2024-02-06", Title: "Sø og å", Outcome: "approved", CaseNumbers: []string{"23-002364", "19/3742"}}
	var b bytes.Buffer
	w, err := NewWriter(&b, "http://localhost:8080/")
	if err != nil {
		t.Fatal(err)
	}
	if err := w.Hit(h, rec); err != nil {
		t.Fatal(err)
	}
	w.Flush()
	if !bytes.HasPrefix(b.Bytes(), []byte("\xef\xbb\xbfKommune;Udvalg;")) {
		t.Errorf("export begins %q; want a BOM and the header", b.String()[:20])
	}
	r := csv.NewReader(strings.NewReader(strings.TrimPrefix(b.String(), "\ufeff")))
	r.Comma = ';'
	rows, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"Lejre Kommune", "Byrådet", "2024-02-06", "7", "Sø og å", "approved", "Byrådet", "2024-02-06", "Godkendt; med bemærkning.", "23-002364, 19/3742", "http://localhost:8080/items/" + h.ID, "https://lejre.dk/referat.pdf"}
	if got := rows[1]; strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("row\n%q\nwant\n%q", got, want)
	}
}

// TestDecisionIsTheMeetingsOwn: where extract marked the item's outcome,
// the decision is that of the item's own meeting, not a later-printed one
// of another body with the same outcome.
func TestDecisionIsTheMeetingsOwn(t *testing.T) {
	rec := &corpus.Record{Committee: "Økonomiudvalget", Meeting: corpus.Meeting{Date: "2024-01-30"}}
	it := &corpus.Item{Outcome: corpus.OutcomeRecommended, Decisions: []corpus.Decision{
		{Body: "Økonomiudvalget", Date: "2024-01-30", Text: "Anbefales.", Outcome: corpus.OutcomeRecommended},
		{Body: "Byrådet", Date: "2024-02-06", Text: "Anbefales over for ...", Outcome: corpus.OutcomeRecommended},
	}}
	if d := Decision(rec, it, "recommended"); d == nil || d.Body != "Økonomiudvalget" {
		t.Errorf("Decision = %+v; want the meeting's own (Økonomiudvalget)", d)
	}
	it.DecidedBy, it.DecidedOn = "Byrådet", "2024-02-06"
	if d := Decision(rec, it, "recommended"); d == nil || d.Body != "Byrådet" {
		t.Errorf("Decision with DecidedBy = %+v; want Byrådet's", d)
	}
	if d := Decision(rec, &corpus.Item{}, ""); d != nil {
		t.Errorf("Decision of an undecided item = %+v; want nil", d)
	}
}

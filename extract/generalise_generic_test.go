package extract

import (
	"context"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"referat/corpus"
	"referat/ingest"
	"referat/internal/testdocx"
)

// This file holds the metamorphic tests of the generic recogniser: one
// meeting printed in each usual Danish header vocabulary, numbering style
// and section-label layout must give one record. A difference is a rule
// that knows one template rather than what minutes have in common.

// genericHeaders print the header of the meeting of genericMeeting:
// 14 March 2024, 13:00, in "Mødelokale 2, Rådhuset", three members
// present and one absent.
var genericHeaders = map[string]string{
	"dato-tid-sted": "Dato: 14. marts 2024\nTid: 13.00 - 15.00\nSted: Mødelokale 2, Rådhuset\n" +
		"Deltagere: Anne Kjær Jensen, Bo Vestergaard, Camilla Holm\nAfbud: Dennis Lauritsen\nReferent: Henrik Bach",
	"mødedato-kl": "Mødedato: 14.03.2024\nKl.: 13.00\nMødested: Mødelokale 2, Rådhuset\n" +
		"Mødedeltagere: Anne Kjær Jensen, Bo Vestergaard, Camilla Holm\nFraværende: Dennis Lauritsen",
	"weekday-one-per-line": "Mødedato: torsdag den 14. marts 2024 kl. 13.00\nMødested: Mødelokale 2, Rådhuset\n\n" +
		"Medlemmer:\nAnne Kjær Jensen\nBo Vestergaard\nCamilla Holm\n\nAfbud:\nDennis Lauritsen",
	"table-cells": "Dato:\t14-03-2024\tTid:\t13:00\nSted:\tMødelokale 2, Rådhuset\n" +
		"Til stede:\tAnne Kjær Jensen, Bo Vestergaard, Camilla Holm\nFraværende:\tDennis Lauritsen",
	"no-colons": "Dato 14. marts 2024\nTidspunkt kl. 13.00\nLokale Mødelokale 2, Rådhuset\n" +
		"Tilstede Anne Kjær Jensen, Bo Vestergaard, Camilla Holm\nIkke til stede Dennis Lauritsen",
	"tilstede-referent": "Mødedato: 14. marts 2024\nMødetidspunkt: 13:00-15:00\nMødested: Mødelokale 2, Rådhuset\n" +
		"Tilstede: Anne Kjær Jensen, Bo Vestergaard, Camilla Holm\nAfbud fra: Dennis Lauritsen\nReferent: Henrik Bach",
}

// genericNumberings print a point's number: top-level n, or sub-point
// n.k.
var genericNumberings = map[string]func(label, title string) string{
	"bare":         func(l, t string) string { return l + " " + t },
	"dot":          func(l, t string) string { return l + ". " + t },
	"paren":        func(l, t string) string { return l + ") " + t },
	"punkt":        func(l, t string) string { return "Punkt " + l + ": " + t },
	"pkt":          func(l, t string) string { return "Pkt. " + l + " " + t },
	"sag":          func(l, t string) string { return "Sag " + l + " - " + t },
	"number-alone": func(l, t string) string { return l + ".\n" + t },
	"tab":          func(l, t string) string { return l + ".\t" + t },
}

// genericPoint is one point of the meeting: its number as printed and
// its sections, each a label and its text.
type genericPoint struct {
	label, title string
	sections     [][2]string
}

var genericMeeting = []genericPoint{
	{"1", "Godkendelse af dagsorden", [][2]string{{"Referat", "Dagsordenen blev godkendt."}}},
	{"2", "Status på projektet", [][2]string{{"Oplæg", "Projektlederen gennemgik status. Projektet følger tidsplanen."}}},
	{"2.1", "Tidsplan", [][2]string{{"Referat", "Første fase afsluttes i uge 18."}, {"Beslutning", "Taget til efterretning."}}},
	{"2.2", "Budget", [][2]string{{"Indstilling", "Det indstilles, at styregruppen godkender budgettet."}, {"Beslutning", "Godkendt."}}},
	{"3", "Eventuelt", [][2]string{{"", "Intet."}}},
}

// genericText prints the meeting with a header, a numbering and the
// section labels on their own line or inline ("Beslutning: Godkendt.").
func genericText(header string, number func(label, title string) string, inline bool) string {
	var b strings.Builder
	b.WriteString("Referat\n\nStyregruppen for digitalisering\n\n" + header + "\n\n")
	for _, p := range genericMeeting {
		b.WriteString(number(p.label, p.title) + "\n")
		for _, s := range p.sections {
			switch {
			case s[0] == "":
				b.WriteString(s[1] + "\n")
			case inline:
				b.WriteString(s[0] + ": " + s[1] + "\n")
			default:
				b.WriteString(s[0] + ":\n" + s[1] + "\n")
			}
		}
		b.WriteString("\n")
	}
	b.WriteString("Mødet hævet kl. 14.45.\n")
	return b.String()
}

// genericView is what must not change between the printings: the
// metamorphic view plus labels, section headings and texts, decision
// texts and recommendations, and the names of who met.
type genericView struct {
	mview
	Participants []string
	Labels       []string
	Sections     [][]corpus.Section
	Decisions    [][]string
	Recommend    [][]string
}

func genericViewOf(rec corpus.Record) genericView {
	v := genericView{mview: viewOf(rec), Participants: rec.Meeting.Participants}
	for _, it := range rec.Items {
		v.Labels = append(v.Labels, it.Label)
		v.Sections = append(v.Sections, it.Sections)
		var ds []string
		for _, d := range it.Decisions {
			ds = append(ds, d.Body+" | "+d.Date+" | "+d.Text)
		}
		v.Decisions = append(v.Decisions, ds)
		v.Recommend = append(v.Recommend, it.Recommendations)
	}
	return v
}

// TestMetamorphicGenericForms prints one meeting in every header
// vocabulary, numbering style and section layout, and checks that each
// printing gives the record of the first, and that the first is right.
func TestMetamorphicGenericForms(t *testing.T) {
	record := func(text string) corpus.Record {
		return Record(corpus.Document{Text: text, Format: corpus.FormatText, Source: corpus.Source{Path: "generic.txt"}})
	}
	base := record(genericText(genericHeaders["dato-tid-sted"], genericNumberings["bare"], false))
	want := genericViewOf(base)
	// The base itself, against what the meeting is.
	if want.Kind != "referat" || want.Date != "2024-03-14" || want.Time != "13:00" || want.Location != "Mødelokale 2, Rådhuset" ||
		!reflect.DeepEqual(want.Participants, []string{"Anne Kjær Jensen", "Bo Vestergaard", "Camilla Holm"}) ||
		!reflect.DeepEqual(want.Absent, []string{"Dennis Lauritsen"}) {
		t.Fatalf("base record: %+v", want.mview)
	}
	if !reflect.DeepEqual(want.Labels, []string{"", "", "2.1", "2.2", ""}) || len(want.Items) != 5 ||
		want.Items[2].Number != 2 || want.Items[4].Title != "Eventuelt" ||
		!reflect.DeepEqual(want.Items[2].Outcomes, []string{"noted"}) || !reflect.DeepEqual(want.Items[3].Outcomes, []string{"approved"}) ||
		want.Sections[1][0].Heading != "Oplæg" || want.Sections[0][0].Heading != "Referat" ||
		len(want.Recommend[3]) != 1 || strings.Contains(want.Sections[4][0].Text, "hævet") {
		t.Fatalf("base record's points: %+v\nlabels %q\nsections %+v", want.Items, want.Labels, want.Sections)
	}
	passed, total := 0, 0
	for hname, header := range genericHeaders {
		for nname, number := range genericNumberings {
			for _, inline := range []bool{false, true} {
				name := fmt.Sprintf("%s/%s/inline=%v", hname, nname, inline)
				total++
				got := genericViewOf(record(genericText(header, number, inline)))
				diff := diffViews(got.mview, want.mview)
				for _, f := range []string{"Participants", "Labels", "Sections", "Decisions", "Recommend"} {
					g, w := reflect.ValueOf(got).FieldByName(f).Interface(), reflect.ValueOf(want).FieldByName(f).Interface()
					if !reflect.DeepEqual(g, w) {
						diff = append(diff, fmt.Sprintf("%s: got %+v; want %+v", f, g, w))
					}
				}
				if len(diff) > 0 {
					t.Errorf("%s:\n\t%s", name, strings.Join(diff, "\n\t"))
					continue
				}
				passed++
			}
		}
	}
	t.Logf("generic forms: %d/%d printings give the base record", passed, total)
}

// TestGenericNotMinutes checks the other side: the same numbered
// sections under a note's header (a date, a recipient, a sender) are not
// minutes, and the record says so instead of inventing points.
func TestGenericNotMinutes(t *testing.T) {
	text := genericText("Dato: 14. marts 2024\nTil: Direktionen\nFra: Digitalisering", genericNumberings["dot"], false)
	text = strings.Replace(text, "Referat\n\n", "Notat\n\n", 1)
	// A note's sections, not a meeting's.
	text = strings.NewReplacer("Beslutning:", "Bemærkning:", "Indstilling:", "Anbefaling:", "Referat:", "Status:").Replace(text)
	rec := Record(corpus.Document{Text: text, Format: corpus.FormatText})
	if rec.Kind != corpus.KindUnknown || len(rec.Items) != 0 || rec.Meeting.Date != "" {
		t.Errorf("note: kind %q, %d items, meeting %+v; want unknown, none", rec.Kind, len(rec.Items), rec.Meeting)
	}
	found := false
	for _, w := range rec.Warnings {
		found = found || strings.Contains(w, "not recognised")
	}
	if !found {
		t.Errorf("note: no warning that it was not recognised: %q", rec.Warnings)
	}
}

// TestDocxMinutes reads the synthetic Acadre-style referat exported as
// DOCX (internal/testdocx) through ingest: the date and time printed only
// in the page header, the place only in a text box, participants and
// absentees, three points whose table of contents (a TOC field) agrees
// with them, and the last point's attachments without the signature
// page's names.
func TestDocxMinutes(t *testing.T) {
	doc, err := ingest.Read(context.Background(), testdocx.Minutes(), corpus.Source{Path: "referat.docx"}, ingest.Options{})
	if err != nil {
		t.Fatal(err)
	}
	rec := Record(doc)
	want := corpus.Meeting{
		Date: "2013-06-20", Time: "16:00", Location: "Byrådssalen, Rådhuset, Ebeltoft",
		Participants: []string{"Anne Kjær Jensen (A)", "Bo Vestergaard (V)", "Camilla Holm (F)"},
		Absent:       []string{"Dennis Lauritsen (O)"},
	}
	if rec.Kind != corpus.KindReferat || rec.Committee != "Udvalget for Plan, Udvikling og Kultur" || !reflect.DeepEqual(rec.Meeting, want) {
		t.Errorf("kind %q, committee %q, meeting %+v;\nwant referat, Udvalget for Plan, Udvikling og Kultur, %+v", rec.Kind, rec.Committee, rec.Meeting, want)
	}
	var titles []string
	for _, it := range rec.Items {
		titles = append(titles, it.Title)
	}
	if want := []string{"Godkendelse af dagsorden", "Kulturkommune 2017", "Politik for Kultur og Fritid"}; !reflect.DeepEqual(titles, want) {
		t.Fatalf("points %q; want %q", titles, want)
	}
	if got, want := rec.Items[2].Attachments, []string{"Politik for Kultur og Fritid - Lokalt engagement", "Opsamlingsnotat. Temamøde 20.09.2012"}; !reflect.DeepEqual(got, want) {
		t.Errorf("last point's attachments %q; want %q (no signature page)", got, want)
	}
	for _, w := range rec.Warnings {
		if strings.Contains(w, "table of contents") {
			t.Errorf("warning %q: the TOC field's code was read as an entry", w)
		}
	}
}

// TestDocxNumberedMinutes reads the meeting of TestMetamorphicGenericForms
// from a DOCX whose points Word numbers through heading styles
// (internal/testdocx.NumberedMinutes), its header a table: the same
// meeting, points and sub-points as the text printings.
func TestDocxNumberedMinutes(t *testing.T) {
	doc, err := ingest.Read(context.Background(), testdocx.NumberedMinutes(), corpus.Source{Path: "referat.docx"}, ingest.Options{})
	if err != nil {
		t.Fatal(err)
	}
	got := genericViewOf(Record(doc))
	want := genericViewOf(Record(corpus.Document{Text: genericText(genericHeaders["dato-tid-sted"], genericNumberings["bare"], false), Format: corpus.FormatText}))
	diff := diffViews(got.mview, want.mview)
	if !reflect.DeepEqual(got.Labels, want.Labels) {
		diff = append(diff, fmt.Sprintf("labels %q; want %q", got.Labels, want.Labels))
	}
	if !reflect.DeepEqual(got.Participants, want.Participants) {
		diff = append(diff, fmt.Sprintf("participants %q; want %q", got.Participants, want.Participants))
	}
	if len(diff) > 0 {
		t.Errorf("DOCX numbered by Word:\n\t%s", strings.Join(diff, "\n\t"))
	}
}

package minutes

import (
	"os"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"referat/corpus"
)

// TestGenericSBSYSReferat reads the synthetic SBSYS-style internal
// referat (see ../testdata/generic/PROVENANCE.md): a plain labelled
// header, the agenda listed before the points, points and sub-points
// numbered "2" and "2.1", section labels "Oplæg:", "Referat:",
// "Indstilling:", "Beslutning:", and "Mødet hævet" after the last point.
func TestGenericSBSYSReferat(t *testing.T) {
	b, err := os.ReadFile("../testdata/generic/sbsys-styregruppe-referat.txt")
	if err != nil {
		t.Fatal(err)
	}
	m := Parse(string(b))
	if m.Kind != corpus.KindReferat {
		t.Fatalf("kind %q; want referat (warnings %q)", m.Kind, m.Warnings)
	}
	wantMeeting := corpus.Meeting{
		Date: "2024-03-14", Time: "13:00",
		Location:     "Mødelokale 2, Rådhuset, Lundbergsvej 2, 8400 Ebeltoft",
		Participants: []string{"Anne Kjær Jensen", "Bo Vestergaard", "Camilla Holm", "Dennis Lauritsen", "Eva Birk"},
		Absent:       []string{"Frederik Dahl", "Gitte Mortensen"},
	}
	if !reflect.DeepEqual(m.Meeting, wantMeeting) {
		t.Errorf("meeting %+v;\nwant %+v", m.Meeting, wantMeeting)
	}
	type point struct {
		number          int
		label, title    string
		headings        []string
		outcomes        []corpus.Outcome
		recommendations int
	}
	want := []point{
		{1, "", "Godkendelse af dagsorden", []string{"Referat"}, nil, 0},
		{2, "", "First Agenda", []string{"Oplæg"}, nil, 0},
		{2, "2.1", "Status siden sidst", []string{"Referat", "Beslutning"}, []corpus.Outcome{corpus.OutcomeNoted}, 0},
		{2, "2.2", "Uddannelse af sekretærer", []string{"Indstilling", "Beslutning"}, []corpus.Outcome{corpus.OutcomeApproved}, 1},
		{3, "", "Økonomi", []string{"Oplæg", "Referat"}, nil, 0},
		{4, "", "Eventuelt", []string{""}, nil, 0},
	}
	var got []point
	for _, it := range m.Items {
		p := point{number: it.Number, label: it.Label, title: it.Title, recommendations: len(it.Recommendations)}
		for _, s := range it.Sections {
			p.headings = append(p.headings, s.Heading)
		}
		for _, d := range it.Decisions {
			p.outcomes = append(p.outcomes, d.Outcome)
		}
		got = append(got, p)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("points\n got %+v\nwant %+v", got, want)
	}
	last := m.Items[len(m.Items)-1]
	if strings.Contains(last.Sections[0].Text, "hævet") {
		t.Errorf("the last point keeps the closing line: %q", last.Sections[0].Text)
	}
}

// TestGenericNeedsMeetingHeader checks that numbered lines make points
// only under a meeting's header: a note with a date and numbered
// sections, and a letter with a date and an address, stay without points,
// and the same note with who met becomes minutes.
func TestGenericNeedsMeetingHeader(t *testing.T) {
	body := "\n\n1. Indledning\nNotatet beskriver status.\n\n2. Baggrund\nByrådet besluttede i 2023 at ...\n\n3. Anbefaling\nDet anbefales at fortsætte.\n"
	for _, tt := range []struct {
		name, head string
		points     int
	}{
		{"note", "Notat\n\nDato: 3. april 2024\nTil: Direktionen\nFra: Center for Økonomi", 0},
		{"letter", "Ebeltoft, den 3. april 2024\n\nBorgerservice\nLundbergsvej 2", 0},
		{"date and time only", "Dato: 3. april 2024\nTid: 10.00", 0},
		{"meeting", "Dato: 3. april 2024\nDeltagere: Anne Jensen, Bo Madsen\nAfbud: Carl Holm", 3},
		{"meeting by time and place", "Mødedato: 3. april 2024\nKl.: 10.00-12.00\nMødested: Rådhuset", 3},
	} {
		t.Run(tt.name, func(t *testing.T) {
			m := Parse(tt.head + body)
			if len(m.Items) != tt.points {
				t.Errorf("%d points; want %d", len(m.Items), tt.points)
			}
			if tt.points == 0 && m.Kind != corpus.KindUnknown {
				t.Errorf("kind %q; want unknown", m.Kind)
			}
		})
	}
}

// TestGenericNumbering checks the runs of numbers that make points: a
// numbered list inside a point, a number that does not follow, a date
// or a sentence starting with a number are text of a point.
func TestGenericNumbering(t *testing.T) {
	const head = "Referat\n\nDato: 3. april 2024\nDeltagere: Anne Jensen, Bo Madsen\n\n"
	tests := []struct {
		name, body string
		labels     []string // the printed numbers of the points found
	}{
		{"bare", "1 Godkendelse\nTekst.\n\n2 Status\nTekst.\n\n3 Eventuelt\nIntet.", []string{"1", "2", "3"}},
		{"dotted with sub-points", "1. Godkendelse\nTekst.\n\n1.1 Valg af ordstyrer\nTekst.\n\n1.2 Referat fra sidst\nTekst.\n\n2. Eventuelt\nIntet.", []string{"1", "1.1", "1.2", "2"}},
		{"punkt with sub-points", "Punkt 1: Godkendelse\nTekst.\n\nPunkt 1.1: Valg af ordstyrer\nTekst.\n\nPunkt 2: Eventuelt\nIntet.", []string{"1", "1.1", "2"}},
		{"sag", "Sag 1 - Godkendelse\nTekst.\n\nSag 2 - Eventuelt\nIntet.", []string{"1", "2"}},
		{"pkt", "Pkt. 1 Godkendelse\nTekst.\n\nPkt. 2 Eventuelt\nIntet.", []string{"1", "2"}},
		{"number alone", "1.\nGodkendelse\nTekst.\n\n2.\nEventuelt\nIntet.", []string{"1", "2"}},
		{"added point", "1 Godkendelse\nTekst.\n\n1a Ekstra punkt\nTekst.\n\n2 Eventuelt\nIntet.", []string{"1", "1a", "2"}},
		{"list inside a point", "1 Godkendelse\nTekst:\n1. Første forhold\n2. Andet forhold\n\n2 Status\nTekst.\n\n3 Eventuelt\nIntet.", []string{"1", "2", "3"}},
		{"style of the points", "1 Godkendelse\nTekst:\n\n2. Andet forhold i en liste\n\n2 Status\nTekst.", []string{"1", "2"}},
		{"dates and sentences", "1 Godkendelse\n14. marts 2024 blev det aftalt.\n3 fejl er rettet.\n\n2 Eventuelt\nIntet.", []string{"1", "2"}},
		{"sub-point out of order", "1 Godkendelse\nTekst.\n\n1.2 Forkert\nTekst.\n\n2 Eventuelt\nIntet.", []string{"1", "2"}},
		{"one point is not a run", "1 Godkendelse\nTekst.", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := Parse(head + tt.body)
			var got []string
			for _, it := range m.Items {
				l := it.Label
				if l == "" {
					l = strconv.Itoa(it.Number)
				}
				got = append(got, l)
			}
			if !reflect.DeepEqual(got, tt.labels) {
				t.Errorf("points %q; want %q", got, tt.labels)
			}
		})
	}
}

// TestMinutesEnd checks that the last point ends where the minutes do:
// at the closing line, a signature heading, or the lines to sign on,
// so that names of signatories are not the last point's attachments.
func TestMinutesEnd(t *testing.T) {
	const head = "Referat\n\nDato: 3. april 2024\nDeltagere: Anne Jensen, Bo Madsen\n\n1 Godkendelse\nGodkendt.\n\n2 Budget\nBilag:\nBudgetnotat 2024\nTidsplan\n\n"
	for _, end := range []string{
		"Mødet hævet kl. 17.10\n\nAnne Jensen\nBo Madsen",
		"Underskrifter\n\nAnne Jensen\nBo Madsen",
		"Anne Jensen\t______________\nBo Madsen\t______________",
		"________________\nAnne Jensen, formand",
	} {
		m := Parse(head + end)
		if len(m.Items) != 2 {
			t.Fatalf("%q: %d points; want 2", end, len(m.Items))
		}
		if got, want := m.Items[1].Attachments, []string{"Budgetnotat 2024", "Tidsplan"}; !reflect.DeepEqual(got, want) {
			t.Errorf("after %q: attachments %q; want %q", end, got, want)
		}
	}
}

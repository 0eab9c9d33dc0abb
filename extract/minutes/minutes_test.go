package minutes

import (
	"os"
	"reflect"
	"strings"
	"testing"

	"referat/corpus"
	"referat/internal/testcorpus"
)

func readSeed(t testing.TB, name string) string {
	t.Helper()
	b, err := os.ReadFile(testcorpus.Path("seeds/" + name))
	if err != nil {
		t.Fatalf("read seed: %v", err)
	}
	return string(b)
}

// TestTOCIsNeverAnItem checks on the Lejre seed that the table of contents
// is found, lists every point, and that none of its lines became a point.
func TestTOCIsNeverAnItem(t *testing.T) {
	text := readSeed(t, "000_734b34927aab3490.txt")
	lines := prepare(text)
	toc, ok := findTOC(lines)
	if !ok || len(toc.entries) != 9 {
		t.Fatalf("findTOC: ok=%v, %d entries; want 9", ok, len(toc.entries))
	}
	if got := toc.entries[6].title; got != "SSÆ/BU/JAI - Status på kvartalsplaner på ledelsestilsyn" {
		t.Errorf("entry 7 = %q", got)
	}
	m := Parse(text)
	if len(m.Items) != 9 {
		t.Fatalf("Parse: %d items; want 9", len(m.Items))
	}
	for _, it := range m.Items {
		if strings.Contains(it.Title, ".....") {
			t.Errorf("item %d %q is a TOC line", it.Number, it.Title)
		}
	}
	if len(m.Warnings) != 0 {
		t.Errorf("warnings %q; want none (TOC and points agree)", m.Warnings)
	}
	tables := m.Items[2].Tables
	if len(tables) != 2 || !reflect.DeepEqual(tables[0].Header, []string{"", "2020", "2023"}) || len(tables[0].Rows) != 10 || tables[0].Caption != "Samlet tilfredshed med skolen i alt" {
		t.Errorf("item 3 tables %+v", tables)
	}
}

// ballerupText is the layout of an eDoc referat as a text layer gives it:
// a running header on every page, numbered points with the number alone
// on its line, "Sagsnr.:"/"Dok.nr.:", decisions "<udvalg>s beslutning den".
const ballerupText = `Sundheds- og Forebyggelsesudvalget
Referat
Åbent referat
Dato: 04.12.2012
Side 1

Referat
Sundheds- og Forebyggelsesudvalget
tirsdag den 4. december 2012, kl. 13:00
i Mødecenter C, Lokale 32 på Ballerup Rådhus
Åbent referat
Tilstede
Lolan Ottesen (A) - formand
Birte Kramhøft (F)

Afbud/Fraværende
Karl Vilhelm Nielsen (V)

Sekretær
Mie Helene Andresen
` + "\f" + `Sundheds- og Forebyggelsesudvalget
Referat
Åbent referat
Dato: 04.12.2012
Side 2

INDHOLDSFORTEGNELSE
Åbent referat
1. Meddelelser	3
2. Prioritering af midler til kronisk syge borgere og hverdagsrehabilitering for
ældre	3
` + "\f" + `Sundheds- og Forebyggelsesudvalget
Referat
Åbent referat
Dato: 04.12.2012
Side 3

1.

Meddelelser
Sagsnr.: 2011-29298
Dok.nr.: 2012-202935
a.

Konference den 23. januar 2012
Bilag
2012-208960 - Hvordan udvikler vi det nære
sundhedsvæsen sammen?

b.

Sundheds- og Forebyggelsesudvalgets aktiviteter 2013

Sundheds- og Forebyggelsesudvalgets beslutning den 04.12.2012 Punkt 1
Taget til efterretning

Følgende deltog ikke i behandlingen af punktet:
` + "\f" + `Sundheds- og Forebyggelsesudvalget
Referat
Åbent referat
Dato: 04.12.2012
Side 4

2.

Prioritering af midler til kronisk syge borgere og
hverdagsrehabilitering for ældre
Sagsnr.: 2012-21786
Dok.nr.: 2012-203438
Kommunalbestyrelsen den 30. januar 2012 Punkt 5
Sammendrag
Midlerne foreslås prioriteret.
Bilag
2012-200782 - Bygningsliste og prioriteringssystem
Beslutningen træffes af
Kommunalbestyrelsen
Indstilling
Center for Ejendomme indstiller, at
A)

De foreslåede arbejder godkendes.

B)

Anlægsbevilling på 1.316.000 kr. over projekt nr. 650260,
fremlægges for Økonomiudvalget.

Sundheds- og Forebyggelsesudvalgets beslutning den 04.12.2012 Punkt 2
Anbefales godkendt

Følgende deltog ikke i behandlingen af punktet:
Birte Kramhøft (F)
`

func TestParseEDoc(t *testing.T) {
	m := Parse(ballerupText)
	if m.Kind != corpus.KindReferat || m.Committee != "Sundheds- og Forebyggelsesudvalget" {
		t.Errorf("kind %q committee %q", m.Kind, m.Committee)
	}
	wantMeeting := corpus.Meeting{Date: "2012-12-04", Time: "13:00", Location: "Mødecenter C, Lokale 32 på Ballerup Rådhus",
		Participants: []string{"Lolan Ottesen (A)", "Birte Kramhøft (F)"}, Absent: []string{"Karl Vilhelm Nielsen (V)"}}
	if !reflect.DeepEqual(m.Meeting, wantMeeting) {
		t.Errorf("meeting %+v\nwant %+v", m.Meeting, wantMeeting)
	}
	if len(m.Items) != 2 {
		t.Fatalf("%d items; want 2: %+v", len(m.Items), m.Items)
	}
	one, two := m.Items[0], m.Items[1]
	if one.Number != 1 || one.Title != "Meddelelser" || one.CaseNumbers[0].Raw != "2011-29298" {
		t.Errorf("item 1 = %d %q %v", one.Number, one.Title, one.CaseNumbers)
	}
	if !reflect.DeepEqual(one.Attachments, []string{"2012-208960 - Hvordan udvikler vi det nære sundhedsvæsen sammen?"}) {
		t.Errorf("item 1 attachments %q", one.Attachments)
	}
	if len(one.Decisions) != 1 || one.Decisions[0].Outcome != corpus.OutcomeNoted || one.Decisions[0].Date != "2012-12-04" || one.Decisions[0].Body != "Sundheds- og Forebyggelsesudvalget" {
		t.Errorf("item 1 decisions %+v", one.Decisions)
	}
	if two.Title != "Prioritering af midler til kronisk syge borgere og hverdagsrehabilitering for ældre" {
		t.Errorf("item 2 title %q (wrapped over two lines, TOC longer)", two.Title)
	}
	if len(two.CaseNumbers) != 1 || two.CaseNumbers[0].Raw != "2012-21786" {
		t.Errorf("item 2 case numbers %v (Dok.nr. is not one)", two.CaseNumbers)
	}
	if !reflect.DeepEqual(two.History, []string{"Kommunalbestyrelsen den 30. januar 2012 Punkt 5"}) {
		t.Errorf("item 2 history %q", two.History)
	}
	if two.Competence != "Kommunalbestyrelsen" || len(two.Attachments) != 1 {
		t.Errorf("item 2 competence %q attachments %q", two.Competence, two.Attachments)
	}
	wantRecs := []string{"De foreslåede arbejder godkendes.", "Anlægsbevilling på 1.316.000 kr. over projekt nr. 650260, fremlægges for Økonomiudvalget."}
	if !reflect.DeepEqual(two.Recommendations, wantRecs) {
		t.Errorf("item 2 recommendations %q", two.Recommendations)
	}
	if len(two.Decisions) != 1 || two.Decisions[0].Outcome != corpus.OutcomeRecommended || two.Decisions[0].Text != "Anbefales godkendt" {
		t.Errorf("item 2 decisions %+v", two.Decisions)
	}
	if !reflect.DeepEqual(two.Absent, []string{"Birte Kramhøft (F)"}) {
		t.Errorf("item 2 absent %q", two.Absent)
	}
	for _, it := range m.Items {
		for _, s := range it.Sections {
			if strings.Contains(s.Text, "Dato: 04.12.2012") || strings.Contains(s.Text, "Side ") {
				t.Errorf("item %d section %q keeps the running header: %q", it.Number, s.Heading, s.Text)
			}
		}
	}
}

// TestParseFirstAgendaPDF is the layout of a First Agenda referat PDF
// (Aarhus): the TOC as title, leader and page on separate lines, titles
// that wrap, closed points.
func TestParseFirstAgendaPDF(t *testing.T) {
	text := "REFERAT Aarhus Byråd d. 27-08-2025\nMødedato\nOnsdag d. 27. august 2025 kl. 16:00\nMødested\nByrådssalen\f" +
		"Indholdsfortegnelse\nGodkendelse af dagsorden\n........\n3\nSvar på forslag fra DD om principbeslutning om at sikre Havnens Perles fremtid på Aarhus Ø\n....\n4\n" +
		"Lukket: Køb af landbrugsejendom\n.....\n28\f" +
		"Punkt 1: Godkendelse af dagsorden\nEMN-2023-009832\nBeslutninger\nGodkendt.\f" +
		"Punkt 2: Svar på forslag fra DD om principbeslutning om at sikre Havnens\nPerles fremtid på Aarhus Ø\nEMN-2025-003383\nBeslutninger\n" +
		"Tilbagesendes med bemærkning, at byrådet har vedtaget indstillingen.\nEnhedslisten kunne ikke tiltræde indstillingen.\nBESLUTNINGSFORSLAG FRA DD\nBaggrund:\nTekst.\n" +
		"Sagsforløb\nUdvalg: Aarhus Byråd\nDato: 26-03-2025\nPunktnummer: 21\nSagens behandling blev udsat.\nUdvalg: Magistraten\nDato: 19-08-2025\nPunktnummer: 4\nSocialdemokratiet tog forbehold.\n" +
		"Bilag\nIndstilling\nBilag 1: Beslutningsforslag\f" +
		"Punkt 21: Lukket: Køb af landbrugsejendom\nEMN-2025-007940\nTilbagesendes med bemærkning.\n"
	m := Parse(text)
	if m.Committee != "Aarhus Byråd" || m.Meeting.Date != "2025-08-27" || m.Meeting.Time != "16:00" || m.Meeting.Location != "Byrådssalen" {
		t.Errorf("header %q %+v", m.Committee, m.Meeting)
	}
	if len(m.Items) != 3 {
		t.Fatalf("%d items; want 3", len(m.Items))
	}
	if got := m.Items[1].Title; got != "Svar på forslag fra DD om principbeslutning om at sikre Havnens Perles fremtid på Aarhus Ø" {
		t.Errorf("wrapped title %q", got)
	}
	d := m.Items[1].Decisions
	if len(d) != 1 || d[0].Outcome != corpus.OutcomeApproved || d[0].Body != "Aarhus Byråd" || d[0].Date != "2025-08-27" {
		t.Fatalf("decisions %+v", d)
	}
	if !strings.Contains(d[0].Text, "kunne ikke tiltræde") || strings.Contains(d[0].Text, "BESLUTNINGSFORSLAG") {
		t.Errorf("decision text %q", d[0].Text)
	}
	if h := m.Items[1].History; len(h) != 2 || !strings.HasPrefix(h[1], "Udvalg: Magistraten") {
		t.Errorf("history %q", h)
	}
	if a := m.Items[1].Attachments; !reflect.DeepEqual(a, []string{"Indstilling", "Bilag 1: Beslutningsforslag"}) {
		t.Errorf("attachments %q", a)
	}
	closed := m.Items[2]
	if !closed.Closed || closed.Title != "Køb af landbrugsejendom" || closed.Number != 21 || len(closed.Decisions) != 1 || closed.Decisions[0].Text != "Tilbagesendes med bemærkning." {
		t.Errorf("closed item %+v", closed)
	}
	if len(m.Warnings) != 0 {
		t.Errorf("warnings %q", m.Warnings)
	}
}

func TestNotMinutes(t *testing.T) {
	for _, text := range []string{
		"Juridisk notat\nRammerne for kommunal finansiering\n\n13. april 2023\n\n1. Indledning\n\nFormålet med dette notat er at beskrive rammerne.\n\n2. Rammerne opsummeret\n\nDet ligger inden for kommunens skøn.\n",
		"Indholdsfortegnelse\n1. Indledning ........ 2\n2. Råd og Vejledning ..... 2\n\n1. Indledning\nKvalitetsstandarden beskriver tilbuddet.\n2. Råd og Vejledning\nTilbuddet er åbent.\n",
		"EAST PALO ALTO PLANNING COMMISSION REGULAR MEETING MINUTES\n1. CALL TO ORDER AND ROLL CALL\nThe meeting was called to order at 7:07 p.m.\n2. APPROVAL OF MINUTES\nApproved 5-0.\n",
		"",
	} {
		m := Parse(text)
		if m.Kind != corpus.KindUnknown || len(m.Items) != 0 {
			t.Errorf("Parse(%.40q) = kind %q, %d items; want unknown, none", text, m.Kind, len(m.Items))
		}
	}
}

func TestTables(t *testing.T) {
	tests := []struct {
		name, text string
		want       []corpus.Table
	}{
		{"tabs", "Samlet tilfredshed med skolen i alt\n\n\t2020\t2023\nAllerslev Skole\t3,7\t3,6\nOsted Skole\t3,7\t3,5\n",
			[]corpus.Table{{Caption: "Samlet tilfredshed med skolen i alt", Header: []string{"", "2020", "2023"}, Rows: [][]string{{"Allerslev Skole", "3,7", "3,6"}, {"Osted Skole", "3,7", "3,5"}}}}},
		{"pipes with html", "Tabel 1: Kategorier\n\n| A | B |\n|--|---|\n| <ul><li>• Social revision</li></ul> | Ja |\n",
			[]corpus.Table{{Caption: "Tabel 1: Kategorier", Header: []string{"A", "B"}, Rows: [][]string{{"• Social revision", "Ja"}}}}},
		{"columns", "Afgørelser i 2018:\nSagstype    Antal    Pct.\nLAB    5    20\nLAS    40    42\n",
			[]corpus.Table{{Header: []string{"Sagstype", "Antal", "Pct."}, Rows: [][]string{{"LAB", "5", "20"}, {"LAS", "40", "42"}}}}},
		{"one tab line is no table", "Godkendelse af dagsorden\t3\n", nil},
		{"a marked list is no table", "a.\tMøder og konferencer\n\nb.\tKonference den 23. januar 2012\n", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Tables(tt.text); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Tables = %+v\nwant %+v", got, tt.want)
			}
		})
	}
}

func TestRecommendations(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"Direktionen indstiller:\n\n1. at afrapporteringen godkendes\n2. at punktskrift\nogså godkendes", []string{"at afrapporteringen godkendes", "at punktskrift også godkendes"}},
		{"Det indstilles:\nAt 1) der sikres plads til\narealer.\nAt 2) Teknik og Miljø anbefaler.", []string{"at der sikres plads til arealer.", "at Teknik og Miljø anbefaler."}},
		{"Social-, Sundheds- og Arbejdsmarkedsområdet indstiller, at udvalget tager opfølgningen til efterretning.", []string{"at udvalget tager opfølgningen til efterretning."}},
		{"Center for Social indstiller, at\n\nA)\tEvalueringen tages til efterretning.", []string{"Evalueringen tages til efterretning."}},
	}
	for _, tt := range tests {
		if got := Recommendations(tt.text); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Recommendations(%q) = %q; want %q", tt.text, got, tt.want)
		}
	}
}

func TestSectionsAndDecisions(t *testing.T) {
	body := "19/3533\n\nResumé\n\nTekst.\n\nBeslutning Udvalget for Børn & Ungdom den 07-05-2019\n\nTaget til efterretning.\n\n" +
		"Beslutning Udvalget for Job & Arbejdsmarked den 08-05-2019\n\nIndstillingen tiltrådt.\n\nAfbud:\n\nMartin Stokholm (A)\n\nBilag\n\nIndstilling\nNotat"
	var it corpus.Item
	Item(&it, body, Context{Committee: "Udvalget for Job & Arbejdsmarked", Date: "2019-05-08"})
	var heads []string
	for _, s := range it.Sections {
		heads = append(heads, s.Heading)
	}
	wantHeads := []string{"Resumé", "Beslutning Udvalget for Børn & Ungdom den 07-05-2019", "Beslutning Udvalget for Job & Arbejdsmarked den 08-05-2019", "Afbud", "Bilag"}
	if !reflect.DeepEqual(heads, wantHeads) {
		t.Errorf("headings %q\nwant %q", heads, wantHeads)
	}
	if len(it.CaseNumbers) != 1 || it.CaseNumbers[0].Scheme != corpus.SchemeSlash {
		t.Errorf("case numbers %+v", it.CaseNumbers)
	}
	ds := Decisions(it.Sections, Context{})
	if len(ds) != 2 || ds[0].Body != "Udvalget for Børn & Ungdom" || ds[1].Outcome != corpus.OutcomeApproved || ds[1].Date != "2019-05-08" {
		t.Errorf("decisions %+v", ds)
	}
	if it.Decisions[1].Votes == nil || it.Decisions[1].Votes.Absent[0] != "Martin Stokholm (A)" {
		t.Errorf("absent after a decision is its votes' absent: %+v", it.Decisions[1].Votes)
	}
	if !reflect.DeepEqual(it.Attachments, []string{"Indstilling", "Notat"}) {
		t.Errorf("attachments %q", it.Attachments)
	}
	empty := Decisions([]corpus.Section{{Heading: "Beslutning", Text: ""}}, Context{Committee: "Socialudvalget", Date: "2020-09-21"})
	if len(empty) != 1 || empty[0].Text != "" || empty[0].Outcome != "" {
		t.Errorf("an empty decision must stay empty: %+v", empty)
	}
}

// TestColonLine is a regression test: a line holding only a colon made
// parseHeading index an empty string.
func TestColonLine(t *testing.T) {
	m := Parse("Punkt 1: Godkendelse\n:\n : x\nBeslutning\nGodkendt.\n")
	if len(m.Items) != 1 || len(m.Items[0].Decisions) != 1 || m.Items[0].Decisions[0].Outcome != corpus.OutcomeApproved {
		t.Errorf("Parse = %+v; want one approved point", m.Items)
	}
}

// TestAttachmentNamedLikeHeading: under "Bilag", a name such as
// "Indstilling" is an attachment when names follow it (Aarhus), and a
// heading when its text follows (Ballerup).
func TestAttachmentNamedLikeHeading(t *testing.T) {
	for _, tt := range []struct {
		body string
		want int
	}{
		{"Bilag\nIndstilling\n\nBilag 1: Forslag til lokalplan nr. 1221, tillæg 2 til lokalplan nr. 411, Erhvervsområde ved Kattrup med\ntillæg 1\n\nBilag 2: Samlede høringssvar\n", 3},
		{"Bilag\nIndstilling\n\nKort over området\n\nHøringssvar\n", 3},
		{"Bilag\n2012-200782 - Bygningsliste\n\nIndstilling\nCenter for Ejendomme indstiller, at\n\nA)\tArbejderne godkendes.\n", 1},
	} {
		var it corpus.Item
		Item(&it, tt.body, Context{})
		if len(it.Attachments) != tt.want {
			t.Errorf("Item(%.40q) attachments %q; want %d", tt.body, it.Attachments, tt.want)
		}
	}
}

func TestLeadingCommittee(t *testing.T) {
	for in, want := range map[string]string{
		"Socialudvalget tager sjette afrapportering til efterretning.":     "Socialudvalget",
		"Borgerrepræsentationen godkender budgettet.":                      "Borgerrepræsentationen",
		"Børne- og Skoleudvalget tager orienteringen til efterretning.":    "Børne- og Skoleudvalget",
		"Kultur-, Sports- og Fritidsudvalget godkender puljen.":            "Kultur-, Sports- og Fritidsudvalget",
		"Udvalget for Klima, Natur og Miljø tager orienteringen til":       "Udvalget for Klima, Natur og Miljø",
		"Udvalget for Børn & Ungdom tager orienteringen til efterretning":  "Udvalget for Børn & Ungdom",
		"Udvalget for Job og Arbejdsmarked, at sagen drøftes":              "Udvalget for Job og Arbejdsmarked",
		"Økonomiudvalget over for Borgerrepræsentationen anbefaler, at":    "Økonomiudvalget",
		"udvalget drøfter udkast til ny Børne- og Ungepolitik.":            "",
		"Udvalget tager orienteringen til efterretning.":                   "",
		"Socialforvaltningen udarbejder en plan.":                          "",
		"Børne- og Ungepolitikken vedtages.":                               "",
		"årsstatus på beskæftigelsesindsatsen 2018 tages til efterretning": "",
	} {
		if got := leadingCommittee(in); got != want {
			t.Errorf("leadingCommittee(%q) = %q; want %q", in, got, want)
		}
	}
}

// TestAddressedCommittee checks the fallback for points printed without
// their meeting's header: one committee when all recommendations that name
// one agree, none when they differ or none is named.
func TestAddressedCommittee(t *testing.T) {
	item := func(intro string, recs ...string) corpus.Item {
		return corpus.Item{Sections: []corpus.Section{{Heading: "Indstilling", Text: intro}}, Recommendations: recs}
	}
	tests := []struct {
		name  string
		items []corpus.Item
		want  string
	}{
		{"one point", []corpus.Item{item("Socialforvaltningen indstiller,", "at Socialudvalget tager afrapporteringen til efterretning.")}, "Socialudvalget"},
		{"over for", []corpus.Item{item("Økonomiforvaltningen indstiller over for Økonomiudvalget, at det over for Borgerrepræsentationen anbefales,", "at bevillingen gives.")}, "Økonomiudvalget"},
		{"same body printed twice", []corpus.Item{item("", "at Udvalget for Børn & Ungdom godkender planen."), item("", "at Udvalget for Børn og Ungdom tager sagen til efterretning.")}, "Udvalget for Børn & Ungdom"},
		{"bodies differ", []corpus.Item{item("", "at Socialudvalget godkender planen."), item("", "at Sundhedsudvalget godkender planen.")}, ""},
		{"no body named", []corpus.Item{item("", "at udvalget drøfter sagen.", "at sagen tages til efterretning.")}, ""},
	}
	for _, tt := range tests {
		got, ok := addressedCommittee(tt.items)
		if got != tt.want || ok != (tt.want != "") {
			t.Errorf("%s: addressedCommittee = %q, %v; want %q", tt.name, got, ok, tt.want)
		}
	}
}

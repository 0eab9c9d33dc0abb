package meetingdata

import (
	"os"
	"testing"

	"referat/corpus"
)

var fuzzSeeds = []string{
	"greve-firstagenda-api/greve_Social-_og_Handicapudvalget_2024-03-18.json",
	"aarhus/aarhus-listing-2025-10.html",
	"ballerup-sbsys-2013/Publication32.xml",
	"middelfart-edoc-2017/2017-04-21_12.00.48_41a93779-8b2a-414b-9f87-691e24f8f40a.html",
	"middelfart-edoc-2017/2017-04-21_12.00.48_41a93779-8b2a-414b-9f87-691e24f8f40a.xml",
}

var fuzzFormats = []corpus.Format{corpus.FormatJSON, corpus.FormatXML, corpus.FormatHTML}

// FuzzExtract feeds arbitrary bytes to every reader of the package, as
// each of the formats it claims: no input may make it panic, and a
// claimed document has a kind and only numbered items.
func FuzzExtract(f *testing.F) {
	for _, rel := range fuzzSeeds {
		raw, err := os.ReadFile(corpusPath(f, rel))
		if err != nil {
			f.Fatal(err)
		}
		for i := range fuzzFormats {
			f.Add(raw, uint8(i))
		}
	}
	f.Add([]byte(`{"Moede":{},"Dagsordenpunkter":[{"Felter":[{"Html":"<h3>Beslutning</h3><table><tr><td>"}]}]}`), uint8(0))
	f.Add([]byte("<Meeting><Committee>U</Committee><MeetingState>Referat</MeetingState><MeetingAgendaTypes><MeetingAgendaType><AgendaType>Lukket dagsorden</AgendaType><MeetingAgendaItems><MeetingAgendaItem><AgendaItemNumber>2</AgendaItemNumber><FullText>2.\tT&#xC;Sagsnr.: 2012-1</FullText><Document><Title>T</Title></Document></MeetingAgendaItem></MeetingAgendaItems></MeetingAgendaType></MeetingAgendaTypes></Meeting>"), uint8(1))
	f.Fuzz(func(t *testing.T, raw []byte, format uint8) {
		doc := corpus.Document{Raw: raw, Format: fuzzFormats[int(format)%len(fuzzFormats)]}
		rec, ok := Extract(doc)
		if ok && rec.Kind == "" {
			t.Errorf("claimed record has no kind")
		}
	})
}

// FuzzSplitSections feeds arbitrary HTML to the fragment splitter.
func FuzzSplitSections(f *testing.F) {
	f.Add(`<div><h3>Beslutning</h3><span>Godkendt.<br></span></div><h3>Fremstilling</h3><h4>Resume</h4><p>Tekst</p>`)
	f.Add(`<p><strong>Indstilling</strong></p><ol><li>at det godkendes</li></ol><table><tr><td>a</td><td>1</td></tr></table>`)
	f.Add("<u>13-11-2023 Sundheds- og Omsorgsudvalget</u><br><p>Anbefales.</p>\u0001x\u0001")
	f.Fuzz(func(t *testing.T, s string) {
		var it corpus.Item
		secs := splitSections(parseFragment(s))
		fillItem(&it, secs, ctxZero, true)
		for _, sec := range secs {
			if sec.heading != "" && len(sec.heading) > 4*80 {
				t.Errorf("heading of %d bytes", len(sec.heading))
			}
		}
	})
}

var ctxZero = minutesContext()

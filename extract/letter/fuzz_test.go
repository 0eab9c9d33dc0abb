package letter

import (
	"os"
	"strings"
	"testing"

	"referat/corpus"
)

// FuzzFromText feeds arbitrary text to the letter reader: no input may
// make it panic, and a letter it claims has a Letter.
func FuzzFromText(f *testing.F) {
	for _, rel := range []string{"seeds/002_1f9e0adde186f6aa.txt"} {
		f.Add(load(f, rel).Text)
	}
	for _, name := range []string{"other/aarhus_2023-10-MTM-svar-til-giber-ringvej-gruppen.pdf", "aarhus/aarhus-borgerhenvendelse-2025-08-26.pdf"} {
		b, err := os.ReadFile(textFixture(name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(string(b))
	}
	f.Add("Nyborg Kommune\nTorvet 1\n5800 Nyborg\n29. januar 2025\nEmne\nKonklusion\nTekst.\nVenlig hilsen\nA B\nKopi er sendt til:\nX\nVi har anvendt:\nLov om y")
	f.Add("A nk estyrelsen\nT e l +45\fJ.nr . 24-10910\n\f3010349_0002.png")
	f.Fuzz(func(t *testing.T, text string) {
		rec, ok := Extract(corpus.Document{Format: corpus.FormatText, Text: text})
		if ok && rec.Letter == nil {
			t.Errorf("claimed %s without a Letter", rec.Kind)
		}
		for _, l := range splitLines(text) {
			if l.spaced && strings.Contains(l.text, "\n") {
				t.Errorf("repaired line holds a line break: %q", l.text)
			}
		}
	})
}

// FuzzScraped feeds arbitrary bytes to the scraped-JSON reader.
func FuzzScraped(f *testing.F) {
	for _, rel := range []string{"ankestyrelsen/ast-principmeddelelse-1-25.record_0007.json", "other/datatilsynet/datatilsynet-tilsyn-frederiksberg-kommune.record_0004.json"} {
		f.Add(load(f, rel).Raw)
	}
	f.Add([]byte(`{"title":"principmeddelelse 1-25 om x","text":"Principmeddelelsen fastslår Love og bekendtgørelser Lov om y § 2"}`))
	f.Fuzz(func(t *testing.T, raw []byte) {
		rec, ok := Extract(corpus.Document{Format: corpus.FormatJSON, Raw: raw})
		if ok && rec.Letter == nil {
			t.Errorf("claimed %s without a Letter", rec.Kind)
		}
	})
}

// FuzzLexDania feeds arbitrary bytes to the LexDania reader.
func FuzzLexDania(f *testing.F) {
	f.Add(load(f, "ankestyrelsen/dk-retsinfo-2013-9724-principafgoerelse.lexdania.xml").Raw)
	f.Add([]byte(`<Dokument><Meta><DocumentTitle>Ankestyrelsens principafgørelse 1-13 om x</DocumentTitle></Meta><Exitus><Linea><Char>Lov:</Char></Linea></Exitus></Dokument>`))
	f.Fuzz(func(t *testing.T, raw []byte) {
		rec, ok := Extract(corpus.Document{Format: corpus.FormatXML, Raw: raw})
		if ok && rec.Letter == nil {
			t.Errorf("claimed %s without a Letter", rec.Kind)
		}
	})
}

package meetingdata

import (
	"path/filepath"
	"testing"

	"referat/extract/internal/goldentest"
)

// owned are the corpus documents this package reads, by their path in
// the corpus. Those in the repository's lean copy run everywhere.
var owned = []string{
	"greve-firstagenda-api/greve_Beskæftigelses-_og_Erhvervsudvalget_2024-11-18.json",
	"greve-firstagenda-api/greve_Klima-_Teknik-_og_Miljøudvalget_2024-03-14.json",
	"greve-firstagenda-api/greve_Kultur-_og_Fritidsudvalget_2024-03-20.json",
	"greve-firstagenda-api/greve_Skole-_Børne-_og_Ungeudvalget_2024-03-19.json",
	"greve-firstagenda-api/greve_Social-_og_Handicapudvalget_2024-03-18.json",
	"greve-firstagenda-api/greve_Spoergsmaal-Svar_til_Byraadet_2024.json",
	"greve-firstagenda-api/greve_Økonomiudvalget_2023-11-27.json",
	"aarhus/aarhus-byraad-dagsorden-2025-10-08.html",
	"aarhus/aarhus-listing-2025-10.html",
	"ballerup-edoc-2012-12-04/eDocAgendaPublishing.xml",
	"ballerup-sbsys-2013/Publication32.xml",
	"other/region-hovedstaden-sbsys-2012/Publication553.xml",
	"middelfart-edoc-2017/2017-04-21_12.00.48_41a93779-8b2a-414b-9f87-691e24f8f40a.html",
	"middelfart-edoc-2017/2017-04-21_12.00.48_41a93779-8b2a-414b-9f87-691e24f8f40a.xml",
}

// TestGolden compares the record of every document this package owns with
// its golden record, read against the document when it was written.
// Regenerate with -update, and read the diff before committing it.
func TestGolden(t *testing.T) {
	for _, rel := range owned {
		t.Run(filepath.Base(rel), func(t *testing.T) {
			doc := load(t, corpusPath(t, rel))
			rec, ok := Extract(doc)
			if !ok {
				t.Fatalf("Extract(%s) = not mine; want a record", rel)
			}
			if rec.Text == "" && len(rec.Items) > 0 {
				t.Errorf("Extract(%s): record has items but no text", rel)
			}
			rec.Text = "" // checked to be there; the rest is compared whole
			goldentest.Check(t, goldentest.Name(rel), rec)
		})
	}
}

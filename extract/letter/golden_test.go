package letter

import (
	"path/filepath"
	"testing"

	"referat/extract/internal/goldentest"
)

// owned are the corpus documents this package reads: letters (PDFs read
// from their text in testdata/text), principmeddelelser and Datatilsynet's
// decisions.
var owned = []string{
	"seeds/002_1f9e0adde186f6aa.txt",
	"other/aarhus_2018-vvm-tilladelse-bering-beder-vejen.pdf",
	"other/aarhus_2023-10-MTM-svar-til-giber-ringvej-gruppen.pdf",
	"aarhus/aarhus-borgerhenvendelse-2025-08-26.pdf",
	"ballerup-sbsys-2013/Enclosures/1.pdf",
	"ankestyrelsen/ast-principmeddelelse-1-25.record_0007.json",
	"ankestyrelsen/ast-principmeddelelse-17-25.record_0009.json",
	"ankestyrelsen/ast-principmeddelelse-2-26.record_0005.json",
	"ankestyrelsen/ast-principmeddelelse-20-25.record_0000.json",
	"ankestyrelsen/ast-principmeddelelse-21-25.record_0003.json",
	"ankestyrelsen/ast-principmeddelelse-28-24.record_0008.json",
	"ankestyrelsen/ast-principmeddelelse-4-26.record_0001.json",
	"ankestyrelsen/dk-retsinfo-2013-9724-principafgoerelse.lexdania.xml",
	"other/datatilsynet/datatilsynet-tilsyn-aalborg-kommune.record_0000.json",
	"other/datatilsynet/datatilsynet-tilsyn-bornholms-regionskommune.record_0003.json",
	"other/datatilsynet/datatilsynet-tilsyn-esbjerg-kommune.record_0002.json",
	"other/datatilsynet/datatilsynet-tilsyn-frederiksberg-kommune.record_0004.json",
}

// TestGolden compares the record of every document this package owns with
// its golden record, read against the document when it was written.
// Regenerate with -update and read the diff before committing it.
func TestGolden(t *testing.T) {
	for _, rel := range owned {
		t.Run(filepath.Base(rel), func(t *testing.T) {
			rec, ok := Extract(load(t, rel))
			if !ok {
				t.Fatalf("Extract(%s) = not mine; want a record", rel)
			}
			rec.Text = "" // golden files keep the fields, not the text
			goldentest.Check(t, goldentest.Name(rel), rec)
		})
	}
}

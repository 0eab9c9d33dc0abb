package extract

import (
	"path/filepath"
	"testing"

	"referat/internal/testcorpus"
)

// TestMunicipalityFromLetterheadNotMentions reads notes of the shared
// corpus that name a municipality: on a line of its own as a letterhead
// (Middelfart's "Staben / Middelfart Kommune") or a sender block (Aarhus'
// "Byrum / Aarhus Kommune") they are from it; named once in a sentence
// (Aarhus' list of cases "on the way", "Aarhus Kommunes høringssvar")
// they are not. Minutes still get theirs from the text they print.
func TestMunicipalityFromLetterheadNotMentions(t *testing.T) {
	dir := testcorpus.Shared(t)
	for rel, want := range map[string]string{
		"middelfart-edoc-2017/attachments/5781888-6174959-1.pdf": "Middelfart Kommune",
		"aarhus/aarhus-udvalgsnotat-mtm.pdf":                     "Aarhus Kommune",
		"other/aarhus_2023-08-MTM-sundhed.pdf":                   "Aarhus Kommune",
		"aarhus/aarhus-dagsorden-bilag.pdf":                      "",
		"seeds/000_734b34927aab3490.txt":                         "Lejre Kommune",
	} {
		rec := Record(loadDoc(t, filepath.Join(dir, filepath.FromSlash(rel))))
		if rec.Municipality != want {
			t.Errorf("%s: municipality %q; want %q", rel, rec.Municipality, want)
		}
	}
}

package extract

import (
	"strings"
	"testing"
)

// TestDecisionEndsWhereItEnds checks on Aarhus Byråd's minutes that a
// decision does not run on into the point's summary, which First Agenda
// prints under an empty heading between "Beslutninger" and "Resume": the
// summary becomes an untitled section, an empty one (".") goes.
func TestDecisionEndsWhereItEnds(t *testing.T) {
	const doc = "aarhus/aarhus-byraad-referat-2025-08-27.pdf"
	path, ok := docPath(t, doc)
	if !ok {
		t.Skipf("%s absent", doc)
	}
	rec := Record(loadDoc(t, path))
	cases := []struct {
		title     string
		lastLine  string // the decision's last line
		summary   string // the start of the untitled section after it, "" for none
		notInText string
	}{
		{"Lokalplan 1221", "Fremsendes til Teknisk Udvalg til behandling i henhold til beslutning i byrådets møde den 27. august 2025.", "Endelig vedtagelse af forslag til Lokalplan nr. 1221", "Endelig vedtagelse"},
		{"Anlægsbevilling til nyt idrætsanlæg i Lisbjerg", "Magistratsafdelingen for Kultur og Borgerservice udarbejder notat.", "Anlægsbevilling til etablering af to kunstgræsbaner", "kunstgræsbaner"},
		{"Afsluttede anlægsregnskaber", "vedtaget Magistratens foranstående indstilling af 12. august 2025.", "Indstillingen vedrører anlægsregnskaber", "vedrører"},
		{"Revisionspåtegning", "Magistratens foranstående indstilling af 19. august 2025.", "", "\n."},
		// A decision before a proposal's own heading has no summary.
		{"Svar på forslag fra V om at farten", "Magistratsafdelingen for Teknik og Miljø udarbejder notat.", "", ""},
	}
	for _, c := range cases {
		it := findItem(rec, c.title)
		if it == nil {
			t.Errorf("no item titled %q", c.title)
			continue
		}
		if len(it.Decisions) != 1 {
			t.Errorf("item %d: %d decisions; want 1", it.Number, len(it.Decisions))
			continue
		}
		text := it.Decisions[0].Text
		lines := strings.Split(text, "\n")
		if last := strings.TrimSpace(lines[len(lines)-1]); last != c.lastLine {
			t.Errorf("item %d: decision ends %q; want %q (text %q)", it.Number, last, c.lastLine, text)
		}
		if c.notInText != "" && strings.Contains(text, c.notInText) {
			t.Errorf("item %d: decision %q holds %q of the next section", it.Number, text, c.notInText)
		}
		var summary string
		for i, s := range it.Sections {
			if s.Heading == "Beslutninger" && i+1 < len(it.Sections) && it.Sections[i+1].Heading == "" {
				summary = it.Sections[i+1].Text
			}
		}
		if !strings.HasPrefix(summary, c.summary) || (c.summary == "") != (summary == "") {
			t.Errorf("item %d: untitled section after the decision %q; want one starting %q", it.Number, summary, c.summary)
		}
	}
}

package meetingdata

import (
	"os"
	"strings"
	"testing"

	"referat/corpus"
)

// TestEDocJoinsItemPDFs checks that an item's body is read from its PDF
// when ingest joined it (by the name the XML uses, whatever its case),
// and from the XML's own text with a warning when it did not.
func TestEDocJoinsItemPDFs(t *testing.T) {
	doc := load(t, corpusPath(t, "ballerup-edoc-2012-12-04/eDocAgendaPublishing.xml"))
	// testdata/edoc/1552823.txt is poppler's pdftotext of 1552823.pdf,
	// the PDF of item 2.
	pdf, err := os.ReadFile("testdata/edoc/1552823.txt")
	if err != nil {
		t.Fatal(err)
	}
	doc.Attachments = map[string]corpus.Document{"1552823.pdf": {Text: string(pdf)}}
	rec, ok := Extract(doc)
	if !ok {
		t.Fatal("eDoc publication not recognised")
	}
	var item2 *corpus.Item
	for i := range rec.Items {
		if rec.Items[i].Number == 2 {
			item2 = &rec.Items[i]
		}
	}
	if item2 == nil {
		t.Fatal("no item 2")
	}
	if len(item2.CaseNumbers) != 1 || item2.CaseNumbers[0].Raw != "2012-28504" {
		t.Errorf("item 2 case numbers = %+v; want 2012-28504 from its PDF", item2.CaseNumbers)
	}
	if len(item2.Decisions) != 1 || item2.Decisions[0].Outcome != corpus.OutcomeApproved || item2.Decisions[0].Date != "2012-12-04" {
		t.Errorf("item 2 decisions = %+v; want one approved on 2012-12-04", item2.Decisions)
	}
	joined := strings.Join(rec.Warnings, "\n")
	if strings.Contains(joined, "1552823.PDF not joined") {
		t.Errorf("warnings say the joined PDF is missing: %s", joined)
	}
	if !strings.Contains(joined, "1552821.PDF not joined") {
		t.Errorf("warnings = %q; want one for item 5 whose PDF was not joined", joined)
	}
	if len(rec.Items) != 8 {
		t.Errorf("got %d items; want 8", len(rec.Items))
	}
}

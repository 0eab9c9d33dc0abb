package ingest

import (
	"context"
	"strings"
	"testing"

	"referat/corpus"
	"referat/internal/testdocx"
)

// TestDocxText reads the synthetic Acadre-style referat of testdocx:
// page headers once and first, a text box once (not again from its
// Fallback), field results without their codes, no deleted text and no
// drawing positions.
func TestDocxText(t *testing.T) {
	doc, err := Read(context.Background(), testdocx.Minutes(), corpus.Source{Path: "referat.docx"}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if doc.Format != corpus.FormatDOCX {
		t.Fatalf("format %q", doc.Format)
	}
	text := doc.Text
	for _, tt := range []struct {
		s    string
		want int
	}{
		{"Mødedato:\t20. juni 2013, kl. 16.00", 1},             // two header parts with one text
		{"Byrådssalen, Rådhuset, Ebeltoft", 1},                 // Choice read, Fallback not
		{"1. Godkendelse af dagsorden\t2", 1},                  // a TOC entry: PAGEREF's result kept
		{"Drøftet. Oplægget behandles igen under punkt 3.", 1}, // fldSimple's result kept
		{"Godkendt.", 2}, // the deletion " med bemærkninger" dropped
		{"Anne Kjær Jensen\t________________", 1}, // a table row
		{"TOC", 0}, {"PAGEREF", 0}, {"_Toc", 0}, {"REF _Ref", 0}, {`\h`, 0}, // codes dropped
		{"med bemærkninger", 0},
		{"1270000", 0}, {"2743200", 0}, // drawing offset and extent
		{"1304", 0}, // a tab stop's position
	} {
		if got := strings.Count(text, tt.s); got != tt.want {
			t.Errorf("%q occurs %d times; want %d", tt.s, got, tt.want)
		}
	}
	if h, b := strings.Index(text, "Mødedato"), strings.Index(text, "Referat"); h < 0 || h > b {
		t.Errorf("the page header is not read before the body:\n%s", text)
	}
}

// TestDocxNumbering checks that the numbers Word prints from list
// numbering (a heading style's, a sub-point style based on it, a
// paragraph's own) are in the text, and bullets are not numbers.
func TestDocxNumbering(t *testing.T) {
	doc, err := Read(context.Background(), testdocx.NumberedMinutes(), corpus.Source{Path: "referat.docx"}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"1. Godkendelse af dagsorden", "2. Status på projektet", "2.1 Tidsplan", "2.2 Budget", "3. Eventuelt", "Dato:\t14. marts 2024"} {
		if !strings.Contains(doc.Text, want+"\n") {
			t.Errorf("text lacks the line %q:\n%s", want, doc.Text)
		}
	}
	if strings.Contains(doc.Text, "1. Tidsplanen holder") || strings.Contains(doc.Text, "• ") {
		t.Errorf("a bullet was printed as a number or a mark:\n%s", doc.Text)
	}
}

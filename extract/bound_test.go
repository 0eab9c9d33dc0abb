package extract

import (
	"fmt"
	"strings"
	"testing"

	"referat/corpus"
)

// TestRecordIsBounded: an SBSYS publication of more than corpus.MaxItems
// tiny items keeps the first MaxItems, says so, and costs no more than a
// publication of MaxItems would (issue 14: 200 000 items took 4.4 GB).
func TestRecordIsBounded(t *testing.T) {
	const n = corpus.MaxItems + 500
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="utf-8"?>
<Publication><PublicationTypeAsEnum>Final</PublicationTypeAsEnum><Agendas><Agenda>
<Name>Referat</Name><Meeting><When>2013-05-07T16:00:00</When></Meeting>
<Committee><Name>Økonomiudvalget</Name></Committee><Items>`)
	for i := 1; i <= n; i++ {
		fmt.Fprintf(&b, "<Item><Number>%d</Number><Caption>Punkt %d</Caption><Fields><ItemField><Caption>Beslutning</Caption><Content>Godkendt.</Content></ItemField></Fields></Item>\n", i, i)
	}
	b.WriteString("</Items></Agenda></Agendas></Publication>\n")
	raw := []byte(b.String())
	rec := Record(corpus.Document{ID: corpus.Hash(raw), Raw: raw, Format: corpus.FormatXML, Source: corpus.Source{Path: "Publication1.xml"}})
	if len(rec.Items) != corpus.MaxItems {
		t.Fatalf("%d items of %d kept; want %d", len(rec.Items), n, corpus.MaxItems)
	}
	if last := rec.Items[len(rec.Items)-1]; last.Number != corpus.MaxItems {
		t.Errorf("last item kept is %d; want %d", last.Number, corpus.MaxItems)
	}
	want := fmt.Sprintf("%d items; only the first %d are kept", n, corpus.MaxItems)
	if !strings.Contains(strings.Join(rec.Warnings, "\n"), want) {
		t.Errorf("warnings %q lack %q", rec.Warnings, want)
	}

	// Text is cut too, where a reader built more than the bound.
	big := corpus.Record{Text: strings.Repeat("Godkendt af udvalget.\n", corpus.MaxTextBytes/20)}
	bound(&big)
	if len(big.Text) > corpus.MaxTextBytes || !strings.HasSuffix(big.Text, "udvalget.") || len(big.Warnings) != 1 {
		t.Errorf("bound: text of %d bytes ending %q, warnings %q", len(big.Text), big.Text[len(big.Text)-20:], big.Warnings)
	}
}

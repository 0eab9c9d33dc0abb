package index

import (
	"context"
	"slices"
	"testing"

	"referat/corpus"
)

// TestAttachKey: an attachment's name as an item prints it and the name
// of its file as saved meet; different names stay apart. The pairs are
// from the Ballerup eDoc meeting of 2012-12-04 and Greve's First Agenda
// meetings.
func TestAttachKey(t *testing.T) {
	same := [][2]string{
		{"KL's proces vedrørende det nære sundhedsvæsen", "KLs proces vedrørende det nære sundhedsvæsen.pdf"},
		{"KL’s proces vedrørende det nære sundhedsvæsen", "KLs proces vedrørende det nære sundhedsvæsen.PDF"},
		{"Hvordan udvikler vi det nære sundhedsvæsen sammen?", "Hvordan udvikler vi det nære sundhedsvæsen sammen.pdf"},
		{"Aktivitetscenter Solvej 6 - Projektbeskrivelse", "Aktivitetscenter Solvej 6 - Projektbeskrivelse.pdf"},
		{"Bilag 1_personlige henvendelser i Borgerserivce i 2023", "Bilag 1 personlige henvendelser i Borgerserivce i 2023.docx"},
		{"Forslag til takstreduktion aflastningstilbuddet Torvevej 2013", "forslag_til_takstreduktion_aflastningstilbuddet_torvevej_2013.pdf"},
		{"Høringssvar fra Handicaprådet", "Høringssvar fra Handicapra\u030adet.pdf"}, // NFD, as macOS saves names
	}
	for _, p := range same {
		if a, b := attachKey(p[0]), attachKey(p[1]); a != b || a == "" {
			t.Errorf("attachKey(%q) = %q, attachKey(%q) = %q; want equal", p[0], a, p[1], b)
		}
	}
	apart := [][2]string{
		{"Bilag 1. Kort over græsningsarealer", "Bilag 1"},
		{"Det nære sundhedsvæsen - KL", "KLs proces vedrørende det nære sundhedsvæsen.pdf"},
		{"Bilag 1", "Bilag 11"},
	}
	for _, p := range apart {
		if a, b := attachKey(p[0]), attachKey(p[1]); a == b {
			t.Errorf("attachKey(%q) = attachKey(%q) = %q; want different", p[0], p[1], a)
		}
	}
	if k := attachKey("Bilag 1. Kort over græsningsarealer"); k != "bilag 1 kort over græsningsarealer" {
		t.Errorf("attachKey cut a title at its full stop: %q", k)
	}
}

// TestAttachmentsKeepToTheirMunicipality: an attachment of one
// municipality's item is never another known municipality's document of
// the same name in the same folder; one without a municipality is.
func TestAttachmentsKeepToTheirMunicipality(t *testing.T) {
	x, err := newMem()
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	ctx := context.Background()
	agenda := &corpus.Record{ID: "a1", Kind: corpus.KindReferat, Municipality: "Ballerup Kommune",
		Source: corpus.Source{Path: "møder/2012-12-04/eDocAgendaPublishing.xml"},
		Items:  []corpus.Item{{Number: 3, Title: "Kvalitetsstandarder", Attachments: []string{"Kvalitetsstandarder 2013"}}}}
	other := &corpus.Record{ID: "b1", Kind: corpus.KindUnknown, Municipality: "Greve Kommune",
		Source: corpus.Source{Path: "møder/2012-12-04/bilag/Kvalitetsstandarder 2013.pdf"}}
	unknown := &corpus.Record{ID: "c1", Kind: corpus.KindUnknown,
		Source: corpus.Source{Path: "møder/2012-12-04/Kvalitetsstandarder 2013.pdf"}}
	if err := x.Index(ctx, []*corpus.Record{agenda, other, unknown}); err != nil {
		t.Fatal(err)
	}
	ls, err := x.Attachments(ctx, agenda, 0)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, d := range ls[0].Documents {
		got = append(got, d.RecordID)
	}
	if !slices.Equal(got, []string{"c1"}) {
		t.Errorf("attachment links to %q; want only the document without a municipality, c1", got)
	}
	for _, c := range []struct {
		rec  *corpus.Record
		want int
	}{{other, 0}, {unknown, 1}} {
		items, err := x.AttachedTo(ctx, c.rec)
		if err != nil || len(items) != c.want {
			t.Errorf("AttachedTo(%s) = %v, %v; want %d items", c.rec.ID, items, err, c.want)
		}
	}
}

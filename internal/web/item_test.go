package web

import (
	"reflect"
	"testing"

	"referat/corpus"
)

func TestSplitSections(t *testing.T) {
	it := &corpus.Item{
		Sections: []corpus.Section{
			{Heading: "Resumé"}, {Heading: "Indstilling", Text: "Direktionen indstiller:"},
			{Heading: "Beslutningskompetence"}, {Heading: "Beslutning Udvalget for Børn & Ungdom den 07-05-2019"},
			{Heading: "Afbud"}, {Heading: "Sagsfremstilling"}, {Heading: "Bilag"}, {Heading: "Behandling"},
		},
		Decisions:   []corpus.Decision{{Text: "Taget til efterretning."}},
		Competence:  "Udvalget for Børn & Ungdom",
		Absent:      []string{"Martin Stokholm (A)"},
		Attachments: []string{"Bilag 1"},
	}
	p := splitSections(it)
	if p.Recommendation == nil || p.Recommendation.Text != "Direktionen indstiller:" {
		t.Errorf("recommendation %+v", p.Recommendation)
	}
	var got []string
	for _, s := range p.Sections {
		got = append(got, s.Heading)
	}
	if want := []string{"Resumé", "Sagsfremstilling", "Behandling"}; !reflect.DeepEqual(got, want) {
		t.Errorf("sections %q; want %q", got, want)
	}
	// Without the fields, the sections are all the item has: kept.
	bare := &corpus.Item{Sections: it.Sections}
	if n := len(splitSections(bare).Sections); n != len(it.Sections)-1 {
		t.Errorf("bare item keeps %d sections; want %d (all but the recommendation)", n, len(it.Sections)-1)
	}
}

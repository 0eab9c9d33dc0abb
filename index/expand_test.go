package index_test

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"referat/corpus"
	"referat/index"
)

// TestCommonWordNotExpanded: a word found in few items also finds the
// compounds it begins (kunstgræs finds an item on kunstgræsbaner); once a
// hundred items hold the word itself, it finds its own items (and the
// compounds ending in it), which fill the pages the expansions would have
// followed, and reads no expansion's postings. Engine and Bleve alike.
func TestCommonWordNotExpanded(t *testing.T) {
	meeting := func(id, date string, titles ...string) *corpus.Record {
		r := &corpus.Record{
			Schema: corpus.SchemaVersion, ID: strings.Repeat(id, 64/len(id)), Kind: corpus.KindReferat,
			Municipality: "Lejre Kommune", Committee: "Teknik- og Miljøudvalget", Meeting: corpus.Meeting{Date: date},
		}
		for i, title := range titles {
			r.Items = append(r.Items, corpus.Item{Number: i + 1, Title: title,
				Sections: []corpus.Section{{Heading: "Sagsfremstilling", Text: "Forvaltningen har undersøgt sagen. " + title + "."}}})
		}
		return r
	}
	banerOnly := meeting("b", "2024-01-10", "Renovering af kunstgræsbaner ved skolen")
	for _, n := range []int{3, 99, 120} {
		x, err := index.Open(filepath.Join(t.TempDir(), "index"))
		if err != nil {
			t.Fatal(err)
		}
		recs := []*corpus.Record{banerOnly}
		for i := range n {
			recs = append(recs, meeting(fmt.Sprintf("%02x", i), "2024-02-01", fmt.Sprintf("Kunstgræs på banen nr. %d", i+1)))
		}
		if err := x.Index(context.Background(), recs); err != nil {
			t.Fatal(err)
		}
		for _, engine := range []bool{true, false} {
			x.UseEngine(engine)
			res, err := x.Search(context.Background(), index.Request{Query: "kunstgræs", Type: index.TypeItem, PageSize: 1})
			if err != nil {
				t.Fatal(err)
			}
			// Every other item holds kunstgræs itself: one more hit is the
			// kunstgræsbaner item.
			found := res.Total == uint64(n)+1
			if want := n < 100; found != want || res.Total < uint64(n) {
				t.Errorf("kunstgræs in %d items (engine %v): %d hits, the kunstgræsbaner item among them %v; want %v", n, engine, res.Total, found, want)
			}
		}
		x.Close()
	}
}

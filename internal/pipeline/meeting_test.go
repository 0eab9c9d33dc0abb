package pipeline

import (
	"context"
	"os"
	"reflect"
	"testing"

	"referat/corpus"
	"referat/index"
	"referat/internal/testcorpus"
)

// TestMeetingFormsAcrossRuns ingests the Middelfart meeting's HTML and
// XML in separate runs, in both orders, then forces one form again and
// rebuilds the index: each time the meeting is listed once, as its HTML,
// faceted once under its committee and municipality, with both forms
// stored and named as forms of it.
func TestMeetingFormsAcrossRuns(t *testing.T) {
	ctx := context.Background()
	const (
		htmlRel = "middelfart-edoc-2017/2017-04-21_12.00.48_41a93779-8b2a-414b-9f87-691e24f8f40a.html"
		xmlRel  = "middelfart-edoc-2017/2017-04-21_12.00.48_41a93779-8b2a-414b-9f87-691e24f8f40a.xml"
	)
	hash := func(rel string) string {
		b, err := os.ReadFile(testcorpus.Path(rel))
		if err != nil {
			t.Fatal(err)
		}
		return corpus.Hash(b)
	}
	htmlID, xmlID := hash(htmlRel), hash(xmlRel)
	check := func(t *testing.T, p *Pipeline, when string) {
		t.Helper()
		res, err := p.Index.Search(ctx, index.Request{PageSize: index.MaxPageSize, Facets: []string{"committee", "municipality"}})
		if err != nil {
			t.Fatal(err)
		}
		if res.Total != 5 {
			t.Errorf("%s: %d hits; want the meeting's 5 items once", when, res.Total)
		}
		for _, h := range res.Hits {
			if h.RecordID != htmlID {
				t.Errorf("%s: hit %s; want only the HTML's items", when, h.ID)
			}
		}
		if got, want := res.Facets["committee"], []index.FacetCount{{Value: "Hennys testudvalg", Count: 5}}; !reflect.DeepEqual(got, want) {
			t.Errorf("%s: committee facet %+v; want %+v", when, got, want)
		}
		if got, want := res.Facets["municipality"], []index.FacetCount{{Value: "Middelfart Kommune", Count: 5}}; !reflect.DeepEqual(got, want) {
			t.Errorf("%s: municipality facet %+v; want %+v", when, got, want)
		}
		want := []index.MeetingForm{{RecordID: htmlID, Listed: true}, {RecordID: xmlID}}
		for _, id := range []string{htmlID, xmlID} {
			if _, err := p.Store.Raw(id); err != nil {
				t.Errorf("%s: source %s: %v; want every form kept", when, id, err)
			}
			if forms, err := p.Index.MeetingForms(ctx, id); err != nil || !reflect.DeepEqual(forms, want) {
				t.Errorf("%s: MeetingForms(%s) = %+v, %v; want %+v", when, id, forms, err, want)
			}
		}
	}
	for _, order := range [][]string{{xmlRel, htmlRel}, {htmlRel, xmlRel}} {
		t.Run(order[0], func(t *testing.T) {
			p, dir := openTemp(t)
			for _, rel := range order {
				if _, err := p.IngestPaths(ctx, []string{testcorpus.Path(rel)}, Options{}); err != nil {
					t.Fatal(err)
				}
			}
			check(t, p, "ingested one by one")
			if _, err := p.IngestPaths(ctx, []string{testcorpus.Path(order[0])}, Options{Force: true}); err != nil {
				t.Fatal(err)
			}
			check(t, p, "first form ingested again")
			p.Close()
			if _, err := Reindex(ctx, dir, Options{Force: true}); err != nil {
				t.Fatal(err)
			}
			p, err := Open(dir)
			if err != nil {
				t.Fatal(err)
			}
			defer p.Close()
			check(t, p, "reindexed")
		})
	}
}

// TestMeetingFormsPDFAndXML: Ballerup's meeting of 4 December 2012 is
// published as a full referat PDF and as eDocAgendaPublishing.xml with
// per-item PDFs. Ingesting the folder joins the PDFs to the XML as its
// parts; the referat PDF ingested on its own as well (before or after)
// is another form of the same meeting: the committee is counted once,
// and both forms are kept as sources of it.
func TestMeetingFormsPDFAndXML(t *testing.T) {
	ctx := context.Background()
	folder := testcorpus.Path("ballerup-edoc-2012-12-04")
	pdf := testcorpus.Path("ballerup-edoc-2012-12-04/1552814_Aabent-referat_Sundheds-og-Forebyggelsesudvalget.pdf")
	b, err := os.ReadFile(pdf)
	if err != nil {
		t.Fatal(err)
	}
	pdfID := corpus.Hash(b)
	for _, order := range [][]string{{pdf, folder}, {folder, pdf}} {
		p, _ := openTemp(t)
		for _, path := range order {
			if _, err := p.IngestPaths(ctx, []string{path}, Options{}); err != nil {
				t.Fatal(err)
			}
		}
		rec, err := p.Store.Record(pdfID)
		if err != nil {
			t.Fatal(err)
		}
		res, err := p.Index.Search(ctx, index.Request{Committee: []string{rec.Committee}, Facets: []string{"committee"}})
		if err != nil {
			t.Fatal(err)
		}
		want := []index.FacetCount{{Value: rec.Committee, Count: len(rec.Items)}}
		if got := res.Facets["committee"]; !reflect.DeepEqual(got, want) || res.Total != uint64(len(rec.Items)) {
			t.Errorf("%s first: %d hits, committee facet %+v; want the meeting's %d items once", order[0], res.Total, got, len(rec.Items))
		}
		forms, err := p.Index.MeetingForms(ctx, pdfID)
		if err != nil {
			t.Fatal(err)
		}
		if len(forms) != 2 {
			t.Fatalf("%s first: forms of the referat PDF %+v; want it and the XML", order[0], forms)
		}
		for _, f := range forms {
			other, err := p.Store.Record(f.RecordID)
			if err != nil {
				t.Fatal(err)
			}
			if f.RecordID != pdfID && other.Format != corpus.FormatXML {
				t.Errorf("%s first: form %s is %s; want the publication XML", order[0], f.RecordID, other.Format)
			}
		}
	}
}

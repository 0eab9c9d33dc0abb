package pipeline

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"referat/corpus"
	"referat/index"
	"referat/internal/testcorpus"
)

// TestDeclaredMunicipality ingests the Middelfart eDoc meeting, whose
// publication XML names no municipality (its web page's logo does): a
// crawl source entry's municipality, or ingest's --municipality for a
// folder, gives the XML its municipality, never overriding what a
// document states itself (Greve's portal), and it survives a re-extract
// in reindex. Without one the XML counts under "Ukendt" in the
// municipality facet rather than dropping out of it.
func TestDeclaredMunicipality(t *testing.T) {
	ctx := context.Background()
	const xmlRel = "middelfart-edoc-2017/2017-04-21_12.00.48_41a93779-8b2a-414b-9f87-691e24f8f40a.xml"
	xmlBytes, err := os.ReadFile(testcorpus.Path(xmlRel))
	if err != nil {
		t.Fatal(err)
	}
	xmlID := corpus.Hash(xmlBytes)
	municipalityOf := func(p *Pipeline, id string) string {
		rec, err := p.Store.Record(id)
		if err != nil {
			t.Fatal(err)
		}
		return rec.Municipality
	}

	// Without a declaration: unknown, and faceted as such.
	p, _ := openTemp(t)
	if _, err := p.IngestPaths(ctx, []string{testcorpus.Path(xmlRel)}, Options{}); err != nil {
		t.Fatal(err)
	}
	if m := municipalityOf(p, xmlID); m != "" {
		t.Errorf("undeclared XML has municipality %q; want none", m)
	}
	res, err := p.Index.Search(ctx, index.Request{Facets: []string{"municipality"}})
	if err != nil {
		t.Fatal(err)
	}
	if fs := res.Facets["municipality"]; len(fs) != 1 || fs[0].Value != index.UnknownMunicipality || uint64(fs[0].Count) != res.Total {
		t.Errorf("municipality facet %+v; want every one of %d hits under %q", fs, res.Total, index.UnknownMunicipality)
	}

	// ingest --municipality, on a folder with Greve's meeting beside it.
	p2, dir2 := openTemp(t)
	greve := testcorpus.Path("greve-firstagenda-api/greve_Kultur-_og_Fritidsudvalget_2024-03-20.json")
	folder := filepath.Join(t.TempDir(), "folder")
	os.Mkdir(folder, 0o755)
	os.WriteFile(filepath.Join(folder, "meeting.xml"), xmlBytes, 0o644)
	gb, _ := os.ReadFile(greve)
	os.WriteFile(filepath.Join(folder, "greve.json"), gb, 0o644)
	if _, err := p2.IngestPaths(ctx, []string{folder}, Options{Municipality: "Middelfart Kommune"}); err != nil {
		t.Fatal(err)
	}
	if m := municipalityOf(p2, xmlID); m != "Middelfart Kommune" {
		t.Errorf("XML ingested with --municipality has %q; want Middelfart Kommune", m)
	}
	if m := municipalityOf(p2, corpus.Hash(gb)); m != "Greve Kommune" {
		t.Errorf("Greve's meeting ingested with --municipality Middelfart has %q; want its own, Greve Kommune", m)
	}
	p2.Close()
	if _, err := Reindex(ctx, dir2, Options{Force: true}); err != nil {
		t.Fatalf("reindex: %v", err)
	}
	p2, err = Open(dir2)
	if err != nil {
		t.Fatal(err)
	}
	defer p2.Close()
	if m := municipalityOf(p2, xmlID); m != "Middelfart Kommune" {
		t.Errorf("after a re-extracting reindex the XML has %q; want Middelfart Kommune", m)
	}

	// A crawl source entry's municipality.
	p.Close()
	p3, _ := openTemp(t)
	s := p3.CrawlSink(os.Stderr)
	f := fetched(t, xmlRel, "https://middelfart.example/edoc/meeting.xml", "application/xml")
	f.Municipality = "Middelfart Kommune"
	if err := s.Take(ctx, f); err != nil {
		t.Fatal(err)
	}
	if err := s.Flush(ctx); err != nil {
		t.Fatal(err)
	}
	if m := municipalityOf(p3, xmlID); m != "Middelfart Kommune" {
		t.Errorf("crawled XML of a source entry for Middelfart has %q; want Middelfart Kommune", m)
	}
}

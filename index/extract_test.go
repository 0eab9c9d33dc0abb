package index_test

import (
	"context"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"referat/corpus"
	"referat/extract"
	"referat/index"
	"referat/ingest"
	"referat/internal/testcorpus"
)

// extractedSeeds reads the seed documents of testdata/corpus/seeds through
// ingest and extract, as referat ingest does, keyed by file name prefix
// ("000" ... "004").
func extractedSeeds(t *testing.T) map[string]*corpus.Record {
	t.Helper()
	paths, err := filepath.Glob(testcorpus.Path("seeds/*.txt"))
	if err != nil || len(paths) != 5 {
		t.Fatalf("seeds: %v %v; want 5 files", paths, err)
	}
	recs := map[string]*corpus.Record{}
	for _, p := range paths {
		doc, err := ingest.ReadFile(context.Background(), p, ingest.Options{})
		if err != nil {
			t.Fatalf("ingest %s: %v", p, err)
		}
		r := extract.Record(doc)
		recs[filepath.Base(p)[:3]] = &r
	}
	return recs
}

// itemText is what a reader sees of an item, to decide independently of
// the index which items contain a word.
func itemText(it *corpus.Item) string {
	parts := []string{it.Title}
	for _, d := range it.Decisions {
		parts = append(parts, d.Text)
	}
	for _, s := range it.Sections {
		parts = append(parts, s.Text)
	}
	parts = append(parts, it.Recommendations...)
	return strings.Join(parts, "\n")
}

func searchAll(t *testing.T, x *index.Index, r index.Request) *index.Result {
	t.Helper()
	r.PageSize = index.MaxPageSize
	res, err := x.Search(context.Background(), r)
	if err != nil {
		t.Fatalf("Search(%+v): %v", r, err)
	}
	if res.Total > uint64(len(res.Hits)) {
		t.Fatalf("Search(%q): %d hits, more than a page", r.Query, res.Total)
	}
	return res
}

// TestExtractedSeeds indexes what ingest and extract make of the seed
// documents and checks the searches of issue 2 on them.
func TestExtractedSeeds(t *testing.T) {
	seeds := extractedSeeds(t)
	x, err := index.Open(filepath.Join(t.TempDir(), "index"))
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	var recs []*corpus.Record
	for _, r := range seeds {
		recs = append(recs, r)
	}
	if err := x.Index(context.Background(), recs); err != nil {
		t.Fatal(err)
	}
	hitSet := func(res *index.Result) map[string]index.Hit {
		m := map[string]index.Hit{}
		for _, h := range res.Hits {
			m[h.ID] = h
		}
		return m
	}

	t.Run("afgørelser finds every item containing afgørelse", func(t *testing.T) {
		res := searchAll(t, x, index.Request{Query: "afgørelser", Type: index.TypeItem})
		hits := hitSet(res)
		form := regexp.MustCompile(`(?i)\bafgørelse(r|n|rne)?\b`)
		want := 0
		for _, r := range recs {
			seen := map[int]int{}
			for i := range r.Items {
				it := &r.Items[i]
				id := index.ItemID(r.ID, it.Number, seen[it.Number])
				seen[it.Number]++
				if form.MatchString(itemText(it)) {
					want++
					if _, ok := hits[id]; !ok {
						t.Errorf("item %s %q contains afgørelse but is not found", id, it.Title)
					}
				}
			}
		}
		if want < 4 {
			t.Errorf("only %d seed items contain afgørelse; the seeds have at least 4", want)
		}
		for _, h := range res.Hits {
			if !markedPrefix(h.Snippet, "afgør") {
				t.Errorf("%s: snippet %v marks no afgør- word", h.ID, h.Snippet)
			}
		}
	})

	t.Run("ledelsestilsyn in Lejre, Frederiksberg and København", func(t *testing.T) {
		res := searchAll(t, x, index.Request{Query: "ledelsestilsyn", Type: index.TypeItem})
		from := map[string]bool{}
		for _, h := range res.Hits {
			from[h.RecordID] = true
			if !markedPrefix(h.Snippet, "ledelsestilsyn") {
				t.Errorf("%s: snippet %v marks no ledelsestilsyn", h.ID, h.Snippet)
			}
		}
		for seed, town := range map[string]string{"000": "Lejre", "003": "Frederiksberg", "001": "København"} {
			if !from[seeds[seed].ID] {
				t.Errorf("ledelsestilsyn: no item of seed %s (%s)", seed, town)
			}
		}
	})

	t.Run("19/3742 finds its item", func(t *testing.T) {
		res := searchAll(t, x, index.Request{Query: "19/3742"})
		if len(res.Hits) != 1 || res.Hits[0].RecordID != seeds["004"].ID || res.Hits[0].ItemNumber != 2 {
			t.Fatalf("19/3742: %+v; want item 2 of seed 004", res.Hits)
		}
		if h := res.Hits[0]; h.Municipality != "Lejre Kommune" || h.Date != "2019-05-08" || h.Title != "Dialogmøde Virksomhedsservice" {
			t.Errorf("19/3742 hit = %q %q %q", h.Municipality, h.Date, h.Title)
		}
	})

	t.Run("facets count the hits", func(t *testing.T) {
		res := searchAll(t, x, index.Request{Query: "udvalget", Facets: index.FacetNames})
		if res.Total < 5 {
			t.Fatalf("udvalget: %d hits; want several", res.Total)
		}
		count := map[string]map[string]int{"municipality": {}, "committee": {}, "kind": {}, "year": {}}
		for _, h := range res.Hits {
			if h.Municipality != "" {
				count["municipality"][h.Municipality]++
			}
			if h.Committee != "" {
				count["committee"][h.Committee]++
			}
			count["kind"][h.Kind]++
			if h.Date != "" {
				count["year"][h.Date[:4]]++
			}
		}
		for _, name := range []string{"municipality", "committee", "kind", "year"} {
			got := map[string]int{}
			for _, fc := range res.Facets[name] {
				got[fc.Value] = fc.Count
			}
			if len(got) != len(count[name]) {
				t.Errorf("facet %s = %v; counted from hits %v", name, got, count[name])
			}
			for v, n := range count[name] {
				if got[v] != n {
					t.Errorf("facet %s %q = %d; %d hits have it", name, v, got[v], n)
				}
			}
		}
	})

	t.Run("filters narrow", func(t *testing.T) {
		all := searchAll(t, x, index.Request{Query: "ledelsestilsyn"})
		lejre := searchAll(t, x, index.Request{Query: "ledelsestilsyn", Municipality: []string{"Lejre Kommune"}})
		if lejre.Total == 0 || lejre.Total >= all.Total {
			t.Fatalf("Lejre filter: %d of %d hits; want fewer, not none", lejre.Total, all.Total)
		}
		for _, h := range lejre.Hits {
			if h.Municipality != "Lejre Kommune" {
				t.Errorf("Lejre filter let through %s of %q", h.ID, h.Municipality)
			}
		}
		letters := searchAll(t, x, index.Request{Query: "ledelsestilsyn", Kind: []string{"letter"}})
		if letters.Total != 1 || letters.Hits[0].RecordID != seeds["002"].ID {
			t.Errorf("kind letter: %+v; want the Ankestyrelsen letter (seed 002)", letters.Hits)
		}
		y := searchAll(t, x, index.Request{Query: "ledelsestilsyn", Year: []string{"2024"}})
		for _, h := range y.Hits {
			if !strings.HasPrefix(h.Date, "2024") {
				t.Errorf("year 2024 let through %s of %s", h.ID, h.Date)
			}
		}
		if y.Total == 0 || y.Total >= all.Total {
			t.Errorf("year filter: %d of %d hits; want fewer, not none", y.Total, all.Total)
		}
	})

	t.Run("case history", func(t *testing.T) {
		h, err := x.Case(context.Background(), "19/4333")
		if err != nil {
			t.Fatal(err)
		}
		if len(h.Items) != 1 || len(h.Items[0].Decisions) != 4 {
			t.Fatalf("Case(19/4333) = %+v; want item 10 of seed 004 with its 4 decisions", h.Items)
		}
		h, err = x.Case(context.Background(), "S2024-19207")
		if err != nil {
			t.Fatal(err)
		}
		if len(h.Letters) != 1 || h.Letters[0].RecordID != seeds["002"].ID {
			t.Errorf("Case(S2024-19207) letters = %+v; want the Nyborg letter", h.Letters)
		}
	})
}

func markedPrefix(spans []index.Span, prefix string) bool {
	for _, s := range spans {
		if s.Match && strings.HasPrefix(strings.ToLower(s.Text), prefix) {
			return true
		}
	}
	return false
}

// TestExtractedCorpus indexes every document of testdata/corpus that
// ingest reads and checks, for each, that the index finds what the record
// holds: its items by their titles as phrases, its case numbers through
// Case, and the record itself.
func TestExtractedCorpus(t *testing.T) {
	if testing.Short() {
		t.Skip("reads and indexes the whole lean corpus")
	}
	ctx := context.Background()
	jobs, errs := ingest.Plan([]string{testcorpus.Dir()})
	for _, err := range errs {
		t.Logf("plan: %v", err)
	}
	var recs []*corpus.Record
	for _, job := range jobs {
		doc, err := ingest.ReadJob(ctx, job, ingest.Options{})
		if err != nil {
			t.Logf("ingest %v: %v (not indexed)", job, err)
			continue
		}
		r := extract.Record(doc)
		recs = append(recs, &r)
	}
	if len(recs) < 10 {
		t.Fatalf("ingest read %d documents of testdata/corpus; want most of them", len(recs))
	}
	x, err := index.Open(filepath.Join(t.TempDir(), "index"))
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	if err := x.Index(ctx, recs); err != nil {
		t.Fatal(err)
	}
	ids := map[string]bool{}
	var wantItems int
	for _, r := range recs {
		if !ids[r.ID] {
			wantItems += len(r.Items)
		}
		ids[r.ID] = true
	}
	items, docs, err := x.Count()
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%d documents of testdata/corpus read, %d records, %d items", len(jobs), len(ids), wantItems)
	if items != uint64(wantItems) || docs != uint64(len(ids)) {
		t.Errorf("Count() = %d items, %d documents; the records have %d, %d", items, docs, wantItems, len(ids))
	}
	for _, r := range recs {
		if ok, err := x.Has(r.ID); !ok || err != nil {
			t.Errorf("Has(%s) = %v, %v", r.Source.Path, ok, err)
		}
		seen := map[int]int{}
		for i := range r.Items {
			it := &r.Items[i]
			id := index.ItemID(r.ID, it.Number, seen[it.Number])
			seen[it.Number]++
			if strings.ContainsRune(it.Title, '"') || strings.TrimSpace(it.Title) == "" {
				continue // not expressible as a phrase
			}
			res, err := x.Search(ctx, index.Request{Query: `"` + it.Title + `"`, Type: index.TypeItem, PageSize: index.MaxPageSize})
			if err != nil {
				t.Errorf("%s item %d: title %q: %v", r.Source.Path, it.Number, it.Title, err)
				continue
			}
			if !containsID(res.Hits, id) && res.Total <= uint64(len(res.Hits)) {
				t.Errorf("%s item %d: title %q as a phrase does not find it (%d hits)", r.Source.Path, it.Number, it.Title, res.Total)
			}
			for _, cn := range it.CaseNumbers {
				h, err := x.Case(ctx, cn.Raw)
				if err != nil {
					t.Errorf("%s item %d: Case(%q): %v", r.Source.Path, it.Number, cn.Raw, err)
					continue
				}
				found := false
				for _, ci := range h.Items {
					found = found || ci.ID == id
				}
				if !found {
					t.Errorf("%s item %d: Case(%q) does not list it", r.Source.Path, it.Number, cn.Raw)
				}
			}
		}
	}
}

func containsID(hits []index.Hit, id string) bool {
	for _, h := range hits {
		if h.ID == id {
			return true
		}
	}
	return false
}

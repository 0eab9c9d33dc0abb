package index_test

import (
	"context"
	"fmt"
	"path/filepath"
	"regexp"
	"slices"
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

// indexSeeds returns an index of seeds, closed when the test ends.
func indexSeeds(t *testing.T, seeds map[string]*corpus.Record) *index.Index {
	t.Helper()
	x, err := index.Open(filepath.Join(t.TempDir(), "index"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { x.Close() })
	var recs []*corpus.Record
	for _, r := range seeds {
		recs = append(recs, r)
	}
	if err := x.Index(context.Background(), recs); err != nil {
		t.Fatal(err)
	}
	return x
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
	x := indexSeeds(t, seeds)
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
		for _, r := range seeds {
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
		apart := 0 // hits holding the compound's parts apart (ranked last)
		for _, h := range res.Hits {
			from[h.RecordID] = true
			switch {
			case markedPrefix(h.Snippet, "ledelsestilsyn"):
				if apart > 0 {
					t.Errorf("%s marks ledelsestilsyn but ranks below a hit holding only its parts", h.ID)
				}
			case markedPrefix(h.Snippet, "ledelse") || markedPrefix(h.Snippet, "tilsyn"):
				apart++
			default:
				t.Errorf("%s: snippet %v marks no ledelsestilsyn, ledelse or tilsyn", h.ID, h.Snippet)
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
	// A meeting published in several forms (Middelfart's HTML and XML)
	// is counted and found as its listed form.
	alts, err := x.AlternateForms(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(alts) == 0 {
		t.Errorf("no record of testdata/corpus is an alternate form of a meeting; Middelfart's XML is one")
	}
	ids := map[string]bool{}
	var wantItems int
	for _, r := range recs {
		if _, alt := alts[r.ID]; !ids[r.ID] && !alt {
			wantItems += len(r.Items)
		}
		ids[r.ID] = true
	}
	items, docs, err := x.Count()
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%d documents of testdata/corpus read, %d records (%d alternate forms of a meeting), %d items", len(jobs), len(ids), len(alts), wantItems)
	if items != uint64(wantItems) || docs != uint64(len(ids)-len(alts)) {
		t.Errorf("Count() = %d items, %d documents; the records have %d, %d", items, docs, wantItems, len(ids)-len(alts))
	}
	// found reports whether an item of record r with index id id is
	// among the ids given: an alternate form's item as any item of its
	// listed form.
	found := func(r *corpus.Record, id string, got []string) bool {
		alt, isAlt := alts[r.ID]
		for _, g := range got {
			if g == id || isAlt && strings.HasPrefix(g, alt.Of+"/") {
				return true
			}
		}
		return false
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
			var hitIDs []string
			for _, h := range res.Hits {
				hitIDs = append(hitIDs, h.ID)
			}
			if !found(r, id, hitIDs) && res.Total <= uint64(len(res.Hits)) {
				t.Errorf("%s item %d: title %q as a phrase does not find it (%d hits)", r.Source.Path, it.Number, it.Title, res.Total)
			}
			for _, cn := range it.CaseNumbers {
				h, err := x.Case(ctx, cn.Raw)
				if err != nil {
					t.Errorf("%s item %d: Case(%q): %v", r.Source.Path, it.Number, cn.Raw, err)
					continue
				}
				var caseIDs []string
				for _, ci := range h.Items {
					caseIDs = append(caseIDs, ci.ID)
				}
				if !found(r, id, caseIDs) {
					t.Errorf("%s item %d: Case(%q) does not list it", r.Source.Path, it.Number, cn.Raw)
				}
			}
		}
	}
}

// extractedFiles reads documents of testdata/corpus (paths relative to
// it) through ingest and extract, as referat ingest does.
func extractedFiles(t *testing.T, rel ...string) []*corpus.Record {
	t.Helper()
	var recs []*corpus.Record
	for _, p := range rel {
		doc, err := ingest.ReadFile(context.Background(), testcorpus.Path(p), ingest.Options{})
		if err != nil {
			t.Fatalf("ingest %s: %v", p, err)
		}
		r := extract.Record(doc)
		recs = append(recs, &r)
	}
	return recs
}

func memIndex(t *testing.T, recs []*corpus.Record) *index.Index {
	t.Helper()
	x, err := index.Open(filepath.Join(t.TempDir(), "index"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { x.Close() })
	if err := x.Index(context.Background(), recs); err != nil {
		t.Fatal(err)
	}
	return x
}

// timelineLines is a case's timeline as "date body outcome <- item
// (reprinted in ...)" lines.
func timelineLines(h *index.CaseHistory) []string {
	var out []string
	for _, d := range h.Timeline {
		l := fmt.Sprintf("%s %s %s <- %s %s #%d", d.Date, d.Body, d.Outcome, d.Item.Committee, d.Item.Date, d.Item.ItemNumber)
		if d.Reprinted {
			l += " (reprinted)"
		}
		if len(d.AlsoIn) > 0 {
			l += fmt.Sprintf(" (also in %d)", len(d.AlsoIn))
		}
		if len(d.ReprintedIn) > 0 {
			l += fmt.Sprintf(" (reprinted in %d)", len(d.ReprintedIn))
		}
		out = append(out, l)
	}
	return out
}

// TestCaseTimelineGreve: Greve's case 22-010565 is decided by Klima-,
// Teknik- og Miljøudvalget on 14 March 2024 (item 2) and by Skole-, Børne-
// og Ungeudvalget on 19 March (item 4), whose item reprints the 14 March
// decision in its history. The timeline shows each decision once, from
// the meeting that took it; typed with another separator the number finds
// the same case.
func TestCaseTimelineGreve(t *testing.T) {
	const (
		ktm = "greve-firstagenda-api/greve_Klima-_Teknik-_og_Miljøudvalget_2024-03-14.json"
		sbu = "greve-firstagenda-api/greve_Skole-_Børne-_og_Ungeudvalget_2024-03-19.json"
	)
	recs := extractedFiles(t, ktm, sbu)
	ctx := context.Background()
	want := []string{
		"2024-03-14 Klima-, Teknik- og Miljøudvalget noted <- Klima-, Teknik- og Miljøudvalget 2024-03-14 #2 (reprinted in 1)",
		"2024-03-19 Skole-, Børne- og Ungeudvalget approved <- Skole-, Børne- og Ungeudvalget 2024-03-19 #4",
	}
	x := memIndex(t, recs)
	for _, number := range []string{"22-010565", "22/010565", "Sagsnr. 22-010565"} {
		h, err := x.Case(ctx, number)
		if err != nil {
			t.Fatal(err)
		}
		if len(h.Items) != 2 {
			t.Fatalf("Case(%q): %d items; want KTM #2 and SBU #4", number, len(h.Items))
		}
		if got := timelineLines(h); !slices.Equal(got, want) {
			t.Errorf("Case(%q) timeline =\n%q\nwant\n%q", number, got, want)
		}
		if d := h.Timeline[0]; len(d.ReprintedIn) != 1 || d.ReprintedIn[0] != h.Items[1].ID {
			t.Errorf("Case(%q): the 14 March decision is reprinted in %q; want SBU's item %s", number, d.ReprintedIn, h.Items[1].ID)
		}
	}

	// Only the later meeting indexed: the decision it reprints is shown
	// from it, marked as a reprint, before its own.
	x = memIndex(t, recs[1:])
	h, err := x.Case(ctx, "22-010565")
	if err != nil {
		t.Fatal(err)
	}
	want = []string{
		"2024-03-14 Klima-, Teknik- og Miljøudvalget noted <- Skole-, Børne- og Ungeudvalget 2024-03-19 #4 (reprinted)",
		"2024-03-19 Skole-, Børne- og Ungeudvalget approved <- Skole-, Børne- og Ungeudvalget 2024-03-19 #4",
	}
	if got := timelineLines(h); !slices.Equal(got, want) {
		t.Errorf("SBU only: timeline =\n%q\nwant\n%q", got, want)
	}

	// Two items of one meeting recording the same decision: listed once,
	// naming both. KTM's item 2 printed twice, as items 2 and 30.
	twice := *recs[0]
	twice.Items = slices.Clone(twice.Items)
	var again corpus.Item
	for _, it := range twice.Items {
		if it.Number == 2 {
			again = it
		}
	}
	again.Number = 30
	twice.Items = append(twice.Items, again)
	x = memIndex(t, []*corpus.Record{&twice, recs[1]})
	if h, err = x.Case(ctx, "22-010565"); err != nil {
		t.Fatal(err)
	}
	want = []string{
		"2024-03-14 Klima-, Teknik- og Miljøudvalget noted <- Klima-, Teknik- og Miljøudvalget 2024-03-14 #2 (also in 1) (reprinted in 1)",
		"2024-03-19 Skole-, Børne- og Ungeudvalget approved <- Skole-, Børne- og Ungeudvalget 2024-03-19 #4",
	}
	if got := timelineLines(h); !slices.Equal(got, want) {
		t.Errorf("one meeting, two items: timeline =\n%q\nwant\n%q", got, want)
	}
	if a := h.Timeline[0].AlsoIn; len(a) != 1 || a[0] != index.ItemID(twice.ID, 30, 0) {
		t.Errorf("one meeting, two items: also in %q; want item 30", a)
	}

	// The same words dated otherwise are another decision: SBU's reprint
	// with the date of the day after is not KTM's decision of 14 March.
	moved := *recs[1]
	moved.Items = slices.Clone(moved.Items)
	for i := range moved.Items {
		if moved.Items[i].Number == 4 {
			ds := slices.Clone(moved.Items[i].Decisions)
			ds[0].Date = "2024-03-15"
			moved.Items[i].Decisions = ds
		}
	}
	x = memIndex(t, []*corpus.Record{recs[0], &moved})
	if h, err = x.Case(ctx, "22-010565"); err != nil {
		t.Fatal(err)
	}
	want = []string{
		"2024-03-14 Klima-, Teknik- og Miljøudvalget noted <- Klima-, Teknik- og Miljøudvalget 2024-03-14 #2",
		"2024-03-15 Klima-, Teknik- og Miljøudvalget noted <- Skole-, Børne- og Ungeudvalget 2024-03-19 #4 (reprinted)",
		"2024-03-19 Skole-, Børne- og Ungeudvalget approved <- Skole-, Børne- og Ungeudvalget 2024-03-19 #4",
	}
	if got := timelineLines(h); !slices.Equal(got, want) {
		t.Errorf("reprint dated otherwise: timeline =\n%q\nwant\n%q", got, want)
	}
}

// TestNyborgLetterLinks: the Nyborg letter (seed 002) names Nyborg's case
// number S2024-19207 ("kommunens sagsnr."), the ministry's 2023 – 9318 and
// its own J.nr. 24-10910. The corpus holds no Nyborg minutes, so the
// test's items are real items (Lejre's item 2 of seed 004, item 64 of
// Frederiksberg's seed 003) given Nyborg's case number or the letter's
// journal number, and the municipality named in each case below.
func TestNyborgLetterLinks(t *testing.T) {
	seeds := extractedSeeds(t)
	letter := seeds["002"]
	if letter.Kind != corpus.KindLetter || letter.Municipality != "Nyborg Kommune" {
		t.Fatalf("seed 002: %s of %q; want the letter to Nyborg Kommune", letter.Kind, letter.Municipality)
	}
	base := func(seed string, number int) corpus.Item {
		for _, it := range seeds[seed].Items {
			if it.Number == number {
				return it
			}
		}
		t.Fatalf("seed %s has no item %d", seed, number)
		return corpus.Item{}
	}
	meeting := func(id, municipality, raw string, it corpus.Item) *corpus.Record {
		r := *seeds["004"]
		r.ID = strings.Repeat(id, 64)
		r.Municipality = municipality
		it.CaseNumbers = append([]corpus.CaseNumber{{Raw: raw, Scheme: corpus.SchemePrefixed}}, it.CaseNumbers...)
		r.Items = []corpus.Item{it}
		return &r
	}
	nyborg := meeting("1", "Nyborg Kommune", "S2024-19207", base("004", 2))
	greve := meeting("2", "Greve Kommune", "S2024-19207", base("003", 64))
	nyborgJnr := meeting("3", "Nyborg Kommune", "24-10910", base("003", 64))
	lejreJnr := meeting("4", "Lejre Kommune", "24-10910", base("004", 2))
	unknown := meeting("5", "", "S2024-19207", base("004", 2))
	// A letter to Nyborg naming only a number no item carries, under the
	// KLE subject (00.01.00) of the Nyborg item that keeps Frederiksberg's
	// KLE number: the municipality-and-subject link used to link them by
	// guess.
	lone := *letter
	lone.ID = strings.Repeat("6", 64)
	lone.Letter = &corpus.Letter{Sender: "Ankestyrelsen", Recipient: "Nyborg Kommune", Date: "2025-02-01",
		CaseNumbers: []corpus.CaseNumber{{Raw: "00.01.00-A00-9-24", Scheme: corpus.SchemeKLE, KLE: "00.01.00"}}}
	if cn := nyborgJnr.Items[0].CaseNumbers; len(cn) != 2 || cn[1].KLE != "00.01.00" {
		t.Fatalf("Frederiksberg item 64's case numbers %v; want one of KLE 00.01.00", cn)
	}
	ctx := context.Background()

	related := func(x *index.Index, id string) []string {
		hits, err := x.Related(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, h := range hits {
			got = append(got, h.RecordID[:1]+" "+h.Municipality)
		}
		return got
	}
	itemLetters := func(x *index.Index, r *corpus.Record) []string {
		ls, err := x.LinkedLetters(ctx, index.ItemID(r.ID, r.Items[0].Number, 0), []string{r.Items[0].CaseNumbers[0].Raw})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, l := range ls {
			got = append(got, l.RecordID)
		}
		return got
	}

	// Nyborg's own items carrying a number the letter names link; Greve's
	// and Lejre's carrying the same numbers do not.
	x := memIndex(t, []*corpus.Record{letter, &lone, nyborg, greve, nyborgJnr, lejreJnr})
	if got, want := related(x, letter.ID), []string{"1 Nyborg Kommune", "3 Nyborg Kommune"}; !slices.Equal(got, want) {
		t.Errorf("Related(Nyborg letter) = %q; want %q", got, want)
	}
	if got := related(x, lone.ID); len(got) != 0 {
		t.Errorf("Related(letter naming no item's number) = %q; want nothing", got)
	}
	for _, c := range []struct {
		r    *corpus.Record
		want []string
	}{{nyborg, []string{letter.ID}}, {nyborgJnr, []string{letter.ID}}, {greve, nil}, {lejreJnr, nil}} {
		if got := itemLetters(x, c.r); !slices.Equal(got, c.want) {
			t.Errorf("LinkedLetters(%s item %s) = %q; want %q", c.r.Municipality, c.r.Items[0].CaseNumbers[0].Raw, got, c.want)
		}
	}
	h, err := x.Case(ctx, "S2024-19207")
	if err != nil {
		t.Fatal(err)
	}
	if len(h.Items) != 2 || len(h.Letters) != 1 || h.Letters[0].RecordID != letter.ID {
		t.Errorf("Case(S2024-19207): %d items, letters %v; want Nyborg's and Greve's items, the letter", len(h.Items), h.Letters)
	}
	if h, err = x.Case(ctx, "24-10910"); err != nil || len(h.Letters) != 1 {
		t.Errorf("Case(24-10910) = %v, %v; want the letter, linked with Nyborg's item", h, err)
	}

	// An item whose municipality is unknown: S2024-19207 is specific
	// enough to link it while only Nyborg carries the number, and not
	// once Greve carries it too. 24-10910, a year-serial number, is not.
	unknownJnr := meeting("7", "", "24-10910", base("004", 2))
	x = memIndex(t, []*corpus.Record{letter, unknown, unknownJnr})
	if got, want := related(x, letter.ID), []string{"5 " + index.UnknownMunicipality}; !slices.Equal(got, want) {
		t.Errorf("Related(Nyborg letter), item of no municipality = %q; want %q", got, want)
	}
	x = memIndex(t, []*corpus.Record{letter, unknown, greve})
	if got := related(x, letter.ID); len(got) != 0 {
		t.Errorf("Related(Nyborg letter), items of Greve and of no municipality = %q; want none", got)
	}
}

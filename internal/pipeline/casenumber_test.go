package pipeline

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"

	"referat/index"
	"referat/internal/casenum"
	"referat/internal/testcorpus"
)

// TestEveryCaseNumberFindsItsItem ingests the shared corpus and types
// every case number printed in any item, and every journal number of a
// letter, as a query: as printed, and with its slashes typed as dashes or
// its first dash as a slash ("19-3742" for 19/3742, "23/011668" for
// 23-011668). Among the first hits of each search must be an item (for a
// letter, the letter) that has it. It is the contract of internal/casenum:
// what extraction recognises, search looks up.
func TestEveryCaseNumberFindsItsItem(t *testing.T) {
	dir := testcorpus.Shared(t)
	if testing.Short() {
		t.Skip("ingests the shared corpus; skipped with -short")
	}
	p, _ := openTemp(t)
	ctx := context.Background()
	if rep, err := p.IngestPaths(ctx, []string{dir}, Options{Workers: 2}); err != nil && !errors.Is(err, ErrSomeFailed) {
		t.Fatalf("ingest %s: %v", dir, err)
	} else {
		for _, f := range rep.Failures {
			t.Logf("not ingested: %s: %s", f.Path, f.Reason)
		}
	}
	ids, err := p.Store.RecordIDs()
	if err != nil {
		t.Fatal(err)
	}
	type want struct{ raw, typ string }
	seen := map[want]bool{}
	var wants []want
	add := func(raw, typ string) {
		if w := (want{raw, typ}); raw != "" && !seen[w] {
			seen[w] = true
			wants = append(wants, w)
		}
	}
	for _, id := range ids {
		rec, err := p.Store.Record(id)
		if err != nil {
			t.Fatal(err)
		}
		for _, it := range rec.Items {
			for _, c := range it.CaseNumbers {
				add(c.Raw, index.TypeItem)
			}
		}
		if rec.Letter != nil && len(rec.Items) == 0 {
			for _, j := range rec.Letter.JournalNumbers {
				add(j, index.TypeDocument)
			}
		}
	}
	if len(wants) < 100 {
		t.Fatalf("the shared corpus yields %d case numbers; want at least 100", len(wants))
	}
	const top = 10
	typed := 0
	for _, w := range wants {
		key := casenum.Key(w.raw)
		for _, q := range typings(w.raw) {
			typed++
			if !finds(t, p, q, w.typ, key, top) {
				t.Errorf("search %q (case number %q of a %s; typed as a case number: %v): none of the first %d hits has it", q, w.raw, w.typ, casenum.Query(q), top)
			}
		}
	}
	t.Logf("%d case numbers typed %d ways", len(wants), typed)
}

// typings are the ways a person may type raw: as printed, with slashes as
// dashes, and with its first dash as a slash.
func typings(raw string) []string {
	out := []string{raw}
	for _, v := range []string{strings.ReplaceAll(raw, "/", "-"), strings.Replace(raw, "-", "/", 1)} {
		if !slices.Contains(out, v) {
			out = append(out, v)
		}
	}
	return out
}

// finds reports whether one of the first top hits of searching q has a
// case number whose key is key.
func finds(t *testing.T, p *Pipeline, q, typ, key string, top int) bool {
	t.Helper()
	res, err := p.Index.Search(context.Background(), index.Request{Query: q, Type: typ, PageSize: top, Facets: []string{}})
	if err != nil {
		t.Errorf("search %q: %v", q, err)
		return true
	}
	return slices.ContainsFunc(res.Hits, func(h index.Hit) bool {
		return slices.ContainsFunc(h.CaseNumbers, func(raw string) bool { return casenum.Key(raw) == key })
	})
}

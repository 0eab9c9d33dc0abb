package web

import (
	"context"
	"encoding/json"
	"net/http"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"referat/corpus"
	"referat/index"
)

// TestCaseTimelinePage: Greve's case 22-010565 (testdata/corpus) is
// decided by Klima-, Teknik- og Miljøudvalget on 14 March 2024 and by
// Skole-, Børne- og Ungeudvalget on 19 March, whose item reprints the
// 14 March decision. The case page lists each decision once, oldest
// first, from the meeting that took it, and says where it is reprinted;
// /api/cases/ gives the same timeline. Typed 22/010565 it is the same
// case.
func TestCaseTimelinePage(t *testing.T) {
	f := realServer(t)
	for _, target := range []string{"/cases/22-010565", "/cases/22%2F010565"} {
		res, body := get(t, f.srv, target)
		wantStatus(t, target, res, http.StatusOK)
		tl := body[strings.Index(body, "<h2>Beslutninger</h2>"):]
		tl = tl[:strings.Index(tl, "</ol>")]
		steps := regexp.MustCompile(`(?s)<li class="step decision">(.*?)</li>`).FindAllStringSubmatch(tl, -1)
		if len(steps) != 2 {
			t.Fatalf("%s: %d decisions in the timeline; want 2 (14 March once, 19 March):\n%s", target, len(steps), tl)
		}
		containsAll(t, target+" first decision", steps[0][1],
			`<time class="ddate" datetime="2024-03-14">14. marts 2024</time> <strong>Klima-, Teknik- og Miljøudvalget</strong>`,
			`<span class="badge o-noted">`, "2. tages til efterretning",
			`Fra <a href="/items/`, `">punkt 2, Klima-, Teknik- og Miljøudvalget 14. marts 2024</a>`,
			`gengivet igen i <a href="/items/`, `">Skole-, Børne- og Ungeudvalget 19. marts 2024</a>`)
		containsAll(t, target+" second decision", steps[1][1],
			`datetime="2024-03-19"`, "<strong>Skole-, Børne- og Ungeudvalget</strong>", `<span class="badge o-approved">`,
			`Fra <a href="/items/`, `">punkt 4, Skole-, Børne- og Ungeudvalget 19. marts 2024</a>`)
		if n := strings.Count(body, "2. tages til efterretning"); n != 1 {
			t.Errorf("%s: the 14 March decision's text shown %d times; want once", target, n)
		}
		containsAll(t, target, body, "2 behandlinger · 14. marts 2024 – 19. marts 2024")
	}

	var h index.CaseHistory
	res, body := get(t, f.srv, "/api/cases/22-010565")
	wantStatus(t, "/api/cases/22-010565", res, http.StatusOK)
	if err := json.Unmarshal([]byte(body), &h); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, d := range h.Timeline {
		got = append(got, d.Date+" "+d.Body+" "+string(d.Outcome)+" "+d.Item.Date)
	}
	want := []string{
		"2024-03-14 Klima-, Teknik- og Miljøudvalget noted 2024-03-14",
		"2024-03-19 Skole-, Børne- og Ungeudvalget approved 2024-03-19",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("/api/cases/22-010565 timeline %q; want %q", got, want)
	}
	if len(h.Timeline) == 2 && (len(h.Timeline[0].ReprintedIn) != 1 || len(h.Items) != 2 || h.Timeline[0].ReprintedIn[0] != h.Items[1].ID) {
		t.Errorf("/api/cases/22-010565: 14 March reprinted in %q; want the 19 March item", h.Timeline[0].ReprintedIn)
	}
}

// TestLetterItemLinks: the Nyborg letter (seed 002) names Nyborg's case
// number S2024-19207. The test corpus has no Nyborg minutes, so a copy of
// the real Lejre meeting (seed 004) is given to Nyborg with that number on
// its item 2, and another to Greve. The letter's page lists Nyborg's item
// and not Greve's; Nyborg's item page lists the letter, Greve's does not.
func TestLetterItemLinks(t *testing.T) {
	f := testServer(t)
	dir := t.TempDir()
	st, err := corpus.OpenStore(filepath.Join(dir, "store"))
	if err != nil {
		t.Fatal(err)
	}
	put := func(r *corpus.Record, raw []byte) *corpus.Record {
		t.Helper()
		id, err := st.PutRaw(raw)
		if err != nil {
			t.Fatal(err)
		}
		r.ID = id
		if err := st.PutRecord(r); err != nil {
			t.Fatal(err)
		}
		return r
	}
	raw := func(rec *corpus.Record, prefix string) []byte {
		b, err := f.store.Raw(rec.ID)
		if err != nil {
			t.Fatal(err)
		}
		return append([]byte(prefix), b...)
	}
	letter := *f.recs["002"]
	put(&letter, raw(&letter, ""))
	meeting := func(municipality string) *corpus.Record {
		r := *f.recs["004"]
		r.Municipality = municipality
		r.Items = slices.Clone(r.Items)
		for i := range r.Items {
			if r.Items[i].Number == 2 {
				r.Items[i].CaseNumbers = []corpus.CaseNumber{{Raw: "S2024-19207", Scheme: corpus.SchemePrefixed}}
			}
		}
		return put(&r, raw(&r, municipality+"\n"))
	}
	nyborg, greve := meeting("Nyborg Kommune"), meeting("Greve Kommune")
	ix, err := index.Open(filepath.Join(dir, "index"))
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	if err := ix.Index(context.Background(), []*corpus.Record{&letter, nyborg, greve}); err != nil {
		t.Fatal(err)
	}
	srv, err := New(ix, st, Options{Log: &syncBuffer{}})
	if err != nil {
		t.Fatal(err)
	}
	nyborgItem, greveItem := "/items/"+index.ItemID(nyborg.ID, 2, 0), "/items/"+index.ItemID(greve.ID, 2, 0)

	_, body := get(t, srv, "/documents/"+letter.ID)
	containsAll(t, "letter page", body, "<h2>Punkter med brevets sagsnumre</h2>", `href="`+nyborgItem+`"`)
	if strings.Contains(body, greveItem) {
		t.Errorf("letter page links Greve's item carrying Nyborg's case number")
	}
	_, body = get(t, srv, nyborgItem)
	containsAll(t, "Nyborg item page", body, "Breve fra Ankestyrelsen", `href="/documents/`+letter.ID+`"`)
	_, body = get(t, srv, greveItem)
	if strings.Contains(body, `href="/documents/`+letter.ID+`"`) {
		t.Errorf("Greve's item page links the letter to Nyborg")
	}
}

package index

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"referat/corpus"
)

// The data-driven suite: each directory under testdata/cases holds
// records.json (corpus records mapped by hand from real documents) and
// searches.json (searches and case lookups with what they must return).
// Hits are named by label (see label), so the expectations read like the
// documents.

type searchCase struct {
	Name    string     `json:"name"`
	Request *jsonReq   `json:"request,omitempty"`
	Case    string     `json:"case,omitempty"`
	Want    searchWant `json:"want"`
}

type jsonReq struct {
	Query        string   `json:"query"`
	Municipality []string `json:"municipality"`
	Committee    []string `json:"committee"`
	Kind         []string `json:"kind"`
	Outcome      []string `json:"outcome"`
	Year         []string `json:"year"`
	From         string   `json:"from"`
	To           string   `json:"to"`
	Sort         string   `json:"sort"`
	Page         int      `json:"page"`
	PageSize     int      `json:"page_size"`
	Type         string   `json:"type"`
	Facets       []string `json:"facets"`
}

type searchWant struct {
	Error    string                  `json:"error,omitempty"`    // a *QueryError whose message contains this
	Total    *int                    `json:"total,omitempty"`    // exact total
	Hits     []string                `json:"hits,omitempty"`     // exact hits, in order
	Contains []string                `json:"contains,omitempty"` // among the hits
	Excludes []string                `json:"excludes,omitempty"` // not among the hits
	Facets   map[string][]FacetCount `json:"facets,omitempty"`   // exact facet values and counts
	Marks    []string                `json:"marks,omitempty"`    // marked in every hit's snippet (lower case, contained)
	Outcome  string                  `json:"outcome,omitempty"`  // the first hit's outcome
	Letters  []string                `json:"letters,omitempty"`  // for a case: linked letters, in order
	Decided  []string                `json:"decided,omitempty"`  // for a case: "body date outcome" of each decision, in order
	Timeline []string                `json:"timeline,omitempty"` // for a case: "body date outcome" of its timeline, in order
}

// label names a hit for the expectations: "Lejre Kommune 2024-02-06 #7"
// for an item, "letter 2025-01-29" or "referat Lejre Kommune 2024-02-06"
// for a whole document.
func label(h Hit) string {
	if h.Type == TypeItem {
		return fmt.Sprintf("%s %s #%d", h.Municipality, h.Date, h.ItemNumber)
	}
	return strings.Join(strings.Fields(fmt.Sprintf("%s %s %s", h.Kind, h.Municipality, h.Date)), " ")
}

func loadCase(t *testing.T, dir string) (*Index, []searchCase) {
	t.Helper()
	var recs []*corpus.Record
	readJSON(t, filepath.Join(dir, "records.json"), &recs)
	var searches []searchCase
	readJSON(t, filepath.Join(dir, "searches.json"), &searches)
	x, err := newMem()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { x.Close() })
	if err := x.Index(context.Background(), recs); err != nil {
		t.Fatalf("index %s: %v", dir, err)
	}
	return x, searches
}

func readJSON(t testing.TB, path string, v any) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, v); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
}

func TestCases(t *testing.T) {
	dirs, err := filepath.Glob(filepath.Join("testdata", "cases", "*"))
	if err != nil || len(dirs) == 0 {
		t.Fatalf("no cases in testdata/cases: %v", err)
	}
	for _, dir := range dirs {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			x, searches := loadCase(t, dir)
			for _, sc := range searches {
				t.Run(sc.Name, func(t *testing.T) {
					if sc.Case != "" {
						runCase(t, x, sc)
						return
					}
					runSearch(t, x, sc)
				})
			}
		})
	}
}

func (j *jsonReq) request(t *testing.T) Request {
	r := Request{
		Query: j.Query, Municipality: j.Municipality, Committee: j.Committee, Kind: j.Kind,
		Outcome: j.Outcome, Year: j.Year, Sort: j.Sort, Page: j.Page, PageSize: j.PageSize, Type: j.Type, Facets: j.Facets,
	}
	var err error
	if j.From != "" {
		if r.From, err = time.Parse(time.DateOnly, j.From); err != nil {
			t.Fatal(err)
		}
	}
	if j.To != "" {
		if r.To, err = time.Parse(time.DateOnly, j.To); err != nil {
			t.Fatal(err)
		}
	}
	return r
}

func runSearch(t *testing.T, x *Index, sc searchCase) {
	req := sc.Request.request(t)
	res, err := x.Search(context.Background(), req)
	if sc.Want.Error != "" {
		var qe *QueryError
		if !errors.As(err, &qe) || !strings.Contains(qe.Msg, sc.Want.Error) {
			t.Fatalf("Search(%+v) error = %v; want *QueryError containing %q", req, err, sc.Want.Error)
		}
		if strings.Contains(qe.Error(), "\n") {
			t.Errorf("error %q spans lines", qe.Error())
		}
		return
	}
	if err != nil {
		t.Fatalf("Search(%+v): %v", req, err)
	}
	var got []string
	for _, h := range res.Hits {
		got = append(got, label(h))
	}
	w := sc.Want
	if w.Total != nil && res.Total != uint64(*w.Total) {
		t.Errorf("Search(%q) total = %d; want %d (hits %q)", req.Query, res.Total, *w.Total, got)
	}
	if w.Hits != nil && !slices.Equal(got, w.Hits) {
		t.Errorf("Search(%q) hits =\n%q\nwant\n%q", req.Query, got, w.Hits)
	}
	for _, l := range w.Contains {
		if !slices.Contains(got, l) {
			t.Errorf("Search(%q) hits %q; want them to contain %q", req.Query, got, l)
		}
	}
	for _, l := range w.Excludes {
		if slices.Contains(got, l) {
			t.Errorf("Search(%q) hits %q; want no %q", req.Query, got, l)
		}
	}
	for name, want := range w.Facets {
		if g := res.Facets[name]; !slices.Equal(g, want) {
			t.Errorf("Search(%q) facet %s = %v; want %v", req.Query, name, g, want)
		}
	}
	if w.Outcome != "" {
		if len(res.Hits) == 0 {
			t.Fatalf("Search(%q): no hits; want a first hit to check", req.Query)
		}
		first := res.Hits[0]
		if w.Outcome != "" && first.Outcome != w.Outcome {
			t.Errorf("Search(%q) first hit outcome = %q; want %q", req.Query, first.Outcome, w.Outcome)
		}
	}
	for _, h := range res.Hits {
		for _, m := range w.Marks {
			if !marked(h.Snippet, m) {
				t.Errorf("Search(%q) hit %s snippet %v; want %q marked", req.Query, label(h), h.Snippet, m)
			}
		}
	}
	for _, h := range res.Hits {
		checkSnippet(t, h)
	}
}

func marked(spans []Span, s string) bool {
	for _, sp := range spans {
		if sp.Match && strings.Contains(strings.ToLower(sp.Text), strings.ToLower(s)) {
			return true
		}
	}
	return false
}

// checkSnippet checks what every snippet must be: short, one line.
func checkSnippet(t *testing.T, h Hit) {
	t.Helper()
	n := 0
	for _, s := range h.Snippet {
		n += len(s.Text)
		if strings.ContainsAny(s.Text, "\n\r\t") {
			t.Errorf("%s: snippet span %q has a line break or tab", h.ID, s.Text)
		}
	}
	if n > 2*SnippetLength {
		t.Errorf("%s: snippet is %d bytes; want about %d", h.ID, n, SnippetLength)
	}
}

func runCase(t *testing.T, x *Index, sc searchCase) {
	h, err := x.Case(context.Background(), sc.Case)
	if sc.Want.Error != "" {
		var qe *QueryError
		if !errors.As(err, &qe) || !strings.Contains(qe.Msg, sc.Want.Error) {
			t.Fatalf("Case(%q) error = %v; want *QueryError containing %q", sc.Case, err, sc.Want.Error)
		}
		return
	}
	if err != nil {
		t.Fatalf("Case(%q): %v", sc.Case, err)
	}
	var items, letters, decided, timeline []string
	for _, it := range h.Items {
		items = append(items, label(it.Hit))
		for _, d := range it.Decisions {
			decided = append(decided, fmt.Sprintf("%s %s %s", d.Body, d.Date, d.Outcome))
		}
	}
	for _, d := range h.Timeline {
		timeline = append(timeline, fmt.Sprintf("%s %s %s", d.Body, d.Date, d.Outcome))
	}
	for _, l := range h.Letters {
		letters = append(letters, label(l))
	}
	w := sc.Want
	if !slices.Equal(items, w.Hits) {
		t.Errorf("Case(%q) items = %q; want %q", sc.Case, items, w.Hits)
	}
	if !slices.Equal(letters, w.Letters) {
		t.Errorf("Case(%q) letters = %q; want %q", sc.Case, letters, w.Letters)
	}
	if w.Decided != nil && !slices.Equal(decided, w.Decided) {
		t.Errorf("Case(%q) decisions = %q; want %q", sc.Case, decided, w.Decided)
	}
	if w.Timeline != nil && !slices.Equal(timeline, w.Timeline) {
		t.Errorf("Case(%q) timeline = %q; want %q", sc.Case, timeline, w.Timeline)
	}
}

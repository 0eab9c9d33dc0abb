package web

import (
	"context"
	"errors"
	"html/template"
	"net/http"
	"slices"
	"strings"
	"time"

	"referat/index"
	"referat/internal/export"
)

// facetShown is the number of values a facet lists before "flere".
const facetShown = 8

// searchData is what the search template shows.
type searchData struct {
	Title       string
	State       searchState
	Error       string // a bad parameter or a query the index refused
	Ran         bool   // a search ran (no error)
	Total       uint64
	Took        string
	Hits        []hitView
	Chips       []chip
	Facets      []facetView
	Sorts       []link
	Pages       []pageLink
	Prev        string
	Next        string
	Help        bool // show the query syntax help
	Filters     []hidden
	FeedURL     string        // the Atom feed of the search
	ExportURL   string        // every hit as CSV
	Chart       template.HTML // hits over time (timeline.go)
	KommunerURL string        // the search per municipality
}

// hitView is one result as shown.
type hitView struct {
	index.Hit
	URL   string
	Cases []link
}

// chip is a chosen filter value with the link that removes it.
type chip struct {
	Facet, Label, RemoveURL string
}

type facetView struct {
	Name, Label string
	Top, More   []facetValue
}

type facetValue struct {
	Label    string
	Count    int
	URL      string
	Selected bool
}

type link struct {
	Label, URL string
	Current    bool
}

type pageLink struct {
	N       int
	URL     string
	Current bool
	Gap     bool // an ellipsis instead of a page
}

// hidden is a hidden form field that carries a filter along when the
// query box is submitted.
type hidden struct{ Name, Value string }

func (s *Server) searchPage(w http.ResponseWriter, r *http.Request) {
	st, perr := parseSearch(r.URL.Query())
	data := searchData{Title: "Søg", State: st, Help: st.Q == ""}
	data.Filters = hiddenFields(st)
	if perr != nil {
		data.Error = perr.msg
		s.render(w, r, http.StatusBadRequest, "search", data)
		return
	}
	res, err := s.search(r.Context(), st)
	var qe *index.QueryError
	switch {
	case errors.As(err, &qe):
		data.Error = "Søgningen kunne ikke forstås: " + qe.Msg
		data.Help = true
		s.render(w, r, http.StatusBadRequest, "search", data)
		return
	case err != nil:
		s.internalError(w, r, err)
		return
	}
	if st.Q != "" {
		data.Title = st.Q
	}
	data.Ran = true
	data.FeedURL = feedURL(st)
	data.ExportURL = exportURL(st)
	data.Total = res.Total
	data.Took = formatTook(res.Took)
	for _, h := range res.Hits {
		data.Hits = append(data.Hits, newHitView(h))
	}
	data.Chips = chips(st)
	data.Facets = facets(st, res.Facets)
	data.Sorts = sortLinks(st)
	if data.Chart, err = s.hitsChart(r.Context(), st, res.Facets["year"]); err != nil {
		s.logf("web: chart of %s: %v", r.URL.RequestURI(), err) // the page is worth showing without it
	}
	data.KommunerURL = kommunerURL(st)
	data.Pages, data.Prev, data.Next = pageLinks(st, res.Total)
	s.render(w, r, http.StatusOK, "search", data)
}

func (s *Server) search(ctx context.Context, st searchState) (*index.Result, error) {
	ctx, cancel := context.WithTimeout(ctx, s.opts.SearchTimeout)
	defer cancel()
	return s.ix.Search(ctx, st.request())
}

// hitURL is the page of a hit: its item, or its whole document.
func hitURL(h index.Hit) string { return export.PagePath(h) }

func newHitView(h index.Hit) hitView {
	v := hitView{Hit: h, URL: hitURL(h)}
	for _, c := range h.CaseNumbers {
		v.Cases = append(v.Cases, link{Label: c, URL: caseURL(c)})
	}
	return v
}

func hiddenFields(st searchState) []hidden {
	var hs []hidden
	for _, p := range filterParams {
		for _, v := range *st.list(p) {
			hs = append(hs, hidden{p, v})
		}
	}
	if st.Sort != "" {
		hs = append(hs, hidden{"sort", st.Sort})
	}
	if st.Size > 0 {
		hs = append(hs, hidden{"size", itoa(st.Size)})
	}
	if st.Type != "" {
		hs = append(hs, hidden{"type", st.Type})
	}
	return hs
}

func chips(st searchState) []chip {
	var cs []chip
	for _, p := range filterParams {
		for _, v := range *st.list(p) {
			cs = append(cs, chip{Facet: facetLabel(p), Label: valueLabel(p, v), RemoveURL: st.without(p, v).URL()})
		}
	}
	if st.From != "" {
		c := st.clone()
		c.From, c.Page = "", 0
		cs = append(cs, chip{Facet: "Fra", Label: danishDate(st.From), RemoveURL: c.URL()})
	}
	if st.To != "" {
		c := st.clone()
		c.To, c.Page = "", 0
		cs = append(cs, chip{Facet: "Til", Label: danishDate(st.To), RemoveURL: c.URL()})
	}
	if st.Type != "" {
		c := st.clone()
		c.Type, c.Page = "", 0
		label := "Kun punkter"
		if st.Type == index.TypeDocument {
			label = "Hele dokumenter"
		}
		cs = append(cs, chip{Facet: "Type", Label: label, RemoveURL: c.URL()})
	}
	return cs
}

// facets builds the facet lists. A chosen value links to its removal, so
// every list can both narrow and widen the search.
func facets(st searchState, fs map[string][]index.FacetCount) []facetView {
	var out []facetView
	for _, p := range filterParams {
		counts := slices.Clone(fs[p])
		if p == "year" {
			// Years read best newest first, whatever their counts.
			slices.SortFunc(counts, func(a, b index.FacetCount) int { return strings.Compare(b.Value, a.Value) })
		}
		// A chosen value may have fallen out of the index's top values;
		// it must still be listed so it can be removed.
		for _, v := range *st.list(p) {
			if !slices.ContainsFunc(counts, func(c index.FacetCount) bool { return c.Value == v }) {
				counts = append([]index.FacetCount{{Value: v}}, counts...)
			}
		}
		if len(counts) == 0 {
			continue
		}
		fv := facetView{Name: p, Label: facetLabel(p)}
		for i, c := range counts {
			sel := slices.Contains(*st.list(p), c.Value)
			u := st.with(p, c.Value).URL()
			if sel {
				u = st.without(p, c.Value).URL()
			}
			val := facetValue{Label: valueLabel(p, c.Value), Count: c.Count, URL: u, Selected: sel}
			if i < facetShown {
				fv.Top = append(fv.Top, val)
			} else {
				fv.More = append(fv.More, val)
			}
		}
		out = append(out, fv)
	}
	return out
}

func sortLinks(st searchState) []link {
	cur := st.sortOrder()
	var ls []link
	for _, o := range []struct{ sort, label string }{
		{index.SortRelevance, "Relevans"},
		{index.SortDateDesc, "Nyeste først"},
		{index.SortDate, "Ældste først"},
	} {
		ls = append(ls, link{Label: o.label, URL: st.sortedBy(o.sort).URL(), Current: o.sort == cur})
	}
	return ls
}

// pageLinks returns the page numbers around the current page, with the
// first and last, and the previous and next pages' addresses.
func pageLinks(st searchState, total uint64) (pages []pageLink, prev, next string) {
	size := st.pageSize()
	last := int((total + uint64(size) - 1) / uint64(size))
	last = min(last, index.MaxResultWindow/size)
	cur := st.page()
	if last <= 1 {
		return nil, "", ""
	}
	if cur > 1 {
		prev = st.onPage(cur - 1).URL()
	}
	if cur < last {
		next = st.onPage(cur + 1).URL()
	}
	gap := false
	for n := 1; n <= last; n++ {
		if n == 1 || n == last || (n >= cur-2 && n <= cur+2) {
			pages = append(pages, pageLink{N: n, URL: st.onPage(n).URL(), Current: n == cur})
			gap = false
		} else if !gap {
			pages = append(pages, pageLink{Gap: true})
			gap = true
		}
	}
	return pages, prev, next
}

func formatTook(d time.Duration) string {
	ms := float64(d.Microseconds()) / 1000
	if ms < 1 {
		return "under 1 ms"
	}
	return strings.Replace(strings.TrimRight(strings.TrimRight(ftoa(ms), "0"), "."), ".", ",", 1) + " ms"
}

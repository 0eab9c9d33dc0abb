package web

import (
	"fmt"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"referat/corpus"
	"referat/index"
)

// Limits on the parameters of a search beyond those of the index.
const (
	maxFilterValues = 20  // values of one filter parameter
	maxFilterLength = 200 // bytes of one filter value
)

// searchState is everything a search URL says. Its URL method writes it
// back, so the page's links and a bookmarked address agree.
type searchState struct {
	Q            string
	Municipality []string
	Committee    []string
	Year         []string
	Kind         []string
	Outcome      []string
	From, To     string // YYYY-MM-DD as given
	Sort         string // "" (the default), or an index.Sort* value
	Page         int    // 1-based; 0 = 1
	Size         int    // 0 = the index's default
	Type         string // "", index.TypeItem or index.TypeDocument
}

// filterParams are the facet filters of a search: URL parameter names,
// the facet of the index they filter on.
var filterParams = []string{"municipality", "committee", "year", "kind", "outcome"}

// list returns the values of the filter named by param.
func (st *searchState) list(param string) *[]string {
	switch param {
	case "municipality":
		return &st.Municipality
	case "committee":
		return &st.Committee
	case "year":
		return &st.Year
	case "kind":
		return &st.Kind
	case "outcome":
		return &st.Outcome
	}
	return nil
}

// paramError is a bad search parameter, in words for the page.
type paramError struct{ msg string }

func (e *paramError) Error() string { return e.msg }

func paramErrorf(format string, args ...any) *paramError {
	return &paramError{fmt.Sprintf(format, args...)}
}

var kinds = []string{string(corpus.KindReferat), string(corpus.KindDagsorden), string(corpus.KindLetter), string(corpus.KindPrincipmeddelelse), string(corpus.KindUnknown)}

var outcomes = corpus.OutcomeNames()

// parseSearch reads a search from URL parameters. What it returns is valid
// as far as this package can tell; the index checks the query itself.
func parseSearch(v url.Values) (searchState, *paramError) {
	var st searchState
	st.Q = strings.TrimSpace(v.Get("q"))
	if len(st.Q) > index.MaxQueryLength {
		return st, paramErrorf("Søgningen er for lang: %d tegn, højst %d.", len(st.Q), index.MaxQueryLength)
	}
	if !utf8.ValidString(st.Q) {
		return st, paramErrorf("Søgningen er ikke gyldig tekst (UTF-8).")
	}
	for _, p := range filterParams {
		vals := v[p]
		if len(vals) > maxFilterValues {
			return st, paramErrorf("For mange værdier af %s: %d, højst %d.", facetLabel(p), len(vals), maxFilterValues)
		}
		dst := st.list(p)
		for _, val := range vals {
			val = strings.TrimSpace(val)
			switch {
			case val == "":
				continue
			case len(val) > maxFilterLength || !utf8.ValidString(val):
				return st, paramErrorf("Værdien af %s er ugyldig.", facetLabel(p))
			case p == "year" && !isYear(val):
				return st, paramErrorf("Året %q er ikke et årstal.", val)
			case p == "kind" && !slices.Contains(kinds, val):
				return st, paramErrorf("Dokumenttypen %q findes ikke.", val)
			case p == "outcome" && !slices.Contains(outcomes, val):
				return st, paramErrorf("Udfaldet %q findes ikke.", val)
			}
			if !slices.Contains(*dst, val) {
				*dst = append(*dst, val)
			}
		}
	}
	for _, d := range []struct {
		name string
		dst  *string
	}{{"from", &st.From}, {"to", &st.To}} {
		s := strings.TrimSpace(v.Get(d.name))
		if s == "" {
			continue
		}
		if _, err := time.Parse(time.DateOnly, s); err != nil {
			return st, paramErrorf("Datoen %q er ikke en dato på formen ÅÅÅÅ-MM-DD.", s)
		}
		*d.dst = s
	}
	switch s := v.Get("sort"); s {
	case "", index.SortRelevance, index.SortDate, index.SortDateDesc:
		st.Sort = s
	default:
		return st, paramErrorf("Sorteringen %q findes ikke; brug %s, %s eller %s.", s, index.SortRelevance, index.SortDateDesc, index.SortDate)
	}
	var err *paramError
	if st.Page, err = positive(v.Get("page"), "Sidetallet", 0); err != nil {
		return st, err
	}
	if st.Size, err = positive(v.Get("size"), "Antallet pr. side", index.MaxPageSize); err != nil {
		return st, err
	}
	// Defaults are stored as zero, so a state has one URL.
	if st.Page == 1 {
		st.Page = 0
	}
	if st.Size == index.DefaultPageSize {
		st.Size = 0
	}
	if st.Page > index.MaxResultWindow/st.pageSize() { // no product: it would overflow
		return st, paramErrorf("Side %d ligger ud over de første %d resultater; gør søgningen smallere.", st.Page, index.MaxResultWindow)
	}
	switch s := v.Get("type"); s {
	case "", index.TypeItem, index.TypeDocument:
		st.Type = s
	default:
		return st, paramErrorf("Typen %q findes ikke; brug %s eller %s.", s, index.TypeItem, index.TypeDocument)
	}
	return st, nil
}

// positive parses an optional positive number; values above max (when
// max > 0) are clamped.
func positive(s, what string, max int) (int, *paramError) {
	if s == "" {
		return 0, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 {
		return 0, paramErrorf("%s skal være et helt tal større end 0, ikke %q.", what, truncate(s, 20))
	}
	if max > 0 && n > max {
		n = max
	}
	return n, nil
}

func isYear(s string) bool {
	if len(s) != 4 {
		return false
	}
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n] + "…"
}

func (st *searchState) pageSize() int {
	if st.Size > 0 {
		return st.Size
	}
	return index.DefaultPageSize
}

func (st *searchState) page() int {
	if st.Page > 0 {
		return st.Page
	}
	return 1
}

// sortOrder is the order the search runs in: the given one, else newest
// first for a search without words (relevance means nothing there).
func (st *searchState) sortOrder() string {
	if st.Sort != "" {
		return st.Sort
	}
	if st.Q == "" {
		return index.SortDateDesc
	}
	return index.SortRelevance
}

// request is the index request of a state.
func (st *searchState) request() index.Request {
	req := index.Request{
		Query:        st.Q,
		Municipality: st.Municipality,
		Committee:    st.Committee,
		Year:         st.Year,
		Kind:         st.Kind,
		Outcome:      st.Outcome,
		Sort:         st.sortOrder(),
		Page:         st.page(),
		PageSize:     st.pageSize(),
		Type:         st.Type,
	}
	// Both were checked by parseSearch.
	req.From, _ = time.Parse(time.DateOnly, st.From)
	req.To, _ = time.Parse(time.DateOnly, st.To)
	return req
}

// URL returns the address of the search page showing the state: its
// parameters, defaults left out, encoded as url.Values.Encode would (keys
// in byte order). A result page has a link per facet value, so this is
// written out rather than built through a url.Values.
func (st searchState) URL() string {
	var b strings.Builder
	b.Grow(64)
	add := func(k, v string) {
		if b.Len() == 0 {
			b.WriteString("/?")
		} else {
			b.WriteByte('&')
		}
		b.WriteString(k)
		b.WriteByte('=')
		b.WriteString(url.QueryEscape(v))
	}
	adds := func(k string, vs []string) {
		for _, v := range vs {
			add(k, v)
		}
	}
	// In byte order of the keys.
	adds("committee", st.Committee)
	if st.From != "" {
		add("from", st.From)
	}
	adds("kind", st.Kind)
	adds("municipality", st.Municipality)
	adds("outcome", st.Outcome)
	if st.Page > 1 {
		add("page", strconv.Itoa(st.Page))
	}
	if st.Q != "" {
		add("q", st.Q)
	}
	if st.Size > 0 && st.Size != index.DefaultPageSize {
		add("size", strconv.Itoa(st.Size))
	}
	if st.Sort != "" {
		add("sort", st.Sort)
	}
	if st.To != "" {
		add("to", st.To)
	}
	if st.Type != "" {
		add("type", st.Type)
	}
	adds("year", st.Year)
	if b.Len() == 0 {
		return "/"
	}
	return b.String()
}

// clone returns a deep copy, so a link's change does not touch st.
func (st searchState) clone() searchState {
	c := st
	for _, p := range filterParams {
		*c.list(p) = slices.Clone(*st.list(p))
	}
	return c
}

// with returns the state narrowed by one more filter value, on page 1.
func (st searchState) with(param, value string) searchState {
	c := st.clone()
	l := c.list(param)
	if !slices.Contains(*l, value) {
		*l = append(*l, value)
	}
	c.Page = 0
	return c
}

// without returns the state without one filter value, on page 1.
func (st searchState) without(param, value string) searchState {
	c := st.clone()
	l := c.list(param)
	*l = slices.DeleteFunc(*l, func(s string) bool { return s == value })
	c.Page = 0
	return c
}

func (st searchState) onPage(n int) searchState {
	c := st.clone()
	c.Page = n
	return c
}

func (st searchState) sortedBy(s string) searchState {
	c := st.clone()
	c.Sort = s
	c.Page = 0
	return c
}

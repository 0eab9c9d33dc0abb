package index

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
)

// facetFields maps facet names to the field whose values they count, the
// number of values returned, and for the default facets the code that
// marks their values in fFacet. The default facets are all counted from
// fFacet, which costs one read of doc values per hit instead of one per
// facet; the others read their own field when asked for.
var facetFields = map[string]struct {
	field string
	size  int
	code  string
}{
	"municipality": {fMunicipality, 30, "m"},
	"committee":    {fCommittee, 30, "c"},
	"kind":         {fKind, 5, "k"},
	"year":         {fYear, 50, "y"},
	"outcome":      {fOutcome, 8, "o"},
	"heading":      {fHeading, 30, ""},
	"scheme":       {fScheme, 5, ""},
	"subject":      {fSubject, 30, ""},
}

// maxFacetTerms bounds the distinct values of all facets counted in one
// search; beyond it the rarest are left out.
const maxFacetTerms = 1 << 16

// Search runs a request. A malformed query or request returns a
// *QueryError. When no hit holds every free word of a query of several,
// the hits holding some of them are returned, ranked by how many and how
// well, with Result.Partial set.
func (x *Index) Search(ctx context.Context, r Request) (*Result, error) {
	start := time.Now()
	q, err := ParseQuery(r.Query)
	if err != nil {
		return nil, err
	}
	if err := checkRequest(&r); err != nil {
		return nil, err
	}
	page, size, err := paging(r)
	if err != nil {
		return nil, err
	}
	facets, err := facetList(r)
	if err != nil {
		return nil, err
	}
	p := x.compile(q, &r)
	sort := r.Sort
	if len(p.scored) == 0 && (sort == "" || sort == SortRelevance) {
		// Nothing to rank by: newest first reads best.
		sort = SortDateDesc
	}
	switch sort {
	case "", SortRelevance, SortDate, SortDateDesc:
	default:
		return nil, queryErrorf(r.Query, "sorteringen %q findes ikke; brug %s, %s eller %s", r.Sort, SortRelevance, SortDate, SortDateDesc)
	}
	out, err := x.run(ctx, q, p, page, size, facets, sort)
	if err != nil {
		return nil, err
	}
	if rq := relaxed(q); out.Total == 0 && rq != nil {
		more, err := x.run(ctx, rq, x.compile(rq, &r), page, size, facets, sort)
		if err != nil {
			return nil, err
		}
		if more.Total > 0 {
			out = more
			out.Partial = true
		}
	}
	out.Took = time.Since(start)
	return out, nil
}

// run answers a compiled search with the segment engine, or with Bleve
// where the engine cannot (another index type, a ranking it does not
// model) or is turned off (UseEngine).
func (x *Index) run(ctx context.Context, q *Query, p *plan, page, size int, facets []string, sort string) (*Result, error) {
	if !x.bleveOnly && !p.nested {
		out, err := x.searchEngine(ctx, q, p, page, size, facets, sort)
		if err == nil {
			return out, nil
		}
		if !errors.Is(err, errNoEngine) {
			return nil, fmt.Errorf("search %q: %w", q, err)
		}
	}
	return x.searchBleve(ctx, q, p, page, size, facets, sort)
}

// UseEngine turns the segment engine on (the default) or off: off, every
// search goes through Bleve's own search. The environment variable
// REFERAT_ENGINE=off turns it off for the indexes a process opens.
func (x *Index) UseEngine(on bool) { x.bleveOnly = !on }

// relaxed returns the query with its free words (two or more) as a
// choice, each word counting towards the rank: what a search finds when
// no hit holds every word; nil when there is nothing to relax.
func relaxed(q *Query) *Query {
	var words, rest []Clause
	for _, c := range q.Clauses {
		if c.Field == "" && c.Any == nil && !c.Exclude {
			words = append(words, c)
		} else {
			rest = append(rest, c)
		}
	}
	if len(words) < 2 {
		return nil
	}
	alts := make([][]Clause, len(words))
	for i, w := range words {
		alts[i] = []Clause{w}
	}
	return &Query{Clauses: append(rest, Clause{Any: alts})}
}

// searchBleve answers a validated request through Bleve's own search, for
// indexes the segment engine cannot read (and as the reference the
// engine's tests compare with).
func (x *Index) searchBleve(ctx context.Context, q *Query, p *plan, page, size int, facets []string, sort string) (*Result, error) {
	hasText := len(p.scored) > 0
	req := bleve.NewSearchRequestOptions(bleveQuery(p), size, (page-1)*size, false)
	if !hasText {
		req.Score = bleve.ScoreNone // nothing ranks; ties keep index order
	}
	req.Fields = append(slices.Clone(storedFields), fBody)
	req.IncludeLocations = true // where the terms are, for snippets
	switch sort {
	case "", SortRelevance:
		// Ties keep index order, which is stable between pages; sorting
		// by document id would read every hit's id.
	case SortDate, SortDateDesc:
		req.SortByCustom(search.SortOrder{
			&search.SortField{Field: fDay, Desc: sort == SortDateDesc, Type: search.SortFieldAsString, Missing: search.SortFieldMissingLast},
			// A day's meetings one after the other, each in agenda order.
			&search.SortField{Field: fRecord, Type: search.SortFieldAsString, Missing: search.SortFieldMissingLast},
			&search.SortField{Field: fPosition, Type: search.SortFieldAsString, Missing: search.SortFieldMissingLast},
			&search.SortScore{Desc: true},
		})
	}
	combined := false
	for _, name := range facets {
		if f := facetFields[name]; f.code != "" {
			combined = true
		} else {
			req.AddFacet(name, bleve.NewFacetRequest(f.field, f.size))
		}
	}
	if combined {
		req.AddFacet(fFacet, bleve.NewFacetRequest(fFacet, maxFacetTerms))
	}
	res, err := x.bi.SearchInContext(ctx, req)
	if err != nil {
		return nil, fmt.Errorf("search %q: %w", q, err)
	}
	marks := x.queryMarks(q, p)
	out := &Result{Total: res.Total, Hits: []Hit{}, Facets: map[string][]FacetCount{}}
	for _, h := range res.Hits {
		hit := hitFrom(h)
		var ms []span
		for t, locs := range h.Locations[fBody] {
			if marks.terms[t] {
				for _, l := range locs {
					ms = append(ms, span{int(l.Start), int(l.End), t})
				}
			}
		}
		slices.SortFunc(ms, func(a, b span) int { return a.start - b.start })
		hit.Snippet = snippetOf(str(h.Fields[fBody]), ms, marks.literals)
		out.Hits = append(out.Hits, hit)
	}
	for _, name := range facets {
		out.Facets[name] = []FacetCount{}
	}
	for key, fr := range res.Facets {
		if fr.Terms == nil {
			continue
		}
		for _, t := range fr.Terms.Terms() {
			name, value := key, t.Term
			if key == fFacet {
				code, v, ok := strings.Cut(t.Term, facetSep)
				if !ok {
					continue
				}
				name, value = facetOfCode[code], v
			}
			if _, asked := out.Facets[name]; asked {
				out.Facets[name] = append(out.Facets[name], FacetCount{Value: value, Count: t.Count})
			}
		}
	}
	for name, fcs := range out.Facets {
		slices.SortStableFunc(fcs, func(a, b FacetCount) int {
			if a.Count != b.Count {
				return b.Count - a.Count
			}
			return strings.Compare(a.Value, b.Value)
		})
		out.Facets[name] = fcs[:min(len(fcs), facetFields[name].size)]
	}
	return out, nil
}

// facetList returns the facets a request asks for.
func facetList(r Request) ([]string, error) {
	if r.Facets == nil {
		return DefaultFacets, nil
	}
	for _, f := range r.Facets {
		if _, ok := facetFields[f]; !ok {
			return nil, queryErrorf(r.Query, "facetten %q findes ikke; facetter: %s", f, strings.Join(FacetNames, ", "))
		}
	}
	return r.Facets, nil
}

func paging(r Request) (page, size int, err error) {
	page, size = r.Page, r.PageSize
	if page <= 0 {
		page = 1
	}
	if size <= 0 {
		size = DefaultPageSize
	}
	size = min(size, MaxPageSize)
	// page > window/size, not page*size > window: a huge page would
	// overflow the product and pass the check.
	if page > MaxResultWindow/size {
		return 0, 0, queryErrorf(r.Query, "side %d ligger ud over de sidste %d resultater, der kan bladres til; gør søgningen snævrere", page, MaxResultWindow)
	}
	return page, size, nil
}

// checkRequest checks a request's type and date range.
func checkRequest(r *Request) error {
	switch r.Type {
	case "", TypeItem, TypeDocument:
	default:
		return queryErrorf(r.Query, "typen %q findes ikke; brug %s, %s eller ingen", r.Type, TypeItem, TypeDocument)
	}
	if !r.From.IsZero() && !r.To.IsZero() && day(r.From).After(day(r.To)) {
		return queryErrorf(r.Query, "datointervallet er tomt: fra %s er efter til %s", r.From.Format(time.DateOnly), r.To.Format(time.DateOnly))
	}
	return nil
}

func day(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}

func term(field, v string) *query.TermQuery {
	q := query.NewTermQuery(v)
	q.SetField(field)
	return q
}

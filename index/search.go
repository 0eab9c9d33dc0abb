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
// *QueryError.
func (x *Index) Search(ctx context.Context, r Request) (*Result, error) {
	start := time.Now()
	q, err := ParseQuery(r.Query)
	if err != nil {
		return nil, err
	}
	bq, hasText, err := x.buildQuery(q, &r)
	if err != nil {
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
	sort := r.Sort
	if !hasText && (sort == "" || sort == SortRelevance) {
		// Nothing to rank by: newest first reads best.
		sort = SortDateDesc
	}
	switch sort {
	case "", SortRelevance, SortDate, SortDateDesc:
	default:
		return nil, queryErrorf(r.Query, "sort %q unknown; use %s, %s or %s", r.Sort, SortRelevance, SortDate, SortDateDesc)
	}
	if !x.bleveOnly {
		out, err := x.searchEngine(ctx, q, x.compile(q, &r), page, size, facets, sort)
		if err == nil {
			out.Took = time.Since(start)
			return out, nil
		}
		if !errors.Is(err, errNoEngine) {
			return nil, fmt.Errorf("search %q: %w", r.Query, err)
		}
	}
	out, err := x.searchBleve(ctx, q, bq, hasText, page, size, facets, sort)
	if err != nil {
		return nil, err
	}
	out.Took = time.Since(start)
	return out, nil
}

// searchBleve answers a validated request through Bleve's own search, for
// indexes the segment engine cannot read (and as the reference the
// engine's tests compare with).
func (x *Index) searchBleve(ctx context.Context, q *Query, bq query.Query, hasText bool, page, size int, facets []string, sort string) (*Result, error) {
	req := bleve.NewSearchRequestOptions(bq, size, (page-1)*size, false)
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
	marks := x.queryMarks(q)
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
			return nil, queryErrorf(r.Query, "facet %q unknown; facets: %s", f, strings.Join(FacetNames, ", "))
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
		return 0, 0, queryErrorf(r.Query, "page %d is beyond the last %d results that can be paged to; narrow the search", page, MaxResultWindow)
	}
	return page, size, nil
}

// buildQuery turns a parsed query and the request's filters into a Bleve
// query. hasText reports whether any clause matches text (so that hits
// carry match locations for snippets).
func (x *Index) buildQuery(q *Query, r *Request) (bq query.Query, hasText bool, err error) {
	var must, mustNot []query.Query
	textQueries := map[query.Query]bool{}
	switch r.Type {
	case "":
		must = append(must, term(fListed, "1"))
	case TypeItem, TypeDocument:
		must = append(must, term(fType, r.Type))
	default:
		return nil, false, queryErrorf(r.Query, "type %q unknown; use %s, %s or nothing", r.Type, TypeItem, TypeDocument)
	}
	for _, c := range q.Clauses {
		cq, text := x.clauseQuery(c, r.Type == TypeDocument)
		if cq == nil {
			continue // only stop words
		}
		if c.Exclude {
			mustNot = append(mustNot, cq)
			continue
		}
		must = append(must, cq)
		if text {
			hasText = true
			textQueries[cq] = true
		}
	}
	filter := func(field string, vals []string, fold bool) {
		var ds []query.Query
		for _, v := range vals {
			if fold {
				v = strings.ToLower(v)
			}
			if v != "" {
				ds = append(ds, term(field, v))
			}
		}
		if len(ds) > 0 {
			must = append(must, query.NewDisjunctionQuery(ds))
		}
	}
	filter(fMunicipality, r.Municipality, false)
	filter(fCommittee, r.Committee, false)
	filter(fKind, r.Kind, true)
	filter(fOutcome, r.Outcome, true)
	filter(fYear, r.Year, false)
	if !r.From.IsZero() || !r.To.IsZero() {
		var from, to time.Time
		if !r.From.IsZero() {
			from = day(r.From)
		}
		if !r.To.IsZero() {
			to = day(r.To).AddDate(0, 0, 1) // To is inclusive: the whole day
		}
		if !from.IsZero() && !to.IsZero() && !from.Before(to) {
			return nil, false, queryErrorf(r.Query, "date range is empty: from %s is after to %s", r.From.Format(time.DateOnly), r.To.Format(time.DateOnly))
		}
		incl, excl := true, false
		dq := query.NewDateRangeInclusiveQuery(from, to, &incl, &excl)
		dq.SetField(fDate)
		must = append(must, dq)
	}
	if hasText {
		// A filter selects and does not rank: without this, the norm of
		// a multi-valued field (an item's outcomes) would order hits.
		for _, m := range must {
			if !textQueries[m] {
				unboost(m)
			}
		}
	}
	bool := query.NewBooleanQuery(must, nil, mustNot)
	return bool, hasText, nil
}

// unboost gives q and the queries it is made of boost 0: it still
// matches, and adds nothing to a score.
func unboost(q query.Query) {
	switch q := q.(type) {
	case *query.DisjunctionQuery:
		for _, d := range q.Disjuncts {
			unboost(d)
		}
	case *query.ConjunctionQuery:
		for _, c := range q.Conjuncts {
			unboost(c)
		}
	}
	if b, ok := q.(interface{ SetBoost(float64) }); ok {
		b.SetBoost(0)
	}
}

func day(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}

func term(field, v string) *query.TermQuery {
	q := query.NewTermQuery(v)
	q.SetField(field)
	return q
}

// Boosts of the free-text fields: a word in the title counts twice, the
// first part of a compound (fParts) half.
const (
	titleBoost = 2
	partsBoost = 0.5
)

func match(field, v string, boost float64) *query.MatchQuery {
	return matchWith(field, "", v, boost)
}

// matchWith is match with the analyzer of v named ("": the field's).
func matchWith(field, analyzer, v string, boost float64) *query.MatchQuery {
	q := query.NewMatchQuery(v)
	q.SetField(field)
	q.Analyzer = analyzer
	q.SetOperator(query.MatchQueryOperatorAnd)
	if boost != 0 {
		q.SetBoost(boost)
	}
	return q
}

func phrase(field, v string, boost float64) *query.MatchPhraseQuery {
	q := query.NewMatchPhraseQuery(v)
	q.SetField(field)
	if boost != 0 {
		q.SetBoost(boost)
	}
	return q
}

// analyzes reports whether text leaves any token after analysis: a
// clause of stop words alone would match nothing and is dropped instead.
func (x *Index) analyzes(analyzer, text string) bool {
	a := x.mapping.AnalyzerNamed(analyzer)
	if a == nil {
		return true
	}
	return len(a.Analyze([]byte(text))) > 0
}

// clauseQuery is the Bleve query of one clause (nil when it has nothing
// to match) and whether it matches document text. Only documents with
// items have a fulltext field, and only a search for documents reaches
// them.
func (x *Index) clauseQuery(c Clause, documents bool) (query.Query, bool) {
	v := c.Value
	switch c.Field {
	case "":
		var ds []query.Query
		if x.analyzes(analyzerDanish, v) {
			if c.Phrase {
				ds = append(ds, phrase(fTitle, v, titleBoost), phrase(fBody, v, 0))
				if documents {
					ds = append(ds, phrase(fFulltext, v, 0))
				}
			} else {
				ds = append(ds, match(fTitle, v, titleBoost), match(fBody, v, 0), matchWith(fParts, analyzerDanish, v, 0))
				if documents {
					ds = append(ds, match(fFulltext, v, 0))
				}
			}
		}
		if LooksLikeCaseNumber(v) {
			ds = append(ds, boosted(term(fCase, NormalizeCaseNumber(v)), 5))
		}
		if len(ds) == 0 {
			return nil, false
		}
		return query.NewDisjunctionQuery(ds), true
	case "municipality", "committee":
		exact, loose := fMunicipality, fMunicipText
		if c.Field == "committee" {
			exact, loose = fCommittee, fCommitText
		}
		ds := []query.Query{term(exact, v)}
		if x.analyzes(analyzerFold, v) {
			ds = append(ds, match(loose, v, 0))
		}
		return query.NewDisjunctionQuery(ds), false
	case "kind":
		return term(fKind, strings.ToLower(v)), false
	case "year":
		return term(fYear, v), false
	case "outcome":
		return term(fOutcome, strings.ToLower(v)), false
	case "scheme":
		return term(fScheme, strings.ToLower(v)), false
	case "case":
		return term(fCase, NormalizeCaseNumber(v)), false
	case "heading":
		if !x.analyzes(analyzerFold, v) {
			return nil, false
		}
		return match(fHeadingText, v, 0), false
	case "participant", "absent", "for", "against", "reserved":
		if !x.analyzes(analyzerFold, v) {
			return nil, false
		}
		return match(personFields[c.Field], v, 0), false
	case "kle":
		if strings.Trim(v, "0123456789.") == "" {
			q := query.NewPrefixQuery(v)
			q.SetField(fKLE)
			return q, false
		}
		if !x.analyzes(analyzerFold, v) {
			return nil, false
		}
		return match(fSubjectText, v, 0), false
	}
	return nil, false
}

func boosted(q *query.TermQuery, b float64) *query.TermQuery {
	q.SetBoost(b)
	return q
}

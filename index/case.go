package index

import (
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"

	"referat/corpus"
	"referat/internal/casenum"
)

// MaxCaseItems bounds the items and letters of one CaseHistory.
const MaxCaseItems = 1000

var letterKinds = []string{string(corpus.KindLetter), string(corpus.KindPrincipmeddelelse)}

// Case returns the history of one case number as printed (any spacing or
// dash, see NormalizeCaseNumber): the items naming it, oldest first, with
// their decisions, and the linked letters. A case no item or letter names
// gives an empty history, not an error. Case numbers are unique only
// within one municipality's journal: items of several municipalities may
// share a number, and each CaseItem says which it belongs to.
func (x *Index) Case(ctx context.Context, number string) (*CaseHistory, error) {
	if len(number) > MaxQueryLength {
		return nil, queryErrorf(number, "sagsnummeret er %d bytes langt; grænsen er %d", len(number), MaxQueryLength)
	}
	key := NormalizeCaseNumber(number)
	if key == "" {
		return nil, queryErrorf(number, "sagsnummeret er tomt")
	}
	h := &CaseHistory{Number: strings.TrimSpace(number), Key: key, Items: []CaseItem{}, Letters: []Hit{}}

	items, err := x.find(ctx, query.NewBooleanQuery([]query.Query{term(fCase, key), term(fType, TypeItem)}, nil, nil), true)
	if err != nil {
		return nil, fmt.Errorf("case %s: %w", number, err)
	}
	type subjectKey struct{ municipality, kle string }
	subjects := map[subjectKey]bool{}
	for _, m := range items {
		ci := CaseItem{Hit: hitFrom(m), Decisions: []corpus.Decision{}}
		if d := str(m.Fields[fDecisions]); d != "" {
			if err := json.Unmarshal([]byte(d), &ci.Decisions); err != nil {
				return nil, fmt.Errorf("case %s: decisions of %s: %w", number, m.ID, err)
			}
		}
		h.Items = append(h.Items, ci)
		for _, k := range strs(m.Fields[fKLE]) {
			if ci.Municipality != "" {
				subjects[subjectKey{ci.Municipality, k}] = true
			}
		}
	}
	if len(h.Items) > 0 {
		h.KLE, h.Subject = caseSubject(items, key)
	}

	// Letters naming the number, or writing to the municipality of one of
	// the items about the same KLE subject.
	links := []query.Query{term(fCase, key)}
	for sk := range subjects {
		links = append(links, query.NewBooleanQuery([]query.Query{term(fMunicipality, sk.municipality), term(fKLE, sk.kle)}, nil, nil))
	}
	lq := query.NewBooleanQuery([]query.Query{
		term(fType, TypeDocument),
		query.NewDisjunctionQuery(terms(fKind, letterKinds)),
		query.NewDisjunctionQuery(links),
	}, nil, nil)
	letters, err := x.find(ctx, lq, false)
	if err != nil {
		return nil, fmt.Errorf("case %s: letters: %w", number, err)
	}
	for _, m := range letters {
		h.Letters = append(h.Letters, hitFrom(m))
	}
	return h, nil
}

// Related returns the items linked to a letter or principmeddelelse:
// those naming one of its case or journal numbers, and those of its
// municipality under one of its KLE subjects, oldest first. It is the way
// back from a letter to the cases Case links it to; for other records it
// returns nothing.
func (x *Index) Related(ctx context.Context, recordID string) ([]Hit, error) {
	dq := query.NewDocIDQuery([]string{recordID})
	req := bleve.NewSearchRequestOptions(dq, 1, 0, false)
	req.Fields = []string{fKind, fMunicipality, fCaseRaw, fKLE}
	res, err := x.bi.SearchInContext(ctx, req)
	if err != nil {
		return nil, fmt.Errorf("related %s: %w", recordID, err)
	}
	if len(res.Hits) == 0 || !slices.Contains(letterKinds, str(res.Hits[0].Fields[fKind])) {
		return []Hit{}, nil
	}
	f := res.Hits[0].Fields
	var links []query.Query
	for _, raw := range strs(f[fCaseRaw]) {
		if k := NormalizeCaseNumber(raw); k != "" {
			links = append(links, term(fCase, k))
		}
	}
	if m := str(f[fMunicipality]); m != "" {
		for _, k := range strs(f[fKLE]) {
			links = append(links, query.NewBooleanQuery([]query.Query{term(fMunicipality, m), term(fKLE, k)}, nil, nil))
		}
	}
	if len(links) == 0 {
		return []Hit{}, nil
	}
	q := query.NewBooleanQuery([]query.Query{term(fType, TypeItem), query.NewDisjunctionQuery(links)}, nil, nil)
	ms, err := x.find(ctx, q, false)
	if err != nil {
		return nil, fmt.Errorf("related %s: %w", recordID, err)
	}
	hits := make([]Hit, 0, len(ms))
	for _, m := range ms {
		hits = append(hits, hitFrom(m))
	}
	return hits, nil
}

// find returns up to MaxCaseItems matches, oldest first, with the stored
// fields (and decisions when asked).
func (x *Index) find(ctx context.Context, q query.Query, decisions bool) (search.DocumentMatchCollection, error) {
	req := bleve.NewSearchRequestOptions(q, MaxCaseItems, 0, false)
	req.Fields = storedFields
	if decisions {
		req.Fields = append(slices.Clone(storedFields), fDecisions, fKLE, fSubject)
	}
	req.SortByCustom(search.SortOrder{
		&search.SortField{Field: fDay, Type: search.SortFieldAsString, Missing: search.SortFieldMissingLast},
		&search.SortField{Field: fNumber, Type: search.SortFieldAsNumber},
	})
	res, err := x.bi.SearchInContext(ctx, req)
	if err != nil {
		return nil, err
	}
	// Within a day, keep each meeting's items together, in order.
	day := func(m *search.DocumentMatch) string { return str(m.Fields[fDay]) }
	num := func(m *search.DocumentMatch) float64 { n, _ := m.Fields[fNumber].(float64); return n }
	slices.SortStableFunc(res.Hits, func(a, b *search.DocumentMatch) int {
		if da, db := day(a), day(b); da != db {
			if da == "" || db == "" {
				return strings.Compare(db, da) // undated last
			}
			return strings.Compare(da, db)
		}
		if c := strings.Compare(recordOf(a.ID), recordOf(b.ID)); c != 0 {
			return c
		}
		return cmp.Compare(num(a), num(b))
	})
	return res.Hits, nil
}

// caseSubject finds the KLE code and subject name of a case from the items
// naming it: a KLE number carries its subject.
func caseSubject(items search.DocumentMatchCollection, key string) (kle, subject string) {
	kle, ok := casenum.KLE(key)
	if !ok {
		return "", ""
	}
	for _, m := range items {
		codes, names := strs(m.Fields[fKLE]), strs(m.Fields[fSubject])
		for i, c := range codes {
			if c == kle && i < len(names) && names[i] != c {
				return kle, names[i]
			}
		}
	}
	return kle, ""
}

func terms(field string, vals []string) []query.Query {
	qs := make([]query.Query, 0, len(vals))
	for _, v := range vals {
		qs = append(qs, term(field, v))
	}
	return qs
}

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
// their decisions, the timeline of those decisions, each once, and the
// linked letters. A case no item or letter names gives an empty history,
// not an error. Case numbers are unique only within one municipality's
// journal: items of several municipalities may share a number, and each
// CaseItem says which it belongs to.
func (x *Index) Case(ctx context.Context, number string) (*CaseHistory, error) {
	if len(number) > MaxQueryLength {
		return nil, queryErrorf(number, "sagsnummeret er %d bytes langt; grænsen er %d", len(number), MaxQueryLength)
	}
	key := NormalizeCaseNumber(number)
	if key == "" {
		return nil, queryErrorf(number, "sagsnummeret er tomt")
	}
	h := &CaseHistory{Number: strings.TrimSpace(number), Key: key, Items: []CaseItem{}, Timeline: []CaseDecision{}, Letters: []Hit{}}

	items, err := x.find(ctx, query.NewBooleanQuery([]query.Query{term(fCase, key), term(fType, TypeItem)}, nil, nil), true)
	if err != nil {
		return nil, fmt.Errorf("case %s: %w", number, err)
	}
	for _, m := range items {
		ci := CaseItem{Hit: hitFrom(m), Decisions: []corpus.Decision{}}
		if d := str(m.Fields[fDecisions]); d != "" {
			if err := json.Unmarshal([]byte(d), &ci.Decisions); err != nil {
				return nil, fmt.Errorf("case %s: decisions of %s: %w", number, m.ID, err)
			}
		}
		h.Items = append(h.Items, ci)
	}
	if len(h.Items) > 0 {
		h.KLE, h.Subject = caseSubject(items, key)
	}
	h.Timeline = caseTimeline(h.Items)

	letters, err := x.find(ctx, lettersNaming(key), false)
	if err != nil {
		return nil, fmt.Errorf("case %s: letters: %w", number, err)
	}
	j := journals{}
	for _, it := range h.Items {
		j.add(it.Hit)
	}
	var named []Hit
	for _, m := range letters {
		l := hitFrom(m)
		j.add(l)
		named = append(named, l)
	}
	for _, l := range named {
		if len(h.Items) == 0 || slices.ContainsFunc(h.Items, func(it CaseItem) bool { return j.linkedOn(key, l, it.Hit) }) {
			h.Letters = append(h.Letters, l)
		}
	}
	return h, nil
}

// lettersNaming is the query for the letters and principmeddelelser
// naming any of the case-number keys.
func lettersNaming(keys ...string) query.Query {
	return query.NewBooleanQuery([]query.Query{
		term(fType, TypeDocument),
		query.NewDisjunctionQuery(terms(fKind, letterKinds)),
		query.NewDisjunctionQuery(terms(fCase, keys)),
	}, nil, nil)
}

// Related returns the items linked to a letter or principmeddelelser,
// oldest first: the items carrying a case number the letter names, of the
// letter's municipality (see journals.linkedOn for a letter or item whose
// municipality is unknown). It is the way back from a letter to the cases
// Case links it to; for other records it returns nothing. A letter is
// never linked by subject or municipality alone: a letter naming no case
// number an item carries links to nothing.
func (x *Index) Related(ctx context.Context, recordID string) ([]Hit, error) {
	dq := query.NewDocIDQuery([]string{recordID})
	req := bleve.NewSearchRequestOptions(dq, 1, 0, false)
	req.Fields = storedFields
	res, err := x.bi.SearchInContext(ctx, req)
	if err != nil {
		return nil, fmt.Errorf("related %s: %w", recordID, err)
	}
	if len(res.Hits) == 0 || !slices.Contains(letterKinds, str(res.Hits[0].Fields[fKind])) {
		return []Hit{}, nil
	}
	letter := hitFrom(res.Hits[0])
	keys := caseKeys(letter)
	if len(keys) == 0 {
		return []Hit{}, nil
	}
	items, err := x.find(ctx, query.NewBooleanQuery([]query.Query{term(fType, TypeItem), query.NewDisjunctionQuery(terms(fCase, keys))}, nil, nil), false)
	if err != nil {
		return nil, fmt.Errorf("related %s: %w", recordID, err)
	}
	letters, err := x.find(ctx, lettersNaming(keys...), false)
	if err != nil {
		return nil, fmt.Errorf("related %s: letters: %w", recordID, err)
	}
	j := journals{}
	for _, m := range letters {
		j.add(hitFrom(m))
	}
	var hits []Hit
	for _, m := range items {
		j.add(hitFrom(m))
	}
	for _, m := range items {
		it := hitFrom(m)
		if slices.ContainsFunc(keys, func(k string) bool { return j.linkedOn(k, letter, it) }) {
			hits = append(hits, it)
		}
	}
	if hits == nil {
		hits = []Hit{}
	}
	return hits, nil
}

// journals holds, for each case-number key, the known municipalities of
// the items and letters naming it: the journals it may be a number of.
type journals map[string]map[string]bool

// add records the municipality of a hit under each of its case numbers.
func (j journals) add(h Hit) {
	if !knownMunicipality(h.Municipality) {
		return
	}
	for _, k := range caseKeys(h) {
		if j[k] == nil {
			j[k] = map[string]bool{}
		}
		j[k][h.Municipality] = true
	}
}

// linkedOn reports whether a letter and an item are linked by the case
// number key: both carry it, and it is a number of the same journal. A
// case number is unique only within one municipality's journal (Lejre's
// 23-002364 and Ankestyrelsen's 24-10910 are of one shape, and may recur
// in another journal), so where both municipalities are known they must
// be the same. Where either is unknown (a principmeddelelse, a letter
// whose recipient is no municipality, a document that does not name its
// municipality), the number alone must say whose it is: it must be
// specific (casenum.Specific: a prefixed number such as S2024-19207, not
// a year-serial, slash or KLE number that recurs across journals), and no
// two municipalities' items or letters may carry it.
func (j journals) linkedOn(key string, letter, item Hit) bool {
	if !slices.Contains(caseKeys(letter), key) || !slices.Contains(caseKeys(item), key) {
		return false
	}
	if knownMunicipality(letter.Municipality) && knownMunicipality(item.Municipality) {
		return letter.Municipality == item.Municipality
	}
	return casenum.Specific(key) && len(j[key]) <= 1
}

// knownMunicipality reports whether a hit's municipality is known.
func knownMunicipality(m string) bool {
	return m != "" && m != UnknownMunicipality
}

// caseKeys are the keys of a hit's case numbers.
func caseKeys(h Hit) []string {
	var keys []string
	for _, raw := range h.CaseNumbers {
		if k := NormalizeCaseNumber(raw); k != "" && !slices.Contains(keys, k) {
			keys = append(keys, k)
		}
	}
	return keys
}

// find returns up to MaxCaseItems matches, oldest first, with the stored
// fields (and decisions when asked).
func (x *Index) find(ctx context.Context, q query.Query, decisions bool) (search.DocumentMatchCollection, error) {
	// Alternate forms of a meeting are its listed form's items again.
	q = query.NewBooleanQuery([]query.Query{q}, nil, []query.Query{term(fAlternate, "1")})
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

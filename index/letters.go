package index

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/RoaringBitmap/roaring/v2"
	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"
)

// LinkedLetters returns the letters linked to an item by its case
// numbers (as printed), each letter once: for each number in turn, the
// letters naming it that are linked with the item (see journals.linkedOn:
// of the item's municipality, or, where one municipality is unknown, by a
// specific number no two municipalities carry), oldest first, less the
// letters an earlier number linked already. itemID is the item's index id
// (ItemID); its municipality is the one indexed, unknown when the item is
// not in the index. An item page lists these. Scores are 0. A number that
// is no case number is left out.
func (x *Index) LinkedLetters(ctx context.Context, itemID string, numbers []string) ([]Hit, error) {
	out := []Hit{}
	item := Hit{ID: itemID, CaseNumbers: numbers}
	looked := false
	seen := map[string]bool{}
	for _, n := range numbers {
		if len(n) > MaxQueryLength || NormalizeCaseNumber(n) == "" {
			continue
		}
		if !looked {
			looked = true
			m, err := x.municipalityOf(ctx, itemID)
			if err != nil {
				return nil, fmt.Errorf("letters of %s: %w", itemID, err)
			}
			item.Municipality = m
		}
		key := NormalizeCaseNumber(n)
		letters, j, err := x.caseLetters(ctx, key)
		if err != nil {
			return nil, fmt.Errorf("letters of %s: case %s: %w", itemID, n, err)
		}
		for _, l := range letters {
			if !seen[l.RecordID] && j.linkedOn(key, l, item) {
				seen[l.RecordID] = true
				l.Score = 0
				out = append(out, l)
			}
		}
	}
	return out, nil
}

// municipalityOf returns the indexed municipality of a document, "" when
// it is not in the index.
func (x *Index) municipalityOf(ctx context.Context, id string) (string, error) {
	req := bleve.NewSearchRequestOptions(query.NewDocIDQuery([]string{id}), 1, 0, false)
	req.Fields = []string{fMunicipality}
	res, err := x.bi.SearchInContext(ctx, req)
	if err != nil || len(res.Hits) == 0 {
		return "", err
	}
	return str(res.Hits[0].Fields[fMunicipality]), nil
}

// caseLetters returns the letters naming a case-number key, oldest first
// (as Case orders them), and the journals of the items and letters naming
// it. The segment engine finds them from postings and ordinals, reading
// stored fields of the letters only, where Bleve reads every item naming
// the number.
func (x *Index) caseLetters(ctx context.Context, key string) ([]Hit, journals, error) {
	if !x.bleveOnly {
		letters, j, err := x.caseLettersEngine(ctx, key)
		if err == nil {
			return letters, j, nil
		}
		if !errors.Is(err, errNoEngine) && !errors.Is(err, errTooMany) {
			return nil, nil, err
		}
	}
	items, err := x.find(ctx, query.NewBooleanQuery([]query.Query{term(fCase, key), term(fType, TypeItem)}, nil, nil), false)
	if err != nil {
		return nil, nil, err
	}
	letters, err := x.find(ctx, lettersNaming(key), false)
	if err != nil {
		return nil, nil, err
	}
	j := journals{}
	for _, m := range items {
		j.add(hitFrom(m))
	}
	out := make([]Hit, 0, len(letters))
	for _, m := range letters {
		l := hitFrom(m)
		l.Score = 0
		j.add(l)
		out = append(out, l)
	}
	return out, j, nil
}

// errTooMany: more than MaxCaseItems items or letters, which Case cuts
// in its own order; Bleve answers then.
var errTooMany = errors.New("more than MaxCaseItems matches")

func (x *Index) caseLettersEngine(ctx context.Context, key string) ([]Hit, journals, error) {
	snap, err := x.snapshot()
	if err != nil {
		return nil, nil, err
	}
	defer snap.Close()
	var segs []*segRun
	for i, ss := range snap.Segments() {
		segs = append(segs, x.newSegRun(i, ss))
	}
	// The municipalities of the items naming the number.
	j := journals{}
	items := 0
	for _, sr := range segs {
		named, err := sr.postings(fCase, key)
		if err != nil {
			return nil, nil, err
		}
		typ, err := sr.postings(fType, TypeItem)
		if err != nil {
			return nil, nil, err
		}
		// Alternate forms of a meeting are left out, as find leaves
		// them out.
		alt, err := sr.postings(fAlternate, "1")
		if err != nil {
			return nil, nil, err
		}
		docs := roaring.And(named, typ)
		docs.AndNot(alt)
		if sr.deleted != nil {
			docs.AndNot(sr.deleted)
		}
		if docs.IsEmpty() {
			continue
		}
		items += int(docs.GetCardinality())
		munis, err := x.ordinalsOf(sr.ss.Id(), sr.seg, fMunicipality)
		if err != nil {
			return nil, nil, err
		}
		it := docs.Iterator()
		for it.HasNext() {
			munis.valuesOf(it.Next(), func(v uint32) {
				j.add(Hit{Municipality: munis.values[v], CaseNumbers: []string{key}})
			})
		}
	}
	if items > MaxCaseItems {
		return nil, nil, errTooMany
	}
	if err := ctx.Err(); err != nil {
		return nil, nil, err
	}

	// The letters naming the number.
	type letter struct {
		hit    Hit
		number int
	}
	var found []letter
	for _, sr := range segs {
		named, err := sr.postings(fCase, key)
		if err != nil {
			return nil, nil, err
		}
		var kinds []*roaring.Bitmap
		for _, kind := range letterKinds {
			bm, err := sr.postings(fKind, kind)
			if err != nil {
				return nil, nil, err
			}
			kinds = append(kinds, bm)
		}
		typ, err := sr.postings(fType, TypeDocument)
		if err != nil {
			return nil, nil, err
		}
		docs := roaring.FastAnd(named, typ, roaring.FastOr(kinds...))
		if sr.deleted != nil {
			docs.AndNot(sr.deleted)
		}
		if len(found)+int(docs.GetCardinality()) > MaxCaseItems {
			return nil, nil, errTooMany
		}
		it := docs.Iterator()
		for it.HasNext() {
			h, err := storedHit(sr, it.Next(), nil, nil, false)
			if err != nil {
				return nil, nil, err
			}
			j.add(h)
			found = append(found, letter{h, h.ItemNumber})
		}
	}
	// As Case (find) orders them: by day, undated last, then record and
	// number.
	slices.SortFunc(found, func(a, b letter) int {
		if da, db := a.hit.Date, b.hit.Date; da != db {
			if da == "" || db == "" {
				return strings.Compare(db, da)
			}
			return strings.Compare(da, db)
		}
		if c := strings.Compare(a.hit.RecordID, b.hit.RecordID); c != 0 {
			return c
		}
		return cmp.Compare(a.number, b.number)
	})
	out := make([]Hit, 0, len(found))
	for _, l := range found {
		out = append(out, l.hit)
	}
	return out, j, nil
}

package index

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/RoaringBitmap/roaring/v2"
)

// LinkedLetters returns the letters Case links to any of the case numbers
// (as printed), each letter once: for each number in turn, its
// CaseHistory.Letters, oldest first, less the letters an earlier number
// linked already. An item page lists these. Scores are 0. A number that
// is no case number is left out.
func (x *Index) LinkedLetters(ctx context.Context, numbers []string) ([]Hit, error) {
	out := []Hit{}
	seen := map[string]bool{}
	for _, n := range numbers {
		if len(n) > MaxQueryLength || NormalizeCaseNumber(n) == "" {
			continue
		}
		letters, err := x.caseLetters(ctx, n)
		if err != nil {
			return nil, err
		}
		for _, l := range letters {
			if !seen[l.RecordID] {
				seen[l.RecordID] = true
				out = append(out, l)
			}
		}
	}
	return out, nil
}

// caseLetters returns Case(number).Letters. The segment engine finds
// them from postings and ordinals, reading stored fields of the letters
// only, where Case reads every item naming the number through Bleve.
func (x *Index) caseLetters(ctx context.Context, number string) ([]Hit, error) {
	if !x.bleveOnly {
		letters, err := x.caseLettersEngine(ctx, NormalizeCaseNumber(number))
		if err == nil {
			return letters, nil
		}
		if !errors.Is(err, errNoEngine) && !errors.Is(err, errTooMany) {
			return nil, fmt.Errorf("letters of case %s: %w", number, err)
		}
	}
	h, err := x.Case(ctx, number)
	if err != nil {
		return nil, err
	}
	for i := range h.Letters {
		h.Letters[i].Score = 0
	}
	return h.Letters, nil
}

// errTooMany: more than MaxCaseItems items or letters, which Case cuts
// in its own order; Case answers then.
var errTooMany = errors.New("more than MaxCaseItems matches")

func (x *Index) caseLettersEngine(ctx context.Context, key string) ([]Hit, error) {
	snap, err := x.snapshot()
	if err != nil {
		return nil, err
	}
	defer snap.Close()
	var segs []*segRun
	for i, ss := range snap.Segments() {
		segs = append(segs, x.newSegRun(i, ss))
	}
	// The municipalities and KLE subjects of the items naming the number.
	type subject struct{ municipality, kle string }
	subjects := map[subject]bool{}
	items := 0
	for _, sr := range segs {
		named, err := sr.postings(fCase, key)
		if err != nil {
			return nil, err
		}
		typ, err := sr.postings(fType, TypeItem)
		if err != nil {
			return nil, err
		}
		docs := roaring.And(named, typ)
		if sr.deleted != nil {
			docs.AndNot(sr.deleted)
		}
		if docs.IsEmpty() {
			continue
		}
		items += int(docs.GetCardinality())
		munis, err := x.ordinalsOf(sr.ss.Id(), sr.seg, fMunicipality)
		if err != nil {
			return nil, err
		}
		kles, err := x.ordinalsOf(sr.ss.Id(), sr.seg, fKLE)
		if err != nil {
			return nil, err
		}
		it := docs.Iterator()
		for it.HasNext() {
			d := it.Next()
			var ms []string
			munis.valuesOf(d, func(v uint32) { ms = append(ms, munis.values[v]) })
			kles.valuesOf(d, func(v uint32) {
				for _, m := range ms {
					subjects[subject{m, kles.values[v]}] = true
				}
			})
		}
	}
	if items > MaxCaseItems {
		return nil, errTooMany
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}

	// Letters naming the number, or written to the municipality of one of
	// the items about the same KLE subject.
	type letter struct {
		hit    Hit
		number int
	}
	var found []letter
	for _, sr := range segs {
		links, err := sr.postings(fCase, key)
		if err != nil {
			return nil, err
		}
		links = links.Clone()
		for s := range subjects {
			m, err := sr.postings(fMunicipality, s.municipality)
			if err != nil {
				return nil, err
			}
			k, err := sr.postings(fKLE, s.kle)
			if err != nil {
				return nil, err
			}
			links.Or(roaring.And(m, k))
		}
		var kinds []*roaring.Bitmap
		for _, kind := range letterKinds {
			bm, err := sr.postings(fKind, kind)
			if err != nil {
				return nil, err
			}
			kinds = append(kinds, bm)
		}
		typ, err := sr.postings(fType, TypeDocument)
		if err != nil {
			return nil, err
		}
		docs := roaring.FastAnd(links, typ, roaring.FastOr(kinds...))
		if sr.deleted != nil {
			docs.AndNot(sr.deleted)
		}
		if len(found)+int(docs.GetCardinality()) > MaxCaseItems {
			return nil, errTooMany
		}
		it := docs.Iterator()
		for it.HasNext() {
			h, err := storedHit(sr, it.Next(), nil, nil, false)
			if err != nil {
				return nil, err
			}
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
	return out, nil
}

package index

import (
	"context"
	"fmt"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"

	"referat/corpus"
)

// Index adds records to the index, replacing whatever the index held for
// each record id (its whole document and all its items), so indexing a
// record again never duplicates it. Records are written in batches; each
// record's replacement is in one batch, so a crash leaves a record either
// old or new, never half.
func (x *Index) Index(ctx context.Context, recs []*corpus.Record) error {
	x.wmu.Lock()
	defer x.wmu.Unlock()
	// A record given twice is indexed once, as its last version: the
	// batch could not delete the first version's extra items.
	last := map[string]int{}
	for i, r := range recs {
		if r != nil {
			last[r.ID] = i
		}
	}
	b := x.bi.NewBatch()
	n := 0
	for i, r := range recs {
		if err := ctx.Err(); err != nil {
			return err
		}
		if r == nil || last[r.ID] != i {
			continue
		}
		es, err := entries(r)
		if err != nil {
			return fmt.Errorf("index record %s: %w", r.ID, err)
		}
		old, err := x.idsOf(ctx, r.ID)
		if err != nil {
			return fmt.Errorf("index record %s: %w", r.ID, err)
		}
		for _, id := range old {
			b.Delete(id)
		}
		for _, e := range es {
			if err := b.Index(e.id, e.fields); err != nil {
				return fmt.Errorf("index record %s: %s: %w", r.ID, e.id, err)
			}
		}
		n += len(es)
		if n >= batchSize {
			if err := x.bi.Batch(b); err != nil {
				return fmt.Errorf("index batch: %w", err)
			}
			b = x.bi.NewBatch()
			n = 0
		}
	}
	if b.Size() > 0 {
		if err := x.bi.Batch(b); err != nil {
			return fmt.Errorf("index batch: %w", err)
		}
	}
	return nil
}

// Delete removes records (their documents and items) from the index.
// Unknown ids are ignored.
func (x *Index) Delete(ctx context.Context, ids []string) error {
	x.wmu.Lock()
	defer x.wmu.Unlock()
	b := x.bi.NewBatch()
	for _, rid := range ids {
		if err := ctx.Err(); err != nil {
			return err
		}
		old, err := x.idsOf(ctx, rid)
		if err != nil {
			return fmt.Errorf("delete record %s: %w", rid, err)
		}
		for _, id := range old {
			b.Delete(id)
		}
		if b.Size() >= batchSize {
			if err := x.bi.Batch(b); err != nil {
				return fmt.Errorf("delete batch: %w", err)
			}
			b = x.bi.NewBatch()
		}
	}
	if b.Size() > 0 {
		if err := x.bi.Batch(b); err != nil {
			return fmt.Errorf("delete batch: %w", err)
		}
	}
	return nil
}

// idsOf returns the index ids of a record's whole document and items.
func (x *Index) idsOf(ctx context.Context, recordID string) ([]string, error) {
	q := query.NewTermQuery(recordID)
	q.SetField(fRecord)
	var ids []string
	const page = 1000
	for from := 0; ; from += page {
		req := bleve.NewSearchRequestOptions(q, page, from, false)
		res, err := x.bi.SearchInContext(ctx, req)
		if err != nil {
			return nil, err
		}
		for _, h := range res.Hits {
			ids = append(ids, h.ID)
		}
		if len(res.Hits) < page {
			return ids, nil
		}
	}
}

// Has reports whether the index holds record id.
func (x *Index) Has(id string) (bool, error) {
	d, err := x.bi.Document(id)
	if err != nil {
		return false, fmt.Errorf("index has %s: %w", id, err)
	}
	return d != nil, nil
}

// Count returns the number of items and of whole documents in the index.
func (x *Index) Count() (items, documents uint64, err error) {
	count := func(typ string) (uint64, error) {
		q := query.NewTermQuery(typ)
		q.SetField(fType)
		res, err := x.bi.Search(bleve.NewSearchRequestOptions(q, 0, 0, false))
		if err != nil {
			return 0, fmt.Errorf("count %ss: %w", typ, err)
		}
		return res.Total, nil
	}
	if items, err = count(TypeItem); err != nil {
		return 0, 0, err
	}
	if documents, err = count(TypeDocument); err != nil {
		return 0, 0, err
	}
	return items, documents, nil
}

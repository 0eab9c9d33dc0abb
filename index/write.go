package index

import (
	"context"
	"errors"
	"fmt"
	"slices"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"

	"referat/corpus"
)

// Index adds records to the index, replacing whatever the index held for
// each record id (its whole document and all its items), so indexing a
// record again never duplicates it. Records are written in batches; each
// record's replacement is in one batch, so a crash leaves a record either
// old or new, never half. A record that is a form of a meeting another
// record is a form of too is indexed in its place among them (see
// meeting.go), and the forms whose place that changes are indexed again.
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
	var todo []*corpus.Record
	for i, r := range recs {
		if r != nil && last[r.ID] == i {
			todo = append(todo, r)
		}
	}
	mine, moved, err := x.regroup(ctx, todo, nil)
	if err != nil {
		return fmt.Errorf("index: %w", err)
	}
	// The forms that move are written first: a run killed between
	// batches then leaves a meeting whose new form is not yet indexed
	// (Has is false, so the next run indexes it and decides again),
	// never two listed forms of one meeting.
	w := x.newWriter()
	if err := w.moveForms(ctx, moved); err != nil {
		return err
	}
	for _, r := range todo {
		if err := w.replace(ctx, r, mine[r.ID]); err != nil {
			return err
		}
	}
	return w.flush()
}

// writer replaces records in the index in batches.
type writer struct {
	x *Index
	b *bleve.Batch
	n int
}

func (x *Index) newWriter() *writer { return &writer{x: x, b: x.bi.NewBatch()} }

// replace deletes what the index holds of r and adds r's entries.
func (w *writer) replace(ctx context.Context, r *corpus.Record, place formPlace) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	es, err := entries(r, place)
	if err != nil {
		return fmt.Errorf("index record %s: %w", r.ID, err)
	}
	if err := w.delete(ctx, r.ID); err != nil {
		return fmt.Errorf("index record %s: %w", r.ID, err)
	}
	for _, e := range es {
		if err := w.b.Index(e.id, e.fields); err != nil {
			return fmt.Errorf("index record %s: %s: %w", r.ID, e.id, err)
		}
	}
	w.n += len(es)
	return w.maybeFlush()
}

// delete deletes a record's entries.
func (w *writer) delete(ctx context.Context, id string) error {
	old, err := w.x.idsOf(ctx, id)
	if err != nil {
		return err
	}
	for _, e := range old {
		w.b.Delete(e)
	}
	w.n += len(old)
	return nil
}

// moveForms indexes again the records already indexed whose place among
// the forms of their meeting changed, read from the index's RecordSource.
func (w *writer) moveForms(ctx context.Context, moved map[string]formPlace) error {
	ids := make([]string, 0, len(moved))
	for id := range moved {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	for _, id := range ids {
		r, err := w.x.records.Record(id)
		if errors.Is(err, corpus.ErrNotFound) {
			// Indexed but no longer stored: there is nothing to index
			// it again from, and the records being indexed must not
			// fail for it. It stays as it is.
			continue
		}
		if err != nil {
			return fmt.Errorf("index again form %s of a meeting: %w", id, err)
		}
		if err := w.replace(ctx, r, moved[id]); err != nil {
			return err
		}
	}
	return nil
}

func (w *writer) maybeFlush() error {
	if w.n < batchSize {
		return nil
	}
	return w.flush()
}

func (w *writer) flush() error {
	if w.b.Size() > 0 {
		if err := w.x.bi.Batch(w.b); err != nil {
			return fmt.Errorf("index batch: %w", err)
		}
	}
	w.b, w.n = w.x.bi.NewBatch(), 0
	return nil
}

// Delete removes records (their documents and items) from the index.
// Unknown ids are ignored. When a removed record was the listed form of a
// meeting, another form of it is listed in its place.
func (x *Index) Delete(ctx context.Context, ids []string) error {
	x.wmu.Lock()
	defer x.wmu.Unlock()
	_, moved, err := x.regroup(ctx, nil, ids)
	if err != nil {
		return fmt.Errorf("delete: %w", err)
	}
	w := x.newWriter()
	for _, rid := range ids {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := w.delete(ctx, rid); err != nil {
			return fmt.Errorf("delete record %s: %w", rid, err)
		}
		if err := w.maybeFlush(); err != nil {
			return fmt.Errorf("delete: %w", err)
		}
	}
	if err := w.moveForms(ctx, moved); err != nil {
		return err
	}
	return w.flush()
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

// Count returns the number of items and of whole documents in the index,
// alternate forms of a meeting left out.
func (x *Index) Count() (items, documents uint64, err error) {
	count := func(typ string) (uint64, error) {
		// A meeting published in several forms counts once.
		q := query.NewBooleanQuery([]query.Query{term(fType, typ)}, nil, []query.Query{term(fAlternate, "1")})
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

package pipeline

import (
	"context"
	"fmt"
	"os"

	"referat/corpus"
	"referat/extract"
	"referat/index"
	"referat/ingest"
)

// Reindex rebuilds the index of a data directory from its store, without
// fetching anything: records made by an older extractor (or all, with
// opts.Force) are extracted again from their stored bytes first. The new
// index is built beside the old one and swapped in only when complete, so
// a failed or killed rebuild leaves the old index in place. The index must
// not be open in another process: Reindex takes the data directory's
// write lock (ErrBusy, naming the holder, while an ingest, crawl or serve
// runs).
func Reindex(ctx context.Context, dataDir string, opts Options) (*Report, error) {
	lock, err := lockDataDir(dataDir)
	if err != nil {
		return &Report{}, fmt.Errorf("reindex: %w", err)
	}
	defer lock.unlock()
	return reindex(ctx, dataDir, opts)
}

// reindex is Reindex under the lock.
func reindex(ctx context.Context, dataDir string, opts Options) (*Report, error) {
	rep := &Report{}
	RecoverIndexDir(dataDir)
	st, err := corpus.OpenStore(StoreDir(dataDir))
	if err != nil {
		return rep, err
	}
	st.RemoveTemp()
	live, building := IndexDir(dataDir), IndexDir(dataDir)+".new"
	if err := os.RemoveAll(building); err != nil {
		return rep, fmt.Errorf("reindex: %w", err)
	}
	ix, err := index.Open(building)
	if err != nil {
		return rep, fmt.Errorf("reindex: %w", err)
	}
	ix.SetRecords(st)
	p := &Pipeline{Store: st, Index: ix}
	rep = rep.start()
	runErr := p.run(ctx, opts, rep, func(send func(unit) error) error {
		return st.EachRecordID(func(id string) error {
			return send(func(ctx context.Context) (Event, *corpus.Record) { return p.reextract(ctx, id, opts) })
		})
	})
	if err := ix.Close(); err != nil && runErr == nil {
		runErr = fmt.Errorf("reindex: %w", err)
	}
	if runErr != nil {
		os.RemoveAll(building)
		return rep.finish(runErr)
	}
	if err := swapDir(building, live); err != nil {
		return rep.finish(fmt.Errorf("reindex: %w", err))
	}
	return rep.finish(nil)
}

// reextract returns the stored record of id, extracted again from its
// stored bytes when it is older than this extractor or opts.Force is set.
func (p *Pipeline) reextract(ctx context.Context, id string, opts Options) (Event, *corpus.Record) {
	ev := Event{ID: id, Path: id}
	rec, err := p.Store.Record(id)
	if err != nil {
		ev.Status, ev.Err = StatusFailed, err
		return ev, nil
	}
	ev.Path = sourceName(rec.Source)
	if rec.ExtractorVersion == extract.Version && !opts.Force {
		ev.Status, ev.Items = StatusIndexed, len(rec.Items)
		return ev, rec
	}
	// When a record cannot be made again, the old one is still indexed:
	// a rebuild never loses what was searchable.
	fresh, err := p.extractAgain(ctx, rec, opts)
	if err != nil {
		ev.Status, ev.Err = StatusFailed, err
		return ev, rec
	}
	ev.Status, ev.Items = StatusIngested, len(fresh.Items)
	return ev, fresh
}

// extractAgain makes rec's record again from its stored document and
// parts, and stores the fresh record.
func (p *Pipeline) extractAgain(ctx context.Context, rec *corpus.Record, opts Options) (*corpus.Record, error) {
	doc, err := p.storedDocument(ctx, rec, opts)
	if err != nil {
		return nil, err
	}
	fresh, err := extractRecord(doc)
	if err != nil {
		return nil, err
	}
	fresh.Parts = rec.Parts
	if err := p.Store.PutRecord(fresh); err != nil {
		return nil, err
	}
	return fresh, nil
}

// storedDocument reads a record's source document, and its parts, again
// from the store.
func (p *Pipeline) storedDocument(ctx context.Context, rec *corpus.Record, opts Options) (corpus.Document, error) {
	raw, err := p.Store.Raw(rec.ID)
	if err != nil {
		return corpus.Document{}, err
	}
	doc, err := ingest.Read(ctx, raw, rec.Source, opts.Ingest)
	if err != nil {
		return doc, fmt.Errorf("read stored %s: %w", rec.ID, err)
	}
	err = p.readParts(ctx, &doc, rec.Parts, opts)
	return doc, err
}

// readParts reads stored parts into doc.Attachments. A part that cannot be
// read becomes a warning on doc.
func (p *Pipeline) readParts(ctx context.Context, doc *corpus.Document, parts []corpus.Part, opts Options) error {
	for _, part := range parts {
		b, err := p.Store.Raw(part.ID)
		if err != nil {
			return err
		}
		a, err := ingest.Read(ctx, b, corpus.Source{Path: part.Name}, opts.Ingest)
		if err != nil {
			doc.Warnings = append(doc.Warnings, fmt.Sprintf("attachment %s: %v", part.Name, err))
			continue
		}
		if doc.Attachments == nil {
			doc.Attachments = map[string]corpus.Document{}
		}
		doc.Attachments[part.Name] = a
	}
	return nil
}

// swapDir replaces dir by next: dir is moved aside, next renamed into its
// place, and the old one removed. RecoverIndexDir undoes a swap that a
// kill interrupted.
func swapDir(next, dir string) error {
	old := dir + ".old"
	os.RemoveAll(old)
	if _, err := os.Stat(dir); err == nil {
		if err := os.Rename(dir, old); err != nil {
			return err
		}
	}
	if err := os.Rename(next, dir); err != nil {
		os.Rename(old, dir)
		return err
	}
	return os.RemoveAll(old)
}

// RecoverIndexDir restores a data directory's index after a reindex that
// was killed between its renames, and removes a half-built one.
func RecoverIndexDir(dataDir string) {
	dir := IndexDir(dataDir)
	if _, err := os.Stat(dir); os.IsNotExist(err) {
		if _, err := os.Stat(dir + ".old"); err == nil {
			os.Rename(dir+".old", dir)
		}
	}
	os.RemoveAll(dir + ".new")
}

package pipeline

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime"
	"strings"
	"sync"
	"time"

	"golang.org/x/sync/errgroup"

	"referat/corpus"
	"referat/extract"
	"referat/index"
	"referat/ingest"
)

// Pipeline ingests documents into a store and an index it owns for writing.
type Pipeline struct {
	Store *corpus.Store
	Index *index.Index
	// Rebuilt is the report of the rebuild Open ran because the index was
	// made by an older version of referat; nil when none was needed.
	Rebuilt *Report

	lock      *dirLock
	closeOnce sync.Once
	closeErr  error
}

// Open opens (creating when absent) the store and index under a data
// directory: <dir>/store and <dir>/index. It takes the data directory's
// write lock first, before anything is cleaned or created, and holds it
// until Close: while a Pipeline is open no other process may open one
// (ErrBusy, naming the holder) or Reindex.
func Open(dir string) (*Pipeline, error) {
	lock, err := lockDataDir(dir)
	if err != nil {
		return nil, err
	}
	p, err := open(dir)
	if err != nil {
		lock.unlock()
		return nil, err
	}
	p.lock = lock
	return p, nil
}

// open is Open under the lock.
func open(dir string) (*Pipeline, error) {
	RecoverIndexDir(dir)
	st, err := corpus.OpenStore(StoreDir(dir))
	if err != nil {
		return nil, err
	}
	st.RemoveTemp()
	if err := createIndex(IndexDir(dir)); err != nil {
		return nil, fmt.Errorf("create index in %s: %w", dir, err)
	}
	ix, err := index.Open(IndexDir(dir))
	var rebuilt *Report
	if errors.Is(err, index.ErrIncompatible) {
		// An index made by an older referat: everything it held is in
		// the store, so build it again rather than refuse to start.
		if rebuilt, err = reindex(context.Background(), dir, Options{}); err == nil || errors.Is(err, ErrSomeFailed) {
			ix, err = index.Open(IndexDir(dir))
		}
	}
	if err != nil {
		return nil, fmt.Errorf("open index in %s (if it is damaged, 'referat reindex' rebuilds it from the store): %w", dir, err)
	}
	// Indexing one form of a meeting may index its other forms again
	// (see index.RecordSource).
	ix.SetRecords(st)
	return &Pipeline{Store: st, Index: ix, Rebuilt: rebuilt}, nil
}

// createIndex creates an empty index at dir unless one is there. Bleve
// writes a new index in several files; building it aside and renaming it
// into place means a kill during creation leaves no half index behind.
func createIndex(dir string) error {
	if _, err := os.Stat(dir); err == nil {
		return nil
	}
	building := dir + ".new"
	os.RemoveAll(building)
	ix, err := index.Open(building)
	if err != nil {
		return err
	}
	if err := ix.Close(); err != nil {
		return err
	}
	return os.Rename(building, dir)
}

// StoreDir and IndexDir name the parts of a data directory.
func StoreDir(dataDir string) string { return dataDir + string(os.PathSeparator) + "store" }

// IndexDir returns the index directory of a data directory.
func IndexDir(dataDir string) string { return dataDir + string(os.PathSeparator) + "index" }

// Close closes the index and releases the data directory; closing again
// does nothing.
func (p *Pipeline) Close() error {
	p.closeOnce.Do(func() {
		p.closeErr = p.Index.Close()
		p.lock.unlock()
	})
	return p.closeErr
}

// Options tune a batch.
type Options struct {
	// Workers is the number of documents read and extracted at once; 0
	// means one per CPU.
	Workers int
	// Ingest tunes reading (OCR, limits, isolation of the PDF library).
	Ingest ingest.Options
	// Force re-reads and re-extracts documents already stored.
	Force bool
	// Municipality, when set, is the municipality the files are declared
	// to be from (ingest --municipality): a document that names none in
	// a field of its own gets it (see corpus.Source.Municipality).
	Municipality string
	// BatchSize is the number of records per index batch; 0 means 256.
	BatchSize int
	// Start, when set, is told the number of documents once they are
	// planned; Progress then receives one event per document, from one
	// goroutine at a time.
	Start    func(total int)
	Progress func(Event)
}

func (o Options) workers() int {
	if o.Workers > 0 {
		return o.Workers
	}
	return runtime.GOMAXPROCS(0)
}

func (o Options) batchSize() int {
	if o.BatchSize > 0 {
		return o.BatchSize
	}
	return 256
}

// Status is what happened to one document of a batch.
type Status string

// The statuses of Event.Status.
const (
	StatusIngested Status = "ingested" // read, extracted, stored and indexed
	StatusIndexed  Status = "indexed"  // already stored; only (re)indexed
	StatusSkipped  Status = "skipped"  // unchanged and indexed: nothing to do
	StatusFailed   Status = "failed"
)

// Event reports the outcome of one document.
type Event struct {
	Path   string // file path or URL
	ID     string // "" when the bytes could not be read
	Status Status
	Items  int
	Err    error
}

// Report sums up a batch.
type Report struct {
	Total    int       `json:"total"`
	Ingested int       `json:"ingested"`
	Indexed  int       `json:"indexed"`
	Skipped  int       `json:"skipped"`
	Failed   int       `json:"failed"`
	Failures []Failure `json:"failures"`
	// NotDocuments are the folder notes (README, PROVENANCE, LICENSE)
	// found in the folders ingested and skipped as not documents; they
	// are not counted in Total.
	NotDocuments []string  `json:"skipped_not_documents,omitempty"`
	Started      time.Time `json:"started"`
	Duration     string    `json:"duration"`
}

// Failure names a document that could not be ingested and why.
type Failure struct {
	Path   string `json:"path"`
	Reason string `json:"reason"`
}

// ErrSomeFailed is returned (wrapped) when a batch finished but some
// documents in it failed.
var ErrSomeFailed = errors.New("some documents failed")

// IngestPaths ingests files and folders. It returns a report of every
// document; its error is non-nil when the batch could not run or was
// cancelled, and wraps ErrSomeFailed when only some documents failed.
// The files are planned as they are read (ingest.Walk), so memory does
// not grow with the size of the batch.
func (p *Pipeline) IngestPaths(ctx context.Context, paths []string, opts Options) (*Report, error) {
	rep := (&Report{}).start()
	if opts.Start != nil {
		opts.Start(ingest.Count(paths))
	}
	var notes []string
	err := p.run(ctx, opts, rep, func(send func(unit) error) error {
		var sendErr error
		err := ingest.Walk(paths, func(j ingest.Job) error {
			return send(func(ctx context.Context) (Event, *corpus.Record) { return p.ingestJob(ctx, j, opts) })
		}, func(err error) {
			if sendErr == nil {
				sendErr = send(func(context.Context) (Event, *corpus.Record) { return Event{Status: StatusFailed, Err: err}, nil })
			}
		}, func(path string) { notes = append(notes, path) })
		if err == nil {
			err = sendErr
		}
		return err
	})
	rep.NotDocuments = notes
	rep, err = rep.finish(err)
	return rep, p.keepIngestRun(rep, err)
}

// ingestJob reads one job unless its bytes are already stored, extracted by
// this version of extract and indexed.
func (p *Pipeline) ingestJob(ctx context.Context, job ingest.Job, opts Options) (Event, *corpus.Record) {
	ev := Event{Path: job.Path}
	data, fi, err := ingest.ReadRegularFile(job.Path, opts.Ingest.ByteLimit())
	if err != nil {
		ev.Status, ev.Err = StatusFailed, err
		return ev, nil
	}
	ev.ID = corpus.Hash(data)
	if !opts.Force {
		if rec, err := p.Store.Record(ev.ID); err == nil && rec.ExtractorVersion == extract.Version && p.partsStored(rec, job) {
			ev.Items = len(rec.Items)
			if err := p.Store.AddVersion(job.Path, corpus.Version{ID: ev.ID}); err != nil {
				ev.Status, ev.Err = StatusFailed, err
				return ev, nil
			}
			if ok, err := p.Index.Has(ev.ID); err == nil && ok {
				ev.Status = StatusSkipped
				return ev, nil
			}
			// Stored by a run that was stopped before it indexed.
			ev.Status = StatusIndexed
			return ev, rec
		}
	}
	doc, err := ingest.ReadJobData(ctx, job, data, fi, opts.Ingest)
	if err != nil {
		ev.Status, ev.Err = StatusFailed, err
		return ev, nil
	}
	doc.Source.Municipality = opts.Municipality
	rec, err := p.store(doc)
	if err != nil {
		ev.Status, ev.Err = StatusFailed, err
		return ev, nil
	}
	ev.Status, ev.Items = StatusIngested, len(rec.Items)
	return ev, rec
}

// partsStored reports whether a stored record was joined with the same
// attachments the job has now.
func (p *Pipeline) partsStored(rec *corpus.Record, job ingest.Job) bool {
	return len(rec.Parts) == len(job.Attachments)
}

// Document ingests one document already read (by the crawler or a test):
// it stores its bytes and record, records the version of its source, and
// indexes it. Unchanged bytes that are stored and indexed are skipped.
func (p *Pipeline) Document(ctx context.Context, doc corpus.Document) (Event, error) {
	ev := Event{Path: sourceName(doc.Source), ID: doc.ID}
	if rec, err := p.Store.Record(doc.ID); err == nil && rec.ExtractorVersion == extract.Version {
		if ok, err := p.Index.Has(doc.ID); err == nil && ok {
			ev.Status = StatusSkipped
			return ev, p.addVersion(doc)
		}
	}
	// A new version of a publication whose parts did not change (a crawl
	// fetches only what changed) is joined with the parts of the version
	// before it.
	if len(doc.Attachments) == 0 {
		if prev := p.previousRecord(ev.Path, doc.ID); prev != nil && len(prev.Parts) > 0 {
			if err := p.readParts(ctx, &doc, prev.Parts, Options{Ingest: ingest.Options{Isolate: true}}); err != nil {
				ev.Status, ev.Err = StatusFailed, err
				return ev, err
			}
		}
	}
	rec, err := p.store(doc)
	if err != nil {
		ev.Status, ev.Err = StatusFailed, err
		return ev, err
	}
	if err := p.Index.Index(ctx, []*corpus.Record{rec}); err != nil {
		ev.Status, ev.Err = StatusFailed, err
		return ev, fmt.Errorf("index %s: %w", ev.Path, err)
	}
	ev.Status, ev.Items = StatusIngested, len(rec.Items)
	return ev, nil
}

// previousRecord returns the record of the newest version of source other
// than id, or nil.
func (p *Pipeline) previousRecord(source, id string) *corpus.Record {
	if source == "" {
		return nil
	}
	vs, err := p.Store.Versions(source)
	if err != nil {
		return nil
	}
	for i := len(vs) - 1; i >= 0; i-- {
		if vs[i].ID != id {
			rec, err := p.Store.Record(vs[i].ID)
			if err != nil {
				return nil
			}
			return rec
		}
	}
	return nil
}

func sourceName(s corpus.Source) string {
	if s.URL != "" {
		return s.URL
	}
	return s.Path
}

// store extracts a document and writes its bytes, its parts' bytes and its
// record, in that order, so that a stored record always has its bytes.
func (p *Pipeline) store(doc corpus.Document) (*corpus.Record, error) {
	rec, err := extractRecord(doc)
	if err != nil {
		return nil, err
	}
	if _, err := p.Store.PutRaw(doc.Raw); err != nil {
		return nil, err
	}
	for name, a := range doc.Attachments {
		id, err := p.Store.PutRaw(a.Raw)
		if err != nil {
			return nil, err
		}
		rec.Parts = append(rec.Parts, corpus.Part{Name: partName(name), ID: id})
	}
	sortParts(rec.Parts)
	if err := p.Store.PutRecord(rec); err != nil {
		return nil, err
	}
	if err := p.addVersion(doc); err != nil {
		return nil, err
	}
	return rec, nil
}

func (p *Pipeline) addVersion(doc corpus.Document) error {
	name := sourceName(doc.Source)
	if name == "" {
		return nil
	}
	return p.Store.AddVersion(name, corpus.Version{ID: doc.ID})
}

// extractRecord runs the extractor, turning a panic in it into an error for
// this document, so one bad document never stops a batch.
func extractRecord(doc corpus.Document) (rec *corpus.Record, err error) {
	defer func() {
		if r := recover(); r != nil {
			rec, err = nil, fmt.Errorf("extract: internal error: %v", r)
		}
	}()
	r := extract.Record(doc)
	return &r, nil
}

// unit is the work on one document: it returns what happened and the
// record to index, if any.
type unit func(context.Context) (Event, *corpus.Record)

// run processes the units produce sends with a bounded pool of workers and
// one index writer that indexes records in batches. send blocks while all
// workers are busy, so units are made only as fast as they are done.
func (p *Pipeline) run(ctx context.Context, opts Options, rep *Report, produce func(send func(unit) error) error) error {
	type done struct {
		ev  Event
		rec *corpus.Record
	}
	results := make(chan done, opts.workers()*2)
	g, gctx := errgroup.WithContext(ctx)
	g.SetLimit(opts.workers())

	var writerErr error
	var wg sync.WaitGroup
	wg.Add(1)
	go func() { // the one index writer; it also owns the report
		defer wg.Done()
		var batch []*corpus.Record
		var pending []Event
		flush := func() {
			if len(batch) > 0 && writerErr == nil {
				if err := p.Index.Index(ctx, batch); err != nil {
					writerErr = fmt.Errorf("index: %w", err)
				}
			}
			for _, ev := range pending {
				if writerErr != nil {
					ev.Status, ev.Err = StatusFailed, writerErr
				}
				rep.add(ev, opts.Progress)
			}
			batch, pending = batch[:0], pending[:0]
		}
		tick := time.NewTicker(time.Second)
		defer tick.Stop()
		for {
			select {
			case d, ok := <-results:
				if !ok {
					flush()
					return
				}
				if d.rec == nil {
					rep.add(d.ev, opts.Progress)
					continue
				}
				batch = append(batch, d.rec)
				pending = append(pending, d.ev)
				if len(batch) >= opts.batchSize() {
					flush()
				}
			case <-tick.C:
				flush()
			}
		}
	}()

	produceErr := produce(func(u unit) error {
		if err := gctx.Err(); err != nil {
			return err
		}
		g.Go(func() error {
			if gctx.Err() != nil {
				return nil
			}
			ev, rec := u(gctx)
			results <- done{ev, rec}
			return nil
		})
		return nil
	})
	g.Wait()
	close(results)
	wg.Wait()
	switch {
	case writerErr != nil:
		return writerErr
	case ctx.Err() != nil:
		return ctx.Err()
	}
	return produceErr
}

func (r *Report) add(ev Event, progress func(Event)) {
	r.Total++
	switch ev.Status {
	case StatusIngested:
		r.Ingested++
	case StatusIndexed:
		r.Indexed++
	case StatusSkipped:
		r.Skipped++
	case StatusFailed:
		r.Failed++
		reason := "unknown error"
		if ev.Err != nil {
			// The failure names its path already; the reason need not.
			reason = strings.TrimPrefix(ev.Err.Error(), "read "+ev.Path+": ")
		}
		r.Failures = append(r.Failures, Failure{Path: ev.Path, Reason: reason})
	}
	if progress != nil {
		progress(ev)
	}
}

func (r *Report) start() *Report {
	r.Started = time.Now()
	return r
}

func (r *Report) finish(err error) (*Report, error) {
	r.Duration = time.Since(r.Started).Round(time.Millisecond).String()
	if err != nil {
		return r, err
	}
	if r.Failed > 0 {
		return r, fmt.Errorf("%d of %d documents failed: %w", r.Failed, r.Total, ErrSomeFailed)
	}
	return r, nil
}

// WriteSummary writes the report's counts and failures for a person.
func (r *Report) WriteSummary(w io.Writer) {
	fmt.Fprintf(w, "%d documents: %d ingested, %d indexed from store, %d unchanged, %d failed (%s)\n",
		r.Total, r.Ingested, r.Indexed, r.Skipped, r.Failed, r.Duration)
	for _, f := range r.Failures {
		fmt.Fprintf(w, "  failed: %s: %s\n", f.Path, f.Reason)
	}
	for _, path := range r.NotDocuments {
		fmt.Fprintf(w, "  skipped: %s: a folder note, not a document\n", path)
	}
}

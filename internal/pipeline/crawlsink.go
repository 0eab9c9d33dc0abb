package pipeline

import (
	"context"
	"fmt"
	"io"
	"time"

	"referat/corpus"
	"referat/ingest"
	"referat/ingest/crawl"
)

// CrawlSink ingests what a crawl fetches: its Take is the crawl.Sink that
// crawl.Run hands each fetched document to. A document is read, ingested,
// and its source's validators (ETag, Last-Modified) recorded as a version,
// so the next crawl sends them back. Attachments follow their parent and
// are joined to it in one go (Pipeline.Attach) when the crawl moves on to
// another document, and by Flush when it ends. It logs one line per event
// to its log.
//
// A document that cannot be read is logged and counted in Failed and
// never stops the crawl: its bytes will not read better next time. A
// failure to store, index or record the version is returned, so the crawl
// counts the fetch as failed and fetches it again next time.
type CrawlSink struct {
	// Ingested counts documents stored and indexed; Failed those that
	// could not be read and attachments that could not be joined (both
	// logged, neither returned).
	Ingested, Failed int
	// Failures name the documents counted in Failed and why.
	Failures []corpus.RunFailure

	p       *Pipeline
	log     io.Writer
	parent  string
	pending map[string]corpus.Document
}

// CrawlSink returns a sink that ingests a crawl's documents into p,
// logging to log (nil discards).
func (p *Pipeline) CrawlSink(log io.Writer) *CrawlSink {
	if log == nil {
		log = io.Discard
	}
	return &CrawlSink{p: p, log: log, pending: map[string]corpus.Document{}}
}

// Take ingests one fetched document, or keeps an attachment until its
// parent's attachments are all fetched. It is a crawl.Sink.
func (s *CrawlSink) Take(ctx context.Context, f crawl.Fetched) error {
	if f.Parent != s.parent {
		s.join(ctx)
		s.parent = f.Parent
	}
	src := corpus.Source{URL: f.URL, FetchedAt: f.FetchedAt.UTC().Format(time.RFC3339), ContentType: f.ContentType, Municipality: f.Municipality}
	doc, err := ingest.Read(ctx, f.Body, src, ingest.Options{Isolate: true})
	if err != nil {
		s.Failed++
		s.Failures = append(s.Failures, corpus.RunFailure{Source: f.URL, Reason: err.Error()})
		fmt.Fprintf(s.log, "failed   %s: %v\n", f.URL, err)
		return nil
	}
	if f.Parent != "" {
		s.pending[f.Ref] = doc
		return nil
	}
	ev, err := s.p.Document(ctx, doc)
	if err != nil {
		return fmt.Errorf("ingest %s: %w", f.URL, err)
	}
	if f.ETag != "" || f.LastModified != "" {
		if err := s.p.Store.AddVersion(f.URL, corpus.Version{ID: doc.ID, ETag: f.ETag, LastModified: f.LastModified}); err != nil {
			return fmt.Errorf("record the version of %s: %w", f.URL, err)
		}
	}
	if ev.Status == StatusIngested {
		s.Ingested++
		changed := ""
		if f.Changed() {
			changed = " (changed; earlier version kept)"
		}
		fmt.Fprintf(s.log, "ingested %s (%d items)%s\n", f.URL, ev.Items, changed)
	}
	return nil
}

// Flush joins the attachments still waiting for their parent; call it
// when the crawl has ended (with a context that is not cancelled, so an
// interrupted crawl keeps what it fetched). It returns the error of the
// join, which is also logged and counted.
func (s *CrawlSink) Flush(ctx context.Context) error {
	return s.join(ctx)
}

// join joins the pending attachments to their parent. Mid-crawl its error
// belongs to no fetch the crawl could retry, so Take only logs and counts
// it.
func (s *CrawlSink) join(ctx context.Context) error {
	if len(s.pending) == 0 {
		return nil
	}
	defer func() { s.pending = map[string]corpus.Document{} }()
	ev, err := s.p.Attach(ctx, s.parent, s.pending)
	if err != nil {
		s.Failed++
		s.Failures = append(s.Failures, corpus.RunFailure{Source: s.parent, Reason: "joining its attachments: " + err.Error()})
		fmt.Fprintf(s.log, "failed   %s: joining its attachments: %v\n", s.parent, err)
		return fmt.Errorf("join the attachments of %s: %w", s.parent, err)
	}
	if ev.Status == StatusIngested {
		fmt.Fprintf(s.log, "joined   %s with %d attachments (%d items)\n", s.parent, len(s.pending), ev.Items)
	}
	return nil
}

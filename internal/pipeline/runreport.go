package pipeline

import (
	"fmt"
	"time"

	"referat/corpus"
	"referat/ingest/crawl"
)

// keepIngestRun keeps what an ingest did in the store, for the coverage
// page (see corpus.RunReport). It returns err, or the error of keeping
// the report when err is nil.
func (p *Pipeline) keepIngestRun(rep *Report, err error) error {
	rr := &corpus.RunReport{
		Kind:     corpus.RunIngest,
		Started:  rep.Started.UTC(),
		Finished: time.Now().UTC(),
		Total:    rep.Total,
		Ingested: rep.Ingested,
		Failed:   rep.Failed,
		Failures: []corpus.RunFailure{},
	}
	for _, f := range rep.Failures {
		rr.Failures = append(rr.Failures, corpus.RunFailure{Source: f.Path, Reason: f.Reason})
	}
	if err != nil && rep.Failed == 0 {
		rr.Error = err.Error()
	}
	if kerr := p.Store.PutRunReport(rr); kerr != nil && err == nil {
		return fmt.Errorf("ingest: %w", kerr)
	}
	return err
}

// KeepCrawlRun keeps what a crawl did in the store, for the coverage
// page: the fetches that failed and the documents sink could not ingest,
// with their reasons, and why the crawl stopped (runErr), if it did. rep
// may be nil when the crawl could not start.
func (p *Pipeline) KeepCrawlRun(rep *crawl.Report, sink *CrawlSink, runErr error) error {
	rr := &corpus.RunReport{Kind: corpus.RunCrawl, Finished: time.Now().UTC(), Failures: []corpus.RunFailure{}}
	if rep != nil {
		rr.Started = rep.Started.UTC()
		rr.Total = rep.Fetched + rep.NotModified + rep.Unchanged + rep.Failed
		for _, f := range rep.Failures {
			src := f.URL
			if f.Source != "" {
				src = f.Source + ": " + f.URL
			}
			reason := f.Reason
			if f.Status != 0 {
				reason = fmt.Sprintf("HTTP %d: %s", f.Status, reason)
			}
			rr.Failures = append(rr.Failures, corpus.RunFailure{Source: src, Reason: reason})
		}
	}
	if sink != nil {
		rr.Ingested = sink.Ingested
		rr.Failures = append(rr.Failures, sink.Failures...)
	}
	rr.Failed = len(rr.Failures)
	if runErr != nil {
		rr.Error = runErr.Error()
	}
	return p.Store.PutRunReport(rr)
}

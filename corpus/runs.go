package corpus

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"time"
)

// The kinds of RunReport.
const (
	RunIngest = "ingest" // referat ingest, and serve's sample corpus
	RunCrawl  = "crawl"  // referat crawl
)

// RunReport is what the last ingest or crawl into a store did, kept in
// the store so the coverage page can say when the collection last grew
// and what it failed to take in.
type RunReport struct {
	Kind     string       `json:"kind"` // RunIngest or RunCrawl
	Started  time.Time    `json:"started"`
	Finished time.Time    `json:"finished"`
	Total    int          `json:"total"`    // documents (or fetches) tried
	Ingested int          `json:"ingested"` // new records stored
	Failed   int          `json:"failed"`
	Failures []RunFailure `json:"failures"`
	// Error is why the run stopped before its end, "" when it did not.
	Error string `json:"error,omitempty"`
}

// RunFailure is one document or source a run could not take in.
type RunFailure struct {
	Source string `json:"source"` // file path, URL or source name
	Reason string `json:"reason"`
}

// maxRunFailures bounds the failures a report keeps: the page lists them.
const maxRunFailures = 1000

func (s *Store) runPath(kind string) string {
	return filepath.Join(s.dir, "runs", "last-"+kind+".json")
}

// PutRunReport keeps r as the last run of its kind, replacing the one
// before. Failures beyond the first thousand are counted, not kept.
func (s *Store) PutRunReport(r *RunReport) error {
	if r.Kind != RunIngest && r.Kind != RunCrawl {
		return fmt.Errorf("run report of unknown kind %q", r.Kind)
	}
	c := *r
	if len(c.Failures) > maxRunFailures {
		c.Failures = c.Failures[:maxRunFailures]
	}
	b, err := json.MarshalIndent(c, "", "  ")
	if err != nil {
		return err
	}
	if err := s.writeAtomic(s.runPath(r.Kind), b); err != nil {
		return fmt.Errorf("keep %s report: %w", r.Kind, err)
	}
	return nil
}

// RunReport returns the last run of a kind; ErrNotFound when there was
// none.
func (s *Store) RunReport(kind string) (*RunReport, error) {
	b, err := os.ReadFile(s.runPath(kind))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, ErrNotFound
	}
	if err != nil {
		return nil, fmt.Errorf("%s report: %w", kind, err)
	}
	var r RunReport
	if err := json.Unmarshal(b, &r); err != nil {
		return nil, fmt.Errorf("%s report: %w", kind, err)
	}
	return &r, nil
}

// RecordTime returns when the record of id was last written: when its
// document was ingested, or extracted again.
func (s *Store) RecordTime(id string) (time.Time, error) {
	fi, err := os.Stat(s.recordPath(id))
	if errors.Is(err, fs.ErrNotExist) {
		return time.Time{}, ErrNotFound
	}
	if err != nil {
		return time.Time{}, err
	}
	return fi.ModTime(), nil
}

package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"golang.org/x/term"

	"referat/index"
	"referat/internal/pipeline"
)

// defaultDataDir is the data directory used when --data is not given.
func defaultDataDir() string {
	if d := os.Getenv("REFERAT_DATA"); d != "" {
		return d
	}
	return "referat-data"
}

// dataFlag registers --data on fs.
func dataFlag(fs *flag.FlagSet) *string {
	return fs.String("data", defaultDataDir(), "data directory holding the store and index (env REFERAT_DATA)")
}

// listFlag is a flag that may be repeated. Values are not split on commas:
// committee names contain them ("Klima-, Teknik- og Miljøudvalget").
type listFlag []string

func (l *listFlag) String() string { return strings.Join(*l, "; ") }

func (l *listFlag) Set(v string) error {
	if v = strings.TrimSpace(v); v != "" {
		*l = append(*l, v)
	}
	return nil
}

// isTerminal reports whether w is a terminal.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

// openPipeline opens the data directory's store and index, telling the
// user when the index had to be rebuilt because an older referat made it.
func openPipeline(dir string, stderr io.Writer) (*pipeline.Pipeline, error) {
	p, err := pipeline.Open(dir)
	if err != nil {
		return nil, err
	}
	if p.Rebuilt != nil {
		fmt.Fprintf(stderr, "referat: the index in %s was made by an older referat; rebuilt it from the store: ", dir)
		p.Rebuilt.WriteSummary(stderr)
	}
	return p, nil
}

// openIndexForReading opens the data directory's index for searching,
// explaining the two usual reasons it cannot be.
func openIndexForReading(dir string) (*index.Index, error) {
	ix, err := index.OpenReadOnly(pipeline.IndexDir(dir))
	switch {
	case errors.Is(err, index.ErrLocked):
		return nil, fmt.Errorf("the index in %s is being written by %s; wait for it to finish (a running serve answers the same search on its page and /api/search)", dir, pipeline.LockHolder(dir))
	case errors.Is(err, os.ErrNotExist):
		return nil, fmt.Errorf("no index in %s yet: run 'referat ingest' first", dir)
	case err != nil:
		return nil, fmt.Errorf("open index in %s: %w", dir, err)
	}
	return ix, nil
}

package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"time"

	"referat/internal/pipeline"
	"referat/internal/web"
)

// defaultSampleDir is the sample corpus bundled with the repository,
// relative to its root.
const defaultSampleDir = "testdata/corpus"

var cmdServe = &Command{
	Name:      "serve",
	UsageLine: "[flags]",
	Short:     "serve the search page and JSON API on localhost",
	Long: `Serve serves the search page, item, case, letter, people (/people/{name})
and coverage (/coverage) pages, each search as an Atom feed (/feed?...) and
as CSV (/export.csv?...), and the JSON API (/api/search, /api/items/{id},
/api/cases/{number}, /api/people/{name}, /api/coverage, /healthz; /api
documents them) on localhost. It owns the index while it runs. When the data directory is
empty it first ingests the sample corpus bundled with the repository, so
there is something to search at once.`,
	Flags: func(fs *flag.FlagSet) func(context.Context, []string, io.Writer, io.Writer) error {
		data := dataFlag(fs)
		addr := fs.String("addr", "localhost:8080", "address to listen on")
		sample := fs.String("sample", defaultSampleDir, "corpus ingested first when the data directory is empty (\"\" for none)")
		return func(ctx context.Context, args []string, stdout, stderr io.Writer) error {
			if len(args) > 0 {
				return usagef("serve takes no arguments")
			}
			p, err := openPipeline(*data, stderr)
			if err != nil {
				return err
			}
			defer p.Close()
			if err := ingestSampleIfEmpty(ctx, p, *sample, stderr); err != nil {
				return err
			}
			srv, err := web.New(p.Index, p.Store, web.Options{Log: stderr})
			if err != nil {
				return err
			}
			return listenAndServe(ctx, *addr, srv, stderr)
		}
	},
}

// ingestSampleIfEmpty ingests the sample corpus into an empty data
// directory.
func ingestSampleIfEmpty(ctx context.Context, p *pipeline.Pipeline, sample string, stderr io.Writer) error {
	ids, err := p.Store.RecordIDs()
	if err != nil || len(ids) > 0 || sample == "" {
		return err
	}
	if _, err := os.Stat(sample); err != nil {
		fmt.Fprintf(stderr, "referat: the data directory is empty and the sample corpus %s is not here; run 'referat ingest' first\n", sample)
		return nil
	}
	fmt.Fprintf(stderr, "referat: the data directory is empty; ingesting the sample corpus in %s\n", sample)
	opts := pipeline.Options{}
	opts.Ingest.Isolate = true
	err = ingestAndReport(ctx, p, []string{sample}, opts, "", stderr)
	if errors.Is(err, errSilent) {
		return nil // the sample's failures were reported; serve what arrived
	}
	return err
}

// listenAndServe serves h on addr until ctx is cancelled (SIGINT, SIGTERM),
// then shuts down gracefully, letting requests in flight finish.
func listenAndServe(ctx context.Context, addr string, h http.Handler, stderr io.Writer) error {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return fmt.Errorf("serve: %w", err)
	}
	srv := &http.Server{
		Handler:           h,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      60 * time.Second,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    64 << 10,
	}
	fmt.Fprintf(stderr, "referat: serving on http://%s/ (Ctrl-C stops)\n", ln.Addr())
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
	}
	fmt.Fprintf(stderr, "referat: shutting down\n")
	// Requests in flight get a second to finish: the process ends at
	// stopGrace after the signal whatever happens.
	shutdownCtx, cancel := context.WithTimeout(context.Background(), stopGrace-500*time.Millisecond)
	defer cancel()
	if err := srv.Shutdown(shutdownCtx); err != nil {
		return fmt.Errorf("serve: shutdown: %w", err)
	}
	return nil
}

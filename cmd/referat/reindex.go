package main

import (
	"context"
	"errors"
	"flag"
	"io"

	"referat/internal/pipeline"
)

var cmdReindex = &Command{
	Name:      "reindex",
	UsageLine: "[flags]",
	Short:     "rebuild the index from the store, re-extracting records made by an older extractor",
	Long: `Reindex rebuilds the search index from the documents in the store,
without fetching anything. Records made by an older version of the
extractor are extracted again from their stored bytes first (all of them
with --force). The new index replaces the old one only when it is
complete. Stop a running serve first: one process owns the index.`,
	Flags: func(fs *flag.FlagSet) func(context.Context, []string, io.Writer, io.Writer) error {
		data := dataFlag(fs)
		workers := fs.Int("workers", 0, "records processed at once (0: one per CPU)")
		force := fs.Bool("force", false, "re-extract every record, not only outdated ones")
		return func(ctx context.Context, args []string, stdout, stderr io.Writer) error {
			limitMemory()
			if len(args) > 0 {
				return usagef("reindex takes no arguments")
			}
			opts := pipeline.Options{Workers: *workers, Force: *force}
			opts.Ingest.Isolate = true
			finish := progress(stderr, &opts)
			rep, err := pipeline.Reindex(ctx, *data, opts)
			finish()
			rep.WriteSummary(stderr)
			if errors.Is(err, pipeline.ErrSomeFailed) {
				return errSilent
			}
			return err
		}
	},
}

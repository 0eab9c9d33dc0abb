package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"sync/atomic"
	"time"

	"github.com/vbauerster/mpb/v8"
	"github.com/vbauerster/mpb/v8/decor"

	"referat/extract/danish"
	"referat/internal/pipeline"
)

var cmdIngest = &Command{
	Name:      "ingest",
	UsageLine: "[flags] PATH...",
	Short:     "read files and folders of PDF, HTML, text, JSON and XML into the store and index",
	Long: `Ingest reads the files and folders named, detects each document's format
from its bytes, extracts its structure, stores the bytes and the record in
the data directory and indexes it. Unchanged documents are skipped without
being parsed, so running it again over the same folders is cheap. A
document that fails is reported and skipped; the exit status is 1 when any
failed. A publication XML (eDoc, SBSYS) is joined with the PDFs it names.`,
	Flags: func(fs *flag.FlagSet) func(context.Context, []string, io.Writer, io.Writer) error {
		data := dataFlag(fs)
		workers := fs.Int("workers", 0, "documents read at once (0: one per CPU)")
		report := fs.String("report", "", "write the run's report as JSON to this file")
		force := fs.Bool("force", false, "re-read and re-extract documents already stored")
		ocr := fs.Bool("ocr", false, "run tesseract on PDF pages without a text layer (needs tesseract with Danish data)")
		isolate := fs.Bool("isolate", true, "read each PDF in a child process with bounded memory and time")
		municipality := fs.String("municipality", "", "the municipality the files are from (\"Middelfart Kommune\"), for documents that do not name theirs in a field; with --force to apply it to files already stored")
		return func(ctx context.Context, args []string, stdout, stderr io.Writer) error {
			limitMemory()
			if len(args) == 0 {
				return usagef("ingest: name at least one file or folder")
			}
			p, err := openPipeline(*data, stderr)
			if err != nil {
				return err
			}
			defer p.Close()
			opts := pipeline.Options{Workers: *workers, Force: *force, Municipality: *municipality}
			if *municipality != "" {
				if n := danish.MunicipalityName(*municipality); n != "" {
					opts.Municipality = n
				}
			}
			opts.Ingest.PDF.OCR = *ocr
			opts.Ingest.Isolate = *isolate
			return ingestAndReport(ctx, p, args, opts, *report, stderr)
		}
	},
}

// ingestAndReport runs an ingest batch with progress on stderr and writes
// the report. It is shared by ingest and serve's first start.
func ingestAndReport(ctx context.Context, p *pipeline.Pipeline, paths []string, opts pipeline.Options, reportFile string, stderr io.Writer) error {
	finish := progress(stderr, &opts)
	rep, err := p.IngestPaths(ctx, paths, opts)
	finish()
	rep.WriteSummary(stderr)
	if reportFile != "" {
		b, _ := json.MarshalIndent(rep, "", "  ")
		if werr := os.WriteFile(reportFile, append(b, '\n'), 0o644); werr != nil {
			return fmt.Errorf("write report: %w", werr)
		}
	}
	if errors.Is(err, pipeline.ErrSomeFailed) {
		return errSilent // the summary named them
	}
	return err
}

// progress sets opts.Progress to show a bar with counts and rate on a
// terminal, and one log line per document otherwise. The returned function
// ends the display.
func progress(stderr io.Writer, opts *pipeline.Options) func() {
	if !isTerminal(stderr) {
		opts.Progress = func(ev pipeline.Event) {
			switch ev.Status {
			case pipeline.StatusFailed:
				fmt.Fprintf(stderr, "failed   %s: %v\n", ev.Path, ev.Err)
			case pipeline.StatusSkipped:
			default:
				fmt.Fprintf(stderr, "%-8s %s (%d items)\n", ev.Status, ev.Path, ev.Items)
			}
		}
		return func() {}
	}
	pr := mpb.New(mpb.WithOutput(stderr), mpb.WithRefreshRate(150*time.Millisecond))
	var failed atomic.Int64
	bar := pr.AddBar(0,
		mpb.PrependDecorators(decor.Name("ingest "), decor.CountersNoUnit("%d/%d")),
		mpb.AppendDecorators(
			decor.Any(func(decor.Statistics) string { return fmt.Sprintf(" %d failed ", failed.Load()) }),
			decor.AverageSpeed(0, "%.1f docs/s"),
			decor.Name(" "), decor.AverageETA(decor.ET_STYLE_GO),
		),
	)
	opts.Start = func(total int) { bar.SetTotal(int64(total), false) }
	opts.Progress = func(ev pipeline.Event) {
		if ev.Status == pipeline.StatusFailed {
			failed.Add(1)
		}
		bar.Increment()
	}
	return func() {
		bar.SetTotal(-1, true)
		pr.Wait()
	}
}

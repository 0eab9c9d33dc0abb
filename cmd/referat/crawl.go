package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"path/filepath"

	"referat/corpus"
	"referat/ingest"
	"referat/ingest/crawl"
	"referat/internal/pipeline"
)

var cmdCrawl = &Command{
	Name:      "crawl",
	UsageLine: "--sources FILE [flags]",
	Short:     "fetch new minutes and letters from configured municipal sites and ingest them",
	Long: `Crawl fetches the sites listed in a sources file (JSON; see
ingest/crawl/testdata/sources.example.json) politely: it obeys robots.txt,
sends at most one request per second to a host by default, names itself and
your contact URL in its User-Agent, and sends conditional GETs, so a
re-crawl fetches and ingests only new or changed documents. A changed
document keeps its earlier version in the store. The crawl state lives in
the data directory, so an interrupted crawl resumes where it stopped.`,
	Flags: func(fs *flag.FlagSet) func(context.Context, []string, io.Writer, io.Writer) error {
		data := dataFlag(fs)
		sources := fs.String("sources", "", "the sources file (required)")
		return func(ctx context.Context, args []string, stdout, stderr io.Writer) error {
			if *sources == "" || len(args) > 0 {
				return usagef("crawl: give --sources FILE and no arguments")
			}
			cfg, err := crawl.LoadConfig(*sources)
			if err != nil {
				return err
			}
			cfg.StateDir = filepath.Join(*data, "crawl")
			p, err := openPipeline(*data, stderr)
			if err != nil {
				return err
			}
			defer p.Close()
			ingested, failed := 0, 0
			// Attachments follow their parent; they are joined to it in
			// one go when the crawl moves on to another document.
			var parent string
			pending := map[string]corpus.Document{}
			flush := func(ctx context.Context) {
				if len(pending) == 0 {
					return
				}
				ev, err := p.Attach(ctx, parent, pending)
				if err != nil {
					failed++
					fmt.Fprintf(stderr, "failed   %s: joining its attachments: %v\n", parent, err)
				} else if ev.Status == pipeline.StatusIngested {
					fmt.Fprintf(stderr, "joined   %s with %d attachments (%d items)\n", parent, len(pending), ev.Items)
				}
				pending = map[string]corpus.Document{}
			}
			sink := func(ctx context.Context, f crawl.Fetched) error {
				if f.Parent != parent {
					flush(ctx)
					parent = f.Parent
				}
				src := corpus.Source{URL: f.URL, FetchedAt: f.FetchedAt.UTC().Format("2006-01-02T15:04:05Z07:00"), ContentType: f.ContentType}
				doc, err := ingest.Read(ctx, f.Body, src, ingest.Options{Isolate: true})
				if err != nil {
					failed++
					fmt.Fprintf(stderr, "failed   %s: %v\n", f.URL, err)
					return nil // one bad document never stops the crawl
				}
				if f.Parent != "" {
					pending[f.Ref] = doc
					return nil
				}
				ev, err := p.Document(ctx, doc)
				if err != nil {
					failed++
					fmt.Fprintf(stderr, "failed   %s: %v\n", f.URL, err)
					return nil
				}
				if f.ETag != "" || f.LastModified != "" {
					p.Store.AddVersion(f.URL, corpus.Version{ID: doc.ID, ETag: f.ETag, LastModified: f.LastModified})
				}
				if ev.Status == pipeline.StatusIngested {
					ingested++
					changed := ""
					if f.Changed() {
						changed = " (changed; earlier version kept)"
					}
					fmt.Fprintf(stderr, "ingested %s (%d items)%s\n", f.URL, ev.Items, changed)
				}
				return nil
			}
			rep, err := crawl.Run(ctx, cfg, sink, stderr)
			flush(context.WithoutCancel(ctx))
			if rep != nil {
				fmt.Fprintf(stderr, "crawl: %d fetched, %d not modified, %d unchanged, %d failed fetches; %d documents ingested, %d failed\n",
					rep.Fetched, rep.NotModified, rep.Unchanged, rep.Failed, ingested, failed)
			}
			if err != nil {
				return err
			}
			if failed > 0 || (rep != nil && rep.Failed > 0) {
				return errSilent
			}
			return nil
		}
	},
}

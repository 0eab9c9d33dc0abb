package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"path/filepath"

	"referat/ingest/crawl"
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
			sink := p.CrawlSink(stderr)
			rep, err := crawl.Run(ctx, cfg, sink.Take, stderr)
			sink.Flush(context.WithoutCancel(ctx)) // logged and counted in sink.Failed
			if rep != nil {
				fmt.Fprintf(stderr, "crawl: %d fetched, %d not modified, %d unchanged, %d failed fetches; %d documents ingested, %d failed\n",
					rep.Fetched, rep.NotModified, rep.Unchanged, rep.Failed, sink.Ingested, sink.Failed)
			}
			if kerr := p.KeepCrawlRun(rep, sink, err); kerr != nil {
				fmt.Fprintf(stderr, "referat: crawl: %v\n", kerr)
			}
			if err != nil {
				return err
			}
			if sink.Failed > 0 || (rep != nil && rep.Failed > 0) {
				return errSilent
			}
			return nil
		}
	},
}

package main

import (
	"context"
	"flag"
	"fmt"
	"io"

	"referat/corpus"
	"referat/internal/pipeline"
)

var cmdVersions = &Command{
	Name:      "versions",
	UsageLine: "[--json] PATH-OR-URL...",
	Short:     "list the stored versions of a source file or URL",
	Long: `Versions lists every version of a source that ingest or crawl has
stored, oldest first: when it was seen, its document id and, for fetched
documents, the validators the server sent. A document that changed keeps
its earlier versions; each can be read with 'referat extract' on the
stored bytes under <data>/store/raw.`,
	Flags: func(fs *flag.FlagSet) func(context.Context, []string, io.Writer, io.Writer) error {
		data := dataFlag(fs)
		asJSON := fs.Bool("json", false, "print the versions as JSON")
		return func(ctx context.Context, args []string, stdout, stderr io.Writer) error {
			if len(args) == 0 {
				return usagef("versions: name a source path or URL")
			}
			st, err := corpus.OpenStore(pipeline.StoreDir(*data))
			if err != nil {
				return err
			}
			all := map[string][]corpus.Version{}
			for _, src := range args {
				vs, err := st.Versions(src)
				if err != nil {
					return err
				}
				all[src] = vs
			}
			if *asJSON {
				return writeJSON(stdout, all)
			}
			for _, src := range args {
				vs := all[src]
				fmt.Fprintf(stdout, "%s: %d version(s)\n", src, len(vs))
				for i, v := range vs {
					title := ""
					if rec, err := st.Record(v.ID); err == nil {
						title = fmt.Sprintf("%s, %d items", rec.Kind, len(rec.Items))
					}
					fmt.Fprintf(stdout, "  %d. %s  %s  %s", i+1, v.SeenAt, v.ID[:12], title)
					if v.ETag != "" || v.LastModified != "" {
						fmt.Fprintf(stdout, "  (etag %s, last-modified %s)", orDash(v.ETag), orDash(v.LastModified))
					}
					fmt.Fprintln(stdout)
				}
			}
			return nil
		}
	},
}

package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"

	"referat/corpus"
	"referat/extract"
	"referat/ingest"
)

var cmdExtract = &Command{
	Name:      "extract",
	UsageLine: "[--json] FILE...",
	Short:     "print the structure extracted from documents, without storing anything",
	Long: `Extract reads each file, extracts its record (meeting, agenda items,
decisions, case numbers, tables, letter fields) and prints it. It does not
touch the data directory. With --json it prints one JSON object per
document in the schema of DESIGN.md; without, a summary for reading.`,
	Flags: func(fs *flag.FlagSet) func(context.Context, []string, io.Writer, io.Writer) error {
		asJSON := fs.Bool("json", false, "print records as JSON")
		ocr := fs.Bool("ocr", false, "run tesseract on PDF pages without a text layer")
		isolate := fs.Bool("isolate", true, "read each PDF in a child process with bounded memory and time")
		return func(ctx context.Context, args []string, stdout, stderr io.Writer) error {
			if len(args) == 0 {
				return usagef("extract: name at least one file")
			}
			opts := ingest.Options{Isolate: *isolate}
			opts.PDF.OCR = *ocr
			failed := 0
			for _, path := range args {
				jobs, errs := ingest.Plan([]string{path})
				for _, err := range errs {
					fmt.Fprintf(stderr, "referat: %v\n", err)
					failed++
				}
				for _, job := range jobs {
					doc, err := ingest.ReadJob(ctx, job, opts)
					if err != nil {
						fmt.Fprintf(stderr, "referat: %v\n", err)
						failed++
						continue
					}
					rec := extract.Record(doc)
					if *asJSON {
						enc := json.NewEncoder(stdout)
						enc.SetIndent("", "  ")
						enc.SetEscapeHTML(false)
						if err := enc.Encode(rec); err != nil {
							return err
						}
						continue
					}
					writeRecordSummary(stdout, &rec)
				}
			}
			if failed > 0 {
				return errSilent
			}
			return nil
		}
	},
}

// writeRecordSummary prints a record for a person to read.
func writeRecordSummary(w io.Writer, r *corpus.Record) {
	fmt.Fprintf(w, "%s  %s\n", r.Source.Path+r.Source.URL, r.Kind)
	header := strings.Join(nonEmpty(r.Municipality, r.Committee, r.Meeting.Date, r.Meeting.Time, r.Meeting.Location), " · ")
	if header != "" {
		fmt.Fprintf(w, "  %s\n", header)
	}
	if n := len(r.Meeting.Participants); n > 0 {
		fmt.Fprintf(w, "  %d participants; absent: %s\n", n, orDash(strings.Join(r.Meeting.Absent, ", ")))
	}
	for _, it := range r.Items {
		title := it.Title
		if it.Prefix != "" {
			title = it.Prefix + " - " + title
		}
		closed := ""
		if it.Closed {
			closed = " (lukket)"
		}
		number := strconv.Itoa(it.Number)
		if it.Label != "" {
			number = it.Label // a sub-point "1.1"
		}
		fmt.Fprintf(w, "  %3s. %s%s\n", number, title, closed)
		for _, c := range it.CaseNumbers {
			fmt.Fprintf(w, "       sag %s (%s)\n", c.Raw, c.Scheme)
		}
		if it.Outcome != "" {
			fmt.Fprintf(w, "       outcome %s\n", decidedBy(string(it.Outcome), it.DecidedBy, it.DecidedOn))
		}
		for _, d := range it.Decisions {
			fmt.Fprintf(w, "       %s %s: %s\n", orDash(d.Date), orDash(d.Body), d.Outcome)
		}
	}
	if l := r.Letter; l != nil {
		fmt.Fprintf(w, "  from %s to %s, %s, j.nr. %s\n", orDash(l.Sender), orDash(l.Recipient), orDash(l.Date), orDash(strings.Join(l.JournalNumbers, ", ")))
		if l.Subject != "" {
			fmt.Fprintf(w, "  %s\n", l.Subject)
		}
	}
	for _, warn := range r.Warnings {
		fmt.Fprintf(w, "  warning: %s\n", warn)
	}
}

func nonEmpty(ss ...string) []string {
	var out []string
	for _, s := range ss {
		if s != "" {
			out = append(out, s)
		}
	}
	return out
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

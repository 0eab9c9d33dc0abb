package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"strings"

	"referat/index"
)

var cmdCase = &Command{
	Name:      "case",
	UsageLine: "[--json] NUMBER",
	Short:     "show the history of one case across meetings and committees",
	Long: `Case shows every agenda item that names a case number, oldest meeting
first, with each decision, and the Ankestyrelsen letters linked to the
case (naming it, or the same municipality and KLE subject).`,
	Flags: func(fs *flag.FlagSet) func(context.Context, []string, io.Writer, io.Writer) error {
		data := dataFlag(fs)
		asJSON := fs.Bool("json", false, "print the history as JSON")
		return func(ctx context.Context, args []string, stdout, stderr io.Writer) error {
			if len(args) == 0 {
				return usagef("case: name a case number")
			}
			number := strings.Join(args, " ") // "2023 - 9318" may arrive as three words
			ix, err := openIndexForReading(*data)
			if err != nil {
				return err
			}
			defer ix.Close()
			h, err := ix.Case(ctx, number)
			if err != nil {
				return err
			}
			if *asJSON {
				return writeJSON(stdout, h)
			}
			writeCaseHistory(stdout, h)
			return nil
		}
	},
}

func writeCaseHistory(w io.Writer, h *index.CaseHistory) {
	fmt.Fprintf(w, "Sag %s", h.Number)
	if h.Subject != "" {
		fmt.Fprintf(w, " · KLE %s %s", h.KLE, h.Subject)
	}
	fmt.Fprintln(w)
	if len(h.Items) == 0 && len(h.Letters) == 0 {
		fmt.Fprintln(w, "No items or letters name this case.")
		return
	}
	for _, it := range h.Items {
		fmt.Fprintf(w, "\n%s  %s · %s\n  %d. %s\n", orDash(it.Date), orDash(it.Municipality), orDash(it.Committee), it.ItemNumber, it.Title)
		for _, d := range it.Decisions {
			text := cut(strings.Join(strings.Fields(d.Text), " "), 160)
			fmt.Fprintf(w, "  %s %s [%s] %s\n", orDash(d.Date), orDash(d.Body), d.Outcome, text)
		}
	}
	if len(h.Letters) > 0 {
		fmt.Fprintln(w, "\nLinked letters:")
		for _, l := range h.Letters {
			fmt.Fprintf(w, "  %s  %s · %s\n", orDash(l.Date), orDash(l.Municipality), l.Title)
		}
	}
}

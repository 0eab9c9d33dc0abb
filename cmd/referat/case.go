package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"

	"referat/index"
)

var cmdCase = &Command{
	Name:      "case",
	UsageLine: "[--json] NUMBER",
	Short:     "show the history of one case across meetings and committees",
	Long: `Case shows the history of a case number (typed with any separator:
19-3742 finds 19/3742): its decisions as one timeline, oldest first, each
decision once with the meeting that took it (a decision a later item
reprints in its case history is not repeated), then every agenda item
that names the number, and the letters linked to it (naming the number,
to the municipality of an item that carries it).`,
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
	if len(h.Timeline) > 0 {
		fmt.Fprintln(w, "\nDecisions:")
	}
	byID := map[string]index.Hit{}
	for _, it := range h.Items {
		byID[it.ID] = it.Hit
	}
	for _, d := range h.Timeline {
		text := cut(strings.Join(strings.Fields(d.Text), " "), 160)
		fmt.Fprintf(w, "  %s %s [%s] %s\n", orDash(d.Date), orDash(d.Body), d.Outcome, text)
		from := "from"
		if d.Reprinted {
			from = "case history of"
		}
		fmt.Fprintf(w, "    %s item %d, %s %s", from, d.Item.ItemNumber, orDash(d.Item.Committee), orDash(d.Item.Date))
		var also []string
		for _, id := range d.AlsoIn {
			if it, ok := byID[id]; ok {
				also = append(also, strconv.Itoa(it.ItemNumber))
			}
		}
		if len(also) > 0 {
			fmt.Fprintf(w, " (also item %s)", strings.Join(also, ", "))
		}
		var again []string
		for _, id := range d.ReprintedIn {
			if it, ok := byID[id]; ok {
				again = append(again, fmt.Sprintf("item %d, %s %s", it.ItemNumber, orDash(it.Committee), orDash(it.Date)))
			}
		}
		if len(again) > 0 {
			fmt.Fprintf(w, "; reprinted in %s", strings.Join(again, "; "))
		}
		fmt.Fprintln(w)
	}
	if len(h.Items) > 0 {
		fmt.Fprintln(w, "\nItems:")
	}
	for _, it := range h.Items {
		fmt.Fprintf(w, "  %s  %s · %s\n    %d. %s", orDash(it.Date), orDash(it.Municipality), orDash(it.Committee), it.ItemNumber, it.Title)
		if it.Outcome != "" {
			fmt.Fprintf(w, " [%s]", it.Outcome)
		}
		fmt.Fprintln(w)
	}
	if len(h.Letters) > 0 {
		fmt.Fprintln(w, "\nLinked letters:")
		for _, l := range h.Letters {
			fmt.Fprintf(w, "  %s  %s · %s\n", orDash(l.Date), orDash(l.Municipality), l.Title)
		}
	}
}

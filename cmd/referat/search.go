package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"time"
	"unicode/utf8"

	"referat/corpus"
	"referat/index"
)

// decidedBy is an item's outcome with the deciding body and date where
// they are not the meeting's: "approved (Magistraten 2025-09-30)".
func decidedBy(outcome, by, on string) string {
	if outcome == "" || (by == "" && on == "") {
		return outcome
	}
	return outcome + " (" + strings.TrimSpace(by+" "+on) + ")"
}

var cmdSearch = &Command{
	Name:      "search",
	UsageLine: "[flags] QUERY...",
	Short:     "search agenda items and documents",
	Long: `Search prints the agenda items (and letters) matching a query as a table:
municipality, committee, date, item and a snippet with the matching words
marked, followed by facet counts. With --json it prints hits and facets.
With --csv it prints every hit (up to 10000, saying so in the last row
when there are more) as CSV for a spreadsheet: one row per item or
document with its decisions and links, separated by semicolons, UTF-8
with a byte-order mark.

The query language: free words (Danish stemming: "afgørelser" finds
"afgørelse"), "exact phrases", field:value (municipality:, committee:,
kind:, year:, outcome:, case:, heading:, kle:, scheme:), -excluded words.
A case number typed as printed (19/3742, 00.01.00-P20-104-19) finds its
items.`,
	Flags: func(fs *flag.FlagSet) func(context.Context, []string, io.Writer, io.Writer) error {
		data := dataFlag(fs)
		var req index.Request
		var municipality, committee, year, kind, outcome listFlag
		fs.Var(&municipality, "municipality", "only this municipality (repeatable)")
		fs.Var(&committee, "committee", "only this committee (repeatable)")
		fs.Var(&year, "year", "only this year (repeatable)")
		fs.Var(&kind, "kind", "only this kind: referat, dagsorden, letter, principmeddelelse, unknown (repeatable)")
		fs.Var(&outcome, "outcome", "only items whose own meeting decided with this outcome: "+strings.Join(corpus.OutcomeNames(), ", ")+" (repeatable)")
		from := fs.String("from", "", "only meetings on or after this date (YYYY-MM-DD)")
		to := fs.String("to", "", "only meetings on or before this date (YYYY-MM-DD)")
		fs.StringVar(&req.Sort, "sort", "relevance", "order: relevance, date (oldest first) or -date (newest first)")
		fs.IntVar(&req.Page, "page", 1, "page of results")
		fs.IntVar(&req.PageSize, "n", index.DefaultPageSize, "results per page")
		fs.StringVar(&req.Type, "type", "", "item or document (default: items, and documents without items)")
		asJSON := fs.Bool("json", false, "print hits and facets as JSON")
		asCSV := fs.Bool("csv", false, "print every hit (up to 10000) as semicolon-separated CSV with a UTF-8 BOM, for spreadsheets")
		site := fs.String("site", "http://localhost:8080", "address of 'referat serve' that --csv links items to")
		return func(ctx context.Context, args []string, stdout, stderr io.Writer) error {
			req.Query = strings.Join(args, " ")
			req.Municipality, req.Committee, req.Year, req.Kind, req.Outcome = municipality, committee, year, kind, outcome
			var err error
			if req.From, err = parseDay(*from); err != nil {
				return usagef("search: --from: %v", err)
			}
			if req.To, err = parseDay(*to); err != nil {
				return usagef("search: --to: %v", err)
			}
			var qe *index.QueryError
			if _, err := index.ParseQuery(req.Query); errors.As(err, &qe) {
				return usagef("search: %v", qe) // before any index is needed
			}
			ix, err := openIndexForReading(*data)
			if err != nil {
				return err
			}
			defer ix.Close()
			if *asCSV {
				err := writeSearchCSV(ctx, ix, *data, *site, req, stdout, stderr)
				if errors.As(err, &qe) {
					return usagef("search: %v", qe)
				}
				return err
			}
			res, err := ix.Search(ctx, req)
			if errors.As(err, &qe) {
				return usagef("search: %v", qe)
			}
			if err != nil {
				return err
			}
			if *asJSON {
				return writeJSON(stdout, res)
			}
			writeResultTable(stdout, res, req, isTerminal(stdout))
			return nil
		}
	},
}

func parseDay(s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	return time.Parse("2006-01-02", s)
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

// writeResultTable prints hits as an aligned table and the facets below.
// Matching words are bold on a terminal and *starred* otherwise.
func writeResultTable(w io.Writer, res *index.Result, req index.Request, color bool) {
	page, size := max(req.Page, 1), req.PageSize
	if size <= 0 {
		size = index.DefaultPageSize
	}
	size = min(size, index.MaxPageSize) // as the index clamps it
	first := (page-1)*size + 1
	if res.Total == 0 {
		fmt.Fprintf(w, "No results (%s).\n", res.Took.Round(time.Millisecond))
	} else {
		fmt.Fprintf(w, "%d results, %d-%d shown (%s)\n\n", res.Total, first, first+len(res.Hits)-1, res.Took.Round(time.Millisecond))
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	if len(res.Hits) > 0 {
		fmt.Fprintln(tw, "MUNICIPALITY\tCOMMITTEE\tDATE\tITEM\tOUTCOME")
	}
	for _, h := range res.Hits {
		item := h.Title
		if h.Type == index.TypeItem {
			item = fmt.Sprintf("%d. %s", h.ItemNumber, h.Title)
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", cut(orDash(h.Municipality), 22), cut(orDash(h.Committee), 32), orDash(h.Date), cut(item, 60), orDash(decidedBy(h.Outcome, h.DecidedBy, h.DecidedOn)))
		if s := snippetText(h.Snippet, color); s != "" {
			fmt.Fprintf(tw, "\t\t\t  %s\t\n", s)
		}
	}
	tw.Flush()
	for _, name := range index.FacetNames {
		counts := res.Facets[name]
		if len(counts) == 0 {
			continue
		}
		parts := make([]string, 0, len(counts))
		for _, c := range counts {
			parts = append(parts, fmt.Sprintf("%s (%d)", c.Value, c.Count))
		}
		fmt.Fprintf(w, "\n%s: %s", name, strings.Join(parts, ", "))
	}
	if len(res.Facets) > 0 {
		fmt.Fprintln(w)
	}
}

// snippetText renders a snippet on one line.
func snippetText(spans []index.Span, color bool) string {
	var b strings.Builder
	for _, s := range spans {
		text := strings.Join(strings.Fields(s.Text), " ")
		if strings.HasPrefix(s.Text, " ") || strings.HasPrefix(s.Text, "\n") {
			text = " " + text
		}
		if strings.HasSuffix(s.Text, " ") || strings.HasSuffix(s.Text, "\n") {
			text += " "
		}
		switch {
		case !s.Match:
			b.WriteString(text)
		case color:
			b.WriteString("\x1b[1m" + text + "\x1b[0m")
		default:
			b.WriteString("*" + text + "*")
		}
	}
	return strings.TrimSpace(b.String())
}

// cut shortens s to n runes with an ellipsis.
func cut(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}

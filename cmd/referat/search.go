package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"io"
	"strings"
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
		width := fs.Int("width", 0, "fit the table to this many columns (default: the terminal's width, else $COLUMNS, else 100)")
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
			writeResultTable(stdout, res, req, isTerminal(stdout), fitWidth(stdout, *width))
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

// cut shortens s to n runes with an ellipsis.
func cut(s string, n int) string {
	if n <= 0 {
		return ""
	}
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}

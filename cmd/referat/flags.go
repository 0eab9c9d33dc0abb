package main

import (
	"io"

	"flag"
	"golang.org/x/term"
	"os"
	"strings"
)

// defaultDataDir is the data directory used when --data is not given.
func defaultDataDir() string {
	if d := os.Getenv("REFERAT_DATA"); d != "" {
		return d
	}
	return "referat-data"
}

// dataFlag registers --data on fs.
func dataFlag(fs *flag.FlagSet) *string {
	return fs.String("data", defaultDataDir(), "data directory holding the store and index (env REFERAT_DATA)")
}

// listFlag is a flag that may be repeated. Values are not split on commas:
// committee names contain them ("Klima-, Teknik- og Miljøudvalget").
type listFlag []string

func (l *listFlag) String() string { return strings.Join(*l, "; ") }

func (l *listFlag) Set(v string) error {
	if v = strings.TrimSpace(v); v != "" {
		*l = append(*l, v)
	}
	return nil
}

// isTerminal reports whether w is a terminal.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

package main

import (
	"bufio"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"referat/index"
	"referat/internal/export"
)

var cmdWatch = &Command{
	Name:      "watch",
	UsageLine: "--searches FILE [flags]",
	Short:     "print what was ingested since the last run, per saved search",
	Long: `Watch runs each search of a file and prints the items and documents
that match it now and did not at its last run: what was ingested since.
For cron: it prints nothing and exits 0 when nothing is new, and exits 3
when it printed something new (1 when a search failed, 2 for usage).

The file holds one search per line; blank lines and lines starting with #
are skipped. A line is either a query in the query language of 'referat
search', filters included:

    ledelsestilsyn kommune:"Lejre Kommune"
    "social mobilitet" udfald:noted

or the address of a search page, whose parameters are used as the page
uses them (q, municipality, committee, year, kind, outcome, from, to):

    http://localhost:8080/?q=ledelsestilsyn&year=2024

What each search has matched is kept in the data directory (watch/), one
file per search, keyed by the line's text: editing a line starts a new
search. A search's first run prints nothing: it notes what already
matches, and says how much on stderr.`,
	Flags: func(fs *flag.FlagSet) func(context.Context, []string, io.Writer, io.Writer) error {
		data := dataFlag(fs)
		searches := fs.String("searches", "", "file of searches, one per line (required)")
		site := fs.String("site", "http://localhost:8080", "address of 'referat serve' that printed links point to")
		return func(ctx context.Context, args []string, stdout, stderr io.Writer) error {
			if len(args) > 0 {
				return usagef("watch takes no arguments")
			}
			if *searches == "" {
				return usagef("watch: --searches FILE is required")
			}
			lines, err := readSearches(*searches)
			if err != nil {
				return err
			}
			ix, err := openIndexForReading(*data)
			if err != nil {
				return err
			}
			defer ix.Close()
			w := watcher{ix: ix, dir: filepath.Join(*data, "watch"), site: strings.TrimSuffix(*site, "/"), now: time.Now}
			news, failed := 0, 0
			for _, line := range lines {
				n, err := w.run(ctx, line, stdout, stderr)
				if err != nil {
					if ctx.Err() != nil {
						return ctx.Err()
					}
					fmt.Fprintf(stderr, "referat: watch %q: %v\n", line, err)
					failed++
					continue
				}
				news += n
			}
			switch {
			case failed > 0:
				return errSilent
			case news > 0:
				return errNewFound
			}
			return nil
		}
	},
}

// errNewFound is watch's "something new was printed": exit status 3.
var errNewFound = errors.New("new hits")

// watchMaxSeen bounds the hits remembered per search: its newest. Hits
// older than those were ingested before the search began or are
// outnumbered by newer ones, and the index pages no deeper.
const watchMaxSeen = export.MaxRows

// readSearches reads a searches file: its lines less blanks and comments.
func readSearches(path string) ([]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("watch: %w", err)
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		out = append(out, line)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("watch: read %s: %w", path, err)
	}
	return out, nil
}

// watchRequest turns a line of a searches file into a request, newest
// meetings first.
func watchRequest(line string) (index.Request, error) {
	req := index.Request{Query: line}
	if strings.HasPrefix(line, "http://") || strings.HasPrefix(line, "https://") || strings.HasPrefix(line, "/?") {
		u, err := url.Parse(line)
		if err != nil {
			return req, fmt.Errorf("not a search address: %w", err)
		}
		v := u.Query()
		req = index.Request{
			Query:        v.Get("q"),
			Municipality: v["municipality"],
			Committee:    v["committee"],
			Year:         v["year"],
			Kind:         v["kind"],
			Outcome:      v["outcome"],
			Type:         v.Get("type"),
		}
		for _, d := range []struct {
			name string
			dst  *time.Time
		}{{"from", &req.From}, {"to", &req.To}} {
			if s := v.Get(d.name); s != "" {
				if *d.dst, err = time.Parse(time.DateOnly, s); err != nil {
					return req, fmt.Errorf("%s=%q is not a date YYYY-MM-DD", d.name, s)
				}
			}
		}
	}
	req.Sort = index.SortDateDesc
	return req, nil
}

// watchState is what a search matched at its last run.
type watchState struct {
	Search  string    `json:"search"`
	LastRun time.Time `json:"last_run"`
	Seen    []string  `json:"seen"` // hit ids, sorted
}

type watcher struct {
	ix   *index.Index
	dir  string
	site string
	now  func() time.Time
}

// statePath is the state file of a search line.
func (w *watcher) statePath(line string) string {
	sum := sha256.Sum256([]byte(line))
	return filepath.Join(w.dir, hex.EncodeToString(sum[:12])+".json")
}

// run runs one search, prints its new hits and records what it matched.
// It returns the number of new hits.
func (w *watcher) run(ctx context.Context, line string, stdout, stderr io.Writer) (int, error) {
	req, err := watchRequest(line)
	if err != nil {
		return 0, err
	}
	path := w.statePath(line)
	var old watchState
	first := false
	switch b, err := os.ReadFile(path); {
	case errors.Is(err, os.ErrNotExist):
		first = true
	case err != nil:
		return 0, err
	default:
		if err := json.Unmarshal(b, &old); err != nil {
			return 0, fmt.Errorf("state %s: %w", path, err)
		}
	}
	var hits []index.Hit
	if _, err := export.Each(ctx, w.ix, req, watchMaxSeen, func(h index.Hit) error {
		hits = append(hits, h)
		return nil
	}); err != nil {
		return 0, err
	}
	st := watchState{Search: line, LastRun: w.now().UTC()}
	var fresh []index.Hit
	for _, h := range hits {
		st.Seen = append(st.Seen, h.ID)
		if _, seen := slices.BinarySearch(old.Seen, h.ID); !seen {
			fresh = append(fresh, h)
		}
	}
	slices.Sort(st.Seen)
	st.Seen = slices.Compact(st.Seen)
	if first {
		fmt.Fprintf(stderr, "referat: watching %q: %d hits match now; new ones are printed from the next run\n", line, len(st.Seen))
		fresh = nil
	}
	if len(fresh) > 0 {
		since := "its last run"
		if !old.LastRun.IsZero() {
			since = "the last run (" + old.LastRun.Local().Format("2006-01-02 15:04") + ")"
		}
		fmt.Fprintf(stdout, "== %s: %d new since %s\n", line, len(fresh), since)
		for _, h := range fresh {
			printWatchHit(stdout, w.site, h)
		}
		fmt.Fprintln(stdout)
	}
	if err := writeFileAtomic(path, st); err != nil {
		return 0, err
	}
	return len(fresh), nil
}

// printWatchHit prints one hit on two lines: where and what, and its page.
func printWatchHit(w io.Writer, site string, h index.Hit) {
	title := h.Title
	if h.Type == index.TypeItem {
		title = fmt.Sprintf("Punkt %d: %s", h.ItemNumber, h.Title)
	}
	var where []string
	for _, s := range []string{orDash(h.Date), h.Municipality, h.Committee} {
		if s != "" {
			where = append(where, s)
		}
	}
	out := ""
	if h.Outcome != "" {
		out = " [" + h.Outcome + "]"
	}
	fmt.Fprintf(w, "%s  %s%s\n    %s\n", strings.Join(where, " · "), title, out, site+export.PagePath(h))
	if s := snippetText(h.Snippet, false, 0); s != "" {
		fmt.Fprintf(w, "    %s\n", s)
	}
}

// writeFileAtomic writes v as JSON to path by a temporary file and a
// rename, so a killed run leaves the old state or the new, never half.
func writeFileAtomic(path string, v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".tmp-*")
	if err != nil {
		return err
	}
	if _, err := tmp.Write(b); err != nil {
		tmp.Close()
		os.Remove(tmp.Name())
		return err
	}
	if err := tmp.Close(); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		os.Remove(tmp.Name())
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}

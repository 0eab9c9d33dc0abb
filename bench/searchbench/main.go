// Command searchbench measures search latency of a referat index of N
// agenda items against ripgrep over the same text. The items are made by
// varying real records (the seed documents in testdata/corpus): each copy
// gets another municipality, date, number and a few words, so the index
// has realistic vocabulary and facets. It prints one table row per scale.
//
//	go run ./bench/searchbench -items 100000,1000000 -dir /tmp/searchbench
//
// The directory <dir>/<items> is a referat data directory afterwards, which
// bench/load.sh serves.
package main

import (
	"context"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	"referat/corpus"
	"referat/extract"
	"referat/index"
	"referat/ingest"
	"referat/internal/testcorpus"
)

func main() {
	items := flag.String("items", "100000", "comma-separated numbers of agenda items to measure at")
	dir := flag.String("dir", filepath.Join(os.TempDir(), "referat-searchbench"), "working directory (index and text files; reused when present)")
	queries := flag.Int("queries", 200, "searches per measurement")
	flag.Parse()
	if err := run(*items, *dir, *queries); err != nil {
		fmt.Fprintln(os.Stderr, "searchbench:", err)
		os.Exit(1)
	}
}

func run(scales, dir string, nq int) error {
	ctx := context.Background()
	base, err := seedRecords(ctx)
	if err != nil {
		return err
	}
	if _, err := exec.LookPath("rg"); err != nil {
		return fmt.Errorf("rg (ripgrep) is needed as the baseline: %w", err)
	}
	fmt.Printf("%-9s %-12s %-12s %-12s %-12s %-10s %-10s %s\n", "items", "referat p50", "referat p99", "rg p50", "rg p99", "p50 ratio", "p99 ratio", "index/text size")
	for _, s := range strings.Split(scales, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil {
			return fmt.Errorf("bad -items %q", s)
		}
		at := filepath.Join(dir, strconv.Itoa(n))
		textBytes, err := build(ctx, base, n, at)
		if err != nil {
			return err
		}
		qs := queryWords(base, nq)
		ix, err := index.OpenReadOnly(filepath.Join(at, "index"))
		if err != nil {
			return err
		}
		rp50, rp99, err := timeSearches(ctx, ix, qs)
		ix.Close()
		if err != nil {
			return err
		}
		gp50, gp99, err := timeRipgrep(qs, filepath.Join(at, "text"))
		if err != nil {
			return err
		}
		isize := dirSize(filepath.Join(at, "index"))
		fmt.Printf("%-9d %-12s %-12s %-12s %-12s 1/%-8.0f 1/%-8.0f %.2fx\n", n, rp50, rp99, gp50, gp99,
			float64(gp50)/float64(rp50), float64(gp99)/float64(rp99), float64(isize)/float64(textBytes))
	}
	return nil
}

// seedRecords extracts the records of the seed documents.
func seedRecords(ctx context.Context) ([]corpus.Record, error) {
	paths, err := filepath.Glob(filepath.Join(testcorpus.Dir(), "seeds", "*.txt"))
	if err != nil || len(paths) == 0 {
		return nil, fmt.Errorf("no seed documents in %s", testcorpus.Dir())
	}
	var recs []corpus.Record
	for _, p := range paths {
		doc, err := ingest.ReadFile(ctx, p, ingest.Options{})
		if err != nil {
			return nil, err
		}
		if r := extract.Record(doc); len(r.Items) > 0 {
			recs = append(recs, r)
		}
	}
	return recs, nil
}

var municipalities = []string{"Lejre Kommune", "Frederiksberg Kommune", "Københavns Kommune", "Aarhus Kommune", "Greve Kommune", "Ballerup Kommune", "Odense Kommune", "Aalborg Kommune", "Esbjerg Kommune", "Vejle Kommune", "Randers Kommune", "Viborg Kommune", "Kolding Kommune", "Silkeborg Kommune", "Herning Kommune", "Horsens Kommune", "Roskilde Kommune", "Næstved Kommune", "Slagelse Kommune", "Gentofte Kommune"}

// build writes a data directory (store and index, as referat uses them) of
// n items varied from base, and the same item text as one file per record
// for ripgrep, unless they exist. It returns the
// size of the text.
func build(ctx context.Context, base []corpus.Record, n int, dir string) (int64, error) {
	textDir := filepath.Join(dir, "text")
	if _, err := os.Stat(filepath.Join(dir, "done")); err == nil {
		return dirSize(textDir), nil
	}
	os.RemoveAll(dir)
	if err := os.MkdirAll(textDir, 0o755); err != nil {
		return 0, err
	}
	ix, err := index.Open(filepath.Join(dir, "index"))
	if err != nil {
		return 0, err
	}
	// The records go to a store too, so that `referat serve --data dir`
	// can show their items (bench/load.sh).
	st, err := corpus.OpenStore(filepath.Join(dir, "store"))
	if err != nil {
		return 0, err
	}
	rng := rand.New(rand.NewPCG(7, 7))
	start := time.Now()
	var batch []*corpus.Record
	made := 0
	for r := 0; made < n; r++ {
		src := base[r%len(base)]
		rec := src
		rec.Municipality = municipalities[rng.IntN(len(municipalities))]
		day := time.Date(2010+rng.IntN(16), time.Month(1+rng.IntN(12)), 1+rng.IntN(28), 0, 0, 0, 0, time.UTC)
		rec.Meeting.Date = day.Format("2006-01-02")
		rec.ID = corpus.Hash([]byte(fmt.Sprintf("searchbench %d", r)))
		rec.Items = nil
		var text strings.Builder
		for _, it := range src.Items {
			if made == n {
				break
			}
			it.Title = it.Title + " " + strconv.Itoa(r)
			rec.Items = append(rec.Items, it)
			text.WriteString(it.Title + "\n")
			for _, s := range it.Sections {
				text.WriteString(s.Text + "\n")
			}
			for _, d := range it.Decisions {
				text.WriteString(d.Text + "\n")
			}
			made++
		}
		rec.Text = ""
		r2 := rec
		batch = append(batch, &r2)
		if err := st.PutRecord(&r2); err != nil {
			return 0, err
		}
		if err := os.WriteFile(filepath.Join(textDir, rec.ID+".txt"), []byte(text.String()), 0o644); err != nil {
			return 0, err
		}
		if len(batch) == 200 {
			if err := ix.Index(ctx, batch); err != nil {
				return 0, err
			}
			batch = batch[:0]
		}
	}
	if err := ix.Index(ctx, batch); err != nil {
		return 0, err
	}
	if err := ix.Close(); err != nil {
		return 0, err
	}
	fmt.Fprintf(os.Stderr, "searchbench: indexed %d items in %s\n", n, time.Since(start).Round(time.Second))
	os.WriteFile(filepath.Join(dir, "done"), nil, 0o644)
	return dirSize(textDir), nil
}

// queryWords picks search words from the base records' titles and text:
// words people would type, of five letters or more.
func queryWords(base []corpus.Record, n int) []string {
	seen := map[string]bool{}
	var words []string
	for _, r := range base {
		for _, it := range r.Items {
			for _, w := range strings.Fields(it.Title + " " + firstSection(it)) {
				w = strings.ToLower(strings.Trim(w, ".,:;()\"'–-"))
				if len([]rune(w)) >= 5 && !seen[w] && !strings.ContainsAny(w, "0123456789/") {
					seen[w] = true
					words = append(words, w)
				}
			}
		}
	}
	rng := rand.New(rand.NewPCG(3, 3))
	qs := make([]string, n)
	for i := range qs {
		qs[i] = words[rng.IntN(len(words))]
	}
	return qs
}

func firstSection(it corpus.Item) string {
	if len(it.Sections) == 0 {
		return ""
	}
	return it.Sections[0].Text
}

func timeSearches(ctx context.Context, ix *index.Index, qs []string) (p50, p99 time.Duration, err error) {
	var ds []time.Duration
	for _, q := range qs {
		t := time.Now()
		if _, err := ix.Search(ctx, index.Request{Query: q}); err != nil {
			return 0, 0, fmt.Errorf("search %q: %w", q, err)
		}
		ds = append(ds, time.Since(t))
	}
	p50, p99 = percentiles(ds)
	return p50, p99, nil
}

// timeRipgrep runs rg once per query over the text files: the baseline of
// a person searching the same text without an index.
func timeRipgrep(qs []string, dir string) (p50, p99 time.Duration, err error) {
	var ds []time.Duration
	for _, q := range qs[:min(len(qs), 40)] {
		t := time.Now()
		cmd := exec.Command("rg", "--count-matches", "--ignore-case", "--fixed-strings", q, dir)
		cmd.Stdout = nil
		if err := cmd.Run(); err != nil {
			if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != 1 {
				return 0, 0, fmt.Errorf("rg %q: %w", q, err)
			}
		}
		ds = append(ds, time.Since(t))
	}
	p50, p99 = percentiles(ds)
	return p50, p99, nil
}

func percentiles(ds []time.Duration) (p50, p99 time.Duration) {
	sort.Slice(ds, func(i, j int) bool { return ds[i] < ds[j] })
	return ds[len(ds)/2].Round(time.Microsecond), ds[min(len(ds)-1, len(ds)*99/100)].Round(time.Microsecond)
}

func dirSize(dir string) int64 {
	var n int64
	filepath.Walk(dir, func(_ string, fi os.FileInfo, err error) error {
		if err == nil && !fi.IsDir() {
			n += fi.Size()
		}
		return nil
	})
	return n
}

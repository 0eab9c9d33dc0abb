// Command searchbench measures the search latency of a referat index of N
// agenda items against ripgrep over the same text, in one run, per query
// class, and leaves a data directory (store and index) that bench/load.sh
// serves.
//
//	go run ./bench/searchbench -items 100000,1000000 -dir /tmp/searchbench
//
// # The corpus
//
// It is made by varying every real record there is: each document of
// testdata/corpus and, when present, ../shared/corpus is read through
// referat/ingest and referat/extract as `referat ingest` would. Records
// with items are meeting templates; each generated meeting takes a
// template's kind and item count, a municipality (the 98 Danish
// municipalities, weighted by a Zipf law so that some publish far more
// than others), one of that municipality's six to ten committees (drawn
// from the real committees and the standing ones most municipalities
// have), and a date in 2008-2025. Its items are real items drawn from all
// templates: the title as printed, a third of each section's paragraphs
// replaced by a paragraph printed under the same heading in another item
// (one in five from any real text, documents without items included),
// every number redrawn with as many digits (years stay years), case
// numbers redrawn in their own format (a KLE number keeps its subject),
// and the source municipality's name replaced by the new one's.
// Decisions keep their wording and outcome. Every 25th record is instead a
// real document without items (letter, principmeddelelse, note) varied the
// same way. Nothing is chosen by how it searches. Seeds are fixed, so a
// scale always gives the same corpus; the data directory is reused while
// the real records and the generator are unchanged.
//
// The text rg searches is each record's text as minutes print it (titles,
// case numbers, sections, recommendations, decisions, attachments), one
// file per record: what the index holds.
//
// # The queries
//
// Drawn with a fixed seed, per class: "word", a topic word of a random
// real item's title (four letters or more, no stop word, no place name);
// "two words" from one title; "phrase", two or three consecutive words of
// a real title or decision, quoted; "case number", a case number printed
// on a generated item, typed as printed; "filter", a facet click with no
// query (a municipality, a year or a committee); "word+filter", a topic
// word and a municipality; "or", two topic words joined by OR; "prefix",
// the first four to six letters of a topic word and a star; "compound", a
// topic word the lexicon splits into parts (kvalitetsstandarder), which
// the index also looks up by its parts and as the beginning of longer
// compounds. Every search asks what the web page asks: the
// first page of 20 hits with snippets and the default facets. A warm-up
// pass of other queries of the same classes runs first, as a server that
// has been up a while would have. rg runs with --fixed-strings
// --ignore-case --count-matches over the text, each literal of the query
// given with -e; its page cache is warm.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
)

func main() {
	items := flag.String("items", "100000", "comma-separated numbers of agenda items to measure at")
	dir := flag.String("dir", filepath.Join(os.TempDir(), "referat-searchbench"), "working directory: <dir>/<items> is a data directory (reused when it matches)")
	perClass := flag.Int("queries", 200, "searches per query class")
	rgRuns := flag.Int("rg", 20, "rg runs per query class")
	buildOnly := flag.Bool("build-only", false, "make the data directories and measure nothing (for bench/load.sh)")
	flag.StringVar(&cpuProfile, "cpuprofile", "", "write a CPU profile of the timed searches to this file")
	flag.IntVar(&showSlow, "slow", 0, "list the `n` slowest searches")
	flag.Parse()
	if *buildOnly {
		*perClass = 0
	}
	if err := run(*items, *dir, *perClass, *rgRuns); err != nil {
		fmt.Fprintln(os.Stderr, "searchbench:", err)
		os.Exit(1)
	}
}

var (
	cpuProfile string
	showSlow   int
)

func run(scales, dir string, perClass, rgRuns int) error {
	ctx := context.Background()
	if _, err := exec.LookPath("rg"); err != nil {
		return fmt.Errorf("rg (ripgrep) is needed as the baseline: %w", err)
	}
	real, err := realRecords(ctx)
	if err != nil {
		return err
	}
	fp := fingerprint(real)
	for _, s := range strings.Split(scales, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil || n <= 0 {
			return fmt.Errorf("bad -items %q", s)
		}
		at := filepath.Join(dir, strconv.Itoa(n))
		b, err := build(ctx, real, fp, n, at)
		if err != nil {
			return fmt.Errorf("build %s: %w", at, err)
		}
		if perClass == 0 {
			continue
		}
		g := newGenerator(real, genSeed)
		warm := queries(g, b.Cases, 5, 99)
		qs := queries(g, b.Cases, perClass, 1)
		ref, err := timeReferat(ctx, filepath.Join(at, "index"), warm, qs)
		if err != nil {
			return err
		}
		rg, err := timeRipgrep(qs, filepath.Join(at, "text"), rgRuns)
		if err != nil {
			return err
		}
		isize := dirSize(filepath.Join(at, "index"))
		fmt.Printf("\n%d items (%d records, %d MB of text, index %.2fx the text), %d real records varied:\n",
			n, b.Records, b.TextBytes>>20, float64(isize)/float64(b.TextBytes), len(real))
		printTable(os.Stdout, ref, rg)
		printSlow(os.Stdout, ref, showSlow)
	}
	return nil
}

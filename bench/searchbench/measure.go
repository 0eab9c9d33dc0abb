package main

import (
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"runtime/pprof"
	"slices"
	"time"

	"referat/index"
)

// sample is one timed search.
type sample struct {
	class string
	took  time.Duration
	hits  uint64
	req   index.Request
}

// timeReferat runs the warm-up queries, then times each query, classes
// interleaved in a fixed shuffled order.
func timeReferat(ctx context.Context, dir string, warm, qs []query) ([]sample, error) {
	ix, err := index.OpenReadOnly(dir)
	if err != nil {
		return nil, err
	}
	defer ix.Close()
	for _, q := range warm {
		if _, err := ix.Search(ctx, q.req); err != nil {
			return nil, fmt.Errorf("search %+v: %w", q.req, err)
		}
	}
	if cpuProfile != "" {
		f, err := os.Create(cpuProfile)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return nil, err
		}
		defer pprof.StopCPUProfile()
	}
	order := rand.New(rand.NewPCG(5, 5)).Perm(len(qs))
	out := make([]sample, 0, len(qs))
	for _, i := range order {
		q := qs[i]
		t := time.Now()
		res, err := ix.Search(ctx, q.req)
		if err != nil {
			return nil, fmt.Errorf("search %+v: %w", q.req, err)
		}
		out = append(out, sample{q.class, time.Since(t), res.Total, q.req})
	}
	return out, nil
}

// timeRipgrep runs rg for the first runs queries of each class over the
// text: the baseline of a person searching the same text without an index.
func timeRipgrep(qs []query, dir string, runs int) ([]sample, error) {
	// One untimed run brings the text into the page cache.
	exec.Command("rg", "--count-matches", "--fixed-strings", "xyzzy", dir).Run()
	done := map[string]int{}
	var out []sample
	for _, q := range qs {
		if done[q.class] >= runs {
			continue
		}
		done[q.class]++
		args := []string{"--count-matches", "--ignore-case", "--fixed-strings"}
		for _, p := range q.rg {
			args = append(args, "-e", p)
		}
		cmd := exec.Command("rg", append(args, dir)...)
		cmd.Stdout = io.Discard
		t := time.Now()
		if err := cmd.Run(); err != nil {
			if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != 1 {
				return nil, fmt.Errorf("rg %q: %w", q.rg, err)
			}
		}
		out = append(out, sample{class: q.class, took: time.Since(t)})
	}
	return out, nil
}

// printTable prints p50 and p99 of each class and of all searches, with
// the ratios to rg.
func printTable(w io.Writer, ref, rg []sample) {
	fmt.Fprintf(w, "%-12s %8s %9s %12s %12s %10s %10s %10s %10s\n",
		"class", "searches", "hits p50", "referat p50", "referat p99", "rg p50", "rg p99", "p50 ratio", "p99 ratio")
	for _, c := range append(classes, "all") {
		var rt, gt []time.Duration
		var hits []uint64
		for _, s := range ref {
			if c == "all" || s.class == c {
				rt = append(rt, s.took)
				hits = append(hits, s.hits)
			}
		}
		for _, s := range rg {
			if c == "all" || s.class == c {
				gt = append(gt, s.took)
			}
		}
		if len(rt) == 0 || len(gt) == 0 {
			continue
		}
		r50, r99 := percentiles(rt)
		g50, g99 := percentiles(gt)
		slices.Sort(hits)
		fmt.Fprintf(w, "%-12s %8d %9d %12s %12s %10s %10s %10s %10s\n", c, len(rt), hits[len(hits)/2],
			r50, r99, g50.Round(time.Millisecond), g99.Round(time.Millisecond), ratio(g50, r50), ratio(g99, r99))
	}
}

func ratio(rg, referat time.Duration) string {
	if referat <= 0 {
		return "-"
	}
	return fmt.Sprintf("1/%.0f", float64(rg)/float64(referat))
}

// percentiles returns the 50th and 99th percentile (nearest rank).
func percentiles(ds []time.Duration) (p50, p99 time.Duration) {
	ds = slices.Clone(ds)
	slices.Sort(ds)
	at := func(p float64) time.Duration {
		i := int(p*float64(len(ds))+0.999999) - 1
		return ds[max(0, min(i, len(ds)-1))]
	}
	return at(0.50).Round(10 * time.Microsecond), at(0.99).Round(10 * time.Microsecond)
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

// printSlow lists the n slowest searches.
func printSlow(w io.Writer, ref []sample, n int) {
	if n <= 0 {
		return
	}
	ss := slices.Clone(ref)
	slices.SortFunc(ss, func(a, b sample) int { return int(b.took - a.took) })
	fmt.Fprintf(w, "slowest searches:\n")
	for _, s := range ss[:min(n, len(ss))] {
		fmt.Fprintf(w, "  %10s %8d hits  %-12s %q %v%v%v\n", s.took.Round(10*time.Microsecond), s.hits, s.class, s.req.Query, s.req.Municipality, s.req.Year, s.req.Committee)
	}
}

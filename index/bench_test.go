package index

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"testing"
	"time"

	"referat/corpus"
)

// Benchmarks run only with -bench. BenchmarkSearch builds (once, then
// reuses) an index of $REFERAT_BENCH_ITEMS synthetic items (default
// 100000) under $REFERAT_BENCH_DIR (default the system temp dir); with
// $REFERAT_BENCH_TEXT set it also writes each record's text there, one
// file per record, so a script can time rg over the same text
// (TestWriteBenchText writes it without building the index).
//
//	go test ./index -run '^$' -bench Search -benchtime 200x
//	REFERAT_BENCH_TEXT=/tmp/text go test ./index -run TestWriteBenchText

const itemsPerRecord = 12 // a typical meeting

func benchItems(b *testing.B) int {
	n := 100000
	if s := os.Getenv("REFERAT_BENCH_ITEMS"); s != "" {
		v, err := strconv.Atoi(s)
		if err != nil || v <= 0 {
			b.Fatalf("REFERAT_BENCH_ITEMS=%q: want a positive number", s)
		}
		n = v
	}
	return n
}

// benchIndex returns an index of n synthetic items, building it the first
// time, and the bytes of record text it holds.
func benchIndex(b *testing.B, n int) (*Index, int64) {
	b.Helper()
	root := os.Getenv("REFERAT_BENCH_DIR")
	if root == "" {
		root = os.TempDir()
	}
	dir := filepath.Join(root, fmt.Sprintf("referat-bench-%s-%d", mappingVersion, n))
	textFile := filepath.Join(dir, "..", filepath.Base(dir)+".textbytes")
	if tb, err := os.ReadFile(textFile); err == nil {
		x, err := OpenReadOnly(dir)
		if err == nil {
			size, _ := strconv.ParseInt(string(tb), 10, 64)
			return x, size
		}
		b.Logf("rebuilding %s: %v", dir, err)
	}
	os.RemoveAll(dir)
	x, err := Open(dir)
	if err != nil {
		b.Fatal(err)
	}
	textDir := os.Getenv("REFERAT_BENCH_TEXT")
	if textDir != "" {
		if err := os.MkdirAll(textDir, 0o755); err != nil {
			b.Fatal(err)
		}
	}
	s := newSynth(b, 1)
	start := time.Now()
	var textBytes int64
	var batch []*corpus.Record
	items := 0
	for i := 0; items < n; i++ {
		r := s.record(i, min(itemsPerRecord, n-items))
		items += len(r.Items)
		textBytes += int64(len(r.Text))
		if textDir != "" {
			if err := os.WriteFile(filepath.Join(textDir, r.ID+".txt"), []byte(r.Text), 0o644); err != nil {
				b.Fatal(err)
			}
		}
		batch = append(batch, r)
		if len(batch) == 50 {
			if err := x.Index(context.Background(), batch); err != nil {
				b.Fatal(err)
			}
			batch = batch[:0]
		}
	}
	if err := x.Index(context.Background(), batch); err != nil {
		b.Fatal(err)
	}
	if err := x.Close(); err != nil {
		b.Fatal(err)
	}
	b.Logf("built %s: %d items, %d MB text in %s", dir, items, textBytes>>20, time.Since(start).Round(time.Second))
	if err := os.WriteFile(textFile, []byte(strconv.FormatInt(textBytes, 10)), 0o644); err != nil {
		b.Fatal(err)
	}
	x, err = OpenReadOnly(dir)
	if err != nil {
		b.Fatal(err)
	}
	return x, textBytes
}

// benchQueries are the searches a journalist types, with facets, first
// page, as the web page asks them.
var benchQueries = []Request{
	{Query: "ledelsestilsyn"},
	{Query: "afgørelser"},
	{Query: `"kvalitet i sagsbehandlingen"`},
	{Query: "handicap -børn"},
	{Query: "budget kommune:lejre"},
	{Query: "virksomhedsservice", Sort: SortDateDesc},
	{Query: "ankestyrelsen", Year: []string{"2019"}, Outcome: []string{"noted"}},
	{Query: "19/3742"},
	{Query: ""},
	{Query: "børnesager"}, // a compound, also looked for as its parts
}

// BenchmarkSearch measures search latency over the synthetic corpus and
// reports p50 and p99 besides the mean, and the index size per byte of
// text.
func BenchmarkSearch(b *testing.B) {
	n := benchItems(b)
	x, textBytes := benchIndex(b, n)
	defer x.Close()
	size, err := x.DiskSize()
	if err != nil {
		b.Fatal(err)
	}
	b.ReportMetric(float64(size)/float64(textBytes), "index/text")
	ctx := context.Background()
	run := func(b *testing.B, reqs []Request) {
		lat := make([]time.Duration, 0, b.N)
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			t := time.Now()
			if _, err := x.Search(ctx, reqs[i%len(reqs)]); err != nil {
				b.Fatal(err)
			}
			lat = append(lat, time.Since(t))
		}
		b.StopTimer()
		slices.Sort(lat)
		b.ReportMetric(float64(lat[len(lat)/2].Microseconds()), "p50-µs")
		b.ReportMetric(float64(lat[len(lat)*99/100].Microseconds()), "p99-µs")
	}
	b.Run("mixed", func(b *testing.B) { run(b, benchQueries) })
	for _, r := range benchQueries {
		name := r.Query
		if name == "" {
			name = "filters-only"
		}
		b.Run(name, func(b *testing.B) { run(b, []Request{r}) })
	}
}

// BenchmarkIndex measures indexing throughput in bytes of record text
// (MB/s) and items per second, in batches of 50 meetings.
func BenchmarkIndex(b *testing.B) {
	s := newSynth(b, 2)
	recs := make([]*corpus.Record, 50)
	var bytes, items int
	for i := range recs {
		recs[i] = s.record(i, itemsPerRecord)
		bytes += len(recs[i].Text)
		items += len(recs[i].Items)
	}
	x, err := Open(filepath.Join(b.TempDir(), "index"))
	if err != nil {
		b.Fatal(err)
	}
	defer x.Close()
	b.SetBytes(int64(bytes))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		// New ids each round, so every round adds to the index.
		for j, r := range recs {
			r.ID = fmt.Sprintf("%064x", uint64(i*len(recs)+j)+1)
		}
		if err := x.Index(context.Background(), recs); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(items*b.N)/b.Elapsed().Seconds(), "items/s")
}

// TestWriteBenchText writes the text of the synthetic corpus of
// BenchmarkSearch ($REFERAT_BENCH_ITEMS items) to $REFERAT_BENCH_TEXT, one
// file per record, without indexing it: the same text the benchmark's
// index holds, for timing rg over it. It does nothing unless
// $REFERAT_BENCH_TEXT is set.
func TestWriteBenchText(t *testing.T) {
	dir := os.Getenv("REFERAT_BENCH_TEXT")
	if dir == "" {
		t.Skip("REFERAT_BENCH_TEXT not set")
	}
	n := 100000
	if s := os.Getenv("REFERAT_BENCH_ITEMS"); s != "" {
		v, err := strconv.Atoi(s)
		if err != nil || v <= 0 {
			t.Fatalf("REFERAT_BENCH_ITEMS=%q: want a positive number", s)
		}
		n = v
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	s := newSynth(t, 1)
	var bytes int64
	for i, items := 0, 0; items < n; i++ {
		r := s.record(i, min(itemsPerRecord, n-items))
		items += len(r.Items)
		bytes += int64(len(r.Text))
		if err := os.WriteFile(filepath.Join(dir, r.ID+".txt"), []byte(r.Text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	t.Logf("wrote %d bytes of text for %d items to %s", bytes, n, dir)
}

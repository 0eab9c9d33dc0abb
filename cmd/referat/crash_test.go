package main

import (
	"bytes"
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"referat/corpus"
	"referat/internal/pipeline"
	"referat/internal/testcorpus"
)

var (
	buildOnce sync.Once
	builtBin  string
	buildErr  error
	binDir    string // removed by TestMain
)

// buildReferat builds the referat binary once per test run.
func buildReferat(t *testing.T) string {
	t.Helper()
	buildOnce.Do(func() {
		binDir, buildErr = os.MkdirTemp("", "referat-bin-")
		if buildErr != nil {
			return
		}
		builtBin = filepath.Join(binDir, "referat")
		if out, err := exec.Command("go", "build", "-o", builtBin, ".").CombinedOutput(); err != nil {
			buildErr = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if buildErr != nil {
		t.Fatal(buildErr)
	}
	return builtBin
}

// crashCorpus writes n distinct documents made from real ones: seed texts
// with a line added, and eDoc PDFs with a comment after their end, which
// readers ignore but which changes their bytes. It returns their folder,
// their ids and the number of meetings they are forms of (one per
// source).
func crashCorpus(t *testing.T, n int) (string, []string, int) {
	t.Helper()
	var sources [][]byte
	for _, p := range []string{
		"seeds/000_734b34927aab3490.txt", "seeds/003_b83d5a285e58b211.txt", "seeds/001_4ba81b541cf419a1.txt",
		"ballerup-edoc-2012-12-04/1552816.pdf", "ballerup-edoc-2012-12-04/1552824.pdf",
	} {
		b, err := os.ReadFile(testcorpus.Path(p))
		if err != nil {
			t.Fatal(err)
		}
		sources = append(sources, b)
	}
	dir := t.TempDir()
	var ids []string
	for i := 0; i < n; i++ {
		src := sources[i%len(sources)]
		var b []byte
		if bytes.HasPrefix(src, []byte("%PDF")) {
			b = append(append([]byte{}, src...), fmt.Sprintf("\n%% variant %d\n", i)...)
		} else {
			b = append(append([]byte{}, src...), fmt.Sprintf("\n\nVariant %d\n", i)...)
		}
		name := filepath.Join(dir, fmt.Sprintf("doc-%03d%s", i, map[bool]string{true: ".pdf", false: ".txt"}[bytes.HasPrefix(b, []byte("%PDF"))]))
		if err := os.WriteFile(name, b, 0o644); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, corpus.Hash(b))
	}
	return dir, ids, min(n, len(sources))
}

// TestKilledIngestLosesNothing kills ingest with SIGKILL at random moments,
// reruns it, and checks after each rerun that store and index agree: every
// document is stored and indexed exactly once.
func TestKilledIngestLosesNothing(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary and kills it many times")
	}
	bin := buildReferat(t)
	src, ids, meetings := crashCorpus(t, 40)
	seed := uint64(time.Now().UnixNano())
	rng := rand.New(rand.NewPCG(1, seed))
	t.Logf("random seed %d", seed)
	// Time one whole run, so kills spread over all of a batch's phases.
	start := time.Now()
	if out, err := exec.Command(bin, "ingest", "--data", t.TempDir(), "--workers", "2", src).CombinedOutput(); err != nil {
		t.Fatalf("uninterrupted ingest: %v\n%s", err, out)
	}
	whole := time.Since(start)
	t.Logf("an uninterrupted ingest takes %s", whole)
	interrupted := 0
	for round := 0; round < 5; round++ {
		data := t.TempDir()
		for kill := 0; kill < 2; kill++ {
			var log bytes.Buffer
			cmd := exec.Command(bin, "ingest", "--data", data, "--workers", "2", src)
			cmd.Stderr = &log
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			delay := time.Duration(rng.Int64N(int64(whole)))
			time.Sleep(delay)
			cmd.Process.Kill() // SIGKILL: no cleanup runs
			cmd.Wait()
			reported := 0
			for _, line := range strings.Split(log.String(), "\n") {
				if strings.HasPrefix(line, "ingested ") {
					reported++
				}
			}
			if !bytes.Contains(log.Bytes(), []byte("documents:")) {
				interrupted++ // killed before the summary: mid-batch
			}
			t.Logf("round %d kill %d after %s: %d documents reported ingested", round, kill, delay, reported)
		}
		out, err := exec.Command(bin, "ingest", "--data", data, src).CombinedOutput()
		if err != nil {
			t.Fatalf("round %d: rerun after kills failed: %v\n%s", round, err, out)
		}
		checkStoreAndIndexAgree(t, data, ids, meetings)
	}
	if interrupted == 0 {
		t.Errorf("no kill landed before a batch finished; the test proved nothing")
	}
}

func checkStoreAndIndexAgree(t *testing.T, data string, ids []string, meetings int) {
	t.Helper()
	p, err := pipeline.Open(data)
	if err != nil {
		t.Fatalf("open after kills: %v", err)
	}
	defer p.Close()
	stored, err := p.Store.RecordIDs()
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]bool{}
	for _, id := range ids {
		want[id] = true
		if !p.Store.HasRaw(id) {
			t.Errorf("document %s: bytes not stored", id[:12])
		}
		if ok, err := p.Index.Has(id); err != nil || !ok {
			t.Errorf("document %s: not indexed (%v)", id[:12], err)
		}
	}
	if len(stored) != len(want) {
		t.Errorf("store holds %d records; want %d", len(stored), len(want))
	}
	for _, id := range stored {
		if !want[id] {
			t.Errorf("store holds a record %s of no source document", id[:12])
		}
	}
	// The copies of one source are one meeting in several forms: each
	// meeting is listed once, its other forms kept as its alternates.
	_, docs, err := p.Index.Count()
	if err != nil {
		t.Fatal(err)
	}
	alts, err := p.Index.AlternateForms(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if docs+uint64(len(alts)) != uint64(len(want)) || docs != uint64(meetings) {
		t.Errorf("index holds %d listed documents and %d alternate forms (%v); want %d meetings in %d documents: none missing, none doubled", docs, len(alts), err, meetings, len(want))
	}
	for id, a := range alts {
		if _, alt := alts[a.Of]; alt || !want[a.Of] {
			t.Errorf("document %s is an alternate form of %s, which is not a listed document", id[:12], a.Of)
		}
	}
}

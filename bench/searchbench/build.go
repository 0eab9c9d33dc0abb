package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"referat/corpus"
	"referat/index"
)

// genSeed seeds the generator: the same seed, the same corpus.
const genSeed = 7

// built describes a generated data directory; it is written to
// <dir>/done once everything is in place.
type built struct {
	Fingerprint string   `json:"fingerprint"`
	Items       int      `json:"items"`
	Records     int      `json:"records"`
	TextBytes   int64    `json:"text_bytes"`
	Cases       []string `json:"cases"` // a sample of printed case numbers
}

// build makes (or reuses) a data directory of n generated items: the store
// and index `referat serve --data dir` uses, and the same text as one file
// per record under dir/text for rg. An index made by another version of
// the index package is rebuilt from the same generated records.
func build(ctx context.Context, real []corpus.Record, fp string, n int, dir string) (*built, error) {
	var b built
	if data, err := os.ReadFile(filepath.Join(dir, "done")); err == nil && json.Unmarshal(data, &b) == nil && b.Fingerprint == fp && b.Items == n {
		ix, err := index.OpenReadOnly(filepath.Join(dir, "index"))
		if err == nil {
			return &b, ix.Close()
		}
		if !errors.Is(err, index.ErrIncompatible) {
			return nil, err
		}
		fmt.Fprintf(os.Stderr, "searchbench: %s: rebuilding the index (%v)\n", dir, err)
		if err := os.RemoveAll(filepath.Join(dir, "index")); err != nil {
			return nil, err
		}
		if _, err := generate(ctx, real, fp, n, dir, false); err != nil {
			return nil, err
		}
		return &b, nil
	}
	if err := os.RemoveAll(dir); err != nil {
		return nil, err
	}
	nb, err := generate(ctx, real, fp, n, dir, true)
	if err != nil {
		return nil, err
	}
	data, err := json.Marshal(nb)
	if err != nil {
		return nil, err
	}
	return nb, os.WriteFile(filepath.Join(dir, "done"), data, 0o644)
}

// generate indexes n generated items, and with files also writes the store
// and the text.
func generate(ctx context.Context, real []corpus.Record, fp string, n int, dir string, files bool) (*built, error) {
	ix, err := index.Open(filepath.Join(dir, "index"))
	if err != nil {
		return nil, err
	}
	closed := false
	defer func() {
		if !closed {
			ix.Close()
		}
	}()
	var st *corpus.Store
	if files {
		if st, err = corpus.OpenStore(filepath.Join(dir, "store")); err != nil {
			return nil, err
		}
	}
	g := newGenerator(real, genSeed)
	cases := newCaseSample(2000)
	b := &built{Fingerprint: fp, Items: n}
	start, last := time.Now(), time.Now()
	var batch []*corpus.Record
	for b.Items = 0; b.Items < n; {
		r := g.next(n - b.Items)
		b.Items += len(r.Items)
		b.Records++
		cases.add(r)
		if files {
			if err := st.PutRecord(r); err != nil {
				return nil, err
			}
			nt, err := writeText(filepath.Join(dir, "text"), r)
			if err != nil {
				return nil, err
			}
			b.TextBytes += nt
		}
		batch = append(batch, r)
		if len(batch) == 100 || b.Items >= n {
			if err := ix.Index(ctx, batch); err != nil {
				return nil, err
			}
			batch = batch[:0]
		}
		if time.Since(last) > 30*time.Second {
			last = time.Now()
			fmt.Fprintf(os.Stderr, "searchbench: %d of %d items in %s\n", b.Items, n, time.Since(start).Round(time.Second))
		}
	}
	closed = true
	if err := ix.Close(); err != nil {
		return nil, err
	}
	b.Cases = cases.keep
	fmt.Fprintf(os.Stderr, "searchbench: generated %d items (%d records, %s) in %s\n", b.Items, b.Records, cases, time.Since(start).Round(time.Second))
	return b, nil
}

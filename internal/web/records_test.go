package web

import (
	"errors"
	"strings"
	"testing"

	"referat/corpus"
)

func TestRecordCache(t *testing.T) {
	reads := map[string]int{}
	read := func(id string) (*corpus.Record, error) {
		reads[id]++
		if id == "missing" {
			return nil, corpus.ErrNotFound
		}
		size := 1000
		if id == "huge" {
			size = 100_000
		}
		return &corpus.Record{ID: id, Text: strings.Repeat("x", size)}, nil
	}
	// Room for four records of 1000 bytes.
	c := newRecordCache(4 * recordWeight(&corpus.Record{Text: strings.Repeat("x", 1000)}))
	get := func(id string) *corpus.Record {
		t.Helper()
		r, err := c.get(id, read)
		if err != nil {
			t.Fatalf("get(%s): %v", id, err)
		}
		if r.ID != id {
			t.Fatalf("get(%s) = record %s", id, r.ID)
		}
		return r
	}
	a := get("a")
	get("b")
	get("c")
	get("d")
	if get("a") != a || reads["a"] != 1 {
		t.Errorf("a was read %d times; want once, then served from the cache", reads["a"])
	}
	get("e") // b is now the least recently used: out
	get("b")
	if reads["b"] != 2 {
		t.Errorf("b was read %d times; want 2 (evicted by e)", reads["b"])
	}
	get("a")
	if reads["a"] != 1 {
		t.Errorf("a was read %d times; want once (used recently, kept)", reads["a"])
	}
	for range 2 {
		if _, err := c.get("missing", read); !errors.Is(err, corpus.ErrNotFound) {
			t.Fatalf("get(missing) error %v; want ErrNotFound", err)
		}
		get("huge")
	}
	if reads["missing"] != 2 || reads["huge"] != 2 {
		t.Errorf("missing read %d times, huge %d; want both read every time (not cached)", reads["missing"], reads["huge"])
	}
	if c.size > c.max {
		t.Errorf("cache holds %d; want at most %d", c.size, c.max)
	}
}

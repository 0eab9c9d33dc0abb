package pdftext

import (
	"bytes"
	"context"
	"errors"
	"os"
	"reflect"
	"strings"
	"testing"
	"time"
)

// hog keeps the memory the allocating child takes, so none is freed.
var hog [][]byte

// TestMain lets the test binary serve as ExtractIsolated's child.
func TestMain(m *testing.M) {
	if os.Getenv("PDFTEXT_TEST_ALLOCATE") == "1" {
		childHook = func() {
			// a runaway allocation, as a hostile file could cause
			for {
				b := make([]byte, 64<<20)
				b[len(b)-1] = 1
				hog = append(hog, b)
			}
		}
	}
	if os.Getenv("PDFTEXT_TEST_SPIN") == "1" {
		childHook = func() {
			//lint:ignore SA5002 the child spins on purpose, as a hostile file could make it
			for {
			}
		}
	}
	RunChild()
	os.Exit(m.Run())
}

func TestExtractIsolatedMatchesExtract(t *testing.T) {
	data := readCorpusPDF(t, referat)
	want, err := Extract(context.Background(), data, Options{})
	if err != nil {
		t.Fatal(err)
	}
	got, err := ExtractIsolated(context.Background(), data, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("ExtractIsolated differs from Extract")
	}
	if _, err := ExtractIsolated(context.Background(), []byte("junk"), Options{}); !errors.Is(err, ErrNotPDF) {
		t.Errorf("ExtractIsolated(junk) error = %v; want ErrNotPDF", err)
	}
}

func withChildEnv(t *testing.T, kv string) {
	old := childExtraEnv
	childExtraEnv = []string{kv}
	t.Cleanup(func() { childExtraEnv = old })
}

// TestExtractIsolatedKillsRunaways makes the child spin and allocate
// without end: the parent must come back with an error in bounded time.
func TestExtractIsolatedKillsRunaways(t *testing.T) {
	if testing.Short() {
		t.Skip("spawns runaway children")
	}
	data := textPDF("x")
	t.Run("endless loop", func(t *testing.T) {
		withChildEnv(t, "PDFTEXT_TEST_SPIN=1")
		start := time.Now()
		iso := &Isolator{}
		defer iso.Close()
		_, err := iso.Extract(context.Background(), data, Options{Timeout: time.Second})
		if !errors.Is(err, ErrTimeout) {
			t.Errorf("error = %v; want ErrTimeout", err)
		}
		if d := time.Since(start); d > time.Second+childGrace+2*time.Second {
			t.Errorf("took %v; want about %v", d, time.Second+childGrace)
		}
	})
	t.Run("runaway allocation", func(t *testing.T) {
		if raceEnabled {
			t.Skip("a race-built child has no address-space limit (see race.go)")
		}
		withChildEnv(t, "PDFTEXT_TEST_ALLOCATE=1")
		iso := &Isolator{MaxMemory: 1 << 30}
		defer iso.Close()
		_, err := iso.Extract(context.Background(), data, Options{Timeout: 20 * time.Second})
		if err == nil || !strings.Contains(err.Error(), "out of memory") {
			t.Errorf("error = %v; want the child to die at its memory limit", err)
		}
	})
}

// TestPrevCycle is a file whose /Prev points at its own table: the
// library would loop forever; open sees the cycle and rebuilds the table.
func TestPrevCycle(t *testing.T) {
	data := textPDF("cycle")
	x := bytes.LastIndex(data, []byte("startxref\n"))
	off := strings.TrimSpace(strings.TrimSuffix(string(data[x+len("startxref\n"):]), "%%EOF\n"))
	data = bytes.Replace(data, []byte("/Root 1 0 R>>"), []byte("/Root 1 0 R/Prev "+off+">>"), 1)
	res, err := Extract(context.Background(), data, Options{Timeout: 5 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	if res.Pages[0].Text != "cycle" || !hasWarning(res, "repaired cross-reference table") {
		t.Errorf("got %q, warnings %q", res.Pages[0].Text, res.Warnings)
	}
}

package goldentest

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Name is the golden file of a corpus document, given its path in the
// corpus: testdata/golden/<the path with "/" as "__">.json.
func Name(rel string) string {
	return filepath.Join("testdata", "golden", strings.ReplaceAll(rel, "/", "__")+".json")
}

// update is the tests' -update flag, registered in every test binary
// that checks golden records.
var update = flag.Bool("update", false, "rewrite the golden records in testdata/golden")

// maxDiffs is how many differing fields a failure lists.
const maxDiffs = 20

// Check compares v, as indented JSON, with the golden file name, or under
// -update writes it there instead. A difference fails the test, naming the
// fields that differ by their JSON path.
func Check(tb testing.TB, name string, v any) {
	tb.Helper()
	got, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		tb.Fatalf("golden %s: %v", name, err)
	}
	got = append(got, '\n')
	if *update {
		if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
			tb.Fatal(err)
		}
		if err := os.WriteFile(name, got, 0o644); err != nil {
			tb.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(name)
	if err != nil {
		tb.Fatalf("read golden (run go test -update): %v", err)
	}
	if bytes.Equal(got, want) {
		return
	}
	var g, w any
	if err := json.Unmarshal(want, &w); err != nil {
		tb.Fatalf("golden %s: %v", name, err)
	}
	if err := json.Unmarshal(got, &g); err != nil {
		tb.Fatalf("golden %s: %v", name, err)
	}
	diffs := Diff("", w, g)
	if len(diffs) == 0 {
		tb.Errorf("%s holds the same fields laid out otherwise than -update writes them", name)
	}
	for i, d := range diffs {
		if i == maxDiffs {
			tb.Errorf("... and %d more differences", len(diffs)-maxDiffs)
			break
		}
		tb.Errorf("%s: %s", name, d)
	}
}

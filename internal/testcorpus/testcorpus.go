// Package testcorpus locates the real documents tests run on: the lean copy
// in the repository's testdata/corpus, and the full shared corpus in
// ../shared/corpus beside the checkout (or $REFERAT_SHARED_CORPUS), which is
// absent on some machines.
package testcorpus

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

// Root returns the repository's root directory.
func Root() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..")
}

// Dir returns the repository's testdata/corpus directory, which always exists.
func Dir() string {
	return filepath.Join(Root(), "testdata", "corpus")
}

// Path returns the path of a file in testdata/corpus given its path relative
// to that folder (the same as in the shared corpus).
func Path(rel string) string {
	return filepath.Join(Dir(), filepath.FromSlash(rel))
}

// SharedDir returns the shared corpus directory, or "" when it is absent.
func SharedDir() string {
	if d := os.Getenv("REFERAT_SHARED_CORPUS"); d != "" {
		return d
	}
	d := filepath.Join(Root(), "..", "shared", "corpus")
	if fi, err := os.Stat(d); err == nil && fi.IsDir() {
		return d
	}
	return ""
}

// Shared returns the shared corpus directory, skipping the test with a
// reason when it is absent.
func Shared(tb testing.TB) string {
	tb.Helper()
	d := SharedDir()
	if d == "" {
		tb.Skip("shared corpus absent: neither $REFERAT_SHARED_CORPUS nor ../shared/corpus beside the checkout")
	}
	return d
}

// SharedLabels returns the shared labels directory (../shared/labels), or
// skips the test when it is absent.
func SharedLabels(tb testing.TB) string {
	tb.Helper()
	d := filepath.Join(Shared(tb), "..", "labels")
	if _, err := os.Stat(d); err != nil {
		tb.Skip("shared labels absent: ../shared/labels not beside the checkout")
	}
	return d
}

// Files walks dir and returns the paths of all regular files under it
// whose extension (lower-cased, with dot) is one of exts, or all files when
// exts is empty. Files named PROVENANCE.md and README.md are left out.
func Files(tb testing.TB, dir string, exts ...string) []string {
	tb.Helper()
	var out []string
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		if n := d.Name(); n == "PROVENANCE.md" || n == "README.md" {
			return nil
		}
		if len(exts) == 0 {
			out = append(out, p)
			return nil
		}
		ext := lower(filepath.Ext(p))
		for _, e := range exts {
			if ext == e {
				out = append(out, p)
				break
			}
		}
		return nil
	})
	if err != nil {
		tb.Fatalf("walking %s: %v", dir, err)
	}
	return out
}

func lower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c >= 'A' && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

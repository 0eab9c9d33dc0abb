package pipeline

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// TestOneWriterPerDataDir: while one pipeline has a data directory open, a
// second Open and a Reindex are refused at once, naming the holder, and
// clean nothing: the first one's temporary files and a half-built index
// stay. Once it closes, the next writer takes over and cleans.
func TestOneWriterPerDataDir(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no flock on windows")
	}
	dir := t.TempDir()
	p, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	tmp := filepath.Join(StoreDir(dir), "tmp", "w-in-progress")
	os.WriteFile(tmp, []byte("half written"), 0o644)
	building := IndexDir(dir) + ".new"
	os.MkdirAll(building, 0o755)

	holder := fmt.Sprintf("(pid %d,", os.Getpid())
	_, err = Open(dir)
	if !errors.Is(err, ErrBusy) || !strings.Contains(err.Error(), holder) || !strings.Contains(err.Error(), commandLine()) {
		t.Errorf("second Open: %v; want ErrBusy naming %q %s", err, commandLine(), holder)
	}
	_, err = Reindex(context.Background(), dir, Options{})
	if !errors.Is(err, ErrBusy) || !strings.Contains(err.Error(), holder) {
		t.Errorf("Reindex while open: %v; want ErrBusy naming the holder", err)
	}
	for _, f := range []string{tmp, building} {
		if _, err := os.Stat(f); err != nil {
			t.Errorf("a refused writer removed %s: %v", f, err)
		}
	}

	p.Close()
	if h := LockHolder(dir); strings.Contains(h, holder) {
		t.Errorf("the lock file still names the closed holder: %q", h)
	}
	p2, err := Open(dir)
	if err != nil {
		t.Fatalf("Open after Close: %v", err)
	}
	defer p2.Close()
	for _, f := range []string{tmp, building} {
		if _, err := os.Stat(f); err == nil {
			t.Errorf("the writer left %s from a dead one", f)
		}
	}
}

//go:build unix

package pipeline

import (
	"context"
	"net"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestIngestSkipsWhatIsNotARegularFile: a named pipe (directly and
// through a symbolic link), a link to /dev/zero and a socket in a folder
// each fail alone with a reason naming the file, without being opened
// (a pipe would block the batch forever, /dev/zero never ends), and the
// regular file beside them is ingested.
func TestIngestSkipsWhatIsNotARegularFile(t *testing.T) {
	p, _ := openTemp(t)
	dir := t.TempDir()
	doc := filepath.Join(dir, "referat.txt")
	os.WriteFile(doc, []byte("REFERAT Økonomiudvalget d. 06-02-2024\n\nPunkt 1: Budget\n\nBeslutning\nGodkendt.\n"), 0o644)
	fifo := filepath.Join(dir, "rør.txt")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("no named pipes here: %v", err)
	}
	links := map[string]string{"til-rør.xml": fifo, "nul.pdf": "/dev/zero"}
	for name, target := range links {
		if err := os.Symlink(target, filepath.Join(dir, name)); err != nil {
			t.Fatal(err)
		}
	}
	sock := filepath.Join(dir, "sok")
	l, err := net.Listen("unix", sock)
	if err != nil {
		t.Fatalf("listen on a unix socket: %v", err)
	}
	defer l.Close()

	// A 3 GB file (sparse, so it costs no disk) is refused by its size
	// before a byte of it is read.
	big := filepath.Join(dir, "stor.pdf")
	if f, err := os.Create(big); err != nil || f.Truncate(3<<30) != nil {
		t.Skipf("no sparse 3 GB file here: %v", err)
	} else {
		f.Close()
	}

	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	rep, err := p.IngestPaths(ctx, []string{dir, filepath.Join(dir, "nul.pdf")}, Options{})
	if ctx.Err() != nil {
		t.Fatalf("the batch hung on a file that is not regular: %v", err)
	}
	runtime.ReadMemStats(&after)
	if rep.Ingested != 1 || rep.Failed != 5 {
		t.Fatalf("report %+v; want 1 ingested, 5 failed", rep)
	}
	if grew := after.TotalAlloc - before.TotalAlloc; grew > 256<<20 {
		t.Errorf("the batch allocated %d MB: the 3 GB file was read", grew>>20)
	}
	want := map[string]string{
		fifo:                              "named pipe",
		filepath.Join(dir, "til-rør.xml"): "named pipe",
		filepath.Join(dir, "nul.pdf"):     "character device",
		sock:                              "socket",
		big:                               "over the limit",
	}
	for _, f := range rep.Failures {
		kind, ok := want[f.Path]
		if !ok {
			t.Errorf("unexpected failure %+v", f)
			continue
		}
		if !strings.Contains(f.Reason, kind) || kind != "over the limit" && !strings.Contains(f.Reason, "not a regular file") {
			t.Errorf("failure of %s: reason %q; want one saying it is %s, not a regular file", f.Path, f.Reason, kind)
		}
		delete(want, f.Path)
	}
	if len(want) > 0 {
		t.Errorf("no failure reported for %v", want)
	}
}

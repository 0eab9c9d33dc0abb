package main

import (
	"bufio"
	"io"
	"net/http"
	"os/exec"
	"regexp"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"referat/internal/testcorpus"
)

// TestServeFirstStartAndGracefulShutdown starts the real binary on an
// empty data directory: it ingests the sample corpus, serves real results,
// and on SIGINT shuts down cleanly with exit status 0.
func TestServeFirstStartAndGracefulShutdown(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the binary")
	}
	bin := buildReferat(t)
	cmd := exec.Command(bin, "serve", "--data", t.TempDir(), "--addr", "127.0.0.1:0", "--sample", testcorpus.Path("seeds"))
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()

	addr := make(chan string, 1)
	var (
		mu  sync.Mutex
		log strings.Builder
	)
	logged := func() string {
		mu.Lock()
		defer mu.Unlock()
		return log.String()
	}
	scanned := make(chan struct{})
	go func() {
		defer close(scanned)
		serving := regexp.MustCompile(`serving on (http://\S+)`)
		sc := bufio.NewScanner(stderr)
		for sc.Scan() {
			mu.Lock()
			log.WriteString(sc.Text() + "\n")
			mu.Unlock()
			if m := serving.FindStringSubmatch(sc.Text()); m != nil {
				addr <- m[1]
			}
		}
	}()
	var base string
	select {
	case base = <-addr:
	case <-time.After(90 * time.Second):
		t.Fatalf("serve did not start:\n%s", logged())
	}
	resp, err := http.Get(base + "api/search?q=ledelsestilsyn")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || !strings.Contains(string(body), "Status på kvartalsplaner på ledelsestilsyn") {
		t.Errorf("search on the sample corpus: %s\n%.300s", resp.Status, body)
	}

	cmd.Process.Signal(syscall.SIGINT)
	// stderr ends when the process does; Wait may only close it after.
	select {
	case <-scanned:
	case <-time.After(15 * time.Second):
		t.Fatalf("serve did not stop within 15 s of SIGINT:\n%s", logged())
	}
	if err := cmd.Wait(); err != nil {
		t.Errorf("serve exited with %v after SIGINT; want status 0", err)
	}
	if !strings.Contains(logged(), "shutting down") {
		t.Errorf("no shutdown message:\n%s", logged())
	}
}

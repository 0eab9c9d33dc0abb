package main

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"syscall"
	"testing"
	"time"
)

// TestSIGTERMStopsWithinTwoSeconds sends SIGTERM to an ingest busy with
// one long document: the process ends within two seconds, and a rerun
// ingests the document whole (nothing was left half written).
func TestSIGTERMStopsWithinTwoSeconds(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the binary")
	}
	if runtime.GOOS == "windows" {
		t.Skip("no SIGTERM on windows")
	}
	bin := buildReferat(t)
	dir := t.TempDir()
	big := filepath.Join(dir, "lang.txt")
	f, err := os.Create(big)
	if err != nil {
		t.Fatal(err)
	}
	w := bufio.NewWriter(f)
	for i := 1; i <= 10000; i++ {
		fmt.Fprintf(w, "Punkt %d: Vejbelysning på strækning %d\n\nSagsfremstilling\nKommunen har modtaget en ansøgning om ny belysning på strækning %d, og forvaltningen anbefaler den.\n\nBeslutning\nGodkendt.\n\n", i, i, i)
	}
	w.Flush()
	f.Close()
	data := filepath.Join(dir, "data")
	cmd := exec.Command(bin, "ingest", "--data", data, big)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	time.Sleep(700 * time.Millisecond)
	sent := time.Now()
	cmd.Process.Signal(syscall.SIGTERM)
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case <-done:
		if d := time.Since(sent); d > 2*time.Second {
			t.Errorf("ingest took %s to stop after SIGTERM; want at most 2s", d)
		}
	case <-time.After(10 * time.Second):
		cmd.Process.Kill()
		t.Fatal("ingest did not stop within 10s of SIGTERM")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	if out, err := exec.CommandContext(ctx, bin, "ingest", "--data", data, big).CombinedOutput(); err != nil {
		t.Fatalf("rerun after SIGTERM: %v\n%s", err, out)
	}
	out, err := exec.CommandContext(ctx, bin, "search", "--data", data, "--json", "vejbelysning").CombinedOutput()
	if err != nil {
		t.Fatalf("search after the rerun: %v\n%s", err, out)
	}
}

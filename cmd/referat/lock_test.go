package main

import (
	"bufio"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestOneWriterAcrossCommands runs the real binary: while serve owns a
// data directory, ingest and reindex are refused naming serve and its
// pid, versions and search clean nothing, and the temporary file serve
// might be writing survives them all.
func TestOneWriterAcrossCommands(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the binary")
	}
	if runtime.GOOS == "windows" {
		t.Skip("no flock on windows")
	}
	bin := buildReferat(t)
	data := t.TempDir()
	serve := exec.Command(bin, "serve", "--data", data, "--addr", "127.0.0.1:0", "--sample", "")
	stderr, err := serve.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := serve.Start(); err != nil {
		t.Fatal(err)
	}
	defer serve.Process.Kill()
	up := make(chan bool, 1)
	go func() {
		sc := bufio.NewScanner(stderr)
		for sc.Scan() {
			if strings.Contains(sc.Text(), "serving on") {
				up <- true
			}
		}
	}()
	select {
	case <-up:
	case <-time.After(60 * time.Second):
		t.Fatal("serve did not start")
	}
	tmp := filepath.Join(data, "store", "tmp", "w-serve-writing")
	if err := os.WriteFile(tmp, []byte("half"), 0o644); err != nil {
		t.Fatal(err)
	}
	doc := filepath.Join(t.TempDir(), "a.txt")
	os.WriteFile(doc, []byte("Et referat."), 0o644)

	holder := fmt.Sprintf("'referat serve' (pid %d,", serve.Process.Pid)
	for _, tc := range []struct {
		args     []string
		code     int
		namesSrv bool
	}{
		{[]string{"ingest", "--data", data, doc}, 1, true},
		{[]string{"reindex", "--data", data}, 1, true},
		{[]string{"versions", "--data", data, doc}, 0, false},
		{[]string{"search", "--data", data, "referat"}, 1, true},
	} {
		out, err := exec.Command(bin, tc.args...).CombinedOutput()
		code := 0
		if ee, ok := err.(*exec.ExitError); ok {
			code = ee.ExitCode()
		} else if err != nil {
			t.Fatal(err)
		}
		if code != tc.code || tc.namesSrv && !strings.Contains(string(out), holder) {
			t.Errorf("referat %s while serve runs: exit %d; want %d and a message naming %s\n%s", tc.args[0], code, tc.code, holder, out)
		}
		if _, err := os.Stat(tmp); err != nil {
			t.Fatalf("referat %s removed serve's temporary file: %v", tc.args[0], err)
		}
	}
	serve.Process.Signal(syscall.SIGINT)
	serve.Wait()
	// With serve gone, ingest takes the directory and sweeps what a
	// writer left.
	if out, err := exec.Command(bin, "ingest", "--data", data, doc).CombinedOutput(); err != nil {
		t.Fatalf("ingest after serve stopped: %v\n%s", err, out)
	}
	if _, err := os.Stat(tmp); err == nil {
		t.Errorf("ingest left a dead writer's temporary file")
	}
}

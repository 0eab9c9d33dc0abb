package main

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"referat/internal/testcorpus"
)

// TestReadmeExamplesRun runs every command line of the README's usage
// block ("## Using it"), in order and as written, from a folder that
// holds the repository's testdata as the root does: each exits 0, and a
// command that prints data prints some. Serve runs until it listens.
func TestReadmeExamplesRun(t *testing.T) {
	if testing.Short() {
		t.Skip("ingests the sample corpus")
	}
	readme, err := os.ReadFile(filepath.Join(testcorpus.Root(), "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	lines := usageLines(string(readme))
	if len(lines) < 5 {
		t.Fatalf("found %d command lines in the README's usage block: %q", len(lines), lines)
	}
	dir := t.TempDir()
	if err := os.Symlink(filepath.Join(testcorpus.Root(), "testdata"), filepath.Join(dir, "testdata")); err != nil {
		t.Fatal(err)
	}
	t.Chdir(dir)
	t.Setenv("REFERAT_DATA", "")
	for _, line := range lines {
		args, err := shellWords(line)
		if err != nil {
			t.Fatalf("README line %q: %v", line, err)
		}
		args = expandGlobs(t, args)
		if args[0] == "serve" {
			runServeUntilListening(t, line, args)
			continue
		}
		out, stderr, code := runCLI(t, args...)
		if code != 0 {
			t.Errorf("README line %q: exit %d\n%s", line, code, stderr)
			continue
		}
		switch args[0] {
		case "search", "case", "extract":
			if strings.TrimSpace(out) == "" || strings.Contains(out, "0 results") {
				t.Errorf("README line %q prints nothing found on the sample corpus:\n%s", line, out)
			}
		}
	}
}

// usageLines returns the referat command lines (without "./referat") of
// the indented code under the README's "## Using it" heading.
func usageLines(readme string) []string {
	_, after, ok := strings.Cut(readme, "\n## Using it\n")
	if !ok {
		return nil
	}
	if end := strings.Index(after, "\n## "); end >= 0 {
		after = after[:end]
	}
	var lines []string
	sc := bufio.NewScanner(strings.NewReader(after))
	for sc.Scan() {
		if l, ok := strings.CutPrefix(sc.Text(), "    ./referat "); ok {
			lines = append(lines, l)
		}
	}
	return lines
}

// shellWords splits a command line as a POSIX shell does for the forms
// the README uses: blanks separate words, '...' and "..." quote, and an
// unquoted # starting a word begins a comment. A quoted word is marked
// with a leading \x00 so expandGlobs leaves it alone.
func shellWords(line string) ([]string, error) {
	var words []string
	var w strings.Builder
	inWord, quoted := false, false
	end := func() {
		if inWord {
			s := w.String()
			if quoted {
				s = "\x00" + s
			}
			words = append(words, s)
		}
		w.Reset()
		inWord, quoted = false, false
	}
	for i := 0; i < len(line); i++ {
		switch c := line[i]; {
		case c == ' ' || c == '\t':
			end()
		case c == '#' && !inWord:
			end()
			return words, nil
		case c == '\'' || c == '"':
			j := strings.IndexByte(line[i+1:], c)
			if j < 0 {
				return nil, fmt.Errorf("unclosed %c", c)
			}
			w.WriteString(line[i+1 : i+1+j])
			inWord, quoted = true, true
			i += j + 1
		default:
			w.WriteByte(c)
			inWord = true
		}
	}
	end()
	return words, nil
}

// expandGlobs expands unquoted words holding glob characters as a shell
// does, and unmarks quoted words.
func expandGlobs(t *testing.T, words []string) []string {
	var out []string
	for _, w := range words {
		if q, ok := strings.CutPrefix(w, "\x00"); ok {
			out = append(out, q)
			continue
		}
		if strings.ContainsAny(w, "*?[") {
			m, err := filepath.Glob(w)
			if err != nil || len(m) == 0 {
				t.Errorf("README glob %q matches nothing", w)
			}
			out = append(out, m...)
			continue
		}
		out = append(out, w)
	}
	return out
}

// lockedBuffer is a strings.Builder safe for a writer and a reader.
type lockedBuffer struct {
	mu sync.Mutex
	b  strings.Builder
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// runServeUntilListening runs a serve line until it reports that it is
// serving, then stops it. A port already taken by another program on
// this machine is logged, not failed: the line is right, the machine busy.
func runServeUntilListening(t *testing.T, line string, args []string) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var stdout, stderr lockedBuffer
	done := make(chan error, 1)
	go func() { done <- run(ctx, args, &stdout, &stderr) }()
	deadline := time.After(60 * time.Second)
	for !strings.Contains(stderr.String(), "serving on") {
		select {
		case err := <-done:
			if err != nil && strings.Contains(err.Error(), "address already in use") {
				t.Logf("README line %q: %v (the port is taken on this machine)", line, err)
				return
			}
			t.Errorf("README line %q ended before serving: %v\n%s", line, err, stderr.String())
			return
		case <-deadline:
			t.Errorf("README line %q: not serving after 60s\n%s", line, stderr.String())
			return
		case <-time.After(20 * time.Millisecond):
		}
	}
	cancel()
	if err := <-done; err != nil {
		t.Errorf("README line %q: stopping serve: %v", line, err)
	}
}

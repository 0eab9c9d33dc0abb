package main

import (
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"referat/internal/testcorpus"
)

// TestSearchTableFitsWidth searches the seed minutes at terminal widths from
// a phone's to a wide screen's: no line is wider than asked, a wide table
// shows whole titles, a narrow one each hit as a block, $COLUMNS sets the
// width when no flag does, and a pipe without either gets whole lines.
func TestSearchTableFitsWidth(t *testing.T) {
	data := t.TempDir()
	if _, stderr, code := runCLI(t, "ingest", "--data", data, testcorpus.Path("seeds")); code != 0 {
		t.Fatalf("ingest exit %d: %s", code, stderr)
	}
	const title = "Status på kvartalsplaner på ledelsestilsyn"
	search := func(args ...string) string {
		t.Helper()
		out, stderr, code := runCLI(t, append([]string{"search", "--data", data}, args...)...)
		if code != 0 {
			t.Fatalf("search %q: exit %d: %s", args, code, stderr)
		}
		return out
	}
	for _, width := range []int{32, 50, 72, 80, 100, 132, 200} {
		out := search("--width", strconv.Itoa(width), "ledelsestilsyn")
		for _, line := range strings.Split(out, "\n") {
			if n := utf8.RuneCountInString(line); n > width {
				t.Errorf("width %d: a line of %d runes:\n%s", width, n, line)
			}
		}
		if !strings.Contains(out, "Lejre Kommune") || !strings.Contains(out, "*ledelsestilsyn") {
			t.Errorf("width %d: output lacks the municipality or the marked match:\n%s", width, out)
		}
		table := strings.Contains(out, "MUNICIPALITY")
		if table && width < 72 || !table && width >= 100 {
			t.Errorf("width %d: table layout %v; want blocks below 72 columns, a table from 100:\n%s", width, table, out)
		}
		if width >= 132 && !strings.Contains(out, title) {
			t.Errorf("width %d: the title %q is cut:\n%s", width, title, out)
		}
	}
	t.Setenv("COLUMNS", "")
	if out := search("ledelsestilsyn"); !strings.Contains(out, title) || !strings.Contains(out, "Udvalget for Børn og Ungdom  ") {
		t.Errorf("piped without $COLUMNS: a title or committee is cut:\n%s", out)
	}
	t.Setenv("COLUMNS", "60")
	for _, line := range strings.Split(search("ledelsestilsyn"), "\n") {
		if utf8.RuneCountInString(line) > 60 {
			t.Errorf("COLUMNS=60: a line of %d runes:\n%s", utf8.RuneCountInString(line), line)
		}
	}
}

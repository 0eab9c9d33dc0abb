package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"referat/internal/testcorpus"
)

// TestWatch ingests two seed documents, starts watching, ingests the
// others, and expects exactly the items of the new documents that match.
func TestWatch(t *testing.T) {
	data := t.TempDir()
	early := t.TempDir()
	seeds := testcorpus.Path("seeds")
	for _, name := range []string{"000_734b34927aab3490.txt", "004_9618094e2dce791b.txt"} {
		b, err := os.ReadFile(filepath.Join(seeds, name))
		if err != nil {
			t.Fatal(err)
		}
		os.WriteFile(filepath.Join(early, name), b, 0o644)
	}
	if _, stderr, code := runCLI(t, "ingest", "--data", data, early); code != 0 {
		t.Fatalf("ingest exit %d: %s", code, stderr)
	}
	searches := filepath.Join(t.TempDir(), "searches.txt")
	os.WriteFile(searches, []byte("# my searches\n\nledelsestilsyn\nhttp://localhost:8080/?q=ledelsestilsyn&committee=Socialudvalget&year=2019\nudfald:rejected\n"), 0o644)
	watch := func() (string, string, int) {
		return runCLI(t, "watch", "--data", data, "--searches", searches, "--site", "http://referat.example")
	}

	out, stderr, code := watch()
	if code != 0 || out != "" {
		t.Fatalf("first watch: exit %d, stdout %q; want 0 and nothing printed\n%s", code, out, stderr)
	}
	if !strings.Contains(stderr, `watching "ledelsestilsyn": 2 hits match now`) {
		t.Errorf("first watch does not say what it noted: %s", stderr)
	}
	out, stderr, code = watch()
	if code != 0 || out != "" {
		t.Fatalf("second watch, nothing ingested: exit %d, stdout %q; want 0 and nothing\n%s", code, out, stderr)
	}

	if _, stderr, code := runCLI(t, "ingest", "--data", data, seeds); code != 0 {
		t.Fatalf("ingest exit %d: %s", code, stderr)
	}
	out, stderr, code = watch()
	if code != 3 {
		t.Fatalf("watch after ingesting: exit %d; want 3 (new hits)\n%s\n%s", code, out, stderr)
	}
	// The København item (its municipality is not printed in it), the
	// Frederiksberg item and the letter are new for the first search; only
	// København's for the second, a 2019 Socialudvalget; nothing was
	// rejected.
	sections := strings.Split(strings.TrimSpace(out), "\n\n")
	if len(sections) != 2 {
		t.Fatalf("watch printed %d searches; want 2:\n%s", len(sections), out)
	}
	if !strings.HasPrefix(sections[0], "== ledelsestilsyn: 3 new since the last run") ||
		!strings.Contains(sections[0], "Sjette afrapportering på ledelsestilsyn") || !strings.Contains(sections[0], "Frederiksberg Kommune") ||
		!strings.Contains(sections[0], "Nyborg Kommune") || strings.Contains(sections[0], "Lejre Kommune") {
		t.Errorf("first search's news:\n%s", sections[0])
	}
	if !strings.HasPrefix(sections[1], "== http://localhost:8080/?q=ledelsestilsyn&committee=Socialudvalget&year=2019: 1 new") ||
		!strings.Contains(sections[1], "Sjette afrapportering") || !strings.Contains(sections[1], "http://referat.example/items/") || strings.Contains(sections[1], "Frederiksberg") {
		t.Errorf("second search's news:\n%s", sections[1])
	}
	if !strings.Contains(out, "*ledelsestilsyn*") {
		t.Errorf("news do not show why they matched:\n%s", out)
	}
	out, _, code = watch()
	if code != 0 || out != "" {
		t.Errorf("watch again: exit %d, stdout %q; want 0 and nothing", code, out)
	}

	// A bad search fails alone.
	os.WriteFile(searches, []byte("\"open\nledelsestilsyn\n"), 0o644)
	out, stderr, code = watch()
	if code != 1 || !strings.Contains(stderr, `watch "\"open"`) || out != "" {
		t.Errorf("a bad search: exit %d, stdout %q, stderr %q; want 1 naming it", code, out, stderr)
	}
	if _, _, code := runCLI(t, "watch", "--data", data); code != 2 {
		t.Errorf("watch without --searches: exit %d; want 2", code)
	}
}

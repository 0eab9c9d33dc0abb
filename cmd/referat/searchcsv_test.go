package main

import (
	"encoding/csv"
	"fmt"
	"strings"
	"testing"

	"referat/internal/testcorpus"
)

func TestSearchCSV(t *testing.T) {
	data := t.TempDir()
	if _, stderr, code := runCLI(t, "ingest", "--data", data, testcorpus.Path("seeds")); code != 0 {
		t.Fatalf("ingest exit %d: %s", code, stderr)
	}
	out, stderr, code := runCLI(t, "search", "--data", data, "--csv", "--site", "http://referat.example", "ledelsestilsyn")
	if code != 0 {
		t.Fatalf("search --csv exit %d: %s", code, stderr)
	}
	rest, ok := strings.CutPrefix(out, "\ufeff")
	if !ok {
		t.Fatalf("search --csv output does not begin with a BOM: %q", out[:min(20, len(out))])
	}
	r := csv.NewReader(strings.NewReader(rest))
	r.Comma = ';'
	rows, err := r.ReadAll()
	if err != nil {
		t.Fatalf("search --csv: %v\n%s", err, out)
	}
	// One row per hit the table counts.
	table, _, _ := runCLI(t, "search", "--data", data, "ledelsestilsyn")
	var total int
	if _, err := fmt.Sscanf(table, "%d results", &total); err != nil || total < 2 {
		t.Fatalf("search table does not begin with a count of at least 2: %v\n%s", err, table)
	}
	var found bool
	for _, row := range rows[1:] {
		if !strings.HasPrefix(row[10], "http://referat.example/") {
			t.Errorf("row links %q; want the --site address", row[10])
		}
		if row[4] == "Status på kvartalsplaner på ledelsestilsyn" {
			found = true
			want := []string{"Lejre Kommune", "Udvalget for Børn og Ungdom", "2024-02-06", "7"}
			if strings.Join(row[:4], "|") != strings.Join(want, "|") || row[6] != "Udvalget for Børn og Ungdom" || row[5] == "" {
				t.Errorf("Lejre item 7 row %q", row)
			}
		}
	}
	if !found || len(rows) != total+1 {
		t.Errorf("search --csv has %d rows (found item 7: %v); the table says\n%s", len(rows)-1, found, table)
	}
}

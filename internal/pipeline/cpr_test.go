package pipeline

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"referat/index"
	"referat/internal/testcorpus"
)

// TestCPRNeverStoredOrIndexed plants a CPR number in a real referat and
// checks that neither the stored record, nor the index, nor a snippet
// holds it, while a case number of the same shape survives.
func TestCPRNeverStoredOrIndexed(t *testing.T) {
	seed, err := os.ReadFile(testcorpus.Path("seeds/000_734b34927aab3490.txt"))
	if err != nil {
		t.Fatal(err)
	}
	const cpr = "070368-1234" // 7 March 1968: a valid date
	text := strings.Replace(string(seed), "Taget til orientering.",
		"Taget til orientering. Borgeren med cpr.nr. "+cpr+" og sag 13/011760-1053 blev drøftet.", 1)
	dir := t.TempDir()
	path := filepath.Join(dir, "referat.txt")
	os.WriteFile(path, []byte(text), 0o644)

	p, _ := openTemp(t)
	ctx := context.Background()
	if _, err := p.IngestPaths(ctx, []string{path}, Options{}); err != nil {
		t.Fatal(err)
	}
	ids, _ := p.Store.RecordIDs()
	rec, err := p.Store.Record(ids[0])
	if err != nil {
		t.Fatal(err)
	}
	b, _ := json.Marshal(rec)
	if strings.Contains(string(b), cpr) || strings.Contains(string(b), "0703681234") {
		t.Errorf("stored record holds the CPR number")
	}
	if !strings.Contains(string(b), "13/011760-1053") {
		t.Errorf("the case number 13/011760-1053 was redacted as if it were a CPR number")
	}
	for _, q := range []string{cpr, `"070368-1234"`, "070368", "1234"} {
		res, err := p.Index.Search(ctx, index.Request{Query: q})
		if err != nil {
			continue // a query the language refuses finds nothing either
		}
		for _, h := range res.Hits {
			for _, s := range h.Snippet {
				if strings.Contains(s.Text, "070368") {
					t.Errorf("search %q: snippet shows the CPR number: %q", q, s.Text)
				}
			}
			if q == cpr || q == `"070368-1234"` || q == "070368" {
				t.Errorf("search %q found %s: the index holds the CPR number", q, h.ID)
			}
		}
	}
	res, err := p.Index.Search(ctx, index.Request{Query: "borgeren"})
	if err != nil || res.Total == 0 {
		t.Fatalf("the decision around the CPR number is not searchable: %v", err)
	}
}

package pipeline

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
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

// TestCPRNeverInNamesOrParts gives CPR numbers to what a person names
// rather than writes: a folder and a file name (the record's source, the
// title of a hit that has no other), and an SBSYS enclosure's file name
// (the record's parts), in the glued and undashed forms. None is stored
// in a record or found in the index, and the enclosure is still joined,
// also when reindex extracts the record again from its stored parts.
func TestCPRNeverInNamesOrParts(t *testing.T) {
	pub, err := os.ReadFile(testcorpus.Path("ballerup-sbsys-2013/Publication32.xml"))
	if err != nil {
		t.Fatal(err)
	}
	enc, err := os.ReadFile(testcorpus.Path("ballerup-sbsys-2013/Enclosures/1.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	const encName = "cpr140198-6789.pdf"
	dir := filepath.Join(t.TempDir(), "sag CPR-070991-7890")
	os.MkdirAll(filepath.Join(dir, "Enclosures"), 0o755)
	pub = bytes.ReplaceAll(pub, []byte("[1.pdf]"), []byte("["+encName+"]"))
	pub = bytes.ReplaceAll(pub, []byte(`\1.pdf]`), []byte(`\`+encName+"]"))
	os.WriteFile(filepath.Join(dir, "Publication32.xml"), pub, 0o644)
	os.WriteFile(filepath.Join(dir, "Enclosures", encName), enc, 0o644)
	note := filepath.Join(dir, "notat nr.081092-8901 CPR 0305873456.txt")
	os.WriteFile(note, []byte("Et notat om en borger uden mødedato og udvalg."), 0o644)

	p, data := openTemp(t)
	ctx := context.Background()
	if rep, err := p.IngestPaths(ctx, []string{dir}, Options{}); err != nil || rep.Ingested != 2 {
		t.Fatalf("ingest: %v %+v", err, rep)
	}
	cprs := []string{"070991", "140198", "081092", "030587"}
	check := func(when string) {
		t.Helper()
		ids, _ := p.Store.RecordIDs()
		joined := false
		for _, id := range ids {
			rec, err := p.Store.Record(id)
			if err != nil {
				t.Fatal(err)
			}
			b, _ := json.Marshal(rec)
			for _, c := range cprs {
				if bytes.Contains(b, []byte(c)) {
					t.Errorf("%s: record of %s holds the CPR number %s…", when, rec.Source.Path, c)
				}
			}
			if len(rec.Parts) == 1 {
				joined = strings.Contains(rec.Text, "Bilag:")
				if rec.Parts[0].Name != `Enclosures\cprXXXXXX-XXXX.pdf` {
					t.Errorf("%s: part stored as %q", when, rec.Parts[0].Name)
				}
			}
		}
		if !joined {
			t.Errorf("%s: the enclosure named by a CPR number is not joined with its publication", when)
		}
		for _, q := range append(cprs, "notat", "borger", "Ballerup") {
			res, err := p.Index.Search(ctx, index.Request{Query: q})
			if err != nil {
				continue
			}
			for _, h := range res.Hits {
				b, _ := json.Marshal(h)
				for _, c := range cprs {
					if bytes.Contains(b, []byte(c)) {
						t.Errorf("%s: search %q: hit %s shows %s…: %s", when, q, h.ID, c, b)
					}
				}
				if slices.Contains(cprs, q) {
					t.Errorf("%s: search %q found %s: the index holds the CPR number", when, q, h.ID)
				}
			}
		}
	}
	check("after ingest")
	p.Close()
	if _, err := Reindex(ctx, data, Options{Force: true}); err != nil {
		t.Fatalf("reindex: %v", err)
	}
	p2, err := Open(data)
	if err != nil {
		t.Fatal(err)
	}
	defer p2.Close()
	p = p2
	check("after reindex --force")
}

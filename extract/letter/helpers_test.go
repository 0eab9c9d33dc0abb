package letter

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"referat/corpus"
	"referat/internal/testcorpus"
)

var update = flag.Bool("update", false, "rewrite the golden records in testdata/golden")

// textFixture names the text of a corpus PDF kept in testdata/text:
// poppler's pdftotext output, one line per printed line, pages separated
// by form feeds, as ingest lays PDF text out.
func textFixture(rel string) string {
	return filepath.Join("testdata", "text", strings.TrimSuffix(strings.ReplaceAll(rel, "/", "_"), ".pdf")+".txt")
}

// load builds the Document ingest would hand over: structured formats as
// raw bytes, text as text, PDFs as the text kept in testdata/text.
func load(t testing.TB, rel string) corpus.Document {
	t.Helper()
	if strings.HasSuffix(rel, ".pdf") {
		b, err := os.ReadFile(textFixture(rel))
		if err != nil {
			t.Fatalf("read text of %s: %v", rel, err)
		}
		return corpus.Document{Format: corpus.FormatPDF, Text: string(b), Source: corpus.Source{Path: rel}}
	}
	p := testcorpus.Path(rel)
	if _, err := os.Stat(p); err != nil {
		p = filepath.Join(testcorpus.Shared(t), filepath.FromSlash(rel))
	}
	raw, err := os.ReadFile(p)
	if err != nil {
		t.Fatalf("read %s: %v", p, err)
	}
	doc := corpus.Document{Raw: raw, Source: corpus.Source{Path: p}}
	switch strings.ToLower(filepath.Ext(p)) {
	case ".json":
		doc.Format = corpus.FormatJSON
	case ".xml":
		doc.Format = corpus.FormatXML
	default:
		doc.Format = corpus.FormatText
		doc.Text = string(raw)
	}
	return doc
}

// label is the part of a ../shared/labels label that concerns letters.
type label struct {
	Kind         string  `json:"kind"`
	Municipality *string `json:"municipality"`
	Letter       *struct {
		Sender         *string   `json:"sender"`
		Recipient      *string   `json:"recipient"`
		SignedBy       *string   `json:"signed_by"`
		Date           *string   `json:"date"`
		JournalNumbers *[]string `json:"journal_numbers"`
		LawsCited      *int      `json:"laws_cited"`
		CaseNumbers    *[]string `json:"case_numbers"`
		Number         *string   `json:"number"`
	} `json:"letter"`
}

type tally struct {
	got, possible int
	misses        []string
}

func (t *tally) check(ok bool, what string) {
	t.possible++
	if ok {
		t.got++
	} else {
		t.misses = append(t.misses, what)
	}
}

// norm is score.py's normalisation.
func norm(s string) string {
	s = strings.NewReplacer("–", "-", "—", "-").Replace(s)
	return strings.ToLower(strings.Trim(strings.Join(strings.Fields(s), " "), " ."))
}

func caseKey(s string) string { return strings.ReplaceAll(norm(s), " ", "") }

// score scores a record against a label as ../shared/tools/score.py does
// (and a principmeddelelse's number, which score.py leaves out).
func score(rec corpus.Record, lab label, t *tally) {
	t.check(string(rec.Kind) == lab.Kind, "kind "+string(rec.Kind))
	if lab.Municipality != nil {
		t.check(norm(rec.Municipality) == norm(*lab.Municipality), "municipality "+rec.Municipality)
	}
	if lab.Letter == nil {
		return
	}
	L := rec.Letter
	if L == nil {
		L = &corpus.Letter{}
	}
	ll := lab.Letter
	for _, f := range []struct {
		name      string
		got, want *string
	}{{"sender", &L.Sender, ll.Sender}, {"recipient", &L.Recipient, ll.Recipient}, {"signed_by", &L.SignedBy, ll.SignedBy}} {
		if f.want != nil {
			t.check(norm(*f.got) == norm(*f.want), f.name+" "+*f.got)
		}
	}
	if ll.Date != nil {
		t.check(L.Date == *ll.Date, "date "+L.Date)
	}
	if ll.Number != nil {
		t.check(L.Number == *ll.Number, "number "+L.Number)
	}
	if ll.JournalNumbers != nil {
		got := map[string]bool{}
		for _, j := range L.JournalNumbers {
			got[caseKey(j)] = true
		}
		ok := true
		for _, j := range *ll.JournalNumbers {
			ok = ok && got[caseKey(j)]
		}
		t.check(ok, "journal numbers "+strings.Join(L.JournalNumbers, ", "))
	}
	if ll.LawsCited != nil {
		t.check(len(L.LawsCited) >= *ll.LawsCited, "laws cited "+strings.Join(L.LawsCited, "; "))
	}
	if ll.CaseNumbers != nil {
		got := map[string]bool{}
		for _, it := range rec.Items {
			for _, c := range it.CaseNumbers {
				got[caseKey(c.Raw)] = true
			}
		}
		for _, c := range L.CaseNumbers {
			got[caseKey(c.Raw)] = true
		}
		ok := true
		for _, c := range *ll.CaseNumbers {
			ok = ok && got[caseKey(c)]
		}
		t.check(ok, "case numbers")
	}
}

// goldenRecord is a record as its golden file keeps it.
func goldenRecord(rec corpus.Record) ([]byte, error) {
	rec.Text = ""
	b, err := json.MarshalIndent(rec, "", "  ")
	return append(b, '\n'), err
}

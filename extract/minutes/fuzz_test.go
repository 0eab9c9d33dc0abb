package minutes

import (
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// FuzzParse checks that any text parses, quickly, into points that keep
// to the rules: a title, no TOC leader, decisions with a known outcome.
func FuzzParse(f *testing.F) {
	for _, name := range []string{"000_734b34927aab3490.txt", "001_4ba81b541cf419a1.txt", "003_b83d5a285e58b211.txt", "004_9618094e2dce791b.txt"} {
		text := readSeed(f, name)
		f.Add(text[:min(len(text), 4000)])
		f.Add(text[max(0, len(text)-3000):])
	}
	f.Add(ballerupText)
	f.Fuzz(func(t *testing.T, text string) {
		if !utf8.ValidString(text) {
			return // ingest hands extract UTF-8 only
		}
		start := time.Now()
		m := Parse(text)
		if d := time.Since(start); d > 2*time.Second {
			t.Fatalf("Parse took %v on %d bytes", d, len(text))
		}
		for _, it := range m.Items {
			if strings.TrimSpace(it.Title) == "" && !it.Closed {
				t.Fatalf("point %d has no title", it.Number)
			}
			if strings.Contains(it.Title, "......") {
				t.Fatalf("point %d %q is a TOC line", it.Number, it.Title)
			}
			for _, d := range it.Decisions {
				switch d.Outcome {
				case "", "approved", "recommended", "noted", "discussed", "rejected", "postponed", "none", "other":
				default:
					t.Fatalf("outcome %q", d.Outcome)
				}
				if (d.Text == "") != (d.Outcome == "") {
					t.Fatalf("decision %q has outcome %q", d.Text, d.Outcome)
				}
			}
		}
		if len(m.Items) == 0 && m.Kind != "unknown" {
			t.Fatalf("kind %q without points", m.Kind)
		}
		_ = CleanText(text)
		_ = Tables(text)
		_ = Recommendations(text)
	})
}

// BenchmarkParse measures the longest seed, a 13-point Lejre referat.
func BenchmarkParse(b *testing.B) {
	text := readSeed(b, "004_9618094e2dce791b.txt")
	b.SetBytes(int64(len(text)))
	for i := 0; i < b.N; i++ {
		Parse(text)
	}
}

package danish

import (
	"os"
	"strings"
	"testing"

	"referat/internal/testcorpus"
)

// addSeedLines seeds a fuzz target with the lines of the real seed
// documents that hold a digit, where dates and case numbers live.
func addSeedLines(f *testing.F) {
	for _, name := range []string{"000_734b34927aab3490.txt", "002_1f9e0adde186f6aa.txt", "003_b83d5a285e58b211.txt", "004_9618094e2dce791b.txt"} {
		b, err := os.ReadFile(testcorpus.Path("seeds/" + name))
		if err != nil {
			f.Fatalf("read seed: %v", err)
		}
		for _, line := range strings.Split(string(b), "\n") {
			if strings.ContainsAny(line, "0123456789") && len(line) < 300 {
				f.Add(line)
			}
		}
	}
}

func FuzzDates(f *testing.F) {
	addSeedLines(f)
	f.Fuzz(func(t *testing.T, s string) {
		for _, d := range FindDates(s) {
			if d.Start < 0 || d.End > len(s) || d.Start >= d.End {
				t.Fatalf("FindDates(%q): bad range %+v", s, d)
			}
			if len(d.ISO) != 10 {
				t.Fatalf("FindDates(%q): bad ISO %q", s, d.ISO)
			}
			if iso, ok := ParseDate(s[d.Start:d.End]); !ok || iso != d.ISO {
				t.Fatalf("ParseDate(%q) = %q, %v; FindDates said %q", s[d.Start:d.End], iso, ok, d.ISO)
			}
		}
		if tm, ok := FindTime(s); ok && (len(tm) != 5 || tm[2] != ':') {
			t.Fatalf("FindTime(%q) = %q", s, tm)
		}
	})
}

func FuzzCaseNumbers(f *testing.F) {
	addSeedLines(f)
	f.Fuzz(func(t *testing.T, s string) {
		for _, c := range FindCaseNumbers(s) {
			if !strings.Contains(s, c.Raw) {
				t.Fatalf("FindCaseNumbers(%q): %q not in input", s, c.Raw)
			}
			got, ok := ParseCaseNumber(c.Raw)
			if !ok || got != c {
				t.Fatalf("ParseCaseNumber(%q) = %+v, %v; FindCaseNumbers said %+v", c.Raw, got, ok, c)
			}
		}
		if r := RedactCPR(s); HasCPR(r) {
			t.Fatalf("RedactCPR(%q) = %q still holds a CPR number", s, r)
		}
		_ = Outcome(s)
		_ = Votes(s)
	})
}

package labeltest

import (
	"testing"

	"golang.org/x/text/unicode/norm"
)

func TestNorm(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"  Økonomiudvalget. ", "økonomiudvalget"},
		{"Budget 2025 – 2.  behandling —\tændring", "budget 2025 - 2. behandling - ændring"},
		{norm.NFD.String("Århus Byråd"), "århus byråd"},
		{"", ""},
	} {
		if got := Norm(tc.in); got != tc.want {
			t.Errorf("Norm(%q) = %q; want %q", tc.in, got, tc.want)
		}
	}
}

// TestSimilar pins Similar to difflib: each ratio in the comment is
// Python's SequenceMatcher(None, norm(a), norm(b)).ratio().
func TestSimilar(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want bool
	}{
		{"Godkendelse af dagsorden", "Godkendelse af dagsordenen", true},   // 0.960
		{"abcdefghij", "abcdefghik", true},                                 // 0.900
		{"xabcdefghijy", "abcdefghij", true},                               // 0.909
		{"abcdefghij xyz", "xyz abcdefghij", false},                        // 0.714
		{"Orientering fra formanden", "Orientering fra direktøren", false}, // 0.745
		// The longest common subsequence would give 0.929: difflib's
		// blocks do not, so an LCS port would pass what score.py fails.
		{"godkendelse af budget for ballerup kommune", "godkendelse af budget for ballermpk oumune", false}, // 0.881
		{"", "", true}, // 1.000
	} {
		if got := Similar(tc.a, tc.b); got != tc.want {
			t.Errorf("Similar(%q, %q) = %v; want %v", tc.a, tc.b, got, tc.want)
		}
	}
}

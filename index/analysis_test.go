package index

import (
	"strings"
	"testing"
)

// TestDanishStems checks that the inflected forms people type and the
// forms documents print meet at one stem.
func TestDanishStems(t *testing.T) {
	m, err := newMapping()
	if err != nil {
		t.Fatal(err)
	}
	a := m.AnalyzerNamed(analyzerDanish)
	stem := func(w string) string {
		var ts []string
		for _, tk := range a.Analyze([]byte(w)) {
			ts = append(ts, string(tk.Term))
		}
		return strings.Join(ts, " ")
	}
	same := [][]string{
		{"afgørelse", "afgørelser", "afgørelsen", "afgørelserne"},
		{"ledelsestilsyn", "ledelsestilsynet", "ledelsestilsynene"},
		{"kvalitet", "kvaliteten"},
		{"budget", "budgettet", "budgetter"},
		{"sagsbehandling", "sagsbehandlingen"},
		{"kommune", "kommunen", "kommuner", "kommunerne"},
		{"Beslutning", "beslutningen"},
	}
	for _, forms := range same {
		want := stem(forms[0])
		if want == "" {
			t.Errorf("stem(%q) is empty", forms[0])
		}
		for _, f := range forms[1:] {
			if got := stem(f); got != want {
				t.Errorf("stem(%q) = %q; want %q, the stem of %q", f, got, want, forms[0])
			}
		}
	}
	// Compounds stay whole: "principafgørelser" is not an "afgørelse".
	if got, other := stem("principafgørelser"), stem("afgørelser"); got == other {
		t.Errorf("stem(principafgørelser) = stem(afgørelser) = %q", got)
	}
	// Stop words leave nothing.
	if got := stem("og i af til"); got != "" {
		t.Errorf("stop words stem to %q; want nothing", got)
	}
}

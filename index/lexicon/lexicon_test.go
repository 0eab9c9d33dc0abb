package lexicon

import (
	"slices"
	"testing"
)

// TestStem checks that inflections meet and words of different meaning
// stay apart (issue 12), on words of the minutes.
func TestStem(t *testing.T) {
	same := [][]string{
		{"afgørelse", "afgørelser", "afgørelsen", "afgørelserne", "afgørelsens"},
		{"godkende", "godkendt", "godkendes", "godkender", "godkendte"},
		{"kvalitet", "kvaliteten", "kvaliteter"},
		{"budget", "budgettet", "budgetter"},
		{"kommune", "kommunen", "kommuner", "kommunerne", "kommunens"},
		{"tilsyn", "tilsynet"},
		{"ledig", "ledige"},
		{"magtanvendelse", "magtanvendelser"},
		{"jobcenter", "jobcenterets"},
		{"kunstgræsbane", "kunstgræsbaner"},
	}
	for _, forms := range same {
		want := Stem(forms[0])
		for _, f := range forms[1:] {
			if got := Stem(f); got != want {
				t.Errorf("Stem(%q) = %q; want %q, the stem of %q", f, got, want, forms[0])
			}
		}
	}
	apart := [][2]string{{"afgørelse", "afgørende"}, {"ledige", "ledelse"}, {"ledige", "led"}, {"godkendt", "godkendelse"}}
	for _, p := range apart {
		if a, b := Stem(p[0]), Stem(p[1]); a == b {
			t.Errorf("Stem(%q) = Stem(%q) = %q; want them apart", p[0], p[1], a)
		}
	}
}

// TestSplit checks compounds split where Danish joins words, with the
// linking letters s and e, and that derived words do not split.
func TestSplit(t *testing.T) {
	for w, head := range map[string]string{
		"ledelsestilsyn":    "tilsyn",
		"børnesager":        "sager",
		"kunstgræsbaner":    "baner",
		"rygestopkurser":    "kurser",
		"anlægsbevillinger": "bevillinger",
		"principafgørelser": "afgørelser",
	} {
		if _, heads := Split(w); len(heads) == 0 || heads[0] != head {
			t.Errorf("Split(%q) heads = %v; want first %q", w, heads, head)
		}
	}
	for w, mod := range map[string]string{
		"ledelsestilsyn":              "ledelses",
		"børnesager":                  "børn",
		"kunstgræsbaner":              "kunstgræs",
		"specialundervisningsområdet": "specialundervisnings",
	} {
		if mods, _ := Split(w); !slices.Contains(mods, mod) {
			t.Errorf("Split(%q) modifiers = %v; want %q among them", w, mods, mod)
		}
	}
	for _, w := range []string{"undervisning", "regnskab", "fællesskab", "forslag", "indstilling", "tilsyn"} {
		if mods, heads := Split(w); len(heads) > 0 {
			t.Errorf("Split(%q) = %v, %v; want no split", w, mods, heads)
		}
	}
}

func TestFoldAA(t *testing.T) {
	for in, want := range map[string]string{"aarhus": "århus", "aabenraa": "åbenrå", "afrikaans": "afrikaans", "århus": "århus"} {
		if got := FoldAA(in); got != want {
			t.Errorf("FoldAA(%q) = %q; want %q", in, got, want)
		}
	}
}

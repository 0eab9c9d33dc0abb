package index

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
)

// decision004 is the decision and Sagsfremstilling of item 2 of seed 004
// (Lejre, Udvalget for Job & Arbejdsmarked, 8 May 2019), as itemBody
// joins them.
const decision004 = "Udvalget drøftede temaet.\n\n" +
	"På mødet fremlægges Jobcenterets mange indsatser omkring virksomhedsservice overfor virksomhederne, men også Jobcenterets behov for samarbejde med virksomhederne sammen med forskellige målgrupper på offentlig forsørgelse.\n\n" +
	"Der vil blive orienteret om Lejre Kommunes strategi for virksomhedsservice på tværs af kommunens afdelinger, rekruttering af arbejdskraft på tværs af kommunegrænserne, virksomhedskampagne og opkvalificering af de ledige. Sag 19/3742."

func TestSnippet(t *testing.T) {
	x, err := newMem()
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	render := func(spans []Span) string {
		var b strings.Builder
		for _, s := range spans {
			if s.Match {
				b.WriteString("[" + s.Text + "]")
			} else {
				b.WriteString(s.Text)
			}
		}
		return b.String()
	}
	tests := []struct {
		query string
		want  []string // substrings of the rendered snippet
		not   []string
	}{
		// No query: the text's start, which is the decision.
		{"", []string{"Udvalget drøftede temaet. På mødet"}, []string{"[", "\n"}},
		// Inflected forms are marked; compounds are not.
		{"virksomhed", []string{"[virksomhederne]"}, []string{"[virksomhedsservice]", "[virksomhedskampagne]"}},
		{"Jobcenter", []string{"[Jobcenterets]"}, nil},
		// Two words: the window holding both wins over more of one.
		{"strategi ledige", []string{"[strategi]", "[ledige]"}, nil},
		// A case number is marked as printed, not digit by digit.
		{"19/3742", []string{"[19/3742]"}, []string{"[19]"}},
		// Excluded words are not marked.
		{"temaet -virksomhederne", []string{"[temaet]"}, []string{"[virksomhederne]"}},
	}
	for _, tt := range tests {
		q, err := ParseQuery(tt.query)
		if err != nil {
			t.Fatal(err)
		}
		spans := x.snippet(decision004, x.queryMarks(q, x.compile(q, &Request{})))
		got := render(spans)
		for _, w := range tt.want {
			if !strings.Contains(got, w) {
				t.Errorf("snippet for %q = %q; want it to contain %q", tt.query, got, w)
			}
		}
		for _, w := range tt.not {
			if strings.Contains(got, w) {
				t.Errorf("snippet for %q = %q; want no %q", tt.query, got, w)
			}
		}
		if n := len(got); n > SnippetLength+80 {
			t.Errorf("snippet for %q is %d bytes; want about %d", tt.query, n, SnippetLength)
		}
		for i := 1; i < len(spans); i++ {
			if spans[i].Match == spans[i-1].Match {
				t.Errorf("snippet for %q has adjacent spans of one kind: %+v", tt.query, spans)
			}
		}
	}
	if s := x.snippet("", marks{}); s != nil {
		t.Errorf("snippet of no text = %v; want nil", s)
	}
}

// TestSnippetPart checks that a snippet cut from the part of a text
// snippetReach names is the snippet of the whole text, for matches
// anywhere in texts of runes of every width and long words at the edges.
func TestSnippetPart(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	pieces := []string{"Godkendt. ", "æøå ", "Ærø-Kommune ", "€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€ ", "\n\n", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢𝔘𝔫𝔦𝔠𝔬𝔡𝔢𝔘𝔫𝔦𝔠𝔬𝔡𝔢𝔘𝔫𝔦𝔠𝔬𝔡𝔢𝔘𝔫𝔦𝔠𝔬𝔡𝔢𝔘𝔫𝔦𝔠𝔬𝔡𝔢 ", decision004, strings.Repeat("x", 200)}
	for n := 0; n < 2000; n++ {
		var b strings.Builder
		for k := rng.IntN(40); k >= 0; k-- {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		text := b.String()
		// Matches: whole words, as term vectors give them.
		var words []span
		for i := 0; i < len(text); {
			j := strings.IndexFunc(text[i:], func(r rune) bool { return r != ' ' && r != '\n' })
			if j < 0 {
				break
			}
			start := i + j
			end := start + strings.IndexAny(text[start:]+" ", " \n")
			words = append(words, span{start, end, text[start:end]})
			i = end
		}
		var ms []span
		for _, w := range words {
			if rng.IntN(20) == 0 {
				ms = append(ms, w)
			}
		}
		want := fmt.Sprint(snippetFrom(text, ms))
		if got := fmt.Sprint(snippetOfBytes([]byte(text), ms, nil)); got != want {
			start, end := snippetReach(ms, len(text))
			t.Fatalf("snippet of text[%d:%d] of %d bytes, matches %v =\n%s\nwhole text's\n%s", start, end, len(text), ms, got, want)
		}
	}
}

// TestFoldSpace checks foldSpace, whose fast path returns text without
// runs of white space as it is, against folding rune by rune (foldRunes).
func TestFoldSpace(t *testing.T) {
	for in, want := range map[string]string{"": "", "Godkendt.": "Godkendt.", "a \n\t b\u00a0c ": "a b c ", "\r\n\u3000ø": " ø"} {
		if got := foldRunes(in); got != want {
			t.Errorf("foldRunes(%q) = %q; want %q", in, got, want)
		}
	}
	pieces := []string{"a", "ø", " ", "  ", "\n", "\t", "\r\n", "\u00a0", "\u2028", "\u3000", "\xff", "\xe2\x80", "Godkendt.", "€"}
	rng := rand.New(rand.NewPCG(7, 8))
	for n := 0; n < 5000; n++ {
		var b strings.Builder
		for k := rng.IntN(8); k >= 0; k-- {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		s := b.String()
		if got, want := foldSpace(s), foldRunes(s); got != want {
			t.Fatalf("foldSpace(%q) = %q; want %q", s, got, want)
		}
	}
}

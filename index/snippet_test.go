package index

import (
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
		spans := x.snippet(decision004, x.queryMarks(q))
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

func TestPackText(t *testing.T) {
	for _, s := range []string{"", "Godkendt.", decision004, strings.Repeat("Indstillingen anbefales. ", 1000)} {
		p := packText(s)
		if got := unpackText(p); got != s {
			t.Errorf("unpackText(packText(%.20q)) = %.20q", s, got)
		}
		if len(s) > 1000 && len(p) > len(s)/2 {
			t.Errorf("packText(%.20q): %d bytes of %d; want at most half", s, len(p), len(s))
		}
	}
	if got := unpackText("not deflate"); got == "not deflate" {
		t.Errorf("unpackText(garbage) = %q", got)
	}
}

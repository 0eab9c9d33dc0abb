package index

import (
	"errors"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestParseQuery(t *testing.T) {
	tests := []struct {
		in   string
		want []Clause
	}{
		{"afgørelser", []Clause{{Value: "afgørelser"}}},
		{"  ledelsestilsyn   kvartalsplaner ", []Clause{{Value: "ledelsestilsyn"}, {Value: "kvartalsplaner"}}},
		{`"kvalitet i sagsbehandlingen"`, []Clause{{Value: "kvalitet i sagsbehandlingen", Phrase: true}}},
		{`-"anden drøftelse" -budget`, []Clause{{Value: "anden drøftelse", Phrase: true, Exclude: true}, {Value: "budget", Exclude: true}}},
		{"municipality:lejre", []Clause{{Field: "municipality", Value: "lejre"}}},
		{`kommune:"Lejre Kommune"`, []Clause{{Field: "municipality", Value: "Lejre Kommune", Phrase: true}}},
		{"Udvalg:Socialudvalget år:2020", []Clause{{Field: "committee", Value: "Socialudvalget"}, {Field: "year", Value: "2020"}}},
		{"-kind:letter", []Clause{{Field: "kind", Value: "letter", Exclude: true}}},
		{"case:19/3742 19/3742", []Clause{{Field: "case", Value: "19/3742"}, {Value: "19/3742"}}},
		// A ministry number printed with spaced dashes stays one clause.
		{"2023 - 9318", []Clause{{Value: "2023-9318"}}},
		{"sagsnr. 2023 – 9318", []Clause{{Value: "sagsnr."}, {Value: "2023-9318"}}},
		// Words with colons that are not field names are words.
		{"kl.16:30 https://ast.dk Beslutning:", []Clause{{Value: "kl.16:30"}, {Value: "https://ast.dk"}, {Value: "Beslutning:"}}},
		// A lone dash is punctuation.
		{"børn - unge -", []Clause{{Value: "børn"}, {Value: "unge"}}},
		{`""`, nil},
		{"", nil},
		// OR, "|" and ELLER; OR binds closer than the space.
		{"tilsyn OR kontrol", []Clause{{Any: [][]Clause{{{Value: "tilsyn"}}, {{Value: "kontrol"}}}}}},
		{"budget tilsyn | kontrol ELLER \"nyt tilsyn\"", []Clause{{Value: "budget"}, {Any: [][]Clause{{{Value: "tilsyn"}}, {{Value: "kontrol"}}, {{Value: "nyt tilsyn", Phrase: true}}}}}},
		{"(a b) OR c", []Clause{{Any: [][]Clause{{{Value: "a"}, {Value: "b"}}, {{Value: "c"}}}}}},
		{"(a b) c", []Clause{{Value: "a"}, {Value: "b"}, {Value: "c"}}},
		{"-(a b) (c)", []Clause{{Exclude: true, Any: [][]Clause{{{Value: "a"}, {Value: "b"}}}}, {Value: "c"}}},
		{"-(a)", []Clause{{Value: "a", Exclude: true}}},
		{"or eller", []Clause{{Value: "or"}, {Value: "eller"}}},
		// Prefixes; a star alone is nothing.
		{"tilsyn* * ledelses**", []Clause{{Value: "tilsyn", Prefix: true}, {Value: "ledelses", Prefix: true}}},
		// Danish values.
		{"udfald:godkendt type:brev", []Clause{{Field: "outcome", Value: "approved"}, {Field: "kind", Value: "letter"}}},
		{"imod:dogru fraværende:\"Lone Mortensen\"", []Clause{{Field: "against", Value: "dogru"}, {Field: "absent", Value: "Lone Mortensen", Phrase: true}}},
	}
	for _, tt := range tests {
		q, err := ParseQuery(tt.in)
		if err != nil {
			t.Errorf("ParseQuery(%q): %v", tt.in, err)
			continue
		}
		if !reflect.DeepEqual(q.Clauses, tt.want) {
			t.Errorf("ParseQuery(%q) = %+v; want %+v", tt.in, q.Clauses, tt.want)
		}
	}
}

// TestDanishOutcomes checks that udfald: takes a Danish value for every
// outcome, and the Danish phrasings DESIGN.md maps each from
// ("Fremsendes til / Oversendes til / Henvist til" are referred).
func TestDanishOutcomes(t *testing.T) {
	has := map[string]bool{}
	for _, o := range danishOutcomes {
		has[string(o)] = true
	}
	for _, o := range outcomes {
		if !has[o] {
			t.Errorf("outcome %s has no Danish value", o)
		}
	}
	for v, want := range map[string]string{
		"henvist": "referred", "Henvises": "referred", "fremsendes": "referred", "oversendes": "referred", "oversendt": "referred",
		"godkendt": "approved", "tiltrådt": "approved", "anbefales": "recommended", "efterretning": "noted",
		"drøftet": "discussed", "afvist": "rejected", "udsat": "postponed", "udsættes": "postponed", "intet": "none", "andet": "other",
	} {
		q, err := ParseQuery("udfald:" + v)
		if err != nil {
			t.Errorf("udfald:%s: %v", v, err)
			continue
		}
		if got := q.Clauses[0].Value; got != want {
			t.Errorf("udfald:%s = %s; want %s", v, got, want)
		}
	}
}

func TestParseQueryErrors(t *testing.T) {
	tests := []struct{ in, want string }{
		{`"kvalitet i`, "citat"},
		{`kommune:"Lejre`, "citat"},
		{"kommuen:lejre", `ukendt felt "kommuen"`},
		{"kommune:", "har ingen værdi"},
		{"year:20x4", "firecifret"},
		{"kind:brevkasse", `typen "brevkasse" findes ikke`},
		{"outcome:yes", `udfaldet "yes" findes ikke`},
		{"scheme:isbn", `nummerformatet "isbn" findes ikke`},
		{"case:..", "tomt"},
		{strings.Repeat("a", MaxQueryLength+1), "grænsen"},
		{"\xff", "UTF-8"},
		{"(tilsyn kontrol", "lukkes aldrig"},
		{"tilsyn)", "lukker ingen"},
		{"tilsyn OR", "uden noget efter"},
		{"OR tilsyn", "uden noget foran"},
		{"tilsyn | | kontrol", "uden noget efter"},
		{"tilsyn OR -kontrol", "kun udelukke"},
		{"kommune:lejre*", "kun stå efter et ord"},
		{strings.Repeat("(", maxDepth+1) + "a" + strings.Repeat(")", maxDepth+1), "niveauer"},
	}
	for _, tt := range tests {
		_, err := ParseQuery(tt.in)
		var qe *QueryError
		if !errors.As(err, &qe) {
			t.Errorf("ParseQuery(%.40q) error = %v; want *QueryError", tt.in, err)
			continue
		}
		if !strings.Contains(qe.Msg, tt.want) || strings.Contains(qe.Error(), "\n") {
			t.Errorf("ParseQuery(%.40q) error %q; want one line containing %q", tt.in, qe.Msg, tt.want)
		}
	}
}

func TestNormalizeCaseNumber(t *testing.T) {
	tests := []struct {
		in, want string
		looks    bool
	}{
		{"19/3742", "19-3742", true},
		{"18/13722", "18-13722", true},
		{"18/13722-4", "18-13722-4", true},
		{"6400220-12", "6400220-12", true},
		{"2019-423-0208", "2019-423-0208", true},
		{"200906126", "200906126", true},
		{"23-002364", "23-002364", true},
		{"2011-29298", "2011-29298", true},
		{"J.nr. 24-10910", "24-10910", true},
		{"00.01.00-P20-104-19", "00.01.00-p20-104-19", true},
		{"00.01.00-A00-1-19", "00.01.00-a00-1-19", true},
		{"S2024-19207", "s2024-19207", true},
		{"EMN-2025-003383", "emn-2025-003383", true},
		{"2023 - 9318", "2023-9318", true},
		{"2023 – 9318", "2023-9318", true},
		{"Sagsnr.: 2011-29298", "2011-29298", true},
		{"06-02-2024", "06-02-2024", false},
		{"budget", "budget", false},
		{"2024", "2024", false},
	}
	for _, tt := range tests {
		if got := NormalizeCaseNumber(tt.in); got != tt.want {
			t.Errorf("NormalizeCaseNumber(%q) = %q; want %q", tt.in, got, tt.want)
		}
		if got := LooksLikeCaseNumber(tt.in); got != tt.looks {
			t.Errorf("LooksLikeCaseNumber(%q) = %v; want %v", tt.in, got, tt.looks)
		}
	}
}

// FuzzParseQuery checks that any input parses or fails with a one-line
// *QueryError, never panics, and that a parsed query prints in a form
// that parses back to itself.
func FuzzParseQuery(f *testing.F) {
	for _, s := range []string{
		"afgørelser", "ledelsestilsyn", "19/3742", "00.01.00-P20-104-19", "EMN-2025-003383", "2023 - 9318",
		`"kvalitet i sagsbehandlingen" -budget kommune:lejre`, `kommune:"Lejre Kommune" år:2024 udfald:approved`,
		`-kind:letter heading:Resumé emne:"Kommunens styrelse"`, `case:"J.nr. 24-10910"`, `"unbalanced`,
		"Punkt 2: JA - Dialogmøde Virksomhedsservice", "Beslutning Udvalget for Job & Arbejdsmarked den 08-05-2019",
		"tilsyn OR (ledelse* -budget) | \"nyt tilsyn\"", "-(a OR b) (c d) OR e", "udfald:godkendt type:brev imod:dogru",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		q, err := ParseQuery(s)
		if err != nil {
			var qe *QueryError
			if !errors.As(err, &qe) {
				t.Fatalf("ParseQuery(%q) error %T %v; want *QueryError", s, err, err)
			}
			if strings.ContainsAny(qe.Error(), "\n\r") {
				t.Fatalf("ParseQuery(%q) error spans lines: %q", s, qe.Error())
			}
			return
		}
		if !utf8.ValidString(s) {
			t.Fatalf("ParseQuery accepted invalid UTF-8 %q", s)
		}
		for _, c := range q.Clauses {
			if c.Value == "" && c.Any == nil {
				t.Fatalf("ParseQuery(%q) has an empty clause: %+v", s, q.Clauses)
			}
		}
		back, err := ParseQuery(q.String())
		if err != nil {
			t.Fatalf("ParseQuery(%q).String() = %q does not parse: %v", s, q.String(), err)
		}
		if !reflect.DeepEqual(back.Clauses, q.Clauses) {
			t.Fatalf("ParseQuery(%q) = %+v; printed %q parses to %+v", s, q.Clauses, q.String(), back.Clauses)
		}
	})
}

// FuzzNormalizeCaseNumber checks that normalising is idempotent (a
// normalised number typed back finds itself) and never panics.
func FuzzNormalizeCaseNumber(f *testing.F) {
	for _, s := range []string{"19/3742", "J.nr. 24-10910", "00.01.00-P20-104-19", "2023 – 9318", "EMN-2025-003383", "Sagsnr.: 2011-29298", "(S2024-19207)", "J.nr. J.nr. 5"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n := NormalizeCaseNumber(s)
		if again := NormalizeCaseNumber(n); again != n {
			t.Fatalf("NormalizeCaseNumber(%q) = %q, but NormalizeCaseNumber(%q) = %q", s, n, n, again)
		}
		LooksLikeCaseNumber(s)
	})
}

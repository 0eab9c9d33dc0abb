package casenum

import (
	"strings"
	"testing"

	"referat/corpus"
)

func TestParse(t *testing.T) {
	tests := []struct {
		in     string
		scheme string // "" for none
	}{
		{"23-002364", corpus.SchemeYearSerial},
		{"19/3742", corpus.SchemeSlash},
		{"18/13722-4", corpus.SchemeSlash},
		{"6400220-12", corpus.SchemeYearSerial},
		{"2019-423-0208", corpus.SchemeYearSerial},
		{"EMN-2025-003383", corpus.SchemePrefixed},
		{"S2024-19207", corpus.SchemePrefixed},
		{"00.01.00-P20-104-19", corpus.SchemeKLE},
		{"2023 - 9318", corpus.SchemeMinistry},
		{"2014-2016", ""},
		{"12/2019", ""},
		{"15-300", ""},
		{"06-02-2024", ""},
		{"200906126", ""},
	}
	for _, tt := range tests {
		c, ok := Parse(tt.in)
		if got := map[bool]string{true: c.Scheme}[ok]; got != tt.scheme {
			t.Errorf("Parse(%q) = %+v, %v; want scheme %q", tt.in, c, ok, tt.scheme)
		}
	}
}

func TestKey(t *testing.T) {
	same := [][]string{
		{"19/3742", "19-3742", "19 / 3742", "J.nr. 19/3742"},
		{"23-011668", "23/011668", "Sagsnr.: 23-011668"},
		{"2023 - 9318", "2023 – 9318", "2023-9318", "2023/9318"},
		{"EMN-2025-003383", "emn-2025-003383", "Emn/2025/003383"},
		{"18/13722-4", "18-13722-4", "18-13722/4"},
		{"200906126", " 200906126 ", "Dok.nr. 200906126"},
	}
	for _, group := range same {
		want := Key(group[0])
		if want == "" {
			t.Errorf("Key(%q) is empty", group[0])
		}
		for _, s := range group[1:] {
			if got := Key(s); got != want {
				t.Errorf("Key(%q) = %q; want %q, the key of %q", s, got, want, group[0])
			}
		}
	}
	if a, b := Key("19/3742"), Key("19/3743"); a == b {
		t.Errorf("Key(19/3742) = Key(19/3743) = %q", a)
	}
}

func TestQuery(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"19/3742", true},
		{"19-3742", true},
		{"6400220-12", true},
		{"2019-423-0208", true},
		{"18/13722-4", true},
		{"18-13722-4", true},
		{"23/011668", true},
		{"200906126", true},
		{"emn-2025-003383", true},
		{"00.01.00-p20-104-19", true},
		{"J.nr. 24-10910", true},
		{"budget", false},
		{"2024", false},
		{"06-02-2024", false},
		{"2014-2016", false},
		{"12/34", false}, // not a shape extraction takes either
	}
	for _, tt := range tests {
		if got := Query(tt.in); got != tt.want {
			t.Errorf("Query(%q) = %v; want %v", tt.in, got, tt.want)
		}
	}
}

// FuzzAgree checks that what extraction recognises a query recognises, as
// printed, lower-cased and as its key, and that the key of a key is
// itself.
func FuzzAgree(f *testing.F) {
	for _, s := range []string{
		"Sagsnr.: 2011-29298 og J.nr. 19/3742", "EMN-2025-003383", "00.01.00-P20-104-19 og 6400220-12",
		"J.nr. 2019-423-0208", "Sag: 18/13722-4", "(ministeriets sagsnr. 2023 – 9318)", "200906126",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		k := Key(s)
		if again := Key(k); again != k {
			t.Fatalf("Key(%q) = %q, but Key(%q) = %q", s, k, k, again)
		}
		var cs []corpus.CaseNumber
		cs = append(cs, Find(s)...)
		if c, ok := ParseField(s); ok {
			cs = append(cs, c)
		}
		for _, c := range cs {
			for _, typed := range []string{c.Raw, strings.ToLower(c.Raw)} {
				if !Query(typed) {
					t.Fatalf("%q yields case number %+v, but Query(%q) is false", s, c, typed)
				}
			}
			if k := Key(c.Raw); !Query(k) {
				t.Fatalf("%q yields case number %+v, but Query(%q), its key, is false", s, c, k)
			}
		}
	})
}

func TestSpecific(t *testing.T) {
	for s, want := range map[string]bool{
		"S2024-19207":              true,
		"s2024-19207":              true,
		"EMN-2025-003383":          true,
		"Sagsnr.: EMN-2025-003383": true,
		"24-10910":                 false,
		"J.nr. 24-10910":           false,
		"19/3742":                  false,
		"2011-29298":               false,
		"2023 - 9318":              false,
		"00.01.00-P20-104-19":      false,
		"00.01.00-A00-1-19":        false,
		"S2024-192":                false, // a short serial recurs
		"":                         false,
	} {
		if got := Specific(s); got != want {
			t.Errorf("Specific(%q) = %v; want %v", s, got, want)
		}
	}
}

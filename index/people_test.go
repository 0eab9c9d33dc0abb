package index

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"referat/corpus"
)

// TestPeopleFields searches who took part, was absent and voted against
// in the record extract makes of a real Greve meeting (its golden file),
// in Danish and English field names, with names typed as foreign
// keyboards write them (oe for ø).
func TestPeopleFields(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("..", "extract", "meetingdata", "testdata", "golden", "greve-firstagenda-api__greve_Økonomiudvalget_2023-11-27.json.json"))
	if err != nil {
		t.Fatal(err)
	}
	var r corpus.Record
	if err := json.Unmarshal(b, &r); err != nil {
		t.Fatal(err)
	}
	r.ID = strings.Repeat("ab", 32)
	x, err := newMem()
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	if err := x.Index(context.Background(), []*corpus.Record{&r}); err != nil {
		t.Fatal(err)
	}
	items := func(q string) []int {
		t.Helper()
		res, err := x.Search(context.Background(), Request{Query: q, PageSize: 100, Sort: SortRelevance})
		if err != nil {
			t.Fatalf("Search(%q): %v", q, err)
		}
		var out []int
		for _, h := range res.Hits {
			_, n, _ := strings.Cut(h.ID, "/")
			var k int
			for _, c := range n {
				k = k*10 + int(c-'0')
			}
			out = append(out, k)
		}
		slices.Sort(out)
		return out
	}
	for _, tt := range []struct {
		q    string
		want []int
	}{
		{`imod:"Mehmet Zeki Dogru"`, []int{17, 19}},
		{`against:dogru`, []int{17, 19}},
		{`fraværende:"Maria Witthøft"`, []int{14, 17, 18, 19, 25}},
		{`fravaerende:witthoeft`, []int{14, 17, 18, 19, 25}},
		{`absent:"Lone Mortensen"`, []int{14, 26, 27, 28}},
		{`for:"Mehmet Zeki Dogru"`, nil},
		{`deltager:Mehmet imod:dogru`, []int{17, 19}},
	} {
		if got := items(tt.q); !slices.Equal(got, tt.want) {
			t.Errorf("Search(%q) items %v; want %v", tt.q, got, tt.want)
		}
	}
	all := len(items(`deltager:"Bjarke Abel"`))
	if all != len(r.Items) {
		t.Errorf("deltager:\"Bjarke Abel\" finds %d items; want all %d of the meeting he took part in", all, len(r.Items))
	}
}

package goldentest

import (
	"encoding/json"
	"reflect"
	"testing"
)

func TestDiff(t *testing.T) {
	for _, tc := range []struct {
		want, got string
		diffs     []string
	}{
		{`{"a":1,"b":[1,2]}`, `{"b":[1,2],"a":1}`, nil},
		{`{"a":1}`, `{"a":2}`, []string{`.a: got "2"; want "1"`}},
		{`{"a":1}`, `{"a":1,"b":"x"}`, []string{`.b: got "x"; want "<nil>"`}},
		{`{"items":[{"n":1},{"n":2}]}`, `{"items":[{"n":1}]}`, []string{".items: got 1 elements; want 2"}},
		{`{"items":[{"n":1}]}`, `{"items":{"n":1}}`, []string{`.items: got "map[n:1]"; want a list`}},
	} {
		var w, g any
		if err := json.Unmarshal([]byte(tc.want), &w); err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal([]byte(tc.got), &g); err != nil {
			t.Fatal(err)
		}
		if d := Diff("", w, g); !reflect.DeepEqual(d, tc.diffs) {
			t.Errorf("Diff(%s, %s) = %q; want %q", tc.want, tc.got, d, tc.diffs)
		}
	}
}

package goldentest

import (
	"fmt"
	"reflect"
	"sort"
)

// Diff lists the fields where got differs from want, two values decoded
// from JSON, by their path below path.
func Diff(path string, want, got any) []string {
	switch w := want.(type) {
	case map[string]any:
		g, ok := got.(map[string]any)
		if !ok {
			return []string{fmt.Sprintf("%s: got %v; want an object", path, short(got))}
		}
		keys := map[string]bool{}
		for k := range w {
			keys[k] = true
		}
		for k := range g {
			keys[k] = true
		}
		var sorted []string
		for k := range keys {
			sorted = append(sorted, k)
		}
		sort.Strings(sorted)
		var out []string
		for _, k := range sorted {
			out = append(out, Diff(path+"."+k, w[k], g[k])...)
		}
		return out
	case []any:
		g, ok := got.([]any)
		if !ok {
			return []string{fmt.Sprintf("%s: got %v; want a list", path, short(got))}
		}
		var out []string
		if len(g) != len(w) {
			out = append(out, fmt.Sprintf("%s: got %d elements; want %d", path, len(g), len(w)))
		}
		for i := 0; i < len(w) && i < len(g); i++ {
			out = append(out, Diff(fmt.Sprintf("%s[%d]", path, i), w[i], g[i])...)
		}
		return out
	default:
		if !reflect.DeepEqual(want, got) {
			return []string{fmt.Sprintf("%s: got %v; want %v", path, short(got), short(want))}
		}
		return nil
	}
}

func short(v any) string {
	s := fmt.Sprintf("%q", fmt.Sprint(v))
	if len(s) > 120 {
		s = s[:117] + "..."
	}
	return s
}

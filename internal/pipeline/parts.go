package pipeline

import (
	"sort"

	"referat/corpus"
)

func sortParts(ps []corpus.Part) {
	sort.Slice(ps, func(i, j int) bool { return ps[i].Name < ps[j].Name })
}

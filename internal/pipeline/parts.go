package pipeline

import (
	"sort"

	"referat/corpus"
	"referat/extract/danish"
)

// partName is the name a part is stored under in its record: the name
// the document uses for it, with CPR numbers redacted (an SBSYS
// enclosure may be named by the person it concerns). Extract finds the
// part by this name as well as by the raw one.
func partName(ref string) string { return danish.RedactCPR(ref) }

func sortParts(ps []corpus.Part) {
	sort.Slice(ps, func(i, j int) bool { return ps[i].Name < ps[j].Name })
}

package danish

import (
	_ "embed"
	"strings"
	"sync"
)

// kleTSV is KL Emnesystematik: "key<TAB>name" lines, copied from
// ../shared/data/kle.tsv (see its first line for the source).
//
//go:embed kle.tsv
var kleTSV string

var (
	kleOnce  sync.Once
	kleNames map[string]string
)

// KLESubject returns the name of a KLE subject code ("00.01.00" ->
// "Kommunens styrelse i almindelighed"), or "" when the table does not
// know the code. Group codes ("00.01") and main groups ("00") work too.
func KLESubject(code string) string {
	kleOnce.Do(func() {
		kleNames = make(map[string]string, 2700)
		for _, line := range strings.Split(kleTSV, "\n") {
			if strings.HasPrefix(line, "#") {
				continue
			}
			k, v, ok := strings.Cut(strings.TrimRight(line, "\r"), "\t")
			if ok {
				kleNames[k] = v
			}
		}
	})
	return kleNames[code]
}

package index

import (
	"strings"

	"github.com/blevesearch/bleve/v2/search"
)

// hitFrom builds a Hit from a Bleve match with storedFields loaded.
func hitFrom(h *search.DocumentMatch) Hit {
	f := h.Fields
	hit := Hit{
		ID:           h.ID,
		Type:         str(f[fType]),
		RecordID:     recordOf(h.ID),
		Kind:         str(f[fKind]),
		Municipality: str(f[fMunicipality]),
		Committee:    str(f[fCommittee]),
		Title:        str(f[fTitle]),
		Outcome:      str(f[fLastOutcome]),
		CaseNumbers:  strs(f[fCaseRaw]),
		Score:        h.Score,
	}
	if n, ok := f[fNumber].(float64); ok {
		hit.ItemNumber = int(n)
	}
	hit.Date = str(f[fDay])
	hit.DecidedBy, hit.DecidedOn, _ = strings.Cut(str(f[fDecidedBy]), "\x1f")
	return hit
}

// recordOf returns the record id of an index id (see ItemID).
func recordOf(id string) string {
	rid, _, _ := strings.Cut(id, "/")
	return rid
}

func str(v any) string {
	switch v := v.(type) {
	case string:
		return v
	case []any:
		if len(v) > 0 {
			s, _ := v[0].(string)
			return s
		}
	}
	return ""
}

func strs(v any) []string {
	switch v := v.(type) {
	case string:
		return []string{v}
	case []any:
		out := make([]string, 0, len(v))
		for _, e := range v {
			if s, ok := e.(string); ok {
				out = append(out, s)
			}
		}
		return out
	}
	return nil
}

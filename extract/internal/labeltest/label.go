package labeltest

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// Label is a hand label of one document. A nil field was not labelled and
// scores nothing, as a key missing from the JSON does in score.py.
type Label struct {
	Kind         string  `json:"kind"`
	Municipality *string `json:"municipality"`
	Committee    *string `json:"committee"`
	MeetingDate  *string `json:"meeting_date"`
	MeetingTime  *string `json:"meeting_time"`
	Location     *string `json:"location"`
	Participants *int    `json:"participants"`
	// Items is a pointer so that "items": [] (an item count of zero to
	// score) differs from no key at all.
	Items  *[]Item `json:"items"`
	Letter *Letter `json:"letter"`
}

// Item is the label of one agenda item, found in the record by its number
// when labelled, else by its position.
type Item struct {
	Number        *int      `json:"number"`
	Prefix        *string   `json:"prefix"`
	Title         *string   `json:"title"`
	CaseNumbers   *[]string `json:"case_numbers"`
	Outcomes      *[]string `json:"outcomes"`
	DecisionDates *[]string `json:"decision_dates"`
	Tables        *int      `json:"tables"`
	Attachments   *int      `json:"attachments"`
}

// facts is how many points the item label holds, all lost when the record
// lacks the item.
func (l *Item) facts() int {
	n := 0
	for _, b := range []bool{l.Title != nil, l.Prefix != nil, l.CaseNumbers != nil, l.Outcomes != nil, l.Tables != nil, l.Attachments != nil, l.DecisionDates != nil} {
		if b {
			n++
		}
	}
	return n
}

// Letter is the label of a letter's fields.
type Letter struct {
	Sender         *string   `json:"sender"`
	Recipient      *string   `json:"recipient"`
	SignedBy       *string   `json:"signed_by"`
	Date           *string   `json:"date"`
	JournalNumbers *[]string `json:"journal_numbers"`
	LawsCited      *int      `json:"laws_cited"`
	CaseNumbers    *[]string `json:"case_numbers"`
	// Number is a principmeddelelse's number. score.py does not score it
	// and neither does Score; a test that labels it checks it itself.
	Number *string `json:"number"`
}

// Named is a label and the name of the document it labels: its path
// relative to the label folder, with slashes and without ".json".
type Named struct {
	Name  string
	Label Label
}

// Read reads every label under dir, sorted by name, failing the test on an
// unreadable one.
func Read(tb testing.TB, dir string) []Named {
	tb.Helper()
	var out []Named
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".json") {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		var l Label
		if err := json.Unmarshal(b, &l); err != nil {
			return fmt.Errorf("label %s: %w", p, err)
		}
		rel, err := filepath.Rel(dir, p)
		if err != nil {
			return fmt.Errorf("label %s: %w", p, err)
		}
		out = append(out, Named{strings.TrimSuffix(filepath.ToSlash(rel), ".json"), l})
		return nil
	})
	if err != nil {
		tb.Fatalf("read labels: %v", err)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

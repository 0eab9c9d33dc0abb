package meetingdata

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"referat/corpus"
	"referat/internal/testcorpus"
)

var update = flag.Bool("update", false, "rewrite the golden records in testdata/golden")

// load reads a corpus document the way ingest hands it over for the
// formats this package reads: the raw bytes and the format.
func load(t testing.TB, path string) corpus.Document {
	t.Helper()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("read %s: %v", path, err)
	}
	doc := corpus.Document{ID: corpus.Hash(raw), Raw: raw, Source: corpus.Source{Path: path}}
	switch strings.ToLower(filepath.Ext(path)) {
	case ".json":
		doc.Format = corpus.FormatJSON
	case ".xml":
		doc.Format = corpus.FormatXML
	case ".html", ".htm":
		doc.Format = corpus.FormatHTML
	case ".pdf":
		doc.Format = corpus.FormatPDF
	default:
		doc.Format = corpus.FormatText
		doc.Text = string(raw)
	}
	return doc
}

// corpusPath finds a document by its path relative to the corpus: in the
// repository's lean copy, else in the shared corpus (skipping the test
// when that is absent).
func corpusPath(t testing.TB, rel string) string {
	t.Helper()
	if p := testcorpus.Path(rel); exists(p) {
		return p
	}
	return filepath.Join(testcorpus.Shared(t), filepath.FromSlash(rel))
}

func exists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}

// label is a hand-made label as ../shared/labels writes them.
type label struct {
	Kind         string       `json:"kind"`
	Municipality *string      `json:"municipality"`
	Committee    *string      `json:"committee"`
	MeetingDate  *string      `json:"meeting_date"`
	MeetingTime  *string      `json:"meeting_time"`
	Location     *string      `json:"location"`
	Participants *int         `json:"participants"`
	Items        *[]itemLabel `json:"items"`
}

type itemLabel struct {
	Number        *int      `json:"number"`
	Title         *string   `json:"title"`
	Prefix        *string   `json:"prefix"`
	CaseNumbers   *[]string `json:"case_numbers"`
	Outcomes      *[]string `json:"outcomes"`
	DecisionDates *[]string `json:"decision_dates"`
	Tables        *int      `json:"tables"`
	Attachments   *int      `json:"attachments"`
}

// tally counts labelled facts found, as ../shared/tools/score.py does.
type tally struct {
	got, possible int
	misses        []string
}

func (t *tally) check(ok bool, what string) {
	t.possible++
	if ok {
		t.got++
	} else {
		t.misses = append(t.misses, what)
	}
}

// norm is score.py's normalisation: NFC (ingest's), dashes as hyphens,
// runs of space as one, no surrounding dots, lower case.
func norm(s string) string {
	s = strings.NewReplacer("–", "-", "—", "-").Replace(s)
	return strings.ToLower(strings.Trim(strings.Join(strings.Fields(s), " "), " ."))
}

func caseSet(cs []string) map[string]bool {
	out := map[string]bool{}
	for _, c := range cs {
		out[strings.ReplaceAll(norm(c), " ", "")] = true
	}
	return out
}

func sameSet(a, b map[string]bool) bool {
	if len(a) != len(b) {
		return false
	}
	for k := range a {
		if !b[k] {
			return false
		}
	}
	return true
}

// similar approximates score.py's SequenceMatcher ratio >= 0.9 with the
// longest common subsequence of runes.
func similar(a, b string) bool {
	x, y := []rune(norm(a)), []rune(norm(b))
	if len(x)+len(y) == 0 {
		return true
	}
	prev := make([]int, len(y)+1)
	for i := 1; i <= len(x); i++ {
		cur := make([]int, len(y)+1)
		for j := 1; j <= len(y); j++ {
			switch {
			case x[i-1] == y[j-1]:
				cur[j] = prev[j-1] + 1
			case prev[j] > cur[j-1]:
				cur[j] = prev[j]
			default:
				cur[j] = cur[j-1]
			}
		}
		prev = cur
	}
	return 2*float64(prev[len(y)])/float64(len(x)+len(y)) >= 0.9
}

// score scores a record against a label the way score.py does.
func score(rec corpus.Record, lab label, t *tally) {
	t.check(string(rec.Kind) == lab.Kind, "kind "+string(rec.Kind)+" != "+lab.Kind)
	if lab.Municipality != nil {
		t.check(norm(rec.Municipality) == norm(*lab.Municipality), "municipality "+rec.Municipality)
	}
	if lab.Committee != nil {
		got, want := norm(rec.Committee), norm(*lab.Committee)
		t.check(got != "" && (got == want || strings.Contains(got, want) || strings.Contains(want, got)), "committee "+rec.Committee)
	}
	if lab.MeetingDate != nil {
		t.check(rec.Meeting.Date == *lab.MeetingDate, "meeting date "+rec.Meeting.Date)
	}
	if lab.MeetingTime != nil {
		t.check(rec.Meeting.Time == *lab.MeetingTime, "meeting time "+rec.Meeting.Time)
	}
	if lab.Location != nil {
		t.check(norm(rec.Meeting.Location) == norm(*lab.Location), "location "+rec.Meeting.Location)
	}
	if lab.Participants != nil {
		t.check(len(rec.Meeting.Participants) == *lab.Participants, "participants")
	}
	if lab.Items == nil {
		return
	}
	t.check(len(rec.Items) == len(*lab.Items), "item count")
	for i, li := range *lab.Items {
		var it *corpus.Item
		if li.Number != nil {
			for k := range rec.Items {
				if rec.Items[k].Number == *li.Number {
					it = &rec.Items[k]
					break
				}
			}
		} else if i < len(rec.Items) {
			it = &rec.Items[i]
		}
		if it == nil {
			t.check(false, "item missing")
			continue
		}
		if li.Title != nil {
			t.check(similar(it.Title, *li.Title), "title "+it.Title)
		}
		if li.Prefix != nil {
			t.check(it.Prefix == *li.Prefix, "prefix "+it.Prefix)
		}
		if li.CaseNumbers != nil {
			var got []string
			for _, c := range it.CaseNumbers {
				got = append(got, c.Raw)
			}
			t.check(sameSet(caseSet(got), caseSet(*li.CaseNumbers)), "case numbers of "+it.Title)
		}
		if li.Outcomes != nil {
			var got []string
			for _, d := range it.Decisions {
				got = append(got, string(d.Outcome))
			}
			t.check(strings.Join(got, ",") == strings.Join(*li.Outcomes, ","), "outcomes of "+it.Title+": "+strings.Join(got, ","))
		}
		if li.DecisionDates != nil {
			var got []string
			for _, d := range it.Decisions {
				got = append(got, d.Date)
			}
			t.check(strings.Join(got, ",") == strings.Join(*li.DecisionDates, ","), "decision dates of "+it.Title+": "+strings.Join(got, ","))
		}
		if li.Tables != nil {
			t.check(len(it.Tables) == *li.Tables, "tables of "+it.Title)
		}
		if li.Attachments != nil {
			t.check(len(it.Attachments) == *li.Attachments, "attachments of "+it.Title)
		}
	}
}

// goldenRecord is a record as its golden file keeps it: the rendered text
// is left out (it is checked to be there), the rest is compared whole.
func goldenRecord(rec corpus.Record) ([]byte, error) {
	rec.Text = ""
	b, err := json.MarshalIndent(rec, "", "  ")
	return append(b, '\n'), err
}

// firstDiff names the first field where two JSON documents differ.
func firstDiff(path string, a, b any) string {
	switch x := a.(type) {
	case map[string]any:
		y, ok := b.(map[string]any)
		if !ok {
			return path
		}
		for k, v := range x {
			if d := firstDiff(path+"."+k, v, y[k]); d != "" {
				return d
			}
		}
		for k := range y {
			if _, ok := x[k]; !ok {
				return path + "." + k
			}
		}
		return ""
	case []any:
		y, ok := b.([]any)
		if !ok || len(x) != len(y) {
			return path + " (length)"
		}
		for i := range x {
			if d := firstDiff(path+"["+itoa(i)+"]", x[i], y[i]); d != "" {
				return d
			}
		}
		return ""
	default:
		ja, _ := json.Marshal(a)
		jb, _ := json.Marshal(b)
		if string(ja) != string(jb) {
			return path + ": got " + string(ja) + "; want " + string(jb)
		}
		return ""
	}
}

func itoa(i int) string {
	b, _ := json.Marshal(i)
	return string(b)
}

package web

import (
	"html"
	"net/http"
	"reflect"
	"strings"
	"testing"
)

func TestDanishWarnings(t *testing.T) {
	in := []string{
		"page 3: no text layer (image only)",
		"meeting date not found",
		`agenda point 4 "Budget" is not in the table of contents`,
		"page 2: malformed PDF: unexpected EOF", // a parser's words: not shown
		"meeting date not found",
	}
	want := []string{
		"Side 3 er kun et billede uden tekst.",
		"Mødedatoen blev ikke fundet.",
		"Punkt 4 »Budget« står ikke i indholdsfortegnelsen.",
	}
	if got := danishWarnings(in); !reflect.DeepEqual(got, want) {
		t.Errorf("danishWarnings(%q) = %q; want %q", in, got, want)
	}
}

// TestRealCorpusWarningsInDanish reads the page of every stored record
// that has warnings: none is shown in English, and those with a Danish
// wording are shown in it.
func TestRealCorpusWarningsInDanish(t *testing.T) {
	rf := realServer(t)
	ids, err := rf.p.Store.RecordIDs()
	if err != nil {
		t.Fatal(err)
	}
	shown := 0
	for _, id := range ids {
		rec, err := rf.p.Store.Record(id)
		if err != nil {
			t.Fatal(err)
		}
		if len(rec.Warnings) == 0 {
			continue
		}
		page := "/documents/" + id
		res, body := get(t, rf.srv, page)
		if res.StatusCode != http.StatusOK {
			t.Errorf("GET %s: status %d", page, res.StatusCode)
			continue
		}
		body = html.UnescapeString(body)
		for _, w := range rec.Warnings {
			if strings.Contains(body, w) {
				t.Errorf("GET %s shows the warning %q as written for the logs", page, w)
			}
		}
		for _, da := range danishWarnings(rec.Warnings) {
			shown++
			if !strings.Contains(body, da) {
				t.Errorf("GET %s does not show %q", page, da)
			}
		}
	}
	if shown == 0 {
		t.Error("no stored record has a warning the page shows in Danish; the test checks nothing")
	}
}

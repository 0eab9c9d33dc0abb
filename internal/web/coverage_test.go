package web

import (
	"context"
	"encoding/json"
	"errors"
	"html/template"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"referat/corpus"
	"referat/internal/pipeline"
	"referat/internal/testcorpus"
)

func TestCoverageOfTheFixture(t *testing.T) {
	f := testServer(t)
	var got coverageData
	getJSON(t, f, "/api/coverage", 200, &got)
	var lejre2019, letter *coverageRow
	for i, r := range got.Rows {
		switch {
		case r.Municipality == "Lejre Kommune" && r.Committee == "Udvalget for Job & Arbejdsmarked":
			lejre2019 = &got.Rows[i]
		case r.Committee == "Ankestyrelsen":
			letter = &got.Rows[i]
		}
	}
	if lejre2019 == nil || lejre2019.Meetings != 1 || lejre2019.Documents != 1 || lejre2019.Items != 13 ||
		lejre2019.FirstMeeting != "2019-05-08" || lejre2019.LastMeeting != "2019-05-08" || lejre2019.LastIngested.IsZero() {
		t.Errorf("Lejre's Job & Arbejdsmarked: %+v; want one meeting of 13 items on 2019-05-08, with when it was stored", lejre2019)
	}
	if letter == nil || letter.Meetings != 0 || letter.Documents != 1 {
		t.Errorf("the Ankestyrelsen letter: %+v; want one document, no meeting", letter)
	}
	if got.Documents != len(f.recs) {
		t.Errorf("%d documents; the store has %d", got.Documents, len(f.recs))
	}
	if got.LastIngest != nil || got.LastCrawl != nil {
		t.Errorf("runs %+v %+v; the fixture was stored without a run", got.LastIngest, got.LastCrawl)
	}
	// Every page's footer links the coverage page.
	for _, target := range []string{"/", "/?q=ledelsestilsyn", f.itemURL("004", 2), "/coverage", "/nowhere"} {
		if _, body := get(t, f.srv, target); !strings.Contains(body, `<a href="/coverage">Dækning</a>`) {
			t.Errorf("%s does not link /coverage in its footer", target)
		}
	}
}

// TestCoverageSaysWhatFailed ingests two real documents and a damaged PDF
// through the pipeline: the coverage page lists what arrived per
// committee and the failed file with its reason.
func TestCoverageSaysWhatFailed(t *testing.T) {
	in := t.TempDir()
	for _, name := range []string{"000_734b34927aab3490.txt", "003_b83d5a285e58b211.txt"} {
		b, err := os.ReadFile(testcorpus.Path("seeds/" + name))
		if err != nil {
			t.Fatal(err)
		}
		os.WriteFile(filepath.Join(in, name), b, 0o644)
	}
	os.WriteFile(filepath.Join(in, "broken.pdf"), []byte("%PDF-1.4\nnot really a pdf\n"), 0o644)
	p, err := pipeline.Open(filepath.Join(t.TempDir(), "data"))
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	rep, err := p.IngestPaths(context.Background(), []string{in}, pipeline.Options{Workers: 1})
	if !errors.Is(err, pipeline.ErrSomeFailed) || rep.Ingested != 2 {
		t.Fatalf("ingest: %v, %+v; want two ingested and one failure", err, rep)
	}
	srv, err := New(p.Index, p.Store, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var got coverageData
	res, body := get(t, srv, "/api/coverage")
	wantStatus(t, "/api/coverage", res, 200)
	if err := json.Unmarshal([]byte(body), &got); err != nil {
		t.Fatal(err)
	}
	if len(got.Rows) != 2 || got.Rows[0].Municipality != "Frederiksberg Kommune" || got.Rows[1].Municipality != "Lejre Kommune" {
		t.Fatalf("rows %+v; want Frederiksberg's and Lejre's committees", got.Rows)
	}
	if r := got.Rows[1]; r.Committee != "Udvalget for Børn og Ungdom" || r.LastMeeting != "2024-02-06" || r.Items == 0 {
		t.Errorf("Lejre row %+v", r)
	}
	li := got.LastIngest
	if li == nil || li.Total != 3 || li.Ingested != 2 || li.Failed != 1 || len(li.Failures) != 1 ||
		!strings.HasSuffix(li.Failures[0].Source, "broken.pdf") || li.Failures[0].Reason == "" {
		t.Fatalf("last ingest %+v; want 3 tried, 2 ingested, broken.pdf failed with a reason", li)
	}
	if got.LastCrawl != nil {
		t.Errorf("last crawl %+v; there was none", got.LastCrawl)
	}
	_, page := get(t, srv, "/coverage")
	containsAll(t, "coverage page", page, "<h1>", "broken.pdf</code>: "+htmlEscape(li.Failures[0].Reason), "Udvalget for Børn og Ungdom", "6. februar 2024",
		`href="/?committee=Socialudvalget&amp;municipality=Frederiksberg&#43;Kommune"`, "Seneste crawl", "Ingen endnu.")
	if _, err := p.Store.RunReport(corpus.RunCrawl); !errors.Is(err, corpus.ErrNotFound) {
		t.Errorf("crawl report of a store never crawled: %v; want ErrNotFound", err)
	}
}

func htmlEscape(s string) string { return template.HTMLEscapeString(s) }

package web

import (
	"encoding/csv"
	"net/url"
	"strings"
	"testing"

	"referat/internal/export"
)

// readCSV reads an export as a Danish-locale spreadsheet would: a BOM,
// then semicolon-separated rows.
func readCSV(t *testing.T, body string) [][]string {
	t.Helper()
	rest, ok := strings.CutPrefix(body, "\ufeff")
	if !ok {
		t.Fatalf("export does not begin with a UTF-8 byte-order mark: %q", body[:min(len(body), 20)])
	}
	r := csv.NewReader(strings.NewReader(rest))
	r.Comma = ';'
	r.FieldsPerRecord = -1
	rows, err := r.ReadAll()
	if err != nil {
		t.Fatalf("export is not semicolon CSV: %v", err)
	}
	return rows
}

func TestExportCSV(t *testing.T) {
	f := testServer(t)
	target := "/export.csv?q=ledelsestilsyn"
	res, body := get(t, f.srv, target)
	wantStatus(t, target, res, 200)
	if ct := res.Header.Get("Content-Type"); ct != "text/csv; charset=utf-8" {
		t.Errorf("Content-Type %q", ct)
	}
	if cd := res.Header.Get("Content-Disposition"); !strings.HasPrefix(cd, "attachment") {
		t.Errorf("Content-Disposition %q; want an attachment", cd)
	}
	rows := readCSV(t, body)
	if strings.Join(rows[0], "|") != strings.Join(export.Header, "|") {
		t.Fatalf("header %q", rows[0])
	}
	_, page := get(t, f.srv, "/?q=ledelsestilsyn&size=100")
	urls, _ := hitTitles(page)
	if len(rows)-1 != len(urls) {
		t.Fatalf("%d rows; the page has %d hits", len(rows)-1, len(urls))
	}
	// Rows in the page's order, each linking to the hit's page.
	for i, u := range urls {
		if got := rows[i+1][10]; got != "http://example.com"+htmlUnescape(u) {
			t.Errorf("row %d links %q; want %q", i+1, got, "http://example.com"+htmlUnescape(u))
		}
	}
	var kk []string
	for _, r := range rows[1:] {
		if r[0] == "Københavns Kommune" {
			kk = r
		}
	}
	if kk == nil {
		t.Fatalf("no row of Københavns Kommune")
	}
	want := []string{"Københavns Kommune", "Socialudvalget", "2019-11-20", "0", "Sjette afrapportering på ledelsestilsyn i Borgercenter Børn og Unge", "noted", "Socialudvalget", "2019-11-20"}
	for i, w := range want {
		if kk[i] != w {
			t.Errorf("København row column %s = %q; want %q", export.Header[i], kk[i], w)
		}
	}
	if kk[8] == "" || strings.Contains(kk[8], "\n") {
		t.Errorf("decision text %q; want it on one line", kk[8])
	}
	if !strings.HasPrefix(kk[11], "http://example.com/source/") {
		t.Errorf("original %q; want the stored source", kk[11])
	}

	// The letter is a row too, its sender as the deciding body.
	var letter []string
	for _, r := range rows[1:] {
		if strings.Contains(r[10], "/documents/") {
			letter = r
		}
	}
	if letter == nil || letter[6] != "Ankestyrelsen" || letter[7] != "2025-01-29" || letter[3] != "" {
		t.Errorf("letter row %q; want Ankestyrelsen, 2025-01-29, no item number", letter)
	}
}

func TestExportCSVFiltersAndRefuses(t *testing.T) {
	f := testServer(t)
	target := "/export.csv?municipality=" + url.QueryEscape("Lejre Kommune") + "&year=2019"
	_, body := get(t, f.srv, target)
	rows := readCSV(t, body)
	if len(rows) != 14 {
		t.Errorf("%s: %d rows; want a header and the 13 items of the 2019 meeting", target, len(rows))
	}
	for _, r := range rows[1:] {
		if r[0] != "Lejre Kommune" || !strings.HasPrefix(r[2], "2019-") {
			t.Errorf("%s: row %q", target, r)
		}
	}
	for _, bad := range []string{"/export.csv?year=x", "/export.csv?q=" + url.QueryEscape(`"open`)} {
		if res, _ := get(t, f.srv, bad); res.StatusCode != 400 {
			t.Errorf("GET %s: %d; want 400", bad, res.StatusCode)
		}
	}
	_, page := get(t, f.srv, "/?q=ledelsestilsyn&page=1")
	containsAll(t, "search page", page, `<a href="/export.csv?q=ledelsestilsyn" type="text/csv" download>`)
}

func TestExportCSVStatesItsBound(t *testing.T) {
	f := testServer(t)
	defer func(n int) { exportLimit = n }(exportLimit)
	exportLimit = 5
	target := "/export.csv?municipality=" + url.QueryEscape("Lejre Kommune") + "&year=2019"
	_, body := get(t, f.srv, target)
	rows := readCSV(t, body)
	if len(rows) != 7 {
		t.Fatalf("%s with a bound of 5: %d rows; want header, 5 hits and the bound", target, len(rows))
	}
	if last := rows[6]; len(last) != 1 || !strings.Contains(last[0], "de første 5 af 13 resultater") {
		t.Errorf("last row %q; want the bound stated", last)
	}
}

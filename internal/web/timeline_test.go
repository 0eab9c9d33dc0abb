package web

import (
	"net/url"
	"regexp"
	"strings"
	"testing"
)

var chartBarRE = regexp.MustCompile(`<a href="([^"]+)"><title>([^<]+): (\d+) resultater</title><rect`)

// TestHitsOverTime: the search page draws its hits per year, each bar
// linking to the search in its year; within a year, per month.
func TestHitsOverTime(t *testing.T) {
	f := testServer(t)
	_, body := get(t, f.srv, "/?q=ledelsestilsyn")
	if !strings.Contains(body, `<figure class="chart"><figcaption>Resultater pr. år</figcaption><svg role="img"`) {
		t.Fatalf("no year chart on the search page")
	}
	bars := chartBarRE.FindAllStringSubmatch(body, -1)
	// Hits of 2019, 2020, 2024 and the 2025 letter: 2019..2025, gaps included.
	if len(bars) != 7 || bars[0][2] != "2019" || bars[6][2] != "2025" || bars[2][3] != "0" {
		t.Fatalf("bars %q; want 2019..2025 with 2021 empty", bars)
	}
	for _, b := range bars {
		u := htmlUnescape(b[1])
		if !strings.Contains(u, "year="+b[2]) || !strings.Contains(u, "q=ledelsestilsyn") {
			t.Errorf("bar %s links to %s; want the search in that year", b[2], u)
		}
		// The bar's count is the count of the search it links to.
		_, page := get(t, f.srv, u)
		if want := "<strong>" + b[3] + "</strong>"; b[3] != "0" && !strings.Contains(page, want) {
			t.Errorf("bar %s says %s hits; its search does not", b[2], b[3])
		}
	}

	// Within a year: months, each linking to its dates.
	target := "/?municipality=" + url.QueryEscape("Lejre Kommune") + "&year=2019"
	_, body = get(t, f.srv, target)
	bars = chartBarRE.FindAllStringSubmatch(body, -1)
	if len(bars) != 12 || bars[4][2] != "maj 2019" || bars[4][3] != "13" || bars[3][3] != "0" {
		t.Fatalf("%s: bars %q; want twelve months, 13 hits in May", target, bars)
	}
	if u := htmlUnescape(bars[4][1]); !strings.Contains(u, "from=2019-05-01") || !strings.Contains(u, "to=2019-05-31") {
		t.Errorf("May links to %s; want 2019-05-01..2019-05-31", u)
	}
}

func TestKommunerView(t *testing.T) {
	f := testServer(t)
	_, page := get(t, f.srv, "/?q=ledelsestilsyn")
	containsAll(t, "search page", page, `<a href="/kommuner?q=ledelsestilsyn">Kommuner</a>`)
	res, body := get(t, f.srv, "/kommuner?q=ledelsestilsyn")
	wantStatus(t, "/kommuner?q=ledelsestilsyn", res, 200)
	rowRE := regexp.MustCompile(`(?s)<tr><td>([^<]+)</td><td class="n"><a href="([^"]+)">(\d+)</a></td><td>(.*?)</td></tr>`)
	rows := rowRE.FindAllStringSubmatch(body, -1)
	got := map[string][]string{}
	for _, r := range rows {
		got[r[1]] = r
	}
	lejre := got["Lejre Kommune"]
	if lejre == nil {
		t.Fatalf("no Lejre row in\n%s", body)
	}
	// Lejre's count is the count of its search.
	_, lp := get(t, f.srv, htmlUnescape(lejre[2]))
	if !strings.Contains(lp, "<strong>"+lejre[3]+"</strong>") {
		t.Errorf("Lejre row says %s; its search does not", lejre[3])
	}
	// Its latest decision: the 2024 meeting, the committee, the outcome.
	containsAll(t, "Lejre's latest decision", lejre[4], "6. februar 2024", "Udvalget for Børn og Ungdom", `class="badge`, `<a href="/items/`)
	if fr := got["Frederiksberg Kommune"]; fr == nil || !strings.Contains(fr[4], "21. september 2020</time> · Socialudvalget") {
		t.Errorf("Frederiksberg row %q", fr)
	}
	if res, _ := get(t, f.srv, "/kommuner?year=x"); res.StatusCode != 400 {
		t.Errorf("/kommuner?year=x: %d; want 400", res.StatusCode)
	}
}

package web

import (
	"context"
	"encoding/json"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"referat/corpus"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// TestBrowser drives headless Chromium through what a person does on the
// real corpus (testdata/corpus through the real pipeline): search, narrow
// by a facet, open an item, follow its case number. It checks what
// each page shows and saves screenshots in the test's temp dir (or in
// $REFERAT_WEB_SCREENSHOTS, to look at them afterwards).
func TestBrowser(t *testing.T) {
	exe, err := exec.LookPath("chromium")
	if err != nil {
		t.Skip("chromium is not installed (Debian package chromium); CI installs it")
	}
	rf := realServer(t)
	ts := httptest.NewServer(rf.srv)
	defer ts.Close()

	shots := os.Getenv("REFERAT_WEB_SCREENSHOTS")
	if shots == "" {
		shots = t.TempDir()
	} else if err := os.MkdirAll(shots, 0o755); err != nil {
		t.Fatal(err)
	}

	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(exe),
		chromedp.Flag("headless", true),
		chromedp.Flag("no-sandbox", true),
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("no-first-run", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1280, 900),
	}
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancelAlloc()
	ctx, cancelCtx := chromedp.NewContext(allocCtx)
	defer cancelCtx()
	ctx, cancel := context.WithTimeout(ctx, 90*time.Second)
	defer cancel()

	// A script that ran would open a dialog: the planted alert() must not.
	dialogs := make(chan string, 4)
	if err := chromedp.Listen(ctx, func(ev any) {
		if d, ok := ev.(*page.EventJavascriptDialogOpening); ok {
			select {
			case dialogs <- d.Message:
			default:
			}
			go chromedp.Call(ctx, page.HandleJavaScriptDialog, page.HandleJavaScriptDialogParams{Accept: false})
		}
	}); err != nil {
		t.Fatalf("start chromium: %v", err)
	}

	shot := func(name string) chromedp.Action[chromedp.Void] {
		return chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
			buf, err := chromedp.FullScreenshot(100)(ctx, tg)
			if err != nil {
				return err
			}
			p := filepath.Join(shots, name+".png")
			t.Logf("screenshot %s", p)
			return os.WriteFile(p, buf, 0o644)
		})
	}
	run := func(step string, actions ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		if err := chromedp.Do(ctx, actions...); err != nil {
			t.Fatalf("%s: %v", step, err)
		}
	}
	text := func(sel string) string {
		t.Helper()
		s, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(sel), chromedp.NodeVisible))
		if err != nil {
			t.Fatalf("read %s: %v", sel, err)
		}
		return s
	}
	location := func() string {
		t.Helper()
		s, err := chromedp.Run(ctx, chromedp.Location())
		if err != nil {
			t.Fatalf("location: %v", err)
		}
		return s
	}
	eval := func(expr string) int {
		t.Helper()
		n, err := chromedp.Run(ctx, chromedp.Evaluate[int](expr))
		if err != nil {
			t.Fatalf("evaluate %s: %v", expr, err)
		}
		return n
	}

	// 1. Search from the front page.
	run("open the front page",
		chromedp.Navigate(ts.URL+"/"),
		chromedp.WaitVisible(chromedp.CSS(`form.search input[name=q]`)),
		shot("1-front"),
		chromedp.SendKeys(chromedp.CSS(`form.search input[name=q]`), "ledelsestilsyn"),
		chromedp.Click(chromedp.CSS(`form.search button[type=submit]`)),
		chromedp.WaitVisible(chromedp.CSS(`article.hit`)),
		shot("2-results"),
	)
	loc := location()
	if u, _ := url.Parse(loc); u.Query().Get("q") != "ledelsestilsyn" {
		t.Errorf("after searching the address is %s; want q=ledelsestilsyn in it", loc)
	}
	headerBG, err := chromedp.Run(ctx, chromedp.Evaluate[string](`getComputedStyle(document.querySelector('header.top')).backgroundColor`))
	if err != nil || headerBG != "rgb(18, 53, 91)" {
		t.Errorf("header background %q (%v): the stylesheet did not load", headerBG, err)
	}
	total := eval(`parseInt(document.querySelector('p.count strong').textContent)`)
	if total == 0 || eval(`document.querySelectorAll('article.hit').length`) == 0 {
		t.Fatalf("no results for ledelsestilsyn")
	}
	if eval(`document.querySelectorAll('p.snippet mark').length`) == 0 {
		t.Errorf("no highlighted words in the snippets")
	}

	// 1a. By keyboard: from the query box (focused on load), a few Tab
	// presses reach the first hit, before any facet; the skip link, the
	// first stop of the page, jumps to the results.
	run("reload the results", chromedp.Navigate(ts.URL+"/?q=ledelsestilsyn"), chromedp.WaitVisible(chromedp.CSS(`article.hit`)))
	const firstHit = `document.activeElement === document.querySelector('article.hit a')`
	const inFacets = `document.activeElement.closest('aside.facets') !== null`
	tabs := 0
	for ; tabs < 40 && eval(firstHit+` ? 1 : 0`) == 0; tabs++ {
		if eval(inFacets+` ? 1 : 0`) == 1 {
			t.Fatalf("Tab reached the facets after %d presses, before the first hit", tabs)
		}
		run("press Tab", chromedp.KeyEvent(kb.Tab))
	}
	t.Logf("%d Tab presses from the query box to the first hit", tabs)
	if tabs > 6 {
		t.Errorf("%d Tab presses from the query box to the first hit; want at most 6", tabs)
	}
	if eval(`document.querySelector('a[href], button, input:not([type=hidden]), summary, [tabindex]:not([tabindex="-1"])').classList.contains('skip') ? 1 : 0`) != 1 {
		t.Errorf("the first Tab stop of the page is not the skip link")
	}
	eval(`(document.querySelector('a.skip').focus(), 0)`)
	run("follow the skip link", chromedp.KeyEvent(kb.Enter), chromedp.KeyEvent(kb.Tab))
	if eval(firstHit+` ? 1 : 0`) != 1 {
		t.Errorf("after the skip link, Tab does not reach the first hit")
	}
	if eval(`document.querySelectorAll('h1').length`) != 1 {
		t.Errorf("the results page has no single <h1>")
	}
	// Facets are drawn left of the results on a wide screen.
	if eval(`document.querySelector('aside.facets').getBoundingClientRect().left < document.querySelector('section.results').getBoundingClientRect().left ? 1 : 0`) != 1 {
		t.Errorf("at 1280 px the facets are not left of the results")
	}
	run("screenshot at 1280 px", shot("2-results-1280"))

	// 1b. On a phone (390 px): the first hit is on the first screen, above
	// the facets.
	run("phone",
		chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile),
		chromedp.Navigate(ts.URL+"/?q=ledelsestilsyn"),
		chromedp.WaitVisible(chromedp.CSS(`article.hit`)),
		shot("10-results-390"),
	)
	if eval(`document.querySelector('article.hit').getBoundingClientRect().top < window.innerHeight ? 1 : 0`) != 1 {
		t.Errorf("on a 390 px phone the first hit is below the fold (top %d of %d)",
			eval(`Math.round(document.querySelector('article.hit').getBoundingClientRect().top)`), eval(`window.innerHeight`))
	}
	if eval(`document.querySelector('aside.facets').getBoundingClientRect().top > document.querySelector('article.hit').getBoundingClientRect().top ? 1 : 0`) != 1 {
		t.Errorf("on a phone the facets come before the results")
	}
	if eval(`document.documentElement.scrollWidth <= window.innerWidth + 1 ? 1 : 0`) != 1 {
		t.Errorf("on a phone the results page scrolls sideways (%d px wide)", eval(`document.documentElement.scrollWidth`))
	}
	run("back to a wide screen",
		chromedp.EmulateViewport(1280, 900),
		chromedp.Navigate(ts.URL+"/?q=ledelsestilsyn"),
		chromedp.WaitVisible(chromedp.CSS(`article.hit`)),
	)

	// 2. Narrow by the municipality with the most hits.
	muni := text(`#facet-municipality li:first-child .fv`)
	count := eval(`parseInt(document.querySelector('#facet-municipality li:first-child .n').textContent)`)
	run("click the first municipality facet",
		chromedp.Click(chromedp.CSS(`#facet-municipality li:first-child a`)),
		chromedp.WaitVisible(chromedp.CSS(`a.chip`)),
		shot("3-facet"),
	)
	loc = location()
	if u, _ := url.Parse(loc); u.Query().Get("municipality") != muni || u.Query().Get("q") != "ledelsestilsyn" {
		t.Errorf("after the facet %q the address is %s; want q and municipality", muni, loc)
	}
	if chip := text(`a.chip`); !strings.Contains(chip, "Kommune: "+muni) || !strings.Contains(chip, "×") {
		t.Errorf("chip %q; want Kommune: %s ×", chip, muni)
	}
	if got := eval(`parseInt(document.querySelector('p.count strong').textContent)`); got != count || count > total {
		t.Errorf("facet %q promised %d hits of %d; the page shows %d", muni, count, total, got)
	}
	if n := eval(`[...document.querySelectorAll('article.hit .meta')].filter(m => !m.textContent.includes(` + jsString(muni) + `)).length`); n != 0 {
		t.Errorf("%d results not from %s after narrowing", n, muni)
	}

	// 3. Open the first item that names a case number.
	title, err := chromedp.Run(ctx, chromedp.Evaluate[string](`(() => { const h = [...document.querySelectorAll('article.hit')].find(a => a.querySelector('p.cases a') && a.querySelector('h3 a').getAttribute('href').startsWith('/items/')); if (!h) return ''; h.querySelector('h3 a').setAttribute('id', 'chosen'); return h.querySelector('h3 a').textContent; })()`))
	if err != nil || title == "" {
		t.Fatalf("no item with a case number among the results for %s (%v)", muni, err)
	}
	run("open the item",
		chromedp.Click(chromedp.CSS(`#chosen`)),
		chromedp.WaitVisible(chromedp.CSS(`h1.itemtitle`)),
		shot("4-item"),
	)
	itemPath := mustPath(t, location())
	if !strings.HasPrefix(itemPath, "/items/") {
		t.Errorf("item address %s", itemPath)
	}
	if h1 := text(`h1.itemtitle`); !strings.Contains(h1, title) {
		t.Errorf("item heading %q; want the result's title %q", h1, title)
	}
	if side := text(`aside.side`); !strings.Contains(strings.ToLower(side), "mødets punkter") || !strings.Contains(strings.ToLower(side), "sagsnummer") {
		t.Errorf("item side column lacks the meeting's items or the case number: %q", side)
	}
	if cur := text(`ol.others [aria-current=page]`); !strings.Contains(cur, title) {
		t.Errorf("the meeting's item list marks %q as current; want %q", cur, title)
	}
	if eval(`document.querySelectorAll('section.decisions, p.notice').length`) == 0 {
		t.Errorf("the item page shows neither a decision nor that there is none")
	}

	// 4. Follow its case number to the case's history.
	number := text(`aside .box ul.plain li > a`)
	run("follow the case link",
		chromedp.Click(chromedp.CSS(`aside .box ul.plain li > a`)),
		chromedp.WaitVisible(chromedp.CSS(`ol.timeline`)),
		shot("5-case"),
	)
	if h1 := text(`h1`); h1 != "Sag "+number {
		t.Errorf("case page heading %q; want %q", h1, "Sag "+number)
	}
	if n := eval(`document.querySelectorAll('ol.timeline a[href=` + jsString(itemPath) + `]').length`); n != 1 {
		t.Errorf("the case's timeline links %d times to the item %s we came from; want once", n, itemPath)
	}

	// 5. A table, a letter, a bad query and the planted markup.
	if tbl := findTable(t, rf); tbl.url != "" {
		run("item with a table",
			chromedp.Navigate(ts.URL+tbl.url),
			chromedp.WaitVisible(chromedp.CSS(`figure.tbl table`)),
			shot("6-table"),
		)
		if cells := eval(`document.querySelector('figure.tbl tbody').querySelectorAll('td').length`); cells != tbl.cells {
			t.Errorf("%s: the first table shows %d cells; the record has %d", tbl.url, cells, tbl.cells)
		}
	} else {
		t.Logf("no record of testdata/corpus has a table; the table step is left out")
	}
	if letter := findLetter(t, rf); letter != nil {
		run("letter",
			chromedp.Navigate(ts.URL+"/documents/"+letter.ID),
			chromedp.WaitVisible(chromedp.CSS(`section.letter`)),
			shot("7-letter"),
		)
		if l := text(`dl.fields`); !strings.Contains(l, letter.Letter.Recipient) || !strings.Contains(l, letter.Letter.JournalNumbers[0]) {
			t.Errorf("letter fields %q; want recipient %q and J.nr. %q", l, letter.Letter.Recipient, letter.Letter.JournalNumbers[0])
		}
	}
	// An item's Bilag, ingested from the meeting's bilag folder, opens
	// its own document, which names the item back.
	bilagItem, _ := bilagHrefs(t, rf, storedRecord(t, rf, "ballerup-edoc-2012-12-04/eDocAgendaPublishing.xml"), "KL's proces vedrørende det nære sundhedsvæsen")
	run("follow a Bilag",
		chromedp.Navigate(ts.URL+bilagItem),
		chromedp.WaitVisible(chromedp.CSS(`section.attach a[href^="/documents/"]`)),
		chromedp.Click(chromedp.CSS(`section.attach a[href^="/documents/"]`)),
		chromedp.WaitVisible(chromedp.CSS(`section.fulltext`)),
		shot("7b-bilag"),
	)
	if p := mustPath(t, location()); !strings.HasPrefix(p, "/documents/") {
		t.Errorf("the Bilag link led to %s; want its document", p)
	}
	if n := eval(`document.querySelectorAll('aside a[href=` + jsString(bilagItem) + `]').length`); n != 1 {
		t.Errorf("the Bilag's page links %d times back to %s; want once (Bilag til)", n, bilagItem)
	}
	run("bad query",
		chromedp.Navigate(ts.URL+"/?q=%22kvalitet+i"),
		chromedp.WaitVisible(chromedp.CSS(`p.error`)),
		shot("8-error"),
	)
	run("hostile item",
		chromedp.Navigate(ts.URL+rf.hostile),
		chromedp.WaitVisible(chromedp.CSS(`h1.itemtitle`)),
		shot("9-hostile"),
		chromedp.Navigate(ts.URL+"/?q="+url.QueryEscape("plantet markup")),
		chromedp.WaitVisible(chromedp.CSS(`article.hit`)),
	)
	if s := text(`article.hit`); !strings.Contains(s, scriptPayload) {
		t.Errorf("hostile hit %q does not show the markup as text", s)
	}
	select {
	case m := <-dialogs:
		t.Errorf("a script from a document ran: dialog %q", m)
	default:
	}
}

// jsString quotes s for a JavaScript expression.
func jsString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

func mustPath(t *testing.T, loc string) string {
	t.Helper()
	u, err := url.Parse(loc)
	if err != nil {
		t.Fatalf("location %q: %v", loc, err)
	}
	return u.EscapedPath()
}

type tableItem struct {
	url   string
	cells int
}

// findTable returns the page of the first stored item with a table, and
// the number of body cells of that table.
func findTable(t *testing.T, rf *realFixture) tableItem {
	ids, _ := rf.p.Store.RecordIDs()
	for _, id := range ids {
		rec, err := rf.p.Store.Record(id)
		if err != nil {
			t.Fatal(err)
		}
		for i, ref := range itemRefs(rec) {
			if tbs := rec.Items[i].Tables; len(tbs) > 0 && len(tbs[0].Rows) > 0 {
				n := 0
				for _, r := range tbs[0].Rows {
					n += len(r)
				}
				return tableItem{ref.URL, n}
			}
		}
	}
	return tableItem{}
}

// findLetter returns the first stored letter with a recipient and a
// journal number.
func findLetter(t *testing.T, rf *realFixture) *corpus.Record {
	ids, _ := rf.p.Store.RecordIDs()
	for _, id := range ids {
		rec, err := rf.p.Store.Record(id)
		if err != nil {
			t.Fatal(err)
		}
		if rec.Kind == corpus.KindLetter && rec.Letter != nil && rec.Letter.Recipient != "" && len(rec.Letter.JournalNumbers) > 0 {
			return rec
		}
	}
	t.Errorf("no letter with a recipient and a journal number in testdata/corpus")
	return nil
}

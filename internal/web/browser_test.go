package web

import (
	"context"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// TestBrowser drives headless Chromium through what a person does: search,
// narrow by a facet, open an item, follow its case number. It checks what
// each page shows and saves screenshots in the test's temp dir (or in
// $REFERAT_WEB_SCREENSHOTS, to look at them afterwards).
func TestBrowser(t *testing.T) {
	exe, err := exec.LookPath("chromium")
	if err != nil {
		t.Skip("chromium is not installed (Debian package chromium); CI installs it")
	}
	if testing.Short() {
		t.Skip("starts a browser; skipped with -short")
	}
	f := testServer(t)
	ts := httptest.NewServer(f.srv)
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
		chromedp.WaitVisible(chromedp.CSS(`input[name=q]`)),
		shot("1-front"),
		chromedp.SendKeys(chromedp.CSS(`form.search input[name=q]`), "ledelsestilsyn"),
		chromedp.Click(chromedp.CSS(`form.search button[type=submit]`)),
		chromedp.WaitVisible(chromedp.CSS(`article.hit`)),
		shot("2-results"),
	)
	loc := location()
	headerBG, err := chromedp.Run(ctx, chromedp.Evaluate[string](`getComputedStyle(document.querySelector('header.top')).backgroundColor`))
	if err != nil {
		t.Fatal(err)
	}
	if u, _ := url.Parse(loc); u.Query().Get("q") != "ledelsestilsyn" {
		t.Errorf("after searching the address is %s; want q=ledelsestilsyn in it", loc)
	}
	if headerBG != "rgb(18, 53, 91)" {
		t.Errorf("header background %q: the stylesheet did not load", headerBG)
	}
	results := text(`section.results`)
	for _, want := range []string{"Sjette afrapportering på ledelsestilsyn i Borgercenter Børn og Unge", "Status på kvartalsplaner på ledelsestilsyn", "Københavns Kommune", "20. november 2019"} {
		if !strings.Contains(results, want) {
			t.Errorf("results do not show %q:\n%s", want, results)
		}
	}
	if eval(`document.querySelectorAll('p.snippet mark').length`) == 0 {
		t.Errorf("no highlighted words in the snippets")
	}

	// 2. Narrow to Lejre Kommune with the facet.
	run("click the Lejre facet",
		chromedp.Click(`//section[@id="facet-municipality"]//a[.//span[@class="fv" and text()="Lejre Kommune"]]`),
		chromedp.WaitVisible(chromedp.CSS(`a.chip`)),
		shot("3-facet"),
	)
	loc = location()
	if u, _ := url.Parse(loc); u.Query().Get("municipality") != "Lejre Kommune" || u.Query().Get("q") != "ledelsestilsyn" {
		t.Errorf("after the facet the address is %s; want q and municipality", loc)
	}
	if chip := text(`a.chip`); !strings.Contains(chip, "Kommune: Lejre Kommune") || !strings.Contains(chip, "×") {
		t.Errorf("chip %q", chip)
	}
	results = text(`section.results`)
	if strings.Contains(results, "Københavns Kommune") || !strings.Contains(results, "Status på kvartalsplaner på ledelsestilsyn") {
		t.Errorf("narrowed results:\n%s", results)
	}

	// 3. Open the item.
	run("open the item",
		chromedp.Click(`//article[@class="hit"]//h3/a[text()="Status på kvartalsplaner på ledelsestilsyn"]`),
		chromedp.WaitVisible(chromedp.CSS(`h1.itemtitle`)),
		shot("4-item"),
	)
	loc = location()
	if !strings.Contains(loc, "/items/"+f.recs["000"].ID+"/7") {
		t.Errorf("item address %s", loc)
	}
	if h1 := text(`h1.itemtitle`); !strings.Contains(h1, "Punkt 7") || !strings.Contains(h1, "Status på kvartalsplaner på ledelsestilsyn") {
		t.Errorf("item heading %q", h1)
	}
	if d := text(`section.decisions`); !strings.Contains(d, "Indstillingen anbefales.") || !strings.Contains(d, "Anbefalet") || !strings.Contains(d, "6. februar 2024") {
		t.Errorf("decision block %q", d)
	}
	if side := text(`aside.side`); !strings.Contains(side, "23-002657") || !strings.Contains(strings.ToLower(side), "mødets punkter") || !strings.Contains(side, "Familiehuset 2.0") {
		t.Errorf("item side column %q", side)
	}

	// 4. Follow the case number.
	run("follow the case link",
		chromedp.Click(`//aside//a[text()="23-002657"]`),
		chromedp.WaitVisible(chromedp.CSS(`ol.timeline`)),
		shot("5-case"),
	)
	loc = location()
	if !strings.HasSuffix(loc, "/cases/23-002657") {
		t.Errorf("case address %s", loc)
	}
	if h1 := text(`h1`); h1 != "Sag 23-002657" {
		t.Errorf("case heading %q", h1)
	}
	if tl := text(`ol.timeline`); !strings.Contains(tl, "Status på kvartalsplaner på ledelsestilsyn") || !strings.Contains(tl, "Indstillingen anbefales.") {
		t.Errorf("timeline %q", tl)
	}

	// 5. The other pages a person meets: a table, a letter, a slash case
	// number, a bad query, the planted markup.
	run("item with a table",
		chromedp.Navigate(ts.URL+f.itemURL("004", 12)),
		chromedp.WaitVisible(chromedp.CSS(`figure.tbl table`)),
		shot("6-table"),
	)
	if cells := eval(`document.querySelectorAll('figure.tbl tbody td').length`); cells != 12*9 {
		t.Errorf("table shows %d cells; want 108", cells)
	}
	run("letter",
		chromedp.Navigate(ts.URL+"/documents/"+f.recs["002"].ID),
		chromedp.WaitVisible(chromedp.CSS(`section.letter`)),
		shot("7-letter"),
	)
	if l := text(`dl.fields`); !strings.Contains(l, "Nyborg Kommune") || !strings.Contains(l, "24-10910") {
		t.Errorf("letter fields %q", l)
	}
	run("slash case number",
		chromedp.Navigate(ts.URL+f.itemURL("004", 2)),
		chromedp.Click(`//aside//a[text()="19/3742"]`),
		chromedp.WaitVisible(chromedp.CSS(`ol.timeline`)),
	)
	loc = location()
	if h1 := text(`h1`); h1 != "Sag 19/3742" {
		t.Errorf("case page of 19/3742 (%s) has heading %q", loc, h1)
	}
	run("bad query",
		chromedp.Navigate(ts.URL+"/?q=%22kvalitet+i"),
		chromedp.WaitVisible(chromedp.CSS(`p.error`)),
		shot("8-error"),
	)
	run("hostile item",
		chromedp.Navigate(ts.URL+"/items/"+f.recs["script"].ID+"/7"),
		chromedp.WaitVisible(chromedp.CSS(`h1.itemtitle`)),
		shot("9-hostile"),
	)
	if h1 := text(`h1.itemtitle`); !strings.Contains(h1, scriptPayload) {
		t.Errorf("hostile title %q does not show the markup as text", h1)
	}
	select {
	case m := <-dialogs:
		t.Errorf("a script from a document ran: dialog %q", m)
	default:
	}
}

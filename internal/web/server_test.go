package web

import (
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"referat/corpus"
	"referat/index"
)

// get serves one GET request and returns the response and its body.
func get(t *testing.T, h http.Handler, target string) (*http.Response, string) {
	t.Helper()
	return do(t, h, http.MethodGet, target)
}

func do(t *testing.T, h http.Handler, method, target string) (*http.Response, string) {
	t.Helper()
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(method, target, nil))
	res := rec.Result()
	b, _ := io.ReadAll(res.Body)
	return res, string(b)
}

func wantStatus(t *testing.T, target string, res *http.Response, want int) {
	t.Helper()
	if res.StatusCode != want {
		t.Fatalf("GET %s: status %d; want %d", target, res.StatusCode, want)
	}
}

var hitTitleRE = regexp.MustCompile(`<h3><a href="([^"]+)">([^<]*)</a></h3>`)

// hitTitles returns the result links of a search page, in order.
func hitTitles(body string) (urls, titles []string) {
	for _, m := range hitTitleRE.FindAllStringSubmatch(body, -1) {
		urls = append(urls, m[1])
		titles = append(titles, m[2])
	}
	return urls, titles
}

func TestSearchPage(t *testing.T) {
	f := testServer(t)
	target := "/?q=ledelsestilsyn"
	res, body := get(t, f.srv, target)
	wantStatus(t, target, res, http.StatusOK)
	if ct := res.Header.Get("Content-Type"); ct != "text/html; charset=utf-8" {
		t.Errorf("Content-Type %q", ct)
	}
	urls, titles := hitTitles(body)
	if len(urls) == 0 {
		t.Fatalf("no results for ledelsestilsyn; page:\n%s", body)
	}
	// The København item is about ledelsestilsyn in its title and text;
	// the Lejre item 7 names it in its title.
	containsAll(t, "search page", strings.Join(titles, "\n"),
		"Sjette afrapportering på ledelsestilsyn i Borgercenter Børn og Unge",
		"Status på kvartalsplaner på ledelsestilsyn")
	containsAll(t, "search page", body,
		`<mark>ledelsestilsyn`,                                      // a highlighted snippet
		`<span>Københavns Kommune</span>`,                           // municipality
		`<span>20. november 2019</span>`,                            // meeting date in Danish
		`<span>Punkt 7</span>`,                                      // item number
		`<span class="badge o-noted">Taget til efterretning</span>`, // outcome
		`id="facet-municipality"`, `id="facet-committee"`, `id="facet-year"`, `id="facet-outcome"`, `id="facet-kind"`,
		`value="ledelsestilsyn"`, // the query stays in the box
	)
	for _, u := range urls {
		if !strings.HasPrefix(u, "/items/") && !strings.HasPrefix(u, "/documents/") {
			t.Errorf("result link %q is neither an item nor a document", u)
		}
	}
}

func TestSearchFacetNarrowsAndChipRemoves(t *testing.T) {
	f := testServer(t)
	_, body := get(t, f.srv, "/?q=ledelsestilsyn")
	// Find the facet link of Københavns Kommune and follow it.
	m := regexp.MustCompile(`<a href="([^"]+)" title="Københavns Kommune"><span class="fv">Københavns Kommune</span> <span class="n">(\d+)</span>`).FindStringSubmatch(body)
	if m == nil {
		t.Fatalf("no municipality facet value for Københavns Kommune in:\n%s", body)
	}
	link := htmlUnescape(m[1])
	u, _ := url.Parse(link)
	if got := u.Query()["municipality"]; len(got) != 1 || got[0] != "Københavns Kommune" || u.Query().Get("q") != "ledelsestilsyn" {
		t.Fatalf("facet link %q: want q and municipality in the URL", link)
	}
	res, body := get(t, f.srv, link)
	wantStatus(t, link, res, http.StatusOK)
	_, titles := hitTitles(body)
	if len(titles) == 0 || m[2] != itoa(len(titles)) {
		t.Fatalf("facet said %s hits; narrowed page shows %d: %q", m[2], len(titles), titles)
	}
	for _, ti := range titles {
		if strings.Contains(ti, "kvartalsplaner") {
			t.Errorf("Lejre item %q still listed after narrowing to København", ti)
		}
	}
	// The chip removes the filter again.
	cm := regexp.MustCompile(`<a class="chip" href="([^"]+)" title="Fjern filteret">Kommune: Københavns Kommune`).FindStringSubmatch(body)
	if cm == nil {
		t.Fatalf("no chip for the municipality filter in:\n%s", body)
	}
	if got := htmlUnescape(cm[1]); got != "/?q=ledelsestilsyn" {
		t.Errorf("chip removes to %q; want /?q=ledelsestilsyn", got)
	}
}

func TestSearchFiltersAndDates(t *testing.T) {
	f := testServer(t)
	for _, tc := range []struct {
		target   string
		want     []string // titles that must be listed
		wantNone []string // titles that must not
	}{
		{"/?year=2020", []string{"Opfølgning på redegørelsen om kvalitet i sagsbehandlingen på Socialudvalgets område"}, []string{"Dialogmøde Virksomhedsservice"}},
		{"/?kind=letter", []string{"Sagsbehandlingen på det specialiserede socialområde i Nyborg Kommune (kommunens sagsnr. S2024-19207)"}, []string{"Meddelelser"}},
		{"/?outcome=approved&municipality=Lejre+Kommune&sort=date", []string{"Forslag til program for dialogmøde vedr. forenklet beskæftigelsesindsats"}, []string{"Eventuelt"}},
		{"/?from=2019-05-01&to=2019-05-31&size=50", []string{"Dialogmøde Virksomhedsservice"}, []string{"Meddelelser", "Familiehuset 2.0"}},
		{"/?q=" + url.QueryEscape("19/3742"), []string{"Dialogmøde Virksomhedsservice"}, nil},
	} {
		res, body := get(t, f.srv, tc.target)
		wantStatus(t, tc.target, res, http.StatusOK)
		_, titles := hitTitles(body)
		joined := strings.Join(titles, "\n")
		for _, w := range tc.want {
			if !strings.Contains(joined, w) {
				t.Errorf("GET %s: %q not among %q", tc.target, w, titles)
			}
		}
		for _, w := range tc.wantNone {
			for _, ti := range titles {
				if ti == w {
					t.Errorf("GET %s: %q listed", tc.target, w)
				}
			}
		}
	}
}

func TestSearchPagingAndSort(t *testing.T) {
	f := testServer(t)
	_, body1 := get(t, f.srv, "/?municipality=Lejre+Kommune&size=5&sort=date")
	_, body2 := get(t, f.srv, "/?municipality=Lejre+Kommune&size=5&sort=date&page=2")
	u1, _ := hitTitles(body1)
	u2, _ := hitTitles(body2)
	if len(u1) != 5 || len(u2) != 5 {
		t.Fatalf("pages of 5: got %d and %d hits", len(u1), len(u2))
	}
	for _, a := range u1 {
		for _, b := range u2 {
			if a == b {
				t.Errorf("%s on both page 1 and 2", a)
			}
		}
	}
	containsAll(t, "page 1", body1, `rel="next"`, `<strong aria-current="page">1</strong>`, `<strong aria-current="true">Ældste først</strong>`)
	containsAll(t, "page 2", body2, `rel="prev"`, `<strong aria-current="page">2</strong>`)
	// Oldest first: Lejre's 2019 meeting has 13 items, so the first two
	// pages hold only them.
	for _, b := range []string{body1, body2} {
		if !strings.Contains(b, "8. maj 2019") || strings.Contains(b, "6. februar 2024") {
			t.Errorf("oldest-first pages 1-2 show another meeting than 8 May 2019")
		}
	}
}

func TestSearchBadParameters(t *testing.T) {
	f := testServer(t)
	long := strings.Repeat("a", index.MaxQueryLength+1)
	for _, tc := range []struct{ target, msg string }{
		{"/?year=20x4", "er ikke et årstal"},
		{"/?kind=memo", "Dokumenttypen"},
		{"/?outcome=yes", "Udfaldet"},
		{"/?page=0", "Sidetallet"},
		{"/?page=abc", "Sidetallet"},
		{"/?page=100000", "ud over de første"},
		{"/?size=-3", "Antallet pr. side"},
		{"/?from=2024-13-01", "ÅÅÅÅ-MM-DD"},
		{"/?sort=random", "Sorteringen"},
		{"/?type=meeting", "Typen"},
		{"/?q=" + long, "for lang"},
		{"/?q=" + url.QueryEscape(`"kvalitet i`), "Søgningen kunne ikke forstås"},
		{"/?q=" + url.QueryEscape(`nosuchfield:x`), "Søgningen kunne ikke forstås"},
		{"/?from=2024-02-01&to=2024-01-01", "Søgningen kunne ikke forstås"},
	} {
		res, body := get(t, f.srv, tc.target)
		if res.StatusCode != http.StatusBadRequest {
			t.Errorf("GET %.60s: status %d; want 400", tc.target, res.StatusCode)
			continue
		}
		m := regexp.MustCompile(`<p class="error" role="alert">([^<]*)</p>`).FindStringSubmatch(body)
		if m == nil || !strings.Contains(htmlUnescape(m[1]), tc.msg) {
			t.Errorf("GET %.60s: error message %q; want one containing %q", tc.target, m, tc.msg)
		}
		if strings.Count(m[1], "\n") > 0 {
			t.Errorf("GET %.60s: error message is more than one line: %q", tc.target, m[1])
		}
		if strings.Contains(body, "goroutine") || strings.Contains(body, ".go:") {
			t.Errorf("GET %.60s: page shows Go internals", tc.target)
		}
	}
	// A case number over the query limit is refused too.
	res, body := get(t, f.srv, "/cases/"+long)
	if res.StatusCode != http.StatusBadRequest || !strings.Contains(body, "Forespørgslen kunne ikke bruges") {
		t.Errorf("GET /cases/<%d bytes>: status %d", len(long), res.StatusCode)
	}
	res, _ = get(t, f.srv, "/api/cases/"+long)
	if res.StatusCode != http.StatusBadRequest {
		t.Errorf("GET /api/cases/<%d bytes>: status %d", len(long), res.StatusCode)
	}
	// An oversized page size is clamped, not refused.
	res, _ = get(t, f.srv, "/?size=100000")
	wantStatus(t, "/?size=100000", res, http.StatusOK)
}

func TestItemPage(t *testing.T) {
	f := testServer(t)
	target := f.itemURL("004", 2)
	res, body := get(t, f.srv, target)
	wantStatus(t, target, res, http.StatusOK)
	rec := f.recs["004"]
	containsAll(t, target, body,
		"Dialogmøde Virksomhedsservice",
		"Udvalget drøftede temaet.",
		`<span class="badge o-discussed">Drøftet</span>`,
		"Udvalget for Job &amp; Arbejdsmarked",
		"8. maj 2019",
		"at indsatsen omkring Virksomhedsservice drøftes.",
		`<a href="/cases/19%2F3742">19/3742</a>`,
		`href="/source/`+rec.ID+`"`,
		`href="`+f.itemURL("004", 3)+`">3. Orienteringssager - maj</a>`, // another item of the meeting
		`<strong aria-current="page">2. Dialogmøde Virksomhedsservice</strong>`,
		"Mødelokale 1, Lejrevej 15, 4320, Allerslev",
	)
	// Decisions come first, then the recommendation, then the sections
	// in document order.
	order := []string{"Udvalget drøftede temaet.", "<h2>Indstilling</h2>", "<h2>Resumé</h2>", "<h2>Sagsfremstilling</h2>", "<h2>Handicappolitik</h2>"}
	last := -1
	for _, o := range order {
		i := strings.Index(body, o)
		if i < 0 {
			t.Errorf("item page lacks %q", o)
			continue
		}
		if i < last {
			t.Errorf("%q comes before what precedes it in %q", o, order)
		}
		last = i
	}
	// The recommendation and the competence are shown once, not again
	// as sections.
	for _, once := range []string{"<h2>Indstilling</h2>", "Direktionen indstiller:", "Beslutningskompetence"} {
		if n := strings.Count(body, once); n != 1 {
			t.Errorf("%q shown %d times; want once", once, n)
		}
	}
	// The København item page has no number: no "Punkt 0".
	target = f.itemURL("001", 0)
	_, body = get(t, f.srv, target)
	containsAll(t, target, body, "Sjette afrapportering på ledelsestilsyn", "<h2>Problemstilling</h2>", "<h2>Løsning</h2>")
	if strings.Contains(body, "Punkt 0") {
		t.Errorf("%s shows Punkt 0", target)
	}
}

func TestItemPageTablesAndDecisions(t *testing.T) {
	f := testServer(t)
	target := f.itemURL("004", 12)
	res, body := get(t, f.srv, target)
	wantStatus(t, target, res, http.StatusOK)
	containsAll(t, target, body,
		"<figcaption>Tabel 1: Afgørelser fordelt efter afgørelsestype og sagstype 2018</figcaption>",
		`<th scope="col">LAB</th>`,
		`<td>Lejre</td><td>Stadfæstelse</td><td class="n">4</td><td class="n">19</td>`, `<td class="n">18.652</td>`,
		"<td>Landstotal</td>",
		"<h2>Beslutninger</h2>", // two committees decided
		"Udvalget for Børn &amp; Ungdom", "7. maj 2019",
	)
	// A Frederiksberg table cell holds an HTML fragment as printed: it is
	// text, never markup.
	target = f.itemURL("003", 64)
	_, body = get(t, f.srv, target)
	containsAll(t, target, body, `&lt;ul style=&#34;list-style-type: none&#34;&gt; • Social revision*`,
		`href="/cases/00.01.00-P20-104-19"`, "Kommunens styrelse i almindelighed")
	if strings.Contains(body, "<ul style=") {
		t.Errorf("%s: a table cell's HTML fragment reached the page as markup", target)
	}
}

func TestDocumentAndLetterPages(t *testing.T) {
	f := testServer(t)
	letter := f.recs["002"]
	target := "/documents/" + letter.ID
	res, body := get(t, f.srv, target)
	wantStatus(t, target, res, http.StatusOK)
	containsAll(t, target, body,
		"<dt>Afsender</dt><dd>Ankestyrelsen</dd>",
		"<dt>Modtager</dt><dd>Nyborg Kommune</dd>",
		"<dt>Dato</dt><dd>29. januar 2025</dd>",
		`<a href="/cases/24-10910">24-10910</a>`,
		`<a href="/cases/S2024-19207">S2024-19207</a>`,
		`<a href="/cases/2023%20%E2%80%93%209318">2023 – 9318</a>`,
		"<h2>Konklusion</h2>", "Ankestyrelsen har gennemført en indledende undersøgelse af sagen.",
		"Lov om kommunernes styrelse (kommunestyrelsesloven)",
		"<strong>Nanna B. Damgaard</strong>",
		"Social- og Boligministeriet",
		"Hele teksten",
	)
	// A meeting's document page lists its items.
	target = "/documents/" + f.recs["000"].ID
	_, body = get(t, f.srv, target)
	containsAll(t, target, body, `href="`+f.itemURL("000", 4)+`">4. BU – Familiehuset 2.0</a>`)
}

func TestCasePage(t *testing.T) {
	f := testServer(t)
	for _, target := range []string{"/cases/19%2F3742", "/cases/19/3742"} {
		res, body := get(t, f.srv, target)
		wantStatus(t, target, res, http.StatusOK)
		containsAll(t, target, body, "<h1>Sag 19/3742</h1>", "1 behandling · 8. maj 2019", `href="`+f.itemURL("004", 2)+`">Dialogmøde Virksomhedsservice</a>`, "Udvalget drøftede temaet.")
	}
	// A letter's journal number: the case page lists the letter.
	target := "/cases/24-10910"
	res, body := get(t, f.srv, target)
	wantStatus(t, target, res, http.StatusOK)
	containsAll(t, target, body, "Breve fra Ankestyrelsen", `href="/documents/`+f.recs["002"].ID+`"`)
}

func TestNotFound(t *testing.T) {
	f := testServer(t)
	unknown := strings.Repeat("ab", 32)
	rec := f.recs["004"].ID
	for _, target := range []string{
		"/nowhere",
		"/items/" + unknown + "/2",
		"/items/" + rec + "/99",
		"/items/" + rec + "/2.1",
		"/items/" + rec + "/two",
		"/items/" + rec + "/-2",
		"/items/" + rec + "/02",
		"/items/short/2",
		"/documents/" + unknown,
		"/documents/" + strings.ToUpper(rec),
		"/cases/99%2F99999",
		"/cases/",
		"/source/" + unknown,
		"/source/..%2F..%2F..%2Fetc%2Fpasswd",
		"/source/" + rec + "%2F..",
		"/static/nothing.css",
		"/static/",
	} {
		res, body := get(t, f.srv, target)
		if res.StatusCode != http.StatusNotFound {
			t.Errorf("GET %s: status %d; want 404", target, res.StatusCode)
			continue
		}
		if !strings.Contains(body, "<h1>Ikke fundet</h1>") && !strings.HasPrefix(target, "/static/") {
			t.Errorf("GET %s: not the 404 page:\n%s", target, body)
		}
	}
}

func TestSource(t *testing.T) {
	f := testServer(t)
	rec := f.recs["002"]
	target := "/source/" + rec.ID
	res, body := get(t, f.srv, target)
	wantStatus(t, target, res, http.StatusOK)
	if ct := res.Header.Get("Content-Type"); ct != "text/plain; charset=utf-8" {
		t.Errorf("Content-Type %q", ct)
	}
	if cd := res.Header.Get("Content-Disposition"); cd != `inline; filename=002_1f9e0adde186f6aa.txt` {
		t.Errorf("Content-Disposition %q", cd)
	}
	if corpus.Hash([]byte(body)) != rec.ID {
		t.Errorf("source bytes differ from the stored document")
	}
	// The hostile record's file name is tamed.
	h := f.recs["script"]
	res, _ = get(t, f.srv, "/source/"+h.ID)
	cd := res.Header.Get("Content-Disposition")
	if strings.ContainsAny(strings.TrimPrefix(cd, "inline; filename="), `/\`) || strings.Contains(cd, "<script>\"") {
		t.Errorf("hostile Content-Disposition %q", cd)
	}
	if res.Header.Get("X-Content-Type-Options") != "nosniff" || !strings.Contains(res.Header.Get("Content-Security-Policy"), "sandbox") {
		t.Errorf("source served without nosniff and a sandbox: %v", res.Header)
	}
	// Ranges work (PDF viewers ask for them).
	req := httptest.NewRequest(http.MethodGet, target, nil)
	req.Header.Set("Range", "bytes=0-9")
	rr := httptest.NewRecorder()
	f.srv.ServeHTTP(rr, req)
	if rr.Code != http.StatusPartialContent || rr.Body.Len() != 10 {
		t.Errorf("range request: status %d, %d bytes", rr.Code, rr.Body.Len())
	}
}

func TestSourceContentType(t *testing.T) {
	for _, tc := range []struct {
		rec        *corpus.Record
		head, want string
		disp       string
	}{
		{&corpus.Record{Format: corpus.FormatPDF, Source: corpus.Source{URL: "https://lejre.dk/dagsordener/referat%20BU.pdf?x=1"}}, "%PDF-1.7", "application/pdf", "referat BU.pdf"},
		{&corpus.Record{Format: corpus.FormatHTML, Source: corpus.Source{ContentType: "text/html;charset=ISO-8859-1"}}, "<html>", "text/html; charset=ISO-8859-1", "0123456789abcdef.html"},
		{nil, "%PDF-1.4", "application/pdf", "0123456789abcdef.pdf"},
		{&corpus.Record{Format: corpus.FormatXML, Source: corpus.Source{Path: `C:\data\eDoc.xml`}}, "<?xml", "application/xml", "eDoc.xml"},
	} {
		got := sourceContentType(tc.rec, []byte(tc.head))
		if got != tc.want {
			t.Errorf("content type of %+v: got %q; want %q", tc.rec, got, tc.want)
		}
		base, _, _ := strings.Cut(got, ";")
		if name := sourceFileName(tc.rec, "0123456789abcdef0123", base); name != tc.disp {
			t.Errorf("file name of %+v: got %q; want %q", tc.rec, name, tc.disp)
		}
	}
}

func TestEscapesDocumentText(t *testing.T) {
	f := testServer(t)
	h := f.recs["script"]
	for _, target := range []string{
		"/items/" + index.ItemID(h.ID, 7, 0),
		"/documents/" + h.ID,
		"/?q=" + url.QueryEscape("plantet markup"),
		"/?q=" + url.QueryEscape(scriptPayload),
		"/?committee=" + url.QueryEscape(h.Committee),
	} {
		res, body := get(t, f.srv, target)
		wantStatus(t, target, res, http.StatusOK)
		if strings.Contains(body, "<script") || strings.Contains(body, "<img") {
			t.Errorf("GET %s: markup from the document reached the page", target)
		}
		if !strings.Contains(body, `&lt;script&gt;alert(&#34;referat&#34;)&lt;/script&gt;`) {
			t.Errorf("GET %s: the planted markup is not shown as text", target)
		}
	}
	_, body := get(t, f.srv, "/items/"+index.ItemID(h.ID, 7, 0))
	containsAll(t, "hostile item", body, `Plantet markup: &lt;script&gt;`, `href="/cases/%22%3E%3Cscript%3Ex%3C%2Fscript%3E"`)
}

func TestSecurityHeaders(t *testing.T) {
	f := testServer(t)
	for _, target := range []string{"/", "/nowhere", "/api/search?q=x", "/?year=x", "/static/style.css", "/healthz"} {
		res, _ := get(t, f.srv, target)
		csp := res.Header.Get("Content-Security-Policy")
		if !strings.Contains(csp, "frame-ancestors 'none'") || !strings.Contains(csp, "default-src 'none'") || strings.Contains(csp, "script-src") {
			t.Errorf("GET %s: CSP %q", target, csp)
		}
		if res.Header.Get("X-Content-Type-Options") != "nosniff" {
			t.Errorf("GET %s: no nosniff", target)
		}
	}
	// The pages need no script: none is served.
	for _, target := range []string{"/?q=ledelsestilsyn", f.itemURL("004", 2), "/cases/19%2F3742"} {
		_, body := get(t, f.srv, target)
		if strings.Contains(strings.ToLower(body), "<script") || strings.Contains(body, " style=\"") {
			t.Errorf("GET %s: page has script or inline style", target)
		}
	}
}

func TestMethodNotAllowed(t *testing.T) {
	f := testServer(t)
	for _, target := range []string{"/", "/api/search", "/items/x/1"} {
		res, _ := do(t, f.srv, http.MethodPost, target)
		if res.StatusCode != http.StatusMethodNotAllowed {
			t.Errorf("POST %s: status %d; want 405", target, res.StatusCode)
		}
	}
	res, body := do(t, f.srv, http.MethodHead, "/?q=ledelsestilsyn")
	if res.StatusCode != http.StatusOK || body != "" {
		t.Errorf("HEAD /: status %d, %d bytes of body", res.StatusCode, len(body))
	}
}

func TestPanicGivesPlain500(t *testing.T) {
	f := testServer(t)
	log := &syncBuffer{}
	s := &Server{ix: f.ix, st: f.store, opts: Options{Log: log}, pages: f.srv.pages}
	h := s.logRequests(securityHeaders(s.recoverPanics(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		panic(errors.New("boom in handler"))
	}))))
	res, body := get(t, h, "/items/x/1")
	wantStatus(t, "panicking handler", res, http.StatusInternalServerError)
	if !strings.Contains(body, "<h1>Serverfejl</h1>") || strings.Contains(body, "boom") || strings.Contains(body, "goroutine") {
		t.Errorf("500 page shows internals or is not the error page:\n%s", body)
	}
	if l := log.String(); !strings.Contains(l, "boom in handler") || !strings.Contains(l, "goroutine") || !strings.Contains(l, " 500 ") {
		t.Errorf("the panic and its stack are not logged:\n%s", l)
	}
}

func TestAPI(t *testing.T) {
	f := testServer(t)
	var sr struct {
		Total int
		Hits  []struct {
			ID, URL, Title string
			Snippet        []index.Span
		}
		Facets map[string][]index.FacetCount
		Next   string
	}
	target := "/api/search?q=ledelsestilsyn&municipality=K%C3%B8benhavns+Kommune"
	getJSON(t, f, target, http.StatusOK, &sr)
	if sr.Total != 1 || len(sr.Hits) != 1 || sr.Hits[0].Title != "Sjette afrapportering på ledelsestilsyn i Borgercenter Børn og Unge" {
		t.Fatalf("%s: %+v", target, sr)
	}
	if len(sr.Facets["municipality"]) == 0 || !hasMatch(sr.Hits[0].Snippet) {
		t.Errorf("%s: no facets or no highlighted snippet: %+v", target, sr)
	}
	// The page's hit links work in the API too.
	var item struct {
		ID   string
		Item corpus.Item
	}
	getJSON(t, f, "/api"+sr.Hits[0].URL, http.StatusOK, &item)
	if item.Item.Title != sr.Hits[0].Title {
		t.Errorf("/api%s: item %q", sr.Hits[0].URL, item.Item.Title)
	}
	getJSON(t, f, "/api/search?size=2&sort=date", http.StatusOK, &sr)
	if len(sr.Hits) != 2 || sr.Next != "/api/search?page=2&size=2&sort=date" {
		t.Errorf("paged API search: %d hits, next %q", len(sr.Hits), sr.Next)
	}

	var h index.CaseHistory
	getJSON(t, f, "/api/cases/00.01.00-P20-104-19", http.StatusOK, &h)
	if len(h.Items) != 1 || h.Subject != "Kommunens styrelse i almindelighed" || len(h.Items[0].Decisions) != 1 {
		t.Errorf("case history %+v", h)
	}

	var rec corpus.Record
	getJSON(t, f, "/api/documents/"+f.recs["002"].ID, http.StatusOK, &rec)
	if rec.Letter == nil || rec.Letter.SignedBy != "Nanna B. Damgaard" {
		t.Errorf("letter record %+v", rec.Letter)
	}

	var health struct {
		Status           string
		Items, Documents int
	}
	getJSON(t, f, "/healthz", http.StatusOK, &health)
	items := 0
	for _, r := range f.recs {
		items += len(r.Items)
	}
	if health.Status != "ok" || health.Items != items || health.Documents != len(f.recs) {
		t.Errorf("healthz %+v; want ok, %d items, %d documents", health, items, len(f.recs))
	}

	for _, tc := range []struct {
		target string
		status int
	}{
		{"/api/search?q=" + url.QueryEscape(`"open`), http.StatusBadRequest},
		{"/api/search?year=abcd", http.StatusBadRequest},
		{"/api/items/" + f.recs["004"].ID + "/77", http.StatusNotFound},
		{"/api/items/nothex/1", http.StatusNotFound},
		{"/api/cases/99%2F99999", http.StatusNotFound},
		{"/api/documents/" + strings.Repeat("0", 64), http.StatusNotFound},
	} {
		var e apiError
		getJSON(t, f, tc.target, tc.status, &e)
		if e.Error == "" || e.Status != tc.status {
			t.Errorf("%s: error body %+v", tc.target, e)
		}
	}
}

func getJSON(t *testing.T, f *fixture, target string, status int, v any) {
	t.Helper()
	res, body := get(t, f.srv, target)
	if res.StatusCode != status {
		t.Fatalf("GET %s: status %d; want %d\n%s", target, res.StatusCode, status, body)
	}
	if ct := res.Header.Get("Content-Type"); ct != "application/json; charset=utf-8" {
		t.Errorf("GET %s: Content-Type %q", target, ct)
	}
	if err := json.Unmarshal([]byte(body), v); err != nil {
		t.Fatalf("GET %s: %v\n%s", target, err, body)
	}
}

func hasMatch(spans []index.Span) bool {
	for _, s := range spans {
		if s.Match {
			return true
		}
	}
	return false
}

func TestAccessLog(t *testing.T) {
	f := testServer(t)
	get(t, f.srv, "/?q=accesslogmarker")
	if !strings.Contains(f.log.String(), "GET /?q=accesslogmarker 200") {
		t.Errorf("access log lacks the request:\n%s", f.log.String())
	}
}

func htmlUnescape(s string) string {
	r := strings.NewReplacer("&amp;", "&", "&#43;", "+", "&#34;", `"`, "&#39;", "'", "&lt;", "<", "&gt;", ">")
	return r.Replace(s)
}

func TestBrokenIndexGives500(t *testing.T) {
	f := testServer(t)
	ix, err := index.Open(t.TempDir() + "/index")
	if err != nil {
		t.Fatal(err)
	}
	ix.Close()
	log := &syncBuffer{}
	s, err := New(ix, f.store, Options{Log: log})
	if err != nil {
		t.Fatal(err)
	}
	res, body := get(t, s, "/?q=ledelsestilsyn")
	if res.StatusCode != http.StatusInternalServerError || !strings.Contains(body, "Serverfejl") || strings.Contains(body, "closed") {
		t.Errorf("search on a closed index: status %d\n%s", res.StatusCode, body)
	}
	var e apiError
	res, body = get(t, s, "/api/search?q=x")
	if json.Unmarshal([]byte(body), &e); res.StatusCode != http.StatusInternalServerError || e.Error != "internal error" {
		t.Errorf("API search on a closed index: status %d, %s", res.StatusCode, body)
	}
	res, _ = get(t, s, "/healthz")
	if res.StatusCode != http.StatusServiceUnavailable {
		t.Errorf("healthz on a closed index: status %d; want 503", res.StatusCode)
	}
	// The item page still shows the item from the store; its letters are
	// left out and the failure logged.
	res, _ = get(t, s, f.itemURL("004", 2))
	if res.StatusCode != http.StatusOK {
		t.Errorf("item page on a closed index: status %d", res.StatusCode)
	}
	if !strings.Contains(log.String(), "web: error serving GET /?q=ledelsestilsyn") {
		t.Errorf("the failure is not logged:\n%s", log.String())
	}
}

// TestHugeNumbersAndAPIErrors pins the answers to numbers that overflow a
// product (page*size) and to failures under /api/: every one is JSON.
func TestHugeNumbersAndAPIErrors(t *testing.T) {
	f := testServer(t)
	const huge = "4611686018427387904" // 2^62: times 4 wraps to 0
	for _, target := range []string{"/?page=" + huge + "&size=4", "/?page=" + huge, "/?page=99999999999999999999999"} {
		res, body := get(t, f.srv, target)
		if res.StatusCode != http.StatusBadRequest || !strings.Contains(body, "Side") && !strings.Contains(body, "Sidetallet") {
			t.Errorf("GET %s: status %d; want 400 naming the page\n%.300s", target, res.StatusCode, body)
		}
	}
	var e apiError
	for _, tc := range []struct {
		method, target string
		status         int
	}{
		{"GET", "/api/search?page=" + huge + "&size=4", http.StatusBadRequest},
		{"GET", "/api/search?q=x&page=" + huge + "&size=" + huge, http.StatusBadRequest},
		{"GET", "/api/nosuchroute", http.StatusNotFound},
		{"GET", "/api/items/nosuchrecord/1", http.StatusNotFound},
		{"POST", "/api/search", http.StatusMethodNotAllowed},
	} {
		res, body := do(t, f.srv, tc.method, tc.target)
		if res.StatusCode != tc.status || res.Header.Get("Content-Type") != "application/json; charset=utf-8" {
			t.Errorf("%s %s: status %d, %s; want %d, JSON\n%.300s", tc.method, tc.target, res.StatusCode, res.Header.Get("Content-Type"), tc.status, body)
			continue
		}
		if err := json.Unmarshal([]byte(body), &e); err != nil || e.Status != tc.status || e.Error == "" {
			t.Errorf("%s %s: body %q is not an API error", tc.method, tc.target, body)
		}
	}
	for _, target := range []string{"/static/%ff%fe", "/static/%00", "/static/..%2f..%2fgo.mod"} {
		res, _ := get(t, f.srv, target)
		if res.StatusCode != http.StatusNotFound {
			t.Errorf("GET %s: status %d; want 404", target, res.StatusCode)
		}
	}
	res, _ := get(t, f.srv, "/static/style.css")
	wantStatus(t, "/static/style.css", res, http.StatusOK)
}

// TestAPIPanicIsJSON: a panic in an API handler is answered with a JSON
// 500, without the panic's words.
func TestAPIPanicIsJSON(t *testing.T) {
	f := testServer(t)
	s := &Server{ix: f.ix, st: f.store, opts: Options{Log: &syncBuffer{}}, pages: f.srv.pages}
	h := s.recoverPanics(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		panic(errors.New("boom in API"))
	}))
	res, body := get(t, h, "/api/search?q=x")
	var e apiError
	if res.StatusCode != http.StatusInternalServerError || json.Unmarshal([]byte(body), &e) != nil || e.Error != "internal error" || strings.Contains(body, "boom") {
		t.Errorf("panic under /api/: status %d, %s", res.StatusCode, body)
	}
}

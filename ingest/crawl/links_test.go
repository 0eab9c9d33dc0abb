package crawl

import (
	"net/url"
	"regexp"
	"testing"
)

func mustURL(t testing.TB, raw string) *url.URL {
	t.Helper()
	u, err := url.Parse(raw)
	if err != nil {
		t.Fatal(err)
	}
	return u
}

func TestFirstAgendaListingPage(t *testing.T) {
	body := corpusFile(t, "aarhus/aarhus-listing-2025-10.html")
	doc, err := parseHTML(body, "text/html; charset=utf-8")
	if err != nil {
		t.Fatal(err)
	}
	page := mustURL(t, "https://dagsordener.aarhus.dk/")
	ids := listingMeetingIDs(t, body)
	for _, tc := range []struct {
		since string
		want  int
	}{
		{"", len(ids)},
		// The listing shows 9 meetings from 1 October 2025 on (3 after
		// the 1st, 6 on it) and 11 in September.
		{"2025-10-01", 9},
		{"2025-10-09", 0},
	} {
		src, err := newSource(Source{Name: "aarhus", Profile: "firstagenda", StartURLs: []string{page.String()}, Since: tc.since})
		if err != nil {
			t.Fatal(err)
		}
		tasks := firstAgendaPageLinks(src, page, doc)
		if len(tasks) != tc.want {
			t.Errorf("since %q: %d meetings; want %d", tc.since, len(tasks), tc.want)
		}
		for i, tk := range tasks {
			if want := "https://dagsordener.aarhus.dk/api/agenda/dagsorden/" + ids[i]; tk.URL != want || tk.Role != roleDocument {
				t.Errorf("since %q: meeting %d: %s (%s); want %s, a document", tc.since, i, tk.URL, tk.Role, want)
			}
			if !regexp.MustCompile(`^\d\d/\d\d-\d{4} .+ (Dagsorden|Referat)$`).MatchString(tk.Title) {
				t.Errorf("meeting %d title %q; want date, committee and kind as the page shows them", i, tk.Title)
			}
		}
	}
}

func TestFirstAgendaAgendaPage(t *testing.T) {
	body := corpusFile(t, "aarhus/aarhus-byraad-dagsorden-2025-10-08.html")
	doc, err := parseHTML(body, "text/html; charset=utf-8")
	if err != nil {
		t.Fatal(err)
	}
	src, _ := newSource(Source{Name: "aarhus", Profile: "firstagenda", StartURLs: []string{"https://dagsordener.aarhus.dk/"}})
	want := map[string]bool{}
	for _, m := range regexp.MustCompile(`/vis/pdf/bilag/([0-9a-f-]{36})/`).FindAllStringSubmatch(string(body), -1) {
		want[m[1]] = true
	}

	// Saved without its address, the page's meeting is unknown: its
	// attachment links are followed.
	page := mustURL(t, "https://dagsordener.aarhus.dk/saved.html")
	tasks := firstAgendaPageLinks(src, page, doc)
	if len(tasks) != len(want) {
		t.Errorf("%d attachments; want the page's %d distinct ones", len(tasks), len(want))
	}
	for _, tk := range tasks {
		if !want[tk.Ref] || tk.URL != "https://dagsordener.aarhus.dk/Vis/Pdf/bilag/"+tk.Ref || tk.Parent != page.String() ||
			tk.Title == "" {
			t.Errorf("attachment %+v; want a Bilag of the page, the API's URL form, the page as parent", tk)
		}
	}
	for _, tk := range tasks {
		if tk.Ref == "0a13a9ce-6d48-46af-8fbf-4672091a6354" && tk.Title != "Bilag 1: Budgetredegørelsen 2026-2029" {
			t.Errorf("attachment %s titled %q; want the link text", tk.Ref, tk.Title)
		}
	}

	// At its portal address the meeting id is known: the API document
	// names the attachments, so only it is queued.
	page = mustURL(t, "https://dagsordener.aarhus.dk/vis?Dagsorden-Aarhus-Byraad-d.08-10-2025-kl.16.00&id=a70723d3-8732-4382-b761-7622cc64fe62")
	tasks = firstAgendaPageLinks(src, page, doc)
	if len(tasks) != 1 || tasks[0].URL != "https://dagsordener.aarhus.dk/api/agenda/dagsorden/a70723d3-8732-4382-b761-7622cc64fe62" {
		t.Errorf("meeting page at its address: %v; want only its API document", tasks)
	}
}

func TestResolve(t *testing.T) {
	base := mustURL(t, "https://Dagsordener.Aarhus.dk:443/edoc/2012/index.html?x=1")
	for _, tc := range []struct{ ref, want string }{
		{"1552816.PDF", "https://dagsordener.aarhus.dk/edoc/2012/1552816.PDF"},
		{"../2013/", "https://dagsordener.aarhus.dk/edoc/2013/"},
		{"/vis?a=b&id=1#top", "https://dagsordener.aarhus.dk/vis?a=b&id=1"},
		{"?side=2", "https://dagsordener.aarhus.dk/edoc/2012/index.html?side=2"},
		{"  //other.dk  ", "https://other.dk/"},
		{"HTTP://X.DK:80/a", "http://x.dk/a"},
		{"Bilag%201.pdf", "https://dagsordener.aarhus.dk/edoc/2012/Bilag%201.pdf"},
		{"#top", ""},
		{"mailto:post@aarhus.dk", ""},
		{"javascript:void(0)", ""},
		{"ftp://x.dk/a", ""},
		{"", ""},
	} {
		u, ok := resolve(base, tc.ref)
		got := ""
		if ok {
			got = u.String()
		}
		if got != tc.want {
			t.Errorf("resolve(%q) = %q; want %q", tc.ref, got, tc.want)
		}
	}
}

func TestRelativeFile(t *testing.T) {
	doc := mustURL(t, "https://x.dk/pub/Publication32/Publication32.xml")
	for _, tc := range []struct{ name, want string }{
		{`Enclosures\1.pdf`, "https://x.dk/pub/Publication32/Enclosures/1.pdf"},
		{"1552816.PDF", "https://x.dk/pub/Publication32/1552816.PDF"},
		{"Hvordan udvikler vi det nære sundhedsvæsen sammen?.pdf", "https://x.dk/pub/Publication32/Hvordan%20udvikler%20vi%20det%20n%C3%A6re%20sundhedsv%C3%A6sen%20sammen%3F.pdf"},
		{`..\..\secret.pdf`, ""},
		{`c:\publish\eDagsorden\1.pdf`, ""},
		{`\\server\share\1.pdf`, ""},
		{"/etc/passwd", ""},
	} {
		got, _ := relativeFile(doc, tc.name)
		if got != tc.want {
			t.Errorf("relativeFile(%q) = %q; want %q", tc.name, got, tc.want)
		}
	}
}

func TestCleanXML(t *testing.T) {
	in := "<a>side 1&#xC;side 2&#12;&#x41;&#233;\x0b</a>"
	if got, want := string(cleanXML([]byte(in))), "<a>side 1 side 2 &#x41;&#233; </a>"; got != want {
		t.Errorf("cleanXML(%q) = %q; want %q", in, got, want)
	}
}

func TestLinkText(t *testing.T) {
	doc, _ := parseHTML([]byte(`<a href="/x"><div>08/10-2025</div><div><strong>Aarhus</strong> Byr<b>å</b>d</div><br>Referat</a>`), "text/html")
	ls := allLinks(doc, mustURL(t, "https://x.dk/"))
	if len(ls) != 1 || ls[0].Text != "08/10-2025 Aarhus Byråd Referat" {
		t.Errorf("link text %v; want words split by blocks, not by inline elements", ls)
	}
}

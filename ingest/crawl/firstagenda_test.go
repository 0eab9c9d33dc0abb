package crawl

import (
	"context"
	"encoding/json"
	"net/http"
	"slices"
	"strings"
	"testing"
)

var greveMeetings = []string{
	"greve-firstagenda-api/greve_Kultur-_og_Fritidsudvalget_2024-03-20.json",
	"greve-firstagenda-api/greve_Social-_og_Handicapudvalget_2024-03-18.json",
}

// firstAgendaSite is a First Agenda portal built from real pages: the
// Aarhus listing page at /, the Greve API answers at
// /api/agenda/dagsorden/{id} (the listing's meeting ids map to them in
// turn, each file under its own id too), a committee list built from the
// Greve files' Udvalg and Moede at /api/agenda/udvalgsliste, and a real PDF
// for every attachment id.
type firstAgendaSite struct {
	*site
	meetings map[string][]byte // API answer by meeting id
	bilag    map[string]bool   // attachment ids the answers name with a PDF
}

func newFirstAgendaSite(t *testing.T) *firstAgendaSite {
	s := &firstAgendaSite{site: newSite(t), meetings: map[string][]byte{}, bilag: map[string]bool{}}
	s.robots("User-agent: *\nDisallow: /private/\n")
	listing := corpusFile(t, "aarhus/aarhus-listing-2025-10.html")
	pdf := corpusFile(t, "ballerup-edoc-2012-12-04/1552816.pdf")

	var files [][]byte
	type committee struct {
		ID     string           `json:"Id"`
		Navn   string           `json:"Navn"`
		Moeder []map[string]any `json:"Moeder"`
	}
	var committees []committee
	for _, rel := range greveMeetings {
		b := corpusFile(t, rel)
		files = append(files, b)
		var m struct {
			ID     string `json:"Id"`
			Udvalg struct{ ID, Navn string }
			Moede  struct{ Navn, Dato string }
			Punkt  []struct {
				Bilag []struct {
					ID            string `json:"Id"`
					HarPdfVersion any
				}
			} `json:"Dagsordenpunkter"`
		}
		if err := json.Unmarshal(b, &m); err != nil {
			t.Fatalf("fixture %s: %v", rel, err)
		}
		s.meetings[strings.ToLower(m.ID)] = b
		for _, p := range m.Punkt {
			for _, bl := range p.Bilag {
				if bl.HarPdfVersion != "false" && bl.HarPdfVersion != false {
					s.bilag[strings.ToLower(bl.ID)] = true
				}
			}
		}
		committees = append(committees, committee{ID: m.Udvalg.ID, Navn: m.Udvalg.Navn,
			Moeder: []map[string]any{{"Id": m.ID, "Navn": m.Moede.Navn, "Dato": m.Moede.Dato}}})
	}
	for i, id := range listingMeetingIDs(t, listing) {
		s.meetings[id] = files[i%len(files)]
	}
	committeeList, err := json.Marshal(map[string]any{"Udvalg": map[string]any{"Udvalg 2022-2025": committees}})
	if err != nil {
		t.Fatal(err)
	}

	s.mux.HandleFunc("GET /{$}", func(w http.ResponseWriter, r *http.Request) {
		serveBytes(w, r, "text/html; charset=utf-8", listing, false)
	})
	s.mux.HandleFunc("GET /api/agenda/udvalgsliste", func(w http.ResponseWriter, r *http.Request) {
		serveBytes(w, r, "application/json; charset=utf-8", committeeList, false)
	})
	s.mux.HandleFunc("GET /api/agenda/dagsorden/{id}", func(w http.ResponseWriter, r *http.Request) {
		b, ok := s.meetings[r.PathValue("id")]
		if !ok {
			http.NotFound(w, r)
			return
		}
		serveBytes(w, r, "application/json; charset=utf-8", b, true)
	})
	s.mux.HandleFunc("GET /Vis/Pdf/bilag/{id}", func(w http.ResponseWriter, r *http.Request) {
		if !s.bilag[r.PathValue("id")] {
			http.NotFound(w, r)
			return
		}
		serveBytes(w, r, "application/pdf", pdf, true)
	})
	return s
}

// listingMeetingIDs reads the meeting ids of the listing the way a reader
// of the page would: the id parameter of every /vis? link.
func listingMeetingIDs(t *testing.T, listing []byte) []string {
	var ids []string
	for _, part := range strings.Split(string(listing), `href="/vis?`)[1:] {
		href, _, _ := strings.Cut(part, `"`)
		_, id, ok := strings.Cut(href, "id=")
		if !ok {
			t.Fatalf("listing link without id: %s", href)
		}
		ids = append(ids, id)
	}
	if len(ids) != 20 {
		t.Fatalf("listing has %d meeting links; the saved page shows 20", len(ids))
	}
	return ids
}

func TestCrawlFirstAgendaListing(t *testing.T) {
	s := newFirstAgendaSite(t)
	src := Source{Name: "aarhus", Municipality: "Aarhus Kommune", Profile: "firstagenda",
		StartURLs: []string{s.URL + "/"}, Since: "2025-10-06"}
	c := &collector{}
	rep, log, err := crawl(t, context.Background(), testConfig(t.TempDir(), src), c)
	if err != nil {
		t.Fatalf("Run: %v\n%s", err, log)
	}
	// The listing's meetings dated 6 October 2025 or later, as the page
	// shows them: Aarhus Byråd 08/10, Magistraten 07/10, Teknisk Udvalg 06/10.
	wantMeetings := map[string]string{
		"a70723d3-8732-4382-b761-7622cc64fe62": "08/10-2025 Aarhus Byråd Dagsorden",
		"4ee8e26f-14a7-4696-a847-edbc367310d3": "07/10-2025 Magistraten Referat",
		"513aaeb9-9262-490e-bc7b-778327fb2333": "06/10-2025 Teknisk Udvalg Referat",
	}
	got := c.byURL()
	delivered := map[string]int{} // order of delivery by URL
	for i, f := range c.got {
		delivered[f.URL] = i
	}
	wantBilag := map[string]bool{}
	for id, title := range wantMeetings {
		u := s.URL + "/api/agenda/dagsorden/" + id
		f, ok := got[u]
		if !ok {
			t.Errorf("meeting %s (%s) not handed on", id, title)
			continue
		}
		if f.Title != title || f.Municipality != "Aarhus Kommune" || f.Profile != "firstagenda" || mediaType(f.ContentType) != "application/json" {
			t.Errorf("meeting %s: got title %q, municipality %q, profile %q, type %q; want %q, Aarhus Kommune, firstagenda, application/json",
				id, f.Title, f.Municipality, f.Profile, f.ContentType, title)
		}
		if string(f.Body) != string(s.meetings[id]) || f.Hash == "" || f.Parent != "" {
			t.Errorf("meeting %s: body or hash differs from what was served, or has a parent %q", id, f.Parent)
		}
		var m struct {
			Punkt []struct {
				Bilag []struct {
					ID string `json:"Id"`
				}
			} `json:"Dagsordenpunkter"`
		}
		json.Unmarshal(f.Body, &m)
		for _, p := range m.Punkt {
			for _, b := range p.Bilag {
				if s.bilag[b.ID] {
					wantBilag[b.ID] = true
				}
			}
		}
	}
	nBilag := 0
	for _, f := range c.got {
		if !strings.Contains(f.URL, "/Vis/Pdf/bilag/") {
			continue
		}
		nBilag++
		id := f.URL[strings.LastIndex(f.URL, "/")+1:]
		if !wantBilag[id] || f.Ref != id || mediaType(f.ContentType) != "application/pdf" || f.Title == "" {
			t.Errorf("attachment %s: ref %q, type %q, title %q; want a Bilag of a crawled meeting, ref = id, a PDF, a title", f.URL, f.Ref, f.ContentType, f.Title)
		}
		if p, ok := delivered[f.Parent]; !ok || p > delivered[f.URL] {
			t.Errorf("attachment %s handed on before its parent %s", f.URL, f.Parent)
		}
	}
	if nBilag != len(wantBilag) {
		t.Errorf("got %d attachments; want the %d distinct Bilag of the crawled meetings", nBilag, len(wantBilag))
	}
	if want := len(wantMeetings) + len(wantBilag); rep.Fetched != want || rep.New != want || len(c.got) != want {
		t.Errorf("report: fetched %d, new %d, sink got %d; want %d", rep.Fetched, rep.New, len(c.got), want)
	}
	if rep.Failed != 0 || rep.Pages != 1 {
		t.Errorf("report: %d failed, %d pages; want 0 and 1 (the listing)\n%s", rep.Failed, rep.Pages, log)
	}
	for ua := range s.agents {
		if ua != "referat-test/1 (+"+testContact+")" {
			t.Errorf("User-Agent %q; want the product token and the contact URL", ua)
		}
	}
}

func TestCrawlFirstAgendaCommitteeList(t *testing.T) {
	s := newFirstAgendaSite(t)
	src := Source{Name: "greve", Municipality: "Greve Kommune", Profile: "firstagenda",
		StartURLs: []string{s.URL + "/api/agenda/udvalgsliste"}, SkipAttachments: true}
	c := &collector{}
	rep, log, err := crawl(t, context.Background(), testConfig("", src), c)
	if err != nil {
		t.Fatalf("Run: %v\n%s", err, log)
	}
	var urls []string
	for _, f := range c.got {
		urls = append(urls, f.URL)
		id := f.URL[strings.LastIndex(f.URL, "/")+1:]
		if string(f.Body) != string(s.meetings[id]) {
			t.Errorf("%s: body is not the meeting's API answer", f.URL)
		}
		if !strings.Contains(f.Title, "2024-03-") {
			t.Errorf("%s: title %q lacks the meeting date", f.URL, f.Title)
		}
	}
	slices.Sort(urls)
	want := []string{
		s.URL + "/api/agenda/dagsorden/804030ef-ba18-49ad-8d84-7e301a2a6782",
		s.URL + "/api/agenda/dagsorden/a165df50-06fa-4a39-aefc-9e80e8e64104",
	}
	if !slices.Equal(urls, want) {
		t.Errorf("handed on %v; want the committee list's meetings %v", urls, want)
	}
	if rep.Pages != 1 || rep.Failed != 0 {
		t.Errorf("report: %d pages, %d failed; want 1 and 0\n%s", rep.Pages, rep.Failed, log)
	}

	// Since leaves out meetings dated earlier.
	src.Since = "2024-03-19"
	c = &collector{}
	if _, log, err := crawl(t, context.Background(), testConfig("", src), c); err != nil || len(c.got) != 1 ||
		!strings.HasSuffix(c.got[0].URL, "a165df50-06fa-4a39-aefc-9e80e8e64104") {
		t.Errorf("since 2024-03-19: got %d documents (err %v); want only the meeting of 2024-03-20\n%s", len(c.got), err, log)
	}
}

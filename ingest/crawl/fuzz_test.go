package crawl

import (
	"encoding/json"
	"net/http"
	"net/url"
	"os"
	"regexp"
	"strings"
	"testing"
)

// FuzzParseConfig: any bytes either fail with an error or give a
// configuration every source of which the crawler can compile.
func FuzzParseConfig(f *testing.F) {
	example, err := os.ReadFile("testdata/sources.example.json")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(example)
	f.Add([]byte(`{"contact":"https://x.dk","timeout":"1s","sources":[{"name":"a","profile":"generic","start_urls":["https://x.dk/"],"documents":{"selector":"a.pdf","pattern":"\\.pdf$"}}]}`))
	f.Add([]byte(`{"contact":"mailto:a@b.dk","retries":0,"sources":[{"name":"b","profile":"sbsys","start_urls":["http://127.0.0.1:8080/P.xml"],"since":"2024-01-01"}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		cfg, err := ParseConfig(data)
		if err != nil {
			return
		}
		if err := cfg.Validate(); err != nil {
			t.Fatalf("ParseConfig accepted a configuration Validate rejects: %v", err)
		}
		for _, s := range cfg.Sources {
			src, err := newSource(s)
			if err != nil {
				if s.Profile == "generic" && strings.Contains(err.Error(), "needs a meetings or documents rule") {
					continue
				}
				t.Fatalf("valid source %q does not compile: %v", s.Name, err)
			}
			for _, tk := range src.startTasks() {
				if u, err := url.Parse(tk.URL); err != nil || !src.allowedHost(u) {
					t.Fatalf("start URL %s not on the source's allowed hosts %v", tk.URL, src.AllowedHosts)
				}
			}
		}
	})
}

// FuzzPageLinks: links found on any page are absolute http(s) URLs,
// canonical and without fragment, and the First Agenda reading of the page
// yields only API and attachment URLs on the page's host.
func FuzzPageLinks(f *testing.F) {
	// Seeds are cut from real pages: the fuzzer crawls with large inputs.
	listing := string(corpusFile(f, "aarhus/aarhus-listing-2025-10.html"))
	start := strings.Index(listing, `<div id="resultaterplaceholder">`)
	end := start
	for range 4 {
		end += strings.Index(listing[end:], "</a>") + len("</a>")
	}
	f.Add([]byte(listing[start:end]), "https://dagsordener.aarhus.dk/", "text/html")
	f.Add(corpusFile(f, middelfartPage)[:5000], "https://x.dk/a/", "text/html")
	f.Add([]byte(`<base href="../x/"><a href="a.pdf#p=2">æ</a><a href="/vis?id=a70723d3-8732-4382-b761-7622cc64fe62">m</a>`), "http://h.dk/a/b/c.html", "text/html; charset=windows-1252")
	f.Fuzz(func(t *testing.T, body []byte, base, contentType string) {
		page, err := parseHTTPURL(base)
		if err != nil {
			return
		}
		page = canonical(page)
		doc, err := parseHTML(body, contentType)
		if err != nil {
			return
		}
		for _, l := range allLinks(doc, baseURL(doc, page)) {
			s := l.URL.String()
			if l.URL.Scheme != "http" && l.URL.Scheme != "https" || l.URL.Host == "" || l.URL.Fragment != "" {
				t.Fatalf("link %q is not an absolute http(s) URL without fragment", s)
			}
			if c := canonical(l.URL).String(); c != s {
				t.Fatalf("link %q is not canonical (%q)", s, c)
			}
		}
		src, _ := newSource(Source{Name: "f", Profile: "firstagenda", StartURLs: []string{page.String()}})
		for _, tk := range firstAgendaPageLinks(src, page, doc) {
			u, err := url.Parse(tk.URL)
			if err != nil || !strings.Contains(u.Path, "/api/agenda/dagsorden/") && !strings.Contains(u.Path, "/Vis/Pdf/bilag/") {
				t.Fatalf("First Agenda link %q is neither a meeting nor an attachment", tk.URL)
			}
		}
		for _, d := range subdirLinks(doc, page) {
			if d.Host != page.Host || !strings.HasPrefix(d.Path, page.Path[:strings.LastIndex(page.Path, "/")+1]) {
				t.Fatalf("sub-directory %s is not below %s", d, page)
			}
		}
	})
}

// FuzzExportAttachments: the files an eDoc or SBSYS XML names resolve to
// URLs inside the XML's folder on its host (or, for an SBSYS DownloadUrl,
// to an http(s) URL), whatever the XML says.
func FuzzExportAttachments(f *testing.F) {
	// Seeds are the real exports without their full texts and empty
	// elements (eDoc) or cut to their enclosures (SBSYS): the fuzzer
	// crawls with large inputs.
	edoc := corpusFile(f, "ballerup-edoc-2012-12-04/eDocAgendaPublishing.xml")
	edoc = regexp.MustCompile(`(?s)<FullText>.*?</FullText>`).ReplaceAll(edoc, nil)
	edoc = regexp.MustCompile(`(?m)^\s*<[A-Za-z]+ />\r?\n`).ReplaceAll(edoc, nil)
	f.Add(edoc)
	sbsys := string(corpusFile(f, "ballerup-sbsys-2013/Publication32.xml"))
	i, j := strings.Index(sbsys, "<Enclosures>"), strings.Index(sbsys, "</Enclosures>")
	f.Add([]byte("<Publication>" + sbsys[i:j] + "</Enclosures></Publication>"))
	f.Add([]byte(`<?xml version="1.0" encoding="windows-1252"?><Meeting><Attachment><PDFDocument>..\x.pdf</PDFDocument></Attachment></Meeting>`))
	doc, _ := url.Parse("https://x.dk/pub/m1/file.xml")
	src := &source{Source: Source{Name: "f"}}
	f.Fuzz(func(t *testing.T, body []byte) {
		ed, _ := eDocPDFs(src, doc, body, "")
		sb, _ := sbsysEnclosures(src, doc, body, "")
		for _, tk := range ed {
			if !strings.HasPrefix(tk.URL, "https://x.dk/pub/m1/") {
				t.Fatalf("eDoc file %q resolved outside the folder: %s", tk.Ref, tk.URL)
			}
		}
		for _, tk := range sb {
			u, err := url.Parse(tk.URL)
			if err != nil || u.Scheme != "http" && u.Scheme != "https" {
				t.Fatalf("SBSYS enclosure %q resolved to %s", tk.Ref, tk.URL)
			}
			if !strings.Contains(tk.Ref, "://") && !strings.HasPrefix(tk.Ref, "/") && u.Host == "x.dk" && !strings.HasPrefix(tk.URL, "https://x.dk/pub/m1/") {
				t.Fatalf("SBSYS relative file %q resolved outside the folder: %s", tk.Ref, tk.URL)
			}
		}
	})
}

// FuzzFirstAgendaJSON: committee lists and meeting documents yield only
// API and attachment URLs on the document's host.
func FuzzFirstAgendaJSON(f *testing.F) {
	for _, rel := range greveMeetings {
		b := corpusFile(f, rel)
		// The seed is the meeting without its case texts: the fuzzer
		// crawls with large inputs.
		var doc map[string]any
		json.Unmarshal(b, &doc)
		if ps, ok := doc["Dagsordenpunkter"].([]any); ok {
			for _, p := range ps {
				if p, ok := p.(map[string]any); ok {
					delete(p, "Felter")
				}
			}
		}
		small, _ := json.Marshal(doc)
		f.Add(small)
		var m struct {
			ID     string `json:"Id"`
			Udvalg struct{ ID, Navn string }
			Moede  struct{ Navn, Dato string }
		}
		json.Unmarshal(b, &m)
		list, _ := json.Marshal(map[string]any{"Udvalg": map[string]any{"Udvalg 2022-2025": []any{
			map[string]any{"Id": m.Udvalg.ID, "Navn": m.Udvalg.Navn, "Moeder": []any{map[string]any{"Id": m.ID, "Navn": m.Moede.Navn, "Dato": m.Moede.Dato}}}}}})
		f.Add(list)
	}
	page, _ := url.Parse("https://dagsordener.greve.dk/api/agenda/udvalgsliste")
	src, _ := newSource(Source{Name: "f", Profile: "firstagenda", StartURLs: []string{page.String()}, Since: "2024-01-01"})
	f.Fuzz(func(t *testing.T, body []byte) {
		list, _ := firstAgendaCommitteeList(src, page, &response{Body: body, Header: http.Header{}})
		bilag, _ := firstAgendaBilag(src, page, body, "application/json")
		for _, tk := range append(list, bilag...) {
			if !strings.HasPrefix(tk.URL, "https://dagsordener.greve.dk/api/agenda/dagsorden/") &&
				!strings.HasPrefix(tk.URL, "https://dagsordener.greve.dk/Vis/Pdf/bilag/") {
				t.Fatalf("task URL %q is neither a meeting nor an attachment of the portal", tk.URL)
			}
		}
	})
}

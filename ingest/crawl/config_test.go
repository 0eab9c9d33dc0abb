package crawl

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

func TestLoadConfigExample(t *testing.T) {
	cfg, err := LoadConfig("testdata/sources.example.json")
	if err != nil {
		t.Fatalf("LoadConfig: %v", err)
	}
	if cfg.UserAgent != DefaultUserAgent || cfg.Workers != DefaultWorkers || cfg.MaxBodyBytes != DefaultMaxBodyBytes ||
		cfg.Timeout != 60*time.Second || cfg.Retries != 3 || cfg.RatePerSecond != 1 || cfg.RevalidateAfter != 0 {
		t.Errorf("defaults: got %+v", cfg)
	}
	profilesSeen := map[string]bool{}
	for _, s := range cfg.Sources {
		profilesSeen[s.Profile] = true
		if _, err := newSource(s); err != nil {
			t.Errorf("source %s: %v", s.Name, err)
		}
	}
	for name := range profiles {
		if !profilesSeen[name] {
			t.Errorf("the example has no source of profile %s", name)
		}
	}
}

func TestParseConfigErrors(t *testing.T) {
	const src = `{"name":"a","profile":"firstagenda","start_urls":["https://dagsordener.aarhus.dk/"]}`
	for _, tc := range []struct {
		name, json string
		want       []string // substrings of the error
	}{
		{"no contact", `{"sources":[` + src + `]}`, []string{"contact: required"}},
		{"bad contact", `{"contact":"me at home","sources":[` + src + `]}`, []string{`contact: "me at home"`}},
		{"no sources", `{"contact":"https://x.dk"}`, []string{"sources: none"}},
		{"unknown field", `{"contact":"https://x.dk","sorces":[]}`, []string{`unknown field "sorces"`}},
		{"bad duration", `{"contact":"https://x.dk","timeout":"30","sources":[` + src + `]}`, []string{`timeout: "30" is not a duration`}},
		{"negative retries", `{"contact":"https://x.dk","retries":-1,"sources":[` + src + `]}`, []string{"retries: -1"}},
		{"user agent with spaces", `{"contact":"https://x.dk","user_agent":"my bot","sources":[` + src + `]}`, []string{"user_agent"}},
		{"unknown profile", `{"contact":"https://x.dk","sources":[{"name":"a","profile":"acadre","start_urls":["https://x.dk/"]}]}`,
			[]string{`source "a": profile: "acadre" is not one of edoc, firstagenda, generic, sbsys`}},
		{"relative start", `{"contact":"https://x.dk","sources":[{"name":"a","profile":"edoc","start_urls":["/edoc/"]}]}`,
			[]string{`start_urls: "/edoc/" is not an absolute http(s) URL`}},
		{"bad selector and pattern", `{"contact":"https://x.dk","sources":[{"name":"a","profile":"generic","start_urls":["https://x.dk/"],` +
			`"documents":{"selector":"a[href"},"meetings":{"pattern":"("}}]}`, []string{"documents.selector", "meetings.pattern"}},
		{"duplicate name", `{"contact":"https://x.dk","sources":[` + src + `,` + src + `]}`, []string{`source "a": name used twice`}},
		{"bad name and since", `{"contact":"https://x.dk","sources":[{"name":"a b","profile":"edoc","start_urls":["https://x.dk/"],"since":"1/1/2024"}]}`,
			[]string{"name: \"a b\"", `since: "1/1/2024"`}},
		{"trailing data", `{"contact":"https://x.dk","sources":[` + src + `]} {}`, []string{"data after"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ParseConfig([]byte(tc.json))
			if err == nil {
				t.Fatalf("ParseConfig(%s) succeeded; want an error", tc.json)
			}
			for _, w := range tc.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("ParseConfig(%s) = %q; want it to say %q", tc.json, err, w)
				}
			}
		})
	}
}

func TestGenericNeedsRules(t *testing.T) {
	_, err := newSource(Source{Name: "x", Profile: "generic", StartURLs: []string{"https://x.dk/"}})
	if err == nil || !strings.Contains(err.Error(), "needs a meetings or documents rule") {
		t.Errorf("generic source without rules: %v; want an error naming the missing rules", err)
	}
}

func TestLoadConfigMissingFile(t *testing.T) {
	_, err := LoadConfig("testdata/nonexistent.json")
	if err == nil || !strings.Contains(err.Error(), "nonexistent.json") {
		t.Errorf("LoadConfig of a missing file: %v; want an error naming it", err)
	}
}

func TestAllowedHost(t *testing.T) {
	s, err := newSource(Source{Name: "x", Profile: "edoc", StartURLs: []string{"https://Dagsordener.Aarhus.dk/"},
		AllowedHosts: []string{"dagsordener.aarhus.dk", "127.0.0.1:8080", "[::1]"}})
	if err != nil {
		t.Fatal(err)
	}
	for raw, want := range map[string]bool{
		"https://dagsordener.aarhus.dk/x":     true,
		"https://DAGSORDENER.aarhus.dk:8443/": true,
		"http://127.0.0.1:8080/a":             true,
		"http://127.0.0.1:8081/a":             false,
		"http://[::1]:9000/":                  true,
		"https://aarhus.dk/":                  false,
		"https://dagsordener.aarhus.dk.evil/": false,
	} {
		u, _ := parseHTTPURL(raw)
		if got := s.allowedHost(u); got != want {
			t.Errorf("allowedHost(%s) = %v; want %v", raw, got, want)
		}
	}
	// Without allowed_hosts, the start URLs' hosts.
	s, _ = newSource(Source{Name: "x", Profile: "edoc", StartURLs: []string{"https://a.dk/x/"}})
	if len(s.AllowedHosts) != 1 || s.AllowedHosts[0] != "a.dk" {
		t.Errorf("default allowed hosts %v; want [a.dk]", s.AllowedHosts)
	}
}

func TestStartRoles(t *testing.T) {
	for _, tc := range []struct {
		src  Source
		want []role
	}{
		{Source{Name: "a", Profile: "firstagenda", StartURLs: []string{"https://d.dk/api/agenda/udvalgsliste", "https://d.dk/api/agenda/dagsorden/a70723d3-8732-4382-b761-7622cc64fe62", "https://d.dk/"}},
			[]role{rolePage, roleDocument, rolePage}},
		{Source{Name: "b", Profile: "edoc", StartURLs: []string{"https://e.dk/edoc/", "https://e.dk/edoc/m/eDocAgendaPublishing.xml"}},
			[]role{rolePage, roleDocument}},
		{Source{Name: "c", Profile: "generic", StartURLs: []string{"https://g.dk/liste", "https://g.dk/brev.pdf"}, Documents: LinkRule{Pattern: `\.pdf$`}},
			[]role{rolePage, roleDocument}},
	} {
		src, err := newSource(tc.src)
		if err != nil {
			t.Fatal(err)
		}
		var got []role
		for _, tk := range src.startTasks() {
			got = append(got, tk.Role)
		}
		if fmt.Sprint(got) != fmt.Sprint(tc.want) {
			t.Errorf("%s start roles %v; want %v", tc.src.Name, got, tc.want)
		}
	}
}

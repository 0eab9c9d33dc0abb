package crawl

import (
	"errors"
	"fmt"
	"net"
	"net/url"
	"sort"
	"strings"
	"time"

	"github.com/PuerkitoBio/goquery"
)

// profile is what the crawler knows of one publishing system.
type profile struct {
	name string
	// meetings, documents and next are the link rules a source of this
	// profile gets where the sources file gives none.
	meetings, documents, next LinkRule
	// pageTypes and docTypes are the media types accepted for pages and
	// for documents.
	pageTypes, docTypes []string
	// walkDirs follows links to sub-directories below a listing page (the
	// web server's index of an export folder).
	walkDirs bool
	// startRole says what a start URL is; nil means a page.
	startRole func(u *url.URL) role
	// pageLinks finds links the rules cannot express on an HTML page.
	pageLinks func(src *source, page *url.URL, doc *goquery.Document) []task
	// pageData reads a page that is not HTML (a JSON index).
	pageData func(src *source, page *url.URL, resp *response) ([]task, error)
	// attachments lists the documents a fetched document of one of
	// containerTypes names.
	containerTypes []string
	attachments    func(src *source, doc *url.URL, body []byte, contentType string) ([]task, error)
}

var (
	htmlTypes = []string{"text/html", "application/xhtml+xml"}
	xmlTypes  = []string{"application/xml", "text/xml"}
	wordTypes = []string{"application/msword", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"}
)

func concat(lists ...[]string) []string {
	var out []string
	for _, l := range lists {
		out = append(out, l...)
	}
	return out
}

// profiles are the publishing systems by the name a sources file uses.
var profiles = map[string]*profile{
	"firstagenda": {
		name:           "firstagenda",
		pageTypes:      concat(htmlTypes, []string{"application/json"}),
		docTypes:       []string{"application/json", "application/pdf"},
		startRole:      firstAgendaStartRole,
		pageLinks:      firstAgendaPageLinks,
		pageData:       firstAgendaCommitteeList,
		containerTypes: []string{"application/json"},
		attachments:    firstAgendaBilag,
	},
	"edoc": {
		name:           "edoc",
		documents:      LinkRule{Pattern: `(?i)/edocagendapublishing\.xml$`},
		pageTypes:      htmlTypes,
		docTypes:       concat(xmlTypes, []string{"application/pdf"}),
		walkDirs:       true,
		startRole:      xmlStartRole,
		containerTypes: xmlTypes,
		attachments:    eDocPDFs,
	},
	"sbsys": {
		name:           "sbsys",
		documents:      LinkRule{Pattern: `(?i)/publication[^/]*\.xml$`},
		pageTypes:      htmlTypes,
		docTypes:       concat(xmlTypes, []string{"application/pdf"}, wordTypes),
		walkDirs:       true,
		startRole:      xmlStartRole,
		containerTypes: xmlTypes,
		attachments:    sbsysEnclosures,
	},
	"generic": {
		name:      "generic",
		pageTypes: htmlTypes,
		docTypes:  concat([]string{"application/pdf"}, htmlTypes, wordTypes, xmlTypes, []string{"application/json", "text/plain"}),
	},
}

func profileNames() []string {
	var names []string
	for n := range profiles {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// source is a Source ready to crawl: its profile, compiled rules and
// limits.
type source struct {
	Source
	prof                      *profile
	meetings, documents, next rule
	docTypes                  []string
	since                     time.Time
	starts                    []*url.URL
}

func newSource(s Source) (*source, error) {
	if errs := s.validate(); len(errs) > 0 {
		return nil, fmt.Errorf("source %q: %w", s.Name, errors.Join(errs...))
	}
	p := profiles[s.Profile]
	out := &source{Source: s, prof: p, docTypes: s.ContentTypes}
	if len(out.docTypes) == 0 {
		out.docTypes = p.docTypes
	}
	if out.MaxPages == 0 {
		out.MaxPages = DefaultMaxPages
	}
	for _, r := range []struct {
		dst       *rule
		given, df LinkRule
	}{
		{&out.meetings, s.Meetings, p.meetings},
		{&out.documents, s.Documents, p.documents},
		{&out.next, s.NextPage, p.next},
	} {
		lr := r.given
		if lr.IsZero() {
			lr = r.df
		}
		c, err := compileRule(lr)
		if err != nil {
			return nil, fmt.Errorf("source %q: %w", s.Name, err)
		}
		*r.dst = c
	}
	if s.Profile == "generic" && !out.meetings.on && !out.documents.on {
		return nil, fmt.Errorf("source %q: the generic profile needs a meetings or documents rule", s.Name)
	}
	if s.Since != "" {
		out.since, _ = time.Parse(time.DateOnly, s.Since)
	}
	for _, raw := range s.StartURLs {
		u, err := parseHTTPURL(raw)
		if err != nil {
			return nil, fmt.Errorf("source %q: %w", s.Name, err)
		}
		out.starts = append(out.starts, canonical(u))
	}
	if len(out.AllowedHosts) == 0 {
		for _, u := range out.starts {
			out.AllowedHosts = append(out.AllowedHosts, u.Host)
		}
	}
	return out, nil
}

// allowedHost reports whether u is on one of the source's hosts: an entry
// with a port names host:port, one without names the host on any port.
func (s *source) allowedHost(u *url.URL) bool {
	host, name := strings.ToLower(u.Host), strings.ToLower(u.Hostname())
	for _, h := range s.AllowedHosts {
		h = strings.ToLower(h)
		if h == host {
			return true
		}
		if _, _, err := net.SplitHostPort(h); err != nil && strings.Trim(h, "[]") == name {
			return true
		}
	}
	return false
}

// startTasks are the tasks a fresh crawl of the source begins with.
func (s *source) startTasks() []task {
	var out []task
	for _, u := range s.starts {
		r := rolePage
		if s.prof.startRole != nil {
			r = s.prof.startRole(u)
		} else if s.documents.re != nil && s.documents.re.MatchString(u.String()) {
			// A start URL the documents pattern matches is a document.
			r = roleDocument
		}
		out = append(out, task{URL: u.String(), Source: s.Name, Role: r})
	}
	return out
}

// subdirLinks are the links of doc to folders below page: the entries of a
// web server's directory index, without its parent and sorting links.
func subdirLinks(doc *goquery.Document, page *url.URL) []*url.URL {
	dir := page.Path
	if !strings.HasSuffix(dir, "/") {
		dir = dir[:strings.LastIndex(dir, "/")+1]
	}
	var out []*url.URL
	for _, l := range allLinks(doc, baseURL(doc, page)) {
		u := l.URL
		if u.Host != page.Host || u.RawQuery != "" || !strings.HasSuffix(u.Path, "/") ||
			len(u.Path) <= len(dir) || !strings.HasPrefix(u.Path, dir) {
			continue
		}
		out = append(out, u)
	}
	return out
}

// xmlStartRole makes a start URL ending in .xml a document.
func xmlStartRole(u *url.URL) role {
	if strings.HasSuffix(strings.ToLower(u.Path), ".xml") {
		return roleDocument
	}
	return rolePage
}

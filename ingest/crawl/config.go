package crawl

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"regexp"
	"strings"
	"time"

	"github.com/andybalholm/cascadia"
)

// Defaults used for settings the sources file leaves out.
const (
	DefaultUserAgent     = "referat/0.1"
	DefaultRatePerSecond = 1.0
	DefaultWorkers       = 2
	DefaultMaxBodyBytes  = 64 << 20
	DefaultTimeout       = 60 * time.Second
	DefaultRetries       = 3
	DefaultBackoff       = time.Second
	DefaultMaxBackoff    = time.Minute
	DefaultMaxRedirects  = 10
	DefaultMaxPages      = 200
)

// Config is a crawl's configuration: the sources file plus what the caller
// adds (StateDir, Transport, Now). LoadConfig fills every setting the file
// leaves out with its default; Run fills zero values that have no other
// sensible meaning (RatePerSecond, Workers, MaxBodyBytes, Timeout, Backoff,
// MaxBackoff, MaxRedirects, UserAgent).
type Config struct {
	// UserAgent is the product token and version sent in the User-Agent
	// header and matched against robots.txt groups, e.g. "referat/0.1".
	UserAgent string
	// Contact is a URL (or mailto:) where site owners reach whoever runs
	// the crawl; it is sent in the User-Agent. Required.
	Contact string
	// Sources are the sites to crawl.
	Sources []Source

	// RatePerSecond is the most requests per second sent to one host,
	// shared by all workers (a robots.txt Crawl-delay lowers it further).
	RatePerSecond float64
	// Workers is the number of fetches in flight at once across hosts.
	Workers int
	// MaxBodyBytes ends a fetch whose body is larger.
	MaxBodyBytes int64
	// Timeout bounds one request, body included.
	Timeout time.Duration
	// Retries is how often a fetch that timed out or got a 5xx (or 429)
	// is tried again; 0 means never.
	Retries int
	// Backoff is the wait before the first retry; it doubles each time
	// up to MaxBackoff. A Retry-After header longer than it is obeyed up
	// to MaxBackoff.
	Backoff    time.Duration
	MaxBackoff time.Duration
	// MaxRedirects ends a fetch redirected more often.
	MaxRedirects int
	// RevalidateAfter skips documents checked more recently than this;
	// 0 revalidates every known document on every crawl (with a
	// conditional GET, so unchanged ones cost a 304).
	RevalidateAfter time.Duration

	// StateDir holds the crawl state (frontier, seen URLs, validators and
	// hashes) so an interrupted crawl resumes and a re-crawl fetches only
	// what changed. "" keeps state in memory only.
	StateDir string
	// Transport replaces http.DefaultTransport (tests, proxies).
	Transport http.RoundTripper
	// Now replaces time.Now for timestamps and RevalidateAfter (tests).
	Now func() time.Time
}

// Source is one site to crawl: one municipality's publishing system or one
// publisher's letters.
type Source struct {
	// Comment is free text for the reader of the sources file.
	Comment string `json:"comment,omitempty"`
	// Name identifies the source in logs, reports and the crawl state;
	// letters, digits, '-', '_' and '.'.
	Name string `json:"name"`
	// Municipality is handed on with every document ("Aarhus Kommune").
	Municipality string `json:"municipality,omitempty"`
	// Profile is the publishing system: firstagenda, edoc, sbsys or generic.
	Profile string `json:"profile"`
	// StartURLs are where the crawl begins: listing pages, a First Agenda
	// portal's /api/agenda/udvalgsliste, directory listings of eDoc or
	// SBSYS exports, or documents themselves.
	StartURLs []string `json:"start_urls"`
	// AllowedHosts limits every fetch, redirects included; empty means
	// the hosts of StartURLs. An entry with a port matches host:port,
	// one without matches the host name on any port.
	AllowedHosts []string `json:"allowed_hosts,omitempty"`

	// Meetings, Documents and NextPage say which links on a listing page
	// lead to meeting pages, to documents and to the next listing page.
	// A profile fills the rules it knows; the sources file may override.
	Meetings  LinkRule `json:"meetings,omitzero"`
	Documents LinkRule `json:"documents,omitzero"`
	NextPage  LinkRule `json:"next_page,omitzero"`
	// MeetingPagesAreDocuments hands meeting pages themselves on as
	// documents (sites with one page per agenda item, like kk.dk).
	MeetingPagesAreDocuments bool `json:"meeting_pages_are_documents,omitempty"`
	// ContentTypes are the media types accepted for documents; empty
	// means the profile's list. A document of another type is logged and
	// skipped.
	ContentTypes []string `json:"content_types,omitempty"`
	// MaxPages bounds the listing and meeting pages fetched per crawl.
	MaxPages int `json:"max_pages,omitempty"`
	// Since (YYYY-MM-DD) skips meetings dated earlier where the profile
	// knows the date before fetching (the First Agenda committee list).
	Since string `json:"since,omitempty"`
	// SkipAttachments leaves out the attachments a document names (First
	// Agenda Bilag, eDoc item PDFs, SBSYS enclosures).
	SkipAttachments bool `json:"skip_attachments,omitempty"`
}

// LinkRule picks links on a page: the elements matching Selector (a CSS
// selector; "a[href]" when empty) whose resolved URL matches Pattern (a
// regular expression; any when empty). A rule with neither picks nothing.
type LinkRule struct {
	Selector string `json:"selector,omitempty"`
	Pattern  string `json:"pattern,omitempty"`
}

// IsZero reports whether the rule picks nothing.
func (r LinkRule) IsZero() bool { return r.Selector == "" && r.Pattern == "" }

// fileConfig is the sources file's shape: durations as Go duration strings
// and pointers where an explicit 0 differs from leaving the field out.
type fileConfig struct {
	Comment         string   `json:"comment"`
	UserAgent       string   `json:"user_agent"`
	Contact         string   `json:"contact"`
	RatePerSecond   *float64 `json:"rate_per_second"`
	Workers         *int     `json:"workers"`
	MaxBodyBytes    *int64   `json:"max_body_bytes"`
	Timeout         string   `json:"timeout"`
	Retries         *int     `json:"retries"`
	Backoff         string   `json:"backoff"`
	MaxBackoff      string   `json:"max_backoff"`
	MaxRedirects    *int     `json:"max_redirects"`
	RevalidateAfter string   `json:"revalidate_after"`
	StateDir        string   `json:"state_dir"`
	Sources         []Source `json:"sources"`
}

// LoadConfig reads and validates the sources file at path (JSON; see
// testdata/sources.example.json).
func LoadConfig(path string) (*Config, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("sources file: %w", err)
	}
	cfg, err := ParseConfig(data)
	if err != nil {
		return nil, fmt.Errorf("sources file %s: %w", path, err)
	}
	return cfg, nil
}

// ParseConfig parses and validates a sources file's bytes. Unknown fields
// are errors, so a misspelt setting is not silently ignored.
func ParseConfig(data []byte) (*Config, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var f fileConfig
	if err := dec.Decode(&f); err != nil {
		return nil, fmt.Errorf("parse: %w", err)
	}
	if dec.More() {
		return nil, errors.New("parse: data after the top-level object")
	}
	cfg := &Config{
		UserAgent:     f.UserAgent,
		Contact:       f.Contact,
		Sources:       f.Sources,
		RatePerSecond: DefaultRatePerSecond,
		Workers:       DefaultWorkers,
		MaxBodyBytes:  DefaultMaxBodyBytes,
		Retries:       DefaultRetries,
		MaxRedirects:  DefaultMaxRedirects,
		StateDir:      f.StateDir,
	}
	if cfg.UserAgent == "" {
		cfg.UserAgent = DefaultUserAgent
	}
	if f.RatePerSecond != nil {
		cfg.RatePerSecond = *f.RatePerSecond
	}
	if f.Workers != nil {
		cfg.Workers = *f.Workers
	}
	if f.MaxBodyBytes != nil {
		cfg.MaxBodyBytes = *f.MaxBodyBytes
	}
	if f.Retries != nil {
		cfg.Retries = *f.Retries
	}
	if f.MaxRedirects != nil {
		cfg.MaxRedirects = *f.MaxRedirects
	}
	var errs []error
	for _, d := range []struct {
		name string
		text string
		dst  *time.Duration
		def  time.Duration
	}{
		{"timeout", f.Timeout, &cfg.Timeout, DefaultTimeout},
		{"backoff", f.Backoff, &cfg.Backoff, DefaultBackoff},
		{"max_backoff", f.MaxBackoff, &cfg.MaxBackoff, DefaultMaxBackoff},
		{"revalidate_after", f.RevalidateAfter, &cfg.RevalidateAfter, 0},
	} {
		*d.dst = d.def
		if d.text == "" {
			continue
		}
		v, err := time.ParseDuration(d.text)
		if err != nil || v < 0 {
			errs = append(errs, fmt.Errorf("%s: %q is not a duration like \"30s\" or \"2m\"", d.name, d.text))
			continue
		}
		*d.dst = v
	}
	if err := cfg.Validate(); err != nil {
		errs = append(errs, err)
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	return cfg, nil
}

var sourceNameRE = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._-]*$`)

// Validate reports every problem of the configuration at once, each naming
// the setting (and source) it concerns.
func (c *Config) Validate() error {
	var errs []error
	bad := func(format string, args ...any) { errs = append(errs, fmt.Errorf(format, args...)) }
	if c.Contact == "" {
		bad("contact: required: a URL or mailto: where site owners can reach you (it is sent in the User-Agent)")
	} else if u, err := url.Parse(c.Contact); err != nil || u.Scheme == "" || strings.ContainsAny(c.Contact, " \t\r\n()") {
		bad("contact: %q is not an absolute URL or mailto: address", c.Contact)
	}
	if c.UserAgent != "" && strings.ContainsAny(c.UserAgent, " \t\r\n()") {
		bad("user_agent: %q must be a product token like \"referat/0.1\" (no spaces)", c.UserAgent)
	}
	if c.RatePerSecond < 0 {
		bad("rate_per_second: %v is negative", c.RatePerSecond)
	}
	if c.Workers < 0 || c.Workers > 64 {
		bad("workers: %d is not between 1 and 64", c.Workers)
	}
	if c.MaxBodyBytes < 0 {
		bad("max_body_bytes: %d is negative", c.MaxBodyBytes)
	}
	if c.Retries < 0 || c.Retries > 20 {
		bad("retries: %d is not between 0 and 20", c.Retries)
	}
	if c.MaxRedirects < 0 {
		bad("max_redirects: %d is negative", c.MaxRedirects)
	}
	if len(c.Sources) == 0 {
		bad("sources: none configured")
	}
	names := map[string]bool{}
	for i := range c.Sources {
		s := &c.Sources[i]
		where := fmt.Sprintf("sources[%d]", i)
		if s.Name != "" {
			where = fmt.Sprintf("source %q", s.Name)
		}
		for _, err := range s.validate() {
			bad("%s: %w", where, err)
		}
		if s.Name != "" {
			if names[s.Name] {
				bad("%s: name used twice", where)
			}
			names[s.Name] = true
		}
	}
	return errors.Join(errs...)
}

func (s *Source) validate() []error {
	var errs []error
	bad := func(format string, args ...any) { errs = append(errs, fmt.Errorf(format, args...)) }
	if s.Name == "" {
		bad("name: required")
	} else if !sourceNameRE.MatchString(s.Name) {
		bad("name: %q may hold only letters, digits, '.', '_' and '-'", s.Name)
	}
	if _, ok := profiles[s.Profile]; !ok {
		bad("profile: %q is not one of %s", s.Profile, strings.Join(profileNames(), ", "))
	}
	if len(s.StartURLs) == 0 {
		bad("start_urls: none given")
	}
	for _, raw := range s.StartURLs {
		if _, err := parseHTTPURL(raw); err != nil {
			bad("start_urls: %w", err)
		}
	}
	for _, h := range s.AllowedHosts {
		if h == "" || strings.ContainsAny(h, "/ ") {
			bad("allowed_hosts: %q is not a host name (like \"dagsordener.aarhus.dk\" or \"127.0.0.1:8080\")", h)
		}
	}
	for name, r := range map[string]LinkRule{"meetings": s.Meetings, "documents": s.Documents, "next_page": s.NextPage} {
		if r.Selector != "" {
			if _, err := cascadia.Compile(r.Selector); err != nil {
				bad("%s.selector: %q: %w", name, r.Selector, err)
			}
		}
		if r.Pattern != "" {
			if _, err := regexp.Compile(r.Pattern); err != nil {
				bad("%s.pattern: %w", name, err)
			}
		}
	}
	for _, ct := range s.ContentTypes {
		if !strings.Contains(ct, "/") {
			bad("content_types: %q is not a media type like \"application/pdf\"", ct)
		}
	}
	if s.MaxPages < 0 {
		bad("max_pages: %d is negative", s.MaxPages)
	}
	if s.Since != "" {
		if _, err := time.Parse(time.DateOnly, s.Since); err != nil {
			bad("since: %q is not a date YYYY-MM-DD", s.Since)
		}
	}
	return errs
}

// parseHTTPURL parses an absolute http or https URL.
func parseHTTPURL(raw string) (*url.URL, error) {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil {
		return nil, fmt.Errorf("%q: %w", raw, err)
	}
	if u.Scheme != "http" && u.Scheme != "https" || u.Host == "" {
		return nil, fmt.Errorf("%q is not an absolute http(s) URL", raw)
	}
	return u, nil
}

// withDefaults returns a copy of c with zero settings that have no other
// meaning replaced by their defaults.
func (c *Config) withDefaults() *Config {
	d := *c
	if d.UserAgent == "" {
		d.UserAgent = DefaultUserAgent
	}
	if d.RatePerSecond <= 0 {
		d.RatePerSecond = DefaultRatePerSecond
	}
	if d.Workers <= 0 {
		d.Workers = DefaultWorkers
	}
	if d.MaxBodyBytes <= 0 {
		d.MaxBodyBytes = DefaultMaxBodyBytes
	}
	if d.Timeout <= 0 {
		d.Timeout = DefaultTimeout
	}
	if d.Backoff <= 0 {
		d.Backoff = DefaultBackoff
	}
	if d.MaxBackoff <= 0 {
		d.MaxBackoff = DefaultMaxBackoff
	}
	if d.MaxBackoff < d.Backoff {
		d.MaxBackoff = d.Backoff
	}
	if d.MaxRedirects <= 0 {
		d.MaxRedirects = DefaultMaxRedirects
	}
	if d.Now == nil {
		d.Now = time.Now
	}
	return &d
}

// userAgent is the User-Agent header: the product token and the contact.
func (c *Config) userAgent() string {
	return c.UserAgent + " (+" + c.Contact + ")"
}

// robotsAgent is the name robots.txt groups are matched against.
func (c *Config) robotsAgent() string {
	name, _, _ := strings.Cut(c.UserAgent, "/")
	return name
}

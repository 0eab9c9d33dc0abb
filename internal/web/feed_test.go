package web

import (
	"encoding/xml"
	"fmt"
	"html"
	"io"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"
)

// Atom as RFC 4287 says it, for a strict reader: the elements a feed and
// an entry may hold, and those they must hold exactly once.
var (
	atomFeedChildren  = map[string]bool{"author": true, "category": true, "contributor": true, "generator": true, "icon": true, "id": true, "link": true, "logo": true, "rights": true, "subtitle": true, "title": true, "updated": true, "entry": true}
	atomEntryChildren = map[string]bool{"author": true, "category": true, "content": true, "contributor": true, "id": true, "link": true, "published": true, "rights": true, "source": true, "summary": true, "title": true, "updated": true}
	atomOnce          = []string{"id", "title", "updated"}
)

// parsedEntry is what a reader takes from an entry.
type parsedEntry struct {
	ID, Title, Updated, Summary, SummaryType string
	Links                                    map[string]string // rel -> href
}

type parsedFeed struct {
	ID, Title, Updated string
	Authors            int
	Links              map[string]string
	Entries            []parsedEntry
}

// parseAtom reads an Atom document strictly: well-formed XML in the Atom
// namespace, only Atom's elements where Atom allows them, the required
// elements once each, dates in RFC 3339, links with an href, text
// constructs of a known type (html ones must themselves parse), and an
// author for the feed or for every entry.
func parseAtom(body string) (*parsedFeed, error) {
	const ns = "http://www.w3.org/2005/Atom"
	dec := xml.NewDecoder(strings.NewReader(body))
	dec.Strict = true
	var f parsedFeed
	f.Links = map[string]string{}
	var stack []string
	var text strings.Builder
	var entry *parsedEntry
	counts := []map[string]int{{}}
	summaryType := ""
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if t.Name.Space != ns {
				return nil, fmt.Errorf("element %s outside the Atom namespace", t.Name.Local)
			}
			name := t.Name.Local
			parent := ""
			if len(stack) > 0 {
				parent = stack[len(stack)-1]
			}
			switch parent {
			case "":
				if name != "feed" {
					return nil, fmt.Errorf("root element %s; want feed", name)
				}
			case "feed":
				if !atomFeedChildren[name] {
					return nil, fmt.Errorf("feed holds %s", name)
				}
			case "entry":
				if !atomEntryChildren[name] {
					return nil, fmt.Errorf("entry holds %s", name)
				}
			case "author":
				if name != "name" && name != "uri" && name != "email" {
					return nil, fmt.Errorf("author holds %s", name)
				}
			default:
				return nil, fmt.Errorf("%s holds element %s", parent, name)
			}
			counts[len(counts)-1][name]++
			attrs := map[string]string{}
			for _, a := range t.Attr {
				attrs[a.Name.Local] = a.Value
			}
			switch name {
			case "entry":
				f.Entries = append(f.Entries, parsedEntry{Links: map[string]string{}})
				entry = &f.Entries[len(f.Entries)-1]
			case "link":
				if attrs["href"] == "" {
					return nil, fmt.Errorf("link without href")
				}
				if _, err := url.Parse(attrs["href"]); err != nil {
					return nil, fmt.Errorf("link href: %v", err)
				}
				rel := attrs["rel"]
				if rel == "" {
					rel = "alternate"
				}
				if entry != nil {
					entry.Links[rel] = attrs["href"]
				} else {
					f.Links[rel] = attrs["href"]
				}
			case "author":
				if entry == nil {
					f.Authors++
				}
			case "title", "summary", "subtitle", "content", "rights":
				switch attrs["type"] {
				case "", "text", "html", "xhtml":
				default:
					return nil, fmt.Errorf("%s of type %q", name, attrs["type"])
				}
				summaryType = attrs["type"]
			}
			stack = append(stack, name)
			counts = append(counts, map[string]int{})
			text.Reset()
		case xml.CharData:
			text.Write(t)
		case xml.EndElement:
			name := stack[len(stack)-1]
			got := counts[len(counts)-1]
			counts = counts[:len(counts)-1]
			stack = stack[:len(stack)-1]
			if name == "feed" || name == "entry" {
				for _, req := range atomOnce {
					if got[req] != 1 {
						return nil, fmt.Errorf("%s has %d %s elements; want 1", name, got[req], req)
					}
				}
				if name == "entry" {
					if got["author"] == 0 && f.Authors == 0 {
						return nil, fmt.Errorf("entry %q has no author, nor has the feed", entry.ID)
					}
					entry = nil
				}
				continue
			}
			s := text.String()
			if name == "updated" || name == "published" {
				if _, err := time.Parse(time.RFC3339, s); err != nil {
					return nil, fmt.Errorf("%s %q is not RFC 3339", name, s)
				}
			}
			if name == "id" {
				if u, err := url.Parse(s); err != nil || !u.IsAbs() {
					return nil, fmt.Errorf("id %q is not an absolute IRI", s)
				}
			}
			if summaryType == "html" && (name == "summary" || name == "title") {
				// The escaped HTML must be HTML a reader can show: check its
				// tags balance.
				if err := balancedHTML(s); err != nil {
					return nil, fmt.Errorf("%s: %v", name, err)
				}
			}
			switch {
			case entry != nil && len(stack) > 0 && stack[len(stack)-1] == "entry":
				switch name {
				case "id":
					entry.ID = s
				case "title":
					entry.Title = s
				case "updated":
					entry.Updated = s
				case "summary":
					entry.Summary, entry.SummaryType = s, summaryType
				}
			case len(stack) == 1:
				switch name {
				case "id":
					f.ID = s
				case "title":
					f.Title = s
				case "updated":
					f.Updated = s
				}
			}
			text.Reset()
		}
	}
	if f.ID == "" {
		return nil, fmt.Errorf("no feed element")
	}
	return &f, nil
}

var htmlTagRE = regexp.MustCompile(`<(/?)([a-z]+)[^>]*>`)

func balancedHTML(s string) error {
	var open []string
	for _, m := range htmlTagRE.FindAllStringSubmatch(s, -1) {
		if m[1] == "" {
			open = append(open, m[2])
			continue
		}
		if len(open) == 0 || open[len(open)-1] != m[2] {
			return fmt.Errorf("unbalanced </%s> in %q", m[2], s)
		}
		open = open[:len(open)-1]
	}
	if len(open) > 0 {
		return fmt.Errorf("unclosed <%s> in %q", open[len(open)-1], s)
	}
	return nil
}

func TestFeedIsAtom(t *testing.T) {
	f := testServer(t)
	target := "/feed?q=ledelsestilsyn"
	res, body := get(t, f.srv, target)
	wantStatus(t, target, res, 200)
	if ct := res.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/atom+xml") {
		t.Errorf("Content-Type %q; want application/atom+xml", ct)
	}
	feed, err := parseAtom(body)
	if err != nil {
		t.Fatalf("%s is not Atom: %v\n%s", target, err, body)
	}
	if feed.Links["self"] != "http://example.com/feed?q=ledelsestilsyn" {
		t.Errorf("self link %q", feed.Links["self"])
	}
	if feed.Links["alternate"] != "http://example.com/?q=ledelsestilsyn" {
		t.Errorf("alternate link %q; want the search page", feed.Links["alternate"])
	}
	// The search page finds the same items, in any order.
	_, page := get(t, f.srv, "/?q=ledelsestilsyn&size=50")
	urls, _ := hitTitles(page)
	if len(feed.Entries) != len(urls) || len(urls) < 2 {
		t.Fatalf("feed has %d entries; the page %d hits (want at least 2)", len(feed.Entries), len(urls))
	}
	prev := "9999"
	for _, e := range feed.Entries {
		if e.Updated > prev {
			t.Errorf("entry %q (%s) after one of %s: want newest meetings first", e.Title, e.Updated, prev)
		}
		prev = e.Updated
		page := strings.TrimPrefix(e.Links["alternate"], "http://example.com")
		if !strings.HasPrefix(page, "/items/") && !strings.HasPrefix(page, "/documents/") {
			t.Errorf("entry %q links to %q; want its page", e.Title, e.Links["alternate"])
			continue
		}
		if res, _ := get(t, f.srv, page); res.StatusCode != 200 {
			t.Errorf("entry %q: its page %s answers %d", e.Title, page, res.StatusCode)
		}
		if e.ID != e.Links["alternate"] {
			t.Errorf("entry id %q; want its page's address", e.ID)
		}
		if e.SummaryType != "html" || !strings.Contains(e.Summary, "<mark>") {
			t.Errorf("entry %q summary does not mark why it matched: %q", e.Title, e.Summary)
		}
	}
	// The København item: meeting date as updated, who decided, outcome.
	var kk *parsedEntry
	for i, e := range feed.Entries {
		if strings.Contains(e.Title, "Københavns Kommune") {
			kk = &feed.Entries[i]
		}
	}
	if kk == nil {
		t.Fatalf("no entry of Københavns Kommune in %s", target)
	}
	if kk.Updated != "2019-11-20T00:00:00Z" {
		t.Errorf("København entry updated %s; want the meeting date 2019-11-20", kk.Updated)
	}
	containsAll(t, "København summary", kk.Summary,
		"<mark>ledelsestilsyn</mark>", "Beslutning, Socialudvalget, 20. november 2019:", "Udfald:</strong> Taget til efterretning", "Matchende ord:")
}

func TestFeedEscapesAndFilters(t *testing.T) {
	f := testServer(t)
	target := "/feed?q=" + url.QueryEscape("plantet markup")
	res, body := get(t, f.srv, target)
	wantStatus(t, target, res, 200)
	feed, err := parseAtom(body)
	if err != nil {
		t.Fatalf("%s is not Atom: %v\n%s", target, err, body)
	}
	if len(feed.Entries) != 1 {
		t.Fatalf("%d entries; want the hostile item", len(feed.Entries))
	}
	// The planted markup is text in the summary's HTML, never a tag.
	if s := feed.Entries[0].Summary; strings.Contains(s, "<script>") || !strings.Contains(s, html.EscapeString(scriptPayload)) {
		t.Errorf("summary does not escape the planted markup: %q", s)
	}

	// Filters narrow the feed as they narrow the page.
	target = "/feed?municipality=" + url.QueryEscape("Lejre Kommune") + "&year=2019"
	_, body = get(t, f.srv, target)
	feed, err = parseAtom(body)
	if err != nil {
		t.Fatalf("%s is not Atom: %v", target, err)
	}
	if len(feed.Entries) != 13 {
		t.Errorf("%s: %d entries; want the 13 items of the 2019 Lejre meeting", target, len(feed.Entries))
	}
	for _, e := range feed.Entries {
		if !strings.HasPrefix(e.Title, "Lejre Kommune") || !strings.HasPrefix(e.Updated, "2019-") {
			t.Errorf("%s: entry %q of %s", target, e.Title, e.Updated)
		}
	}

	res, _ = get(t, f.srv, "/feed?year=x")
	wantStatus(t, "/feed?year=x", res, 400)
}

func TestSearchPageLinksFeed(t *testing.T) {
	f := testServer(t)
	_, body := get(t, f.srv, "/?q=ledelsestilsyn&sort=-date&page=1")
	containsAll(t, "search page", body,
		`<link rel="alternate" type="application/atom+xml" title="Nye resultater af søgningen (Atom)" href="/feed?q=ledelsestilsyn">`,
		`<a href="/feed?q=ledelsestilsyn" type="application/atom+xml">`)
}

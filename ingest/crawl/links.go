package crawl

import (
	"bytes"
	"fmt"
	"io"
	"net/url"
	"regexp"
	"strings"

	"github.com/PuerkitoBio/goquery"
	"github.com/andybalholm/cascadia"
	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"
)

// link is a URL found in a page, with the text of the element naming it.
type link struct {
	URL  *url.URL
	Text string
}

// rule is a compiled LinkRule.
type rule struct {
	sel cascadia.Selector
	re  *regexp.Regexp
	on  bool
}

var anchorSelector = cascadia.MustCompile("a[href]")

func compileRule(r LinkRule) (rule, error) {
	if r.IsZero() {
		return rule{}, nil
	}
	out := rule{on: true, sel: anchorSelector}
	if r.Selector != "" {
		sel, err := cascadia.Compile(r.Selector)
		if err != nil {
			return rule{}, fmt.Errorf("selector %q: %w", r.Selector, err)
		}
		out.sel = sel
	}
	if r.Pattern != "" {
		re, err := regexp.Compile(r.Pattern)
		if err != nil {
			return rule{}, fmt.Errorf("pattern %q: %w", r.Pattern, err)
		}
		out.re = re
	}
	return out, nil
}

// parseHTML decodes an HTML body to UTF-8 (goquery reads UTF-8 only) using
// the Content-Type charset, a BOM or a <meta> declaration, falling back to
// windows-1252 as browsers do, and parses it.
func parseHTML(body []byte, contentType string) (*goquery.Document, error) {
	r, err := charset.NewReader(bytes.NewReader(body), contentType)
	if err != nil {
		return nil, fmt.Errorf("decode html: %w", err)
	}
	doc, err := goquery.NewDocumentFromReader(r)
	if err != nil {
		return nil, fmt.Errorf("parse html: %w", err)
	}
	return doc, nil
}

// decodeToUTF8 converts a textual body to UTF-8 the way parseHTML does.
func decodeToUTF8(body []byte, contentType string) ([]byte, string, error) {
	enc, name, _ := charset.DetermineEncoding(body, contentType)
	if name == "utf-8" {
		return bytes.TrimPrefix(body, []byte("\xef\xbb\xbf")), name, nil
	}
	out, err := io.ReadAll(enc.NewDecoder().Reader(bytes.NewReader(body)))
	if err != nil {
		return nil, name, fmt.Errorf("decode %s: %w", name, err)
	}
	return out, name, nil
}

// baseURL is the URL relative links on doc resolve against: the page's
// own, or its <base href> when it has one.
func baseURL(doc *goquery.Document, page *url.URL) *url.URL {
	if href, ok := doc.Find("base[href]").First().Attr("href"); ok {
		if b, err := page.Parse(strings.TrimSpace(href)); err == nil && (b.Scheme == "http" || b.Scheme == "https") {
			return b
		}
	}
	return page
}

// pickLinks returns the http(s) links of the elements r selects on doc,
// resolved against base, without fragments, in document order, each once.
func pickLinks(doc *goquery.Document, base *url.URL, r rule) []link {
	if !r.on {
		return nil
	}
	var out []link
	seen := map[string]bool{}
	doc.FindMatcher(r.sel).Each(func(_ int, s *goquery.Selection) {
		ref, ok := s.Attr("href")
		if !ok {
			ref, ok = s.Attr("src")
		}
		if !ok {
			return
		}
		u, ok := resolve(base, ref)
		if !ok {
			return
		}
		key := u.String()
		if r.re != nil && !r.re.MatchString(key) || seen[key] {
			return
		}
		seen[key] = true
		out = append(out, link{URL: u, Text: linkText(s)})
	})
	return out
}

// inlineElements do not separate words; every other element does, so the
// cells of a link laid out with <div>s read "08/10-2025 Aarhus Byråd".
var inlineElements = map[string]bool{
	"a": true, "abbr": true, "b": true, "bdi": true, "bdo": true, "cite": true, "code": true,
	"data": true, "dfn": true, "em": true, "font": true, "i": true, "kbd": true, "mark": true,
	"q": true, "s": true, "samp": true, "small": true, "span": true, "strong": true,
	"sub": true, "sup": true, "time": true, "u": true, "var": true,
}

// linkText is the text of an element with whitespace collapsed and a
// space where a block element (or <br>) separates words.
func linkText(s *goquery.Selection) string {
	var b strings.Builder
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		switch n.Type {
		case html.TextNode:
			b.WriteString(n.Data)
			return
		case html.ElementNode:
			if n.Data == "script" || n.Data == "style" {
				return
			}
		}
		block := n.Type == html.ElementNode && !inlineElements[n.Data]
		if block {
			b.WriteByte(' ')
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
		if block {
			b.WriteByte(' ')
		}
	}
	for _, n := range s.Nodes {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

// allLinks returns every <a href> of doc, resolved as pickLinks does.
func allLinks(doc *goquery.Document, base *url.URL) []link {
	return pickLinks(doc, base, rule{on: true, sel: anchorSelector})
}

// resolve resolves ref against base and canonicalises the result; it
// refuses anything but http(s) and links to the page itself.
func resolve(base *url.URL, ref string) (*url.URL, bool) {
	ref = strings.TrimSpace(ref)
	if ref == "" || strings.HasPrefix(ref, "#") {
		return nil, false
	}
	u, err := base.Parse(ref)
	if err != nil {
		return nil, false
	}
	if u.Scheme != "http" && u.Scheme != "https" || u.Host == "" {
		return nil, false
	}
	return canonical(u), true
}

// canonical returns u without fragment, with lower-case scheme and host,
// without a default port, and with "/" for an empty path, so one resource
// has one key in the seen set and the state.
func canonical(u *url.URL) *url.URL {
	c := *u
	c.Fragment, c.RawFragment = "", ""
	c.Scheme = strings.ToLower(c.Scheme)
	c.Host = strings.ToLower(c.Host)
	if h, p, ok := strings.Cut(c.Host, ":"); ok && !strings.Contains(p, ":") &&
		(c.Scheme == "http" && p == "80" || c.Scheme == "https" && p == "443") {
		c.Host = h
	}
	if c.Path == "" && c.Opaque == "" {
		c.Path = "/"
		c.RawPath = ""
	}
	c.User = nil
	return &c
}

package web

import (
	"html/template"
	"strconv"
	"strings"
	"sync"

	"referat/index"
)

// The fragments a result page repeats for every hit and every facet value
// are written here in Go, not in templates: html/template runs each action
// through its escapers by reflection, and the hundreds of actions of a
// search page's facet lists and hits took a quarter of serve's CPU under
// load. They escape exactly as html/template does in the same places
// (text, attribute values, URLs in attributes), so the page is the same.

// htmlWriter builds a fragment of markup in a buffer from a pool.
type htmlWriter struct{ b []byte }

// fragmentBuffers keeps the buffers of written fragments: a search page
// writes tens of kilobytes of them.
var fragmentBuffers = sync.Pool{New: func() any { return new([]byte) }}

func newHTMLWriter() *htmlWriter {
	return &htmlWriter{b: (*fragmentBuffers.Get().(*[]byte))[:0]}
}

// html returns the fragment written and gives the buffer back: w must not
// be used after.
func (w *htmlWriter) html() template.HTML {
	h := template.HTML(w.b)
	if cap(w.b) <= 1<<20 {
		b := w.b[:0]
		fragmentBuffers.Put(&b)
	}
	w.b = nil
	return h
}

// raw appends markup written in this file: never data.
func (w *htmlWriter) raw(s string) { w.b = append(w.b, s...) }

// text appends s escaped for text or a quoted attribute value, as
// html/template's htmlEscaper and attrEscaper do.
func (w *htmlWriter) text(s string) { w.b = appendEscaped(w.b, s) }

// url appends u for a quoted URL attribute (href) as html/template does:
// a URL with a scheme other than http, https or mailto is refused, and
// the rest is normalised (bytes URLs may not hold percent-encoded) and
// escaped. The URLs written here are the server's own, relative ones.
func (w *htmlWriter) url(u string) {
	if scheme, _, ok := strings.Cut(u, ":"); ok && !strings.Contains(scheme, "/") {
		switch strings.ToLower(scheme) {
		case "http", "https", "mailto":
		default:
			w.raw("#ZgotmplZ")
			return
		}
	}
	w.b = appendEscaped(w.b, normalizeURL(u))
}

func (w *htmlWriter) int(n int) { w.b = strconv.AppendInt(w.b, int64(n), 10) }

// htmlEscapes are html/template's replacements for text and attribute
// values.
var htmlEscapes = [...]string{
	0:    "\uFFFD",
	'"':  "&#34;",
	'&':  "&amp;",
	'\'': "&#39;",
	'+':  "&#43;",
	'<':  "&lt;",
	'>':  "&gt;",
}

func appendEscaped(b []byte, s string) []byte {
	written := 0
	for i := 0; i < len(s); i++ {
		// Bytes of multi-byte runes (and invalid bytes) are kept, as
		// html/template keeps them.
		if c := s[i]; int(c) < len(htmlEscapes) && htmlEscapes[c] != "" {
			b = append(b, s[written:i]...)
			b = append(b, htmlEscapes[c]...)
			written = i + 1
		}
	}
	return append(b, s[written:]...)
}

// normalizeURL percent-encodes the bytes of u that may not stand in a URL,
// keeping valid escapes, as html/template's urlNormalizer does.
func normalizeURL(u string) string {
	var b []byte
	written := 0
	for i := 0; i < len(u); i++ {
		c := u[i]
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
			continue
		case strings.IndexByte("!#$&*+,/:;=?@[]-._~", c) >= 0:
			continue
		case c == '%' && i+2 < len(u) && isHex(u[i+1]) && isHex(u[i+2]):
			continue
		}
		if b == nil {
			b = make([]byte, 0, len(u)+16)
		}
		b = append(b, u[written:i]...)
		b = append(b, '%', "0123456789abcdef"[c>>4], "0123456789abcdef"[c&15])
		written = i + 1
	}
	if b == nil {
		return u
	}
	return string(append(b, u[written:]...))
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

// hitMeta is the line above a hit: where, when, and which item or kind of
// document.
func hitMeta(h index.Hit) template.HTML {
	w := newHTMLWriter()
	w.hitMeta(h)
	return w.html()
}

func (w *htmlWriter) hitMeta(h index.Hit) {
	w.raw(`<div class="meta">`)
	for _, s := range []string{h.Municipality, h.Committee, danishDate(h.Date)} {
		if s != "" {
			w.raw("<span>")
			w.text(s)
			w.raw("</span>")
		}
	}
	switch {
	case h.Type != index.TypeItem:
		w.raw("<span>")
		w.text(kindLabel(h.Kind))
		w.raw("</span>")
	case h.ItemNumber != 0:
		w.raw("<span>Punkt ")
		w.int(h.ItemNumber)
		w.raw("</span>")
	}
	w.raw("</div>")
}

// outcomeBadge marks a decision's outcome (a string or corpus.Outcome);
// nothing for none.
func outcomeBadge(o any) template.HTML {
	w := newHTMLWriter()
	w.outcomeBadge(toString(o))
	return w.html()
}

// itemOutcome marks an item's outcome and, where the deciding body or
// date is not the meeting's (by, on non-empty), names them, so a badge
// never passes one body's decision off as another's.
func itemOutcome(o any, by, on string) template.HTML {
	w := newHTMLWriter()
	w.itemOutcome(toString(o), by, on)
	return w.html()
}

func (w *htmlWriter) itemOutcome(s, by, on string) {
	w.outcomeBadge(s)
	if s == "" || (by == "" && on == "") {
		return
	}
	w.raw(` <span class="decidedby">`)
	w.text(strings.TrimSpace(by + " " + danishDate(on)))
	w.raw("</span>")
}

func (w *htmlWriter) outcomeBadge(s string) {
	if s == "" {
		return
	}
	w.raw(`<span class="badge o-`)
	w.text(s)
	w.raw(`">`)
	w.text(outcomeLabel(s))
	w.raw("</span>")
}

// snippetHTML is a hit's snippet with its matches marked.
func snippetHTML(spans []index.Span) template.HTML {
	w := newHTMLWriter()
	w.snippet(spans)
	return w.html()
}

func (w *htmlWriter) snippet(spans []index.Span) {
	if len(spans) == 0 {
		return
	}
	w.raw(`<p class="snippet">`)
	for _, s := range spans {
		if s.Match {
			w.raw("<mark>")
			w.text(s.Text)
			w.raw("</mark>")
		} else {
			w.text(s.Text)
		}
	}
	w.raw("</p>")
}

// facetValues is the list items of a facet's values: a chosen one links
// to its removal, the others to the search narrowed to them, with counts.
func facetValues(vs []facetValue) template.HTML {
	w := newHTMLWriter()
	w.facetValues(vs)
	return w.html()
}

func (w *htmlWriter) facetValues(vs []facetValue) {
	for _, v := range vs {
		if v.Selected {
			w.raw(`<li class="sel"><a href="`)
			w.url(v.URL)
			w.raw(`" title="Fjern filteret: `)
		} else {
			w.raw(`<li><a href="`)
			w.url(v.URL)
			w.raw(`" title="`)
		}
		w.text(v.Label)
		w.raw(`"><span class="fv">`)
		w.text(v.Label)
		if v.Selected {
			w.raw(`</span> <span class="x" aria-hidden="true">×</span></a></li>`)
		} else {
			w.raw(`</span> <span class="n">`)
			w.int(v.Count)
			w.raw(`</span></a></li>`)
		}
	}
}

// facetSections is the facet lists of a search page, one section each,
// the values past the first few folded away.
func facetSections(fs []facetView) template.HTML {
	w := newHTMLWriter()
	for _, f := range fs {
		w.raw(`<section class="facet" id="facet-`)
		w.text(f.Name)
		w.raw("\">\n<h2>")
		w.text(f.Label)
		w.raw("</h2>\n<ul>")
		w.facetValues(f.Top)
		w.raw("</ul>\n")
		if len(f.More) > 0 {
			w.raw("<details><summary>Flere (")
			w.int(len(f.More))
			w.raw(")</summary><ul>")
			w.facetValues(f.More)
			w.raw("</ul></details>")
		}
		w.raw("\n</section>\n")
	}
	return w.html()
}

// hitArticles is the hits of a search page: each with its meta line,
// title, outcome, snippet and case numbers.
func hitArticles(hs []hitView) template.HTML {
	w := newHTMLWriter()
	for _, h := range hs {
		w.raw("<article class=\"hit\">\n")
		w.hitMeta(h.Hit)
		w.raw("\n<h3><a href=\"")
		w.url(h.URL)
		w.raw(`">`)
		if h.Title != "" {
			w.text(h.Title)
		} else {
			w.raw("(uden titel)")
		}
		w.raw("</a></h3>\n")
		w.itemOutcome(h.Outcome, h.DecidedBy, h.DecidedOn)
		w.raw("\n")
		w.snippet(h.Snippet)
		w.raw("\n")
		if len(h.Cases) > 0 {
			w.raw(`<p class="cases">Sag `)
			for i, c := range h.Cases {
				if i > 0 {
					w.raw(", ")
				}
				w.raw(`<a href="`)
				w.url(c.URL)
				w.raw(`">`)
				w.text(c.Label)
				w.raw("</a>")
			}
			w.raw("</p>")
		}
		w.raw("\n</article>\n")
	}
	return w.html()
}

package web

import (
	"encoding/xml"
	"errors"
	"html"
	"net/http"
	"strconv"
	"strings"
	"time"

	"referat/corpus"
	"referat/index"
	"referat/internal/export"
)

// feedSize is the number of entries of a feed: the newest meetings of a
// search. A reader polls, so it only needs what is new since last time.
const feedSize = 50

type atomFeed struct {
	XMLName xml.Name    `xml:"http://www.w3.org/2005/Atom feed"`
	ID      string      `xml:"id"`
	Title   string      `xml:"title"`
	Updated string      `xml:"updated"`
	Author  atomPerson  `xml:"author"`
	Links   []atomLink  `xml:"link"`
	Entries []atomEntry `xml:"entry"`
}

type atomPerson struct {
	Name string `xml:"name"`
}

type atomLink struct {
	Rel  string `xml:"rel,attr,omitempty"`
	Type string `xml:"type,attr,omitempty"`
	Href string `xml:"href,attr"`
}

type atomText struct {
	Type string `xml:"type,attr,omitempty"`
	Text string `xml:",chardata"`
}

type atomEntry struct {
	ID         string         `xml:"id"`
	Title      string         `xml:"title"`
	Updated    string         `xml:"updated"`
	Links      []atomLink     `xml:"link"`
	Categories []atomCategory `xml:"category"`
	Summary    atomText       `xml:"summary"`
}

type atomCategory struct {
	Term  string `xml:"term,attr"`
	Label string `xml:"label,attr,omitempty"`
}

// feedState is the search a feed runs: the page's search, newest meetings
// first, first page.
func feedState(st searchState) searchState {
	c := st.clone()
	c.Sort = index.SortDateDesc
	c.Page = 0
	c.Size = feedSize
	return c
}

// feedURL is the address of the Atom feed of a search page's state.
func feedURL(st searchState) string {
	c := st.clone()
	c.Sort, c.Page, c.Size = "", 0, 0
	return "/feed" + queryOf(c.URL())
}

// feed serves the Atom feed of a search: /feed takes the parameters of /.
func (s *Server) feed(w http.ResponseWriter, r *http.Request) {
	st, perr := parseSearch(r.URL.Query())
	if perr != nil {
		s.errorPage(w, r, http.StatusBadRequest, perr.msg)
		return
	}
	fst := feedState(st)
	res, err := s.search(r.Context(), fst)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	site := siteURL(r)
	title := "referat"
	if st.Q != "" {
		title = "referat: " + st.Q
	}
	if cs := chips(st); len(cs) > 0 {
		var parts []string
		for _, c := range cs {
			parts = append(parts, c.Facet+": "+c.Label)
		}
		title += " (" + strings.Join(parts, ", ") + ")"
	}
	page := st.clone()
	page.Page, page.Size = 0, 0
	f := atomFeed{
		ID:     site + feedURL(st),
		Title:  title,
		Author: atomPerson{Name: "referat"},
		Links: []atomLink{
			{Rel: "self", Type: "application/atom+xml", Href: site + feedURL(st)},
			{Rel: "alternate", Type: "text/html", Href: site + page.URL()},
		},
	}
	var newest time.Time
	for _, h := range res.Hits {
		d, err := s.hitDetails(h)
		if errors.Is(err, corpus.ErrNotFound) {
			continue // gone from the store since it was indexed
		}
		if err != nil {
			s.fail(w, r, err)
			return
		}
		e := feedEntry(site, d)
		if t, _ := time.Parse(time.RFC3339, e.Updated); t.After(newest) {
			newest = t
		}
		f.Entries = append(f.Entries, e)
	}
	if newest.IsZero() {
		newest = time.Unix(0, 0)
	}
	f.Updated = newest.UTC().Format(time.RFC3339)
	b, err := xml.MarshalIndent(f, "", " ")
	if err != nil {
		s.internalError(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "application/atom+xml; charset=utf-8")
	w.Header().Set("Content-Length", strconv.Itoa(len(xml.Header)+len(b)+1))
	w.WriteHeader(http.StatusOK)
	if r.Method != http.MethodHead {
		w.Write([]byte(xml.Header))
		w.Write(append(b, '\n'))
	}
}

// feedEntry is one hit as an Atom entry. Its date is the meeting's (or
// the letter's); a hit without one falls back to when its document was
// fetched, and else to the epoch, which Atom needs as some date.
func feedEntry(site string, d hitDetail) atomEntry {
	u := site + hitURL(d.Hit)
	e := atomEntry{
		ID:      u,
		Title:   entryTitle(d),
		Updated: entryUpdated(d),
		Links: []atomLink{
			{Rel: "alternate", Type: "text/html", Href: u},
			{Rel: "related", Href: absolute(site, export.OriginalURL(d.Record))},
		},
		Summary: atomText{Type: "html", Text: entrySummary(d)},
	}
	if d.Municipality != "" {
		e.Categories = append(e.Categories, atomCategory{Term: d.Municipality})
	}
	if d.Outcome != "" {
		e.Categories = append(e.Categories, atomCategory{Term: d.Outcome, Label: outcomeLabel(d.Outcome)})
	}
	return e
}

func entryTitle(d hitDetail) string {
	var b strings.Builder
	for _, s := range []string{d.Municipality, d.Committee} {
		if s != "" {
			b.WriteString(s)
			b.WriteString(" · ")
		}
	}
	if d.Type == index.TypeItem && d.ItemNumber != 0 {
		b.WriteString("Punkt " + strconv.Itoa(d.ItemNumber) + ": ")
	}
	switch {
	case d.Title != "":
		b.WriteString(d.Title)
	case d.Record != nil:
		b.WriteString(documentTitle(d.Record))
	default:
		b.WriteString("(uden titel)")
	}
	return b.String()
}

func entryUpdated(d hitDetail) string {
	if t, err := time.Parse(time.DateOnly, d.Date); err == nil {
		return t.Format(time.RFC3339)
	}
	if d.Record != nil {
		if t, err := time.Parse(time.RFC3339, d.Record.Source.FetchedAt); err == nil {
			return t.UTC().Format(time.RFC3339)
		}
	}
	return time.Unix(0, 0).UTC().Format(time.RFC3339)
}

// entrySummary is the HTML of an entry's summary: why the hit matched
// (the snippet with its matching words marked), who decided what, and the
// outcome.
func entrySummary(d hitDetail) string {
	var b strings.Builder
	p := func(label, text string) {
		b.WriteString("<p><strong>")
		b.WriteString(html.EscapeString(label))
		b.WriteString("</strong> ")
		b.WriteString(text)
		b.WriteString("</p>")
	}
	if len(d.Snippet) > 0 {
		var m strings.Builder
		for _, sp := range d.Snippet {
			if sp.Match {
				m.WriteString("<mark>" + html.EscapeString(sp.Text) + "</mark>")
			} else {
				m.WriteString(html.EscapeString(sp.Text))
			}
		}
		p("Fundet:", m.String())
	}
	if words := matchedWords(d.Snippet); len(words) > 0 {
		p("Matchende ord:", html.EscapeString(strings.Join(words, ", ")))
	}
	if d.Item != nil {
		for _, dec := range d.Item.Decisions {
			p(decisionHeading(dec)+":", html.EscapeString(oneParagraph(dec.Text)))
		}
	}
	if l := d.Record.Letter; l != nil && d.Item == nil {
		who := l.Sender
		if who == "" {
			who = "Konklusion"
		}
		if l.Conclusion != "" {
			p(who+":", html.EscapeString(oneParagraph(l.Conclusion)))
		}
	}
	if d.Outcome != "" {
		p("Udfald:", html.EscapeString(outcomeLabel(d.Outcome)))
	}
	return b.String()
}

// decisionHeading names who decided when: "Byrådet, 6. februar 2024".
func decisionHeading(dec corpus.Decision) string {
	parts := []string{}
	if dec.Body != "" {
		parts = append(parts, dec.Body)
	}
	if dec.Date != "" {
		parts = append(parts, danishDate(dec.Date))
	}
	if len(parts) == 0 {
		return "Beslutning"
	}
	return "Beslutning, " + strings.Join(parts, ", ")
}

// matchedWords are the distinct marked words of a snippet, in order.
func matchedWords(spans []index.Span) []string {
	var out []string
	seen := map[string]bool{}
	for _, sp := range spans {
		w := strings.TrimSpace(sp.Text)
		if !sp.Match || w == "" || seen[strings.ToLower(w)] {
			continue
		}
		seen[strings.ToLower(w)] = true
		out = append(out, w)
	}
	return out
}

// oneParagraph joins the lines of a text with spaces.
func oneParagraph(s string) string { return strings.Join(strings.Fields(s), " ") }

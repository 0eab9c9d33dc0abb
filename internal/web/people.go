package web

import (
	"cmp"
	"html/template"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strings"

	"referat/corpus"
	"referat/extract/danish"
	"referat/index"
)

// People. Minutes name who took part in a meeting, who sent apologies,
// who left during an item and, in some, who voted how. A person's page
// gathers these across committees and meetings. People are told apart
// by name and municipality: a name printed with and without its party
// letters ("Martin Stokholm (A)") is one person, the same name in two
// municipalities two. Names are not otherwise reconciled: a misspelling
// is another person. A vote cast in a party's name ("Radikale Venstre",
// "SF") is not a person's (danish.IsParty): it has no page and no link.

// The kinds of a personEvent.
const (
	evAttended = "attended"
	evAbsent   = "absent"
	evFor      = "for"
	evAgainst  = "against"
	evReserved = "reserved"
)

// personEvent is one appearance of a person in a record.
type personEvent struct {
	Kind         string `json:"kind"`
	Detail       string `json:"detail"`          // how the minutes say it: "Afbud", "Fraværende under punktet"
	AsWritten    string `json:"name_as_written"` // the name as printed, with party letters
	Date         string `json:"date"`
	Municipality string `json:"municipality"`
	Committee    string `json:"committee"`
	URL          string `json:"url"` // the meeting's or the item's page
	ItemNumber   int    `json:"item_number,omitempty"`
	ItemTitle    string `json:"item_title,omitempty"`
	DecidedBy    string `json:"decided_by,omitempty"` // the voting body
}

// person is one politician: a name in one municipality.
type person struct {
	Name         string
	Municipality string
	Events       []personEvent // newest first
}

var partyLetters = regexp.MustCompile(`\s*\([^()]*\)`)

// personName is a name as a person is known by: without party letters or
// other bracketed notes, without a role after a comma ("Jens Hansen,
// formand"), spaces collapsed. "" when nothing is left.
func personName(s string) string {
	s = partyLetters.ReplaceAllString(s, "")
	if i := strings.IndexByte(s, ','); i >= 0 {
		s = s[:i]
	}
	return strings.Join(strings.Fields(strings.Trim(s, " .:;-–")), " ")
}

// nameKey is how names are compared: case folded.
func nameKey(name string) string { return strings.ToLower(personName(name)) }

// personURL is the page of the person a name printed in a record of a
// municipality names.
func personURL(name, municipality string) string {
	u := "/people/" + url.PathEscape(personName(name))
	if municipality != "" {
		u += "?municipality=" + url.QueryEscape(municipality)
	}
	return u
}

// peopleLinks writes names, comma-separated, each linking to its person's
// page (a template function).
func peopleLinks(names []string, municipality string) template.HTML {
	w := newHTMLWriter()
	for i, n := range names {
		if i > 0 {
			w.raw(", ")
		}
		if personName(n) == "" || danish.IsParty(personName(n)) {
			w.text(n)
			continue
		}
		w.raw(`<a class="person" href="`)
		w.url(personURL(n, municipality))
		w.raw(`">`)
		w.text(n)
		w.raw("</a>")
	}
	return w.html()
}

// peopleOf gathers the people of records, one at a time.
type peopleOf struct {
	byKey map[[2]string]*person // nameKey, municipality
}

func (pp *peopleOf) add(name string, e personEvent) {
	clean := personName(name)
	if clean == "" || danish.IsParty(clean) {
		return
	}
	if pp.byKey == nil {
		pp.byKey = map[[2]string]*person{}
	}
	k := [2]string{strings.ToLower(clean), e.Municipality}
	p := pp.byKey[k]
	if p == nil {
		p = &person{Name: clean, Municipality: e.Municipality}
		pp.byKey[k] = p
	}
	e.AsWritten = name
	p.Events = append(p.Events, e)
}

// addNew adds an event unless the person has one of the same kind at the
// same meeting and item already: what another form of a meeting says
// again.
func (pp *peopleOf) addNew(name string, e personEvent) {
	if p := pp.byKey[[2]string{strings.ToLower(personName(name)), e.Municipality}]; p != nil {
		for _, o := range p.Events {
			if o.Kind == e.Kind && o.Date == e.Date && o.Committee == e.Committee && o.ItemNumber == e.ItemNumber && o.DecidedBy == e.DecidedBy {
				return
			}
		}
	}
	pp.add(name, e)
}

// byName returns the people by nameKey, each person's events newest
// first, the people of one name by municipality.
func (pp *peopleOf) byName() map[string][]*person {
	out := map[string][]*person{}
	for k, p := range pp.byKey {
		slices.SortStableFunc(p.Events, func(a, b personEvent) int {
			return cmp.Or(strings.Compare(b.Date, a.Date), strings.Compare(a.URL, b.URL), cmp.Compare(a.ItemNumber, b.ItemNumber))
		})
		out[k[0]] = append(out[k[0]], p)
	}
	for _, ps := range out {
		slices.SortFunc(ps, func(a, b *person) int { return strings.Compare(a.Municipality, b.Municipality) })
	}
	return out
}

// addRecordPeople calls add with every name a record prints and what it
// says about them.
func addRecordPeople(rec *corpus.Record, add func(name string, e personEvent)) {
	base := personEvent{Date: rec.Meeting.Date, Municipality: rec.Municipality, Committee: rec.Committee, URL: "/documents/" + rec.ID}
	absent := map[string]bool{}
	for _, n := range rec.Meeting.Absent {
		absent[nameKey(n)] = true
		e := base
		e.Kind, e.Detail = evAbsent, "Afbud"
		add(n, e)
	}
	for _, n := range rec.Meeting.Participants {
		if absent[nameKey(n)] {
			continue // listed among the members, and sent apologies
		}
		e := base
		e.Kind, e.Detail = evAttended, "Deltog i mødet"
		add(n, e)
	}
	seen := map[int]int{}
	for i := range rec.Items {
		it := &rec.Items[i]
		id := index.ItemID(rec.ID, it.Number, seen[it.Number])
		seen[it.Number]++
		ie := base
		ie.URL, ie.ItemNumber, ie.ItemTitle = "/items/"+id, it.Number, it.Title
		itemAbsent := map[string]bool{}
		for _, n := range it.Absent {
			k := nameKey(n)
			if absent[k] || itemAbsent[k] {
				continue // the meeting's apologies, repeated at each item
			}
			itemAbsent[k] = true
			e := ie
			e.Kind, e.Detail = evAbsent, "Deltog ikke under punktet"
			add(n, e)
		}
		for _, d := range it.Decisions {
			if d.Votes == nil {
				continue
			}
			e := ie
			e.DecidedBy = d.Body
			if d.Date != "" {
				e.Date = d.Date
			}
			for _, v := range []struct {
				kind, detail string
				names        []string
			}{
				{evFor, "Stemte for", d.Votes.For},
				{evAgainst, "Stemte imod", d.Votes.Against},
				{evReserved, "Tog forbehold", d.Votes.Reserved},
				{evAbsent, "Fraværende ved afstemningen", d.Votes.Absent},
			} {
				for _, n := range v.names {
					if v.kind == evAbsent && (absent[nameKey(n)] || itemAbsent[nameKey(n)]) {
						continue
					}
					e := e
					e.Kind, e.Detail = v.kind, v.detail
					add(n, e)
				}
			}
		}
	}
}

// personView is one person as the page and the API show them.
type personView struct {
	Name         string        `json:"name"`
	Municipality string        `json:"municipality"`
	URL          string        `json:"url"`
	NamesWritten []string      `json:"names_as_written"`
	Attended     []personEvent `json:"meetings_attended"`
	Absences     []personEvent `json:"absences"`
	Votes        []personEvent `json:"votes"`
}

func newPersonView(p *person) personView {
	v := personView{Name: p.Name, Municipality: p.Municipality, URL: personURL(p.Name, p.Municipality),
		Attended: []personEvent{}, Absences: []personEvent{}, Votes: []personEvent{}}
	for _, e := range p.Events {
		if !slices.Contains(v.NamesWritten, e.AsWritten) {
			v.NamesWritten = append(v.NamesWritten, e.AsWritten)
		}
		switch e.Kind {
		case evAttended:
			v.Attended = append(v.Attended, e)
		case evAbsent:
			v.Absences = append(v.Absences, e)
		default:
			v.Votes = append(v.Votes, e)
		}
	}
	return v
}

// lookupPeople finds the people of a name in a request: every
// municipality's, or the one its municipality parameter names.
func (s *Server) lookupPeople(r *http.Request) (string, []personView, error) {
	name := personName(r.PathValue("name"))
	cat, err := s.catalog()
	if err != nil {
		return name, nil, err
	}
	muni := r.URL.Query().Get("municipality")
	var out []personView
	for _, p := range cat.people[strings.ToLower(name)] {
		if muni == "" || p.Municipality == muni {
			out = append(out, newPersonView(p))
		}
	}
	if len(out) == 0 {
		return name, nil, corpus.ErrNotFound
	}
	return name, out, nil
}

// personData is what the person template shows.
type personData struct {
	Title        string
	Name         string
	Municipality string // the one asked for, if any
	People       []personView
}

func (s *Server) personPage(w http.ResponseWriter, r *http.Request) {
	name, people, err := s.lookupPeople(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, "person", personData{Title: name, Name: name, Municipality: r.URL.Query().Get("municipality"), People: people})
}

// apiPeople is the JSON of /api/people/{name}.
type apiPeople struct {
	Name   string       `json:"name"`
	People []personView `json:"people"` // one per municipality
}

func (s *Server) apiPerson(w http.ResponseWriter, r *http.Request) {
	name, people, err := s.lookupPeople(r)
	if err != nil {
		s.jsonFail(w, r, err)
		return
	}
	s.writeJSON(w, r, http.StatusOK, apiPeople{Name: name, People: people})
}

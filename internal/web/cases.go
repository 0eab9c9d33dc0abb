package web

import (
	"context"
	"net/http"
	"strconv"
	"strings"

	"referat/index"
)

// caseData is what the case template shows.
type caseData struct {
	Title     string
	Number    string
	SearchURL string // a search for the number in the query language
	Span      string // the dates of the first and last treatment
	History   *index.CaseHistory
	Items     []caseItemView
	Timeline  []caseDecisionView
	Letters   []hitView
}

type caseItemView struct {
	index.CaseItem
	URL string
}

// caseDecisionView is one decision of the case's timeline, with links to
// the item it is shown from, the other items of its meeting recording it
// and the later items that print it again.
type caseDecisionView struct {
	index.CaseDecision
	URL      string
	Also     []link
	Reprints []link
}

func (s *Server) caseHistory(ctx context.Context, number string) (*index.CaseHistory, error) {
	ctx, cancel := context.WithTimeout(ctx, s.opts.SearchTimeout)
	defer cancel()
	return s.ix.Case(ctx, number)
}

func (s *Server) casePage(w http.ResponseWriter, r *http.Request) {
	number := strings.TrimSpace(r.PathValue("number"))
	if number == "" {
		s.notFound(w, r)
		return
	}
	h, err := s.caseHistory(r.Context(), number)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if len(h.Items) == 0 && len(h.Letters) == 0 {
		s.errorPage(w, r, http.StatusNotFound, "Ingen punkter eller breve nævner sagsnummeret "+number+".")
		return
	}
	data := caseData{Title: "Sag " + number, Number: number, History: h, SearchURL: (searchState{Q: caseQuery(number)}).URL()}
	byID := map[string]index.Hit{}
	for _, it := range h.Items {
		data.Items = append(data.Items, caseItemView{CaseItem: it, URL: hitURL(it.Hit)})
		byID[it.ID] = it.Hit
	}
	for _, d := range h.Timeline {
		v := caseDecisionView{CaseDecision: d, URL: hitURL(d.Item)}
		for _, id := range d.AlsoIn {
			if it, ok := byID[id]; ok {
				v.Also = append(v.Also, link{Label: "punkt " + strconv.Itoa(it.ItemNumber), URL: hitURL(it)})
			}
		}
		for _, id := range d.ReprintedIn {
			if it, ok := byID[id]; ok {
				v.Reprints = append(v.Reprints, link{Label: itemLabel(it), URL: hitURL(it)})
			}
		}
		data.Timeline = append(data.Timeline, v)
	}
	data.Span = dateSpan(h.Items)
	for _, l := range h.Letters {
		data.Letters = append(data.Letters, newHitView(l))
	}
	s.render(w, r, http.StatusOK, "case", data)
}

func (s *Server) apiCase(w http.ResponseWriter, r *http.Request) {
	number := strings.TrimSpace(r.PathValue("number"))
	if number == "" {
		s.jsonError(w, r, http.StatusNotFound, "not found")
		return
	}
	h, err := s.caseHistory(r.Context(), number)
	if err != nil {
		s.jsonFail(w, r, err)
		return
	}
	if len(h.Items) == 0 && len(h.Letters) == 0 {
		s.jsonError(w, r, http.StatusNotFound, "no item or letter names case "+number)
		return
	}
	s.writeJSON(w, r, http.StatusOK, h)
}

// caseQuery is the query that finds a case number as printed, spaces and
// all.
func caseQuery(number string) string {
	return `sag:"` + strings.ReplaceAll(number, `"`, "") + `"`
}

// dateSpan says when a case was first and last treated, for items that
// are oldest first.
func dateSpan(items []index.CaseItem) string {
	var first, last string
	for _, it := range items {
		if it.Date == "" {
			continue
		}
		if first == "" {
			first = it.Date
		}
		last = it.Date
	}
	switch {
	case first == "":
		return ""
	case first == last:
		return danishDate(first)
	}
	return danishDate(first) + " – " + danishDate(last)
}

// itemLabel names an item of a case where its title would repeat: its
// committee and meeting date.
func itemLabel(h index.Hit) string {
	var parts []string
	if h.Committee != "" {
		parts = append(parts, h.Committee)
	}
	if h.Date != "" {
		parts = append(parts, danishDate(h.Date))
	}
	if len(parts) == 0 {
		return "punkt " + strconv.Itoa(h.ItemNumber)
	}
	return strings.Join(parts, " ")
}

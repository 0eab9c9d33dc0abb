package web

import (
	"context"
	"errors"
	"net/http"

	"referat/corpus"
	"referat/index"
)

// The Kommuner view of a search: one row per municipality with its number
// of matching items and its latest matching decision.

// kommunerNewest is how many of a municipality's newest hits are looked
// through for one with a decision.
const kommunerNewest = 10

// kommunerURL is the address of the Kommuner view of a search page's
// state.
func kommunerURL(st searchState) string {
	c := st.clone()
	c.Page, c.Size, c.Sort = 0, 0, ""
	return "/kommuner" + queryOf(c.URL())
}

// kommuneRow is one municipality of the view.
type kommuneRow struct {
	Municipality string `json:"municipality"`
	Count        int    `json:"count"`
	SearchURL    string `json:"search_url"`
	// Latest is the newest matching hit with a decision; nil when none of
	// the newest has one.
	Latest     *hitView `json:"-"`
	LatestURL  string   `json:"latest_url,omitempty"`
	DecidedBy  string   `json:"decided_by,omitempty"`
	DecidedOn  string   `json:"decided_on,omitempty"`
	Outcome    string   `json:"outcome,omitempty"`
	LatestDate string   `json:"latest_date,omitempty"` // of the newest hit, decided or not
}

type kommunerData struct {
	Title     string
	State     searchState
	SearchURL string
	Total     uint64
	Rows      []kommuneRow
	Truncated bool // more municipalities than the facet counts
}

func (s *Server) kommunerPage(w http.ResponseWriter, r *http.Request) {
	st, perr := parseSearch(r.URL.Query())
	if perr != nil {
		s.errorPage(w, r, http.StatusBadRequest, perr.msg)
		return
	}
	ctx, cancel := context.WithTimeout(r.Context(), s.opts.SearchTimeout)
	defer cancel()
	req := st.request()
	req.Page, req.PageSize, req.Facets = 1, 1, []string{"municipality"}
	res, err := s.ix.Search(ctx, req)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	page := st.clone()
	page.Page, page.Size = 0, 0
	title := "Kommuner"
	if st.Q != "" {
		title = "Kommuner: " + st.Q
	}
	data := kommunerData{Title: title, State: st, SearchURL: page.URL(), Total: res.Total}
	sum := 0
	for _, fc := range res.Facets["municipality"] {
		sum += fc.Count
		row := kommuneRow{Municipality: fc.Value, Count: fc.Count, SearchURL: st.with("municipality", fc.Value).URL()}
		if err := s.latestDecision(ctx, st, &row); err != nil {
			s.fail(w, r, err)
			return
		}
		data.Rows = append(data.Rows, row)
	}
	data.Truncated = uint64(sum) < res.Total
	s.render(w, r, http.StatusOK, "kommuner", data)
}

// latestDecision fills in a row's newest matching hit with a decision.
func (s *Server) latestDecision(ctx context.Context, st searchState, row *kommuneRow) error {
	req := st.request()
	req.Municipality = []string{row.Municipality}
	req.Sort = index.SortDateDesc
	req.Page, req.PageSize, req.Facets = 1, kommunerNewest, []string{}
	res, err := s.ix.Search(ctx, req)
	if err != nil {
		return err
	}
	for i, h := range res.Hits {
		if i == 0 {
			row.LatestDate = h.Date
		}
		if h.Outcome == "" {
			continue
		}
		d, err := s.hitDetails(h)
		if errors.Is(err, corpus.ErrNotFound) {
			continue
		}
		if err != nil {
			return err
		}
		v := newHitView(h)
		row.Latest, row.LatestURL, row.Outcome = &v, v.URL, h.Outcome
		if d.Decision != nil {
			row.DecidedBy, row.DecidedOn = d.Decision.Body, d.Decision.Date
		}
		return nil
	}
	return nil
}

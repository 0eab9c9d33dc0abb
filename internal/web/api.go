package web

import (
	"net/http"

	"referat/index"
)

// apiSearchResult is the JSON answer of /api/search.
type apiSearchResult struct {
	Query    string                        `json:"query"`
	Total    uint64                        `json:"total"`
	Page     int                           `json:"page"`
	PageSize int                           `json:"page_size"`
	Sort     string                        `json:"sort"`
	TookMS   float64                       `json:"took_ms"`
	Hits     []apiHit                      `json:"hits"`
	Facets   map[string][]index.FacetCount `json:"facets"`
	// Self and Next are the addresses of this page and the next (none on
	// the last page) in the same API.
	Self string `json:"self"`
	Next string `json:"next,omitempty"`
}

type apiHit struct {
	index.Hit
	URL string `json:"url"`
}

func (s *Server) apiSearch(w http.ResponseWriter, r *http.Request) {
	st, perr := parseSearch(r.URL.Query())
	if perr != nil {
		s.jsonError(w, r, http.StatusBadRequest, perr.msg)
		return
	}
	res, err := s.search(r.Context(), st)
	if err != nil {
		s.jsonFail(w, r, err)
		return
	}
	out := apiSearchResult{
		Query:    st.Q,
		Total:    res.Total,
		Page:     st.page(),
		PageSize: st.pageSize(),
		Sort:     st.sortOrder(),
		TookMS:   float64(res.Took.Microseconds()) / 1000,
		Hits:     []apiHit{},
		Facets:   res.Facets,
		Self:     "/api/search" + queryOf(st.URL()),
	}
	for _, h := range res.Hits {
		out.Hits = append(out.Hits, apiHit{Hit: h, URL: hitURL(h)})
	}
	if uint64(st.page()*st.pageSize()) < res.Total && (st.page()+1)*st.pageSize() <= index.MaxResultWindow {
		out.Next = "/api/search" + queryOf(st.onPage(st.page()+1).URL())
	}
	s.writeJSON(w, r, http.StatusOK, out)
}

// queryOf returns the "?..." part of a search page address.
func queryOf(u string) string {
	if len(u) > 1 {
		return u[1:]
	}
	return ""
}

// healthz reports that the server answers and what its index holds.
func (s *Server) healthz(w http.ResponseWriter, r *http.Request) {
	items, docs, err := s.ix.Count()
	if err != nil {
		s.logf("web: healthz: %v", err)
		s.writeJSON(w, r, http.StatusServiceUnavailable, map[string]any{"status": "unavailable"})
		return
	}
	s.writeJSON(w, r, http.StatusOK, map[string]any{"status": "ok", "items": items, "documents": docs})
}

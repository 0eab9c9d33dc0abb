package web

import (
	"bufio"
	"context"
	"errors"
	"net/http"

	"referat/corpus"
	"referat/index"
	"referat/internal/export"
)

// exportTimeouts is how many search timeouts one export may take: it
// runs a search per hundred hits.
const exportTimeouts = 5

// exportLimit bounds the rows of an export; tests lower it.
var exportLimit = export.MaxRows

// exportURL is the address of the CSV export of a search page's state.
func exportURL(st searchState) string {
	c := st.clone()
	c.Page, c.Size = 0, 0
	return "/export.csv" + queryOf(c.URL())
}

// exportCSV serves every hit of a search (up to export.MaxRows) as CSV:
// /export.csv takes the parameters of /, in the page's order.
func (s *Server) exportCSV(w http.ResponseWriter, r *http.Request) {
	st, perr := parseSearch(r.URL.Query())
	if perr != nil {
		s.errorPage(w, r, http.StatusBadRequest, perr.msg)
		return
	}
	req := st.request()
	// The query is checked before anything is written, so one the index
	// refuses is a 400 page, not a broken file.
	if _, err := index.ParseQuery(req.Query); err != nil {
		s.fail(w, r, err)
		return
	}
	ctx, cancel := context.WithTimeout(r.Context(), exportTimeouts*s.opts.SearchTimeout)
	defer cancel()
	w.Header().Set("Content-Type", "text/csv; charset=utf-8")
	w.Header().Set("Content-Disposition", `attachment; filename="referat.csv"`)
	if r.Method == http.MethodHead {
		return
	}
	bw := bufio.NewWriterSize(w, 64<<10)
	cw, err := export.NewWriter(bw, siteURL(r))
	if err != nil {
		return // the client went away
	}
	total, err := export.Each(ctx, s.ix, req, exportLimit, func(h index.Hit) error {
		rec, err := s.lookupRecord(h.RecordID)
		if errors.Is(err, corpus.ErrNotFound) {
			rec = nil
		} else if err != nil {
			return err
		}
		return cw.Hit(h, rec)
	})
	if err == nil && uint64(cw.Rows()) < total {
		err = cw.Bounded(total)
	}
	if err != nil {
		// Headers are sent: the file says it ends early, and the log why.
		s.logf("web: export %s: %v", r.URL.RequestURI(), err)
		cw.Broken()
	}
	cw.Flush()
	bw.Flush()
}

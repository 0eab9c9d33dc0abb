package web

import (
	"errors"
	"net/http"
	"slices"
	"time"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"

	"referat/corpus"
)

// coverageRow is what the store holds of one committee of one
// municipality.
type coverageRow struct {
	Municipality string `json:"municipality"` // "" when the documents do not say
	Committee    string `json:"committee"`
	// Meetings counts distinct meeting dates; Documents the records,
	// a meeting published in several forms once (its HTML and XML, its
	// agenda and minutes: see index.AlternateForms).
	Meetings     int    `json:"meetings"`
	Documents    int    `json:"documents"`
	Items        int    `json:"items"`
	FirstMeeting string `json:"first_meeting,omitempty"`
	LastMeeting  string `json:"last_meeting,omitempty"`
	// LastIngested is when a document of the row was last stored
	// (ingested, crawled, or extracted again).
	LastIngested time.Time `json:"last_ingested"`
	SearchURL    string    `json:"search_url"`

	dates map[string]bool
}

// coverageOf gathers the rows of records, one at a time.
type coverageOf struct {
	byKey map[[2]string]*coverageRow
}

func (c *coverageOf) add(rec *corpus.Record, stored time.Time) {
	if c.byKey == nil {
		c.byKey = map[[2]string]*coverageRow{}
	}
	committee := rec.Committee
	date := rec.Meeting.Date
	if rec.Letter != nil {
		// A letter is not a meeting: it is listed by its sender.
		committee, date = rec.Letter.Sender, ""
		if committee == "" {
			committee = kindLabel(rec.Kind)
		}
	}
	k := [2]string{rec.Municipality, committee}
	r := c.byKey[k]
	if r == nil {
		st := searchState{}
		if rec.Municipality != "" {
			st.Municipality = []string{rec.Municipality}
		}
		if rec.Committee != "" && rec.Letter == nil {
			st.Committee = []string{rec.Committee}
		}
		r = &coverageRow{Municipality: rec.Municipality, Committee: committee, dates: map[string]bool{}, SearchURL: st.URL()}
		c.byKey[k] = r
	}
	r.Documents++
	r.Items += len(rec.Items)
	if date != "" && !r.dates[date] {
		r.dates[date] = true
		r.Meetings++
		if r.FirstMeeting == "" || date < r.FirstMeeting {
			r.FirstMeeting = date
		}
		if date > r.LastMeeting {
			r.LastMeeting = date
		}
	}
	if stored.After(r.LastIngested) {
		r.LastIngested = stored.UTC().Truncate(time.Second)
	}
}

// rows returns the rows by municipality, then committee, in Danish order
// (unknown municipality last).
func (c *coverageOf) rows() []coverageRow {
	col := collate.New(language.Danish)
	out := make([]coverageRow, 0, len(c.byKey))
	for _, r := range c.byKey {
		r.dates = nil
		out = append(out, *r)
	}
	slices.SortFunc(out, func(a, b coverageRow) int {
		if (a.Municipality == "") != (b.Municipality == "") {
			if a.Municipality == "" {
				return 1
			}
			return -1
		}
		if n := col.CompareString(a.Municipality, b.Municipality); n != 0 {
			return n
		}
		return col.CompareString(a.Committee, b.Committee)
	})
	return out
}

// coverageData is the answer of /coverage and /api/coverage.
type coverageData struct {
	Title string        `json:"-"`
	Rows  []coverageRow `json:"committees"`
	// Totals over all rows.
	Documents int `json:"documents"`
	Items     int `json:"items"`
	// LastIngest and LastCrawl are the last runs' reports; nil when
	// there was none.
	LastIngest *corpus.RunReport `json:"last_ingest"`
	LastCrawl  *corpus.RunReport `json:"last_crawl"`
}

func (s *Server) coverageData() (*coverageData, error) {
	cat, err := s.catalog()
	if err != nil {
		return nil, err
	}
	d := &coverageData{Title: "Dækning", Rows: cat.coverage}
	for _, r := range d.Rows {
		d.Documents += r.Documents
		d.Items += r.Items
	}
	for _, run := range []struct {
		kind string
		dst  **corpus.RunReport
	}{{corpus.RunIngest, &d.LastIngest}, {corpus.RunCrawl, &d.LastCrawl}} {
		rr, err := s.st.RunReport(run.kind)
		switch {
		case errors.Is(err, corpus.ErrNotFound):
		case err != nil:
			// The holdings are worth showing without the run.
			s.logf("web: coverage: %v", err)
		default:
			*run.dst = rr
		}
	}
	return d, nil
}

func (s *Server) coveragePage(w http.ResponseWriter, r *http.Request) {
	d, err := s.coverageData()
	if err != nil {
		s.internalError(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, "coverage", d)
}

func (s *Server) apiCoverage(w http.ResponseWriter, r *http.Request) {
	d, err := s.coverageData()
	if err != nil {
		s.jsonFail(w, r, err)
		return
	}
	if d.Rows == nil {
		d.Rows = []coverageRow{}
	}
	s.writeJSON(w, r, http.StatusOK, d)
}

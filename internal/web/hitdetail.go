package web

import (
	"net/http"
	"strings"

	"referat/corpus"
	"referat/index"
	"referat/internal/export"
)

// hitDetail is a hit with what its record says about it beyond the index's
// stored fields: the feed and the CSV export show who decided what.
type hitDetail struct {
	index.Hit
	Record *corpus.Record
	Item   *corpus.Item // nil for a whole document (a letter, a note)
	// Decision is the decision the hit's outcome comes from (see
	// export.Decision); nil when it has none.
	Decision *corpus.Decision
}

// hitDetails reads the record of a hit. A record or item gone from the
// store (reindexed away between search and read) is corpus.ErrNotFound.
func (s *Server) hitDetails(h index.Hit) (hitDetail, error) {
	d := hitDetail{Hit: h}
	rec, err := s.lookupRecord(h.RecordID)
	if err != nil {
		return d, err
	}
	d.Record = rec
	if h.Type == index.TypeItem {
		if d.Item = export.Item(rec, h); d.Item == nil {
			return d, corpus.ErrNotFound
		}
		d.Decision = export.Decision(rec, d.Item, h.Outcome)
	}
	return d, nil
}

// siteURL is the scheme and host a request reached the server by, for the
// absolute links of feeds and exports, which are read away from the page.
func siteURL(r *http.Request) string {
	scheme := "http"
	if r.TLS != nil {
		scheme = "https"
	}
	host := r.Host
	if host == "" {
		host = "localhost"
	}
	return scheme + "://" + host
}

// absolute makes a server path absolute; web addresses are kept.
func absolute(site, u string) string {
	if strings.HasPrefix(u, "/") {
		return site + u
	}
	return u
}

// webURL is the web address a record's document was fetched from, ""
// when it was not crawled.
func webURL(rec *corpus.Record) string {
	if u := export.OriginalURL(rec); !strings.HasPrefix(u, "/") {
		return u
	}
	return ""
}

package web

import (
	"net/http"
	"strings"

	"referat/corpus"
	"referat/index"
)

// hitDetail is a hit with what its record says about it beyond the index's
// stored fields: the feed and the CSV export show who decided what.
type hitDetail struct {
	index.Hit
	Record *corpus.Record
	Item   *corpus.Item // nil for a whole document (a letter, a note)
	// Decision is the decision the hit's outcome comes from: the last of
	// the item's decisions with that outcome; nil when it has none.
	Decision *corpus.Decision
}

// hitDetails reads the record of a hit. A record gone from the store
// (reindexed away between search and read) is corpus.ErrNotFound.
func (s *Server) hitDetails(h index.Hit) (hitDetail, error) {
	d := hitDetail{Hit: h}
	if h.Type == index.TypeItem {
		rid, num, _ := strings.Cut(h.ID, "/")
		rec, i, err := s.lookupItem(rid, num)
		if err != nil {
			return d, err
		}
		d.Record, d.Item = rec, &rec.Items[i]
		for j := len(d.Item.Decisions) - 1; j >= 0; j-- {
			if h.Outcome != "" && string(d.Item.Decisions[j].Outcome) == h.Outcome {
				d.Decision = &d.Item.Decisions[j]
				break
			}
		}
		return d, nil
	}
	rec, err := s.lookupRecord(h.RecordID)
	if err != nil {
		return d, err
	}
	d.Record = rec
	return d, nil
}

// originalURL is where the document was published, when the record knows
// a web address, else its stored copy on this server.
func originalURL(rec *corpus.Record) string {
	if u := rec.Source.URL; strings.HasPrefix(u, "https://") || strings.HasPrefix(u, "http://") {
		return u
	}
	return "/source/" + rec.ID
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

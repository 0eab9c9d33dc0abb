package web

import (
	"sync"

	"referat/corpus"
)

// catalog is what the pages about the collection as a whole need from
// every record in the store: the people the records name and what the
// store holds per municipality and committee. It is built in one pass
// over the store, on first use, and kept: the store does not change under
// a running server, which owns the data directory while it runs.
type catalog struct {
	once     sync.Once
	err      error
	people   map[string][]*person // by nameKey
	coverage []coverageRow        // by municipality, then committee
}

// catalog returns the catalog, building it on first use.
func (s *Server) catalog() (*catalog, error) {
	c := s.cat
	c.once.Do(func() { c.err = s.buildCatalog(c) })
	return c, c.err
}

func (s *Server) buildCatalog(c *catalog) error {
	var pp peopleOf
	var cov coverageOf
	// A meeting published in several forms counts once, as the form
	// searches list; its other forms add only the people that one does
	// not name (an XML may list the participants its HTML leaves out).
	alts := s.alternateForms()
	var later []*corpus.Record
	err := s.st.EachRecordID(func(id string) error {
		rec, err := s.st.Record(id)
		if err != nil {
			s.logf("web: catalog: record %s: %v", id, err)
			return nil // one unreadable record costs only itself
		}
		if alt, ok := alts[id]; ok {
			c := *rec
			c.Municipality = alt.Municipality
			later = append(later, &c)
			return nil
		}
		addRecordPeople(rec, pp.add)
		stored, _ := s.st.RecordTime(id)
		cov.add(rec, stored)
		return nil
	})
	if err != nil {
		return err
	}
	for _, rec := range later {
		addRecordPeople(rec, pp.addNew)
	}
	c.people = pp.byName()
	c.coverage = cov.rows()
	return nil
}

package web

import (
	"context"
	"strings"

	"referat/corpus"
	"referat/index"
)

// formView is another form of the meeting a page shows (see
// index.MeetingForms): the same meeting published as, say, an HTML
// export and its XML. Every form is a source of the meeting; searches
// list only the Listed one.
type formView struct {
	RecordID  string `json:"record_id"`
	URL       string `json:"url"`        // its record's page
	SourceURL string `json:"source_url"` // its document as published
	Name      string `json:"name"`       // its file name or the last part of its URL
	Format    string `json:"format,omitempty"`
	Listed    bool   `json:"listed"`
}

// formsData is what a page of a meeting's record shows of its forms.
type formsData struct {
	// Alternate is set when the record shown is not the form searches
	// list.
	Alternate bool
	// Others are the meeting's other forms, the listed one first.
	Others []formView
	// Municipality is the one another form names, for a record that
	// names none (see index.MeetingMunicipality); "" otherwise.
	Municipality string
}

// withMunicipality returns rec, or for a record that names no
// municipality where another form of its meeting does, a copy with that
// one: what its pages show. (Records are shared by the cache: never
// changed in place.)
func (d formsData) withMunicipality(rec *corpus.Record) *corpus.Record {
	if rec.Municipality != "" || d.Municipality == "" {
		return rec
	}
	c := *rec
	c.Municipality = d.Municipality
	return &c
}

// meetingForms returns the other forms of rec's meeting. A failing
// lookup costs only the list: the page is worth showing without it.
func (s *Server) meetingForms(ctx context.Context, rec *corpus.Record) formsData {
	ctx, cancel := context.WithTimeout(ctx, s.opts.SearchTimeout)
	defer cancel()
	forms, err := s.ix.MeetingForms(ctx, rec.ID)
	if err != nil {
		s.logf("web: forms of %s: %v", rec.ID, err)
		return formsData{}
	}
	var d formsData
	for _, f := range forms {
		if f.RecordID == rec.ID {
			d.Alternate = !f.Listed
			continue
		}
		v := formView{RecordID: f.RecordID, URL: "/documents/" + f.RecordID, SourceURL: "/source/" + f.RecordID, Listed: f.Listed}
		if other, err := s.lookupRecord(f.RecordID); err == nil {
			v.Name = sourceName(other)
			v.Format = strings.ToUpper(string(other.Format))
		}
		if v.Name == "" {
			v.Name = f.RecordID[:min(16, len(f.RecordID))]
		}
		d.Others = append(d.Others, v)
	}
	if rec.Municipality == "" && len(d.Others) > 0 {
		if d.Municipality, err = s.ix.MeetingMunicipality(ctx, rec.ID); err != nil {
			s.logf("web: %v", err)
		}
	}
	return d
}

// alternateForms returns the records the index holds as alternate forms
// of a meeting: pages that count the store's records leave them out, so
// that a meeting counts once.
func (s *Server) alternateForms() map[string]index.AlternateForm {
	alts, err := s.ix.AlternateForms(context.Background())
	if err != nil {
		s.logf("web: alternate forms: %v", err)
		return nil
	}
	return alts
}

package web

import (
	"context"
	"net/http"

	"referat/corpus"
)

// documentData is what the document template shows: a letter, a
// principmeddelelse, a document without items, or the overview of a
// meeting's items.
type documentData struct {
	Title     string
	Record    *corpus.Record
	Letter    *corpus.Letter
	Items     []itemRef
	Related   []hitView
	SourceURL string
	// AttachedTo are the items that name this document as their
	// attachment ("Bilag til").
	AttachedTo []hitView
	// Forms are the other forms of the meeting.
	Forms formsData
}

func (s *Server) documentPage(w http.ResponseWriter, r *http.Request) {
	rec, err := s.lookupRecord(r.PathValue("record"))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	data := documentData{
		Title:     documentTitle(rec),
		Record:    rec,
		Letter:    rec.Letter,
		Items:     itemRefs(rec),
		SourceURL: "/source/" + rec.ID,
		Forms:     s.meetingForms(r.Context(), rec),
	}
	data.Record = data.Forms.withMunicipality(rec)
	data.AttachedTo = s.attachedTo(r.Context(), rec)
	if rec.Letter != nil {
		ctx, cancel := context.WithTimeout(r.Context(), s.opts.SearchTimeout)
		hits, err := s.ix.Related(ctx, rec.ID)
		cancel()
		if err != nil {
			s.logf("web: items related to %s: %v", rec.ID, err)
		}
		for _, h := range hits {
			data.Related = append(data.Related, newHitView(h))
		}
	}
	s.render(w, r, http.StatusOK, "document", data)
}

func (s *Server) lookupRecord(id string) (*corpus.Record, error) {
	if !corpus.ValidID(id) {
		return nil, corpus.ErrNotFound
	}
	return s.records.get(id, s.st.Record)
}

// documentTitle is the heading of a document's page.
func documentTitle(rec *corpus.Record) string {
	switch {
	case rec.Letter != nil && rec.Letter.Subject != "":
		return rec.Letter.Subject
	case rec.Title != "":
		return rec.Title
	case rec.Committee != "" && rec.Meeting.Date != "":
		return kindLabel(rec.Kind) + " · " + rec.Committee + " · " + danishDate(rec.Meeting.Date)
	case rec.Committee != "":
		return kindLabel(rec.Kind) + " · " + rec.Committee
	}
	if name := sourceName(rec); name != "" {
		return name
	}
	return kindLabel(rec.Kind)
}

func (s *Server) apiDocument(w http.ResponseWriter, r *http.Request) {
	rec, err := s.lookupRecord(r.PathValue("record"))
	if err != nil {
		s.jsonFail(w, r, err)
		return
	}
	// The record as stored, and the items naming it as their attachment.
	out := struct {
		*corpus.Record
		AttachedTo []apiAttachedTo `json:"attached_to"`
	}{rec, apiAttachedToOf(s.attachedTo(r.Context(), rec))}
	s.writeJSON(w, r, http.StatusOK, out)
}

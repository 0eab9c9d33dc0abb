package web

import (
	"context"

	"referat/corpus"
	"referat/index"
)

// bilagLink is an attachment named on an item as a page and the API show
// it: linked to its own record's page where that was ingested, else to
// its file stored with the item's record (the index matches them, see
// index.Index.Attachments).
type bilagLink struct {
	Name string `json:"name"`
	// RecordID names the attachment's own record where it was ingested;
	// PartID its file where that was joined with the item's record (an
	// SBSYS enclosure, a crawled First Agenda Bilag). URL is the
	// record's page, else the part's bytes (/source/{id}); "" when
	// neither is known.
	RecordID string `json:"record_id,omitempty"`
	PartID   string `json:"part_id,omitempty"`
	URL      string `json:"url,omitempty"`
}

// attachmentLinks returns the attachments of the i-th item of rec, each
// linked to its record where the index knows one. When the index cannot
// say, the names come unlinked: the item is worth showing without links.
func (s *Server) attachmentLinks(ctx context.Context, rec *corpus.Record, i int) []bilagLink {
	names := rec.Items[i].Attachments
	out := make([]bilagLink, 0, len(names))
	for _, n := range names {
		out = append(out, bilagLink{Name: n})
	}
	if len(names) == 0 {
		return out
	}
	ctx, cancel := context.WithTimeout(ctx, s.opts.SearchTimeout)
	defer cancel()
	ls, err := s.ix.Attachments(ctx, rec, i)
	if err != nil {
		s.logf("web: attachments of %s item %d: %v", rec.ID, rec.Items[i].Number, err)
		return out
	}
	for j, l := range ls {
		if j >= len(out) {
			break
		}
		out[j].PartID = l.Part
		switch {
		case len(l.Documents) > 0:
			out[j].RecordID = l.Documents[0].RecordID
			out[j].URL = "/documents/" + l.Documents[0].RecordID
		case l.Part != "":
			out[j].URL = "/source/" + l.Part
		}
	}
	return out
}

// attachedTo returns the items that name rec as their attachment ("Bilag
// til"), or none when the index cannot say.
func (s *Server) attachedTo(ctx context.Context, rec *corpus.Record) []hitView {
	ctx, cancel := context.WithTimeout(ctx, s.opts.SearchTimeout)
	defer cancel()
	hits, err := s.ix.AttachedTo(ctx, rec)
	if err != nil {
		s.logf("web: items naming %s as attachment: %v", rec.ID, err)
		return nil
	}
	out := make([]hitView, 0, len(hits))
	for _, h := range hits {
		out = append(out, newHitView(h))
	}
	return out
}

// apiAttachedTo is an item naming a document as its attachment, in the
// JSON of the document.
type apiAttachedTo struct {
	ID           string `json:"id"`
	URL          string `json:"url"`
	Title        string `json:"title"`
	Municipality string `json:"municipality,omitempty"`
	Committee    string `json:"committee,omitempty"`
	Date         string `json:"date,omitempty"`
}

func apiAttachedToOf(hs []hitView) []apiAttachedTo {
	out := make([]apiAttachedTo, 0, len(hs))
	for _, h := range hs {
		m := h.Municipality
		if m == index.UnknownMunicipality {
			m = ""
		}
		out = append(out, apiAttachedTo{ID: h.ID, URL: h.URL, Title: h.Title, Municipality: m, Committee: h.Committee, Date: h.Date})
	}
	return out
}

package web

import (
	"context"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"referat/corpus"
	"referat/index"
)

// maxCaseLookups bounds the case numbers of one item whose linked letters
// the item page looks up.
const maxCaseLookups = 5

// itemRef is one item of a record with its index id.
type itemRef struct {
	ID     string
	URL    string
	Number int
	Prefix string
	Title  string
	Closed bool
}

// itemData is what the item template shows.
type itemData struct {
	Title     string
	Record    *corpus.Record
	Item      *corpus.Item
	Parts     itemParts
	ID        string
	SourceURL string
	DocURL    string
	Others    []itemRef
	Letters   []hitView
	// Timeline is the item's decisions, oldest first (see timeline).
	Timeline []corpus.Decision
	// Attachments are the item's attachments, linked to their records
	// where ingested.
	Attachments []bilagLink
	// Forms are the other forms of the item's meeting.
	Forms formsData
}

// timeline orders decisions by date, oldest first, where every one is
// dated; otherwise (an undated decision has no place in time) as
// printed.
func timeline(ds []corpus.Decision) []corpus.Decision {
	for _, d := range ds {
		if d.Date == "" {
			return ds
		}
	}
	out := slices.Clone(ds)
	slices.SortStableFunc(out, func(a, b corpus.Decision) int { return strings.Compare(a.Date, b.Date) })
	return out
}

// parseItemNumber reads the number part of an item id: "63", or "63.1"
// for the second item printed with number 63 (see index.ItemID).
func parseItemNumber(s string) (number, repeat int, ok bool) {
	num, rep, hasRep := strings.Cut(s, ".")
	n, err := strconv.Atoi(num)
	if err != nil || n < 0 || num != strconv.Itoa(n) {
		return 0, 0, false
	}
	if hasRep {
		k, err := strconv.Atoi(rep)
		if err != nil || k < 1 || rep != strconv.Itoa(k) {
			return 0, 0, false
		}
		return n, k, true
	}
	return n, 0, true
}

// items lists the items of a record with their index ids.
func itemRefs(rec *corpus.Record) []itemRef {
	seen := map[int]int{}
	refs := make([]itemRef, 0, len(rec.Items))
	for _, it := range rec.Items {
		id := index.ItemID(rec.ID, it.Number, seen[it.Number])
		seen[it.Number]++
		refs = append(refs, itemRef{ID: id, URL: "/items/" + id, Number: it.Number, Prefix: it.Prefix, Title: it.Title, Closed: it.Closed})
	}
	return refs
}

// lookupItem finds the item a URL names. A malformed or unknown id is
// corpus.ErrNotFound.
func (s *Server) lookupItem(recordID, number string) (*corpus.Record, int, error) {
	n, repeat, ok := parseItemNumber(number)
	if !ok {
		return nil, 0, corpus.ErrNotFound
	}
	rec, err := s.lookupRecord(recordID)
	if err != nil {
		return nil, 0, err
	}
	k := 0
	for i, it := range rec.Items {
		if it.Number != n {
			continue
		}
		if k == repeat {
			return rec, i, nil
		}
		k++
	}
	return nil, 0, corpus.ErrNotFound
}

func (s *Server) itemPage(w http.ResponseWriter, r *http.Request) {
	rec, i, err := s.lookupItem(r.PathValue("record"), r.PathValue("number"))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	it := &rec.Items[i]
	refs := itemRefs(rec)
	letters, err := s.linkedLetters(r.Context(), refs[i].ID, it)
	if err != nil {
		// The item is worth showing without its letters.
		s.logf("web: letters of %s: %v", refs[i].ID, err)
	}
	data := itemData{
		Title:     it.Title,
		Record:    rec,
		Item:      it,
		Parts:     splitSections(it),
		ID:        refs[i].ID,
		SourceURL: itemSourceURL(rec, it),
		DocURL:    "/documents/" + rec.ID,
		Others:    refs,
		Letters:   letters,
		Timeline:  timeline(it.Decisions),
		Forms:     s.meetingForms(r.Context(), rec),
	}
	data.Record = data.Forms.withMunicipality(rec)
	data.Attachments = s.attachmentLinks(r.Context(), rec, i)
	s.render(w, r, http.StatusOK, "item", data)
}

// itemSourceURL is the stored source of an item's record, opened at the
// page where the item starts when the source is a PDF that says (a PDF
// viewer reads "#page=N").
func itemSourceURL(rec *corpus.Record, it *corpus.Item) string {
	u := "/source/" + rec.ID
	if rec.Format == corpus.FormatPDF && it.Page > 0 {
		u += "#page=" + strconv.Itoa(it.Page)
	}
	return u
}

// linkedLetters returns the letters the index links to an item (id, its
// index id) by its case numbers (the first maxCaseLookups of them), each
// once.
func (s *Server) linkedLetters(ctx context.Context, id string, it *corpus.Item) ([]hitView, error) {
	ctx, cancel := context.WithTimeout(ctx, s.opts.SearchTimeout)
	defer cancel()
	var numbers []string
	for _, c := range it.CaseNumbers[:min(len(it.CaseNumbers), maxCaseLookups)] {
		numbers = append(numbers, c.Raw)
	}
	if len(numbers) == 0 {
		return nil, nil
	}
	letters, err := s.ix.LinkedLetters(ctx, id, numbers)
	if err != nil {
		return nil, err
	}
	out := make([]hitView, 0, len(letters))
	for _, l := range letters {
		out = append(out, newHitView(l))
	}
	return out, nil
}

// apiItem is the JSON of one item.
type apiItem struct {
	ID           string         `json:"id"`
	URL          string         `json:"url"`
	RecordID     string         `json:"record_id"`
	Kind         corpus.Kind    `json:"kind"`
	Municipality string         `json:"municipality"`
	Committee    string         `json:"committee"`
	Meeting      corpus.Meeting `json:"meeting"`
	SourceURL    string         `json:"source_url"`
	Item         *corpus.Item   `json:"item"`
	Others       []apiItemRef   `json:"meeting_items"`
	// Attachments are item.attachments in order, each with the record of
	// its own file where that was ingested.
	Attachments []bilagLink `json:"attachment_links"`
	// Forms are the other forms of the meeting (its HTML and XML, say),
	// every one a source of it; absent when it has no other.
	Forms []formView `json:"meeting_forms,omitempty"`
	// FormOf is the record id of the form searches list, when this item's
	// record is another form of its meeting.
	FormOf string `json:"form_of,omitempty"`
}

type apiItemRef struct {
	ID     string `json:"id"`
	Number int    `json:"number"`
	Title  string `json:"title"`
}

func (s *Server) apiItem(w http.ResponseWriter, r *http.Request) {
	rec, i, err := s.lookupItem(r.PathValue("record"), r.PathValue("number"))
	if err != nil {
		s.jsonFail(w, r, err)
		return
	}
	refs := itemRefs(rec)
	out := apiItem{
		ID:           refs[i].ID,
		URL:          refs[i].URL,
		RecordID:     rec.ID,
		Kind:         rec.Kind,
		Municipality: rec.Municipality,
		Committee:    rec.Committee,
		Meeting:      rec.Meeting,
		SourceURL:    itemSourceURL(rec, &rec.Items[i]),
		Item:         &rec.Items[i],
		Attachments:  s.attachmentLinks(r.Context(), rec, i),
	}
	for _, ref := range refs {
		out.Others = append(out.Others, apiItemRef{ID: ref.ID, Number: ref.Number, Title: ref.Title})
	}
	forms := s.meetingForms(r.Context(), rec)
	out.Municipality = forms.withMunicipality(rec).Municipality
	out.Forms = forms.Others
	if forms.Alternate && len(forms.Others) > 0 {
		out.FormOf = forms.Others[0].RecordID
	}
	s.writeJSON(w, r, http.StatusOK, out)
}

// itemParts orders an item's text for reading: the printed recommendation
// right after the decisions, then the other sections in document order.
// Sections that only repeat a field shown on its own (the decision, the
// competence, the attachments, the case history) are left out.
type itemParts struct {
	// Recommendation is the printed "Indstilling" section (it names who
	// recommends); nil when the item has none.
	Recommendation *corpus.Section
	Sections       []corpus.Section
}

func splitSections(it *corpus.Item) itemParts {
	var p itemParts
	for i := range it.Sections {
		sec := &it.Sections[i]
		h := strings.ToLower(strings.TrimSpace(sec.Heading))
		switch {
		case strings.HasPrefix(h, "indstilling") && p.Recommendation == nil:
			p.Recommendation = sec
		case strings.HasPrefix(h, "beslutningskompetence") && it.Competence != "":
		case strings.HasPrefix(h, "beslutning") && !strings.HasPrefix(h, "beslutningskompetence") && len(it.Decisions) > 0:
		case h == "bilag" && len(it.Attachments) > 0:
		case (h == "afbud" || strings.HasPrefix(h, "afbud/")) && len(it.Absent) > 0:
		case h == "sagens forløb" && len(it.History) > 0:
		default:
			p.Sections = append(p.Sections, *sec)
		}
	}
	return p
}

package export

import (
	"context"
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"strings"

	"referat/corpus"
	"referat/index"
)

// MaxRows bounds the rows of one export: the index pages no deeper.
const MaxRows = index.MaxResultWindow

// Header names the columns, in Danish for the spreadsheets they open in.
var Header = []string{
	"Kommune", "Udvalg", "Mødedato", "Punkt", "Titel", "Udfald",
	"Besluttet af", "Beslutningsdato", "Beslutning", "Sagsnumre",
	"Side", "Original",
}

// PagePath is the server path of a hit's page: its item, or its whole
// document.
func PagePath(h index.Hit) string {
	if h.Type == index.TypeItem {
		return "/items/" + h.ID
	}
	return "/documents/" + h.RecordID
}

// OriginalURL is where a document was published, when its record knows a
// web address, else the server path of its stored copy.
func OriginalURL(rec *corpus.Record) string {
	if u := rec.Source.URL; strings.HasPrefix(u, "https://") || strings.HasPrefix(u, "http://") {
		return u
	}
	return "/source/" + rec.ID
}

// Item returns the item of rec a hit names (see index.ItemID), nil for a
// document hit or an id rec does not hold.
func Item(rec *corpus.Record, h index.Hit) *corpus.Item {
	if h.Type != index.TypeItem {
		return nil
	}
	seen := map[int]int{}
	for i := range rec.Items {
		n := rec.Items[i].Number
		if index.ItemID(rec.ID, n, seen[n]) == h.ID {
			return &rec.Items[i]
		}
		seen[n]++
	}
	return nil
}

// Decision is the decision a hit's outcome comes from: that of the item's
// own meeting, as extract marked it (corpus.Item.Outcome, DecidedBy,
// DecidedOn, which default to the record's committee and meeting date);
// for a record without those marks, the last decision with the hit's
// outcome. nil when there is none.
func Decision(rec *corpus.Record, it *corpus.Item, outcome string) *corpus.Decision {
	if it == nil {
		return nil
	}
	if it.Outcome != "" {
		body, date := it.DecidedBy, it.DecidedOn
		if body == "" {
			body = rec.Committee
		}
		if date == "" {
			date = rec.Meeting.Date
		}
		for j := len(it.Decisions) - 1; j >= 0; j-- {
			d := &it.Decisions[j]
			if d.Outcome == it.Outcome && (d.Body == "" || d.Body == body) && (d.Date == "" || d.Date == date) {
				return d
			}
		}
		outcome = string(it.Outcome)
	}
	if outcome == "" {
		return nil
	}
	for j := len(it.Decisions) - 1; j >= 0; j-- {
		if string(it.Decisions[j].Outcome) == outcome {
			return &it.Decisions[j]
		}
	}
	return nil
}

// Each runs req page by page, in its own order, and calls fn with
// every hit, at most limit of them (at most MaxRows). It returns the total
// number of hits the search has, which exceeds the hits passed to fn when
// the bound was reached.
func Each(ctx context.Context, ix *index.Index, req index.Request, limit int, fn func(index.Hit) error) (uint64, error) {
	limit = min(max(limit, 1), MaxRows)
	req.PageSize = min(limit, index.MaxPageSize)
	req.Facets = []string{}
	var total uint64
	done := 0
	for page := 1; done < limit && page*req.PageSize <= MaxRows; page++ {
		req.Page = page
		res, err := ix.Search(ctx, req)
		if err != nil {
			return 0, err
		}
		total = res.Total
		for _, h := range res.Hits {
			if done == limit {
				break
			}
			if err := fn(h); err != nil {
				return total, err
			}
			done++
		}
		if uint64(page*req.PageSize) >= res.Total || len(res.Hits) == 0 {
			break
		}
	}
	return total, nil
}

// Writer writes hits as CSV rows.
type Writer struct {
	w    *csv.Writer
	site string
	rows int
}

// NewWriter writes the byte-order mark and the header to w. Links are
// made absolute with site ("http://localhost:8080"); "" leaves them
// server paths.
func NewWriter(w io.Writer, site string) (*Writer, error) {
	if _, err := io.WriteString(w, "\ufeff"); err != nil {
		return nil, err
	}
	cw := csv.NewWriter(w)
	// A Danish-locale spreadsheet splits fields on semicolons: the comma
	// is its decimal mark.
	cw.Comma = ';'
	cw.UseCRLF = true
	if err := cw.Write(Header); err != nil {
		return nil, err
	}
	return &Writer{w: cw, site: strings.TrimSuffix(site, "/")}, nil
}

// Hit writes one row: a hit and its record (nil when the store no longer
// has it, which leaves the record's columns empty).
func (w *Writer) Hit(h index.Hit, rec *corpus.Record) error {
	var body, date, text, original string
	it := (*corpus.Item)(nil)
	if rec != nil {
		it = Item(rec, h)
		original = w.link(OriginalURL(rec))
		if d := Decision(rec, it, h.Outcome); d != nil {
			body, date, text = d.Body, d.Date, d.Text
		} else if l := rec.Letter; l != nil && it == nil {
			body, date, text = l.Sender, l.Date, l.Conclusion
		}
	}
	number := ""
	if h.Type == index.TypeItem {
		number = strconv.Itoa(h.ItemNumber)
	}
	title := h.Title
	if title == "" && rec != nil {
		title = rec.Title
	}
	w.rows++
	return w.w.Write(cells(
		h.Municipality, h.Committee, h.Date, number, title, h.Outcome,
		body, date, oneParagraph(text), strings.Join(h.CaseNumbers, ", "),
		w.link(PagePath(h)), original,
	))
}

// Bounded writes a last row saying that only the first rows of total
// were written.
func (w *Writer) Bounded(total uint64) error {
	return w.w.Write([]string{fmt.Sprintf("Udtrækket er afgrænset: de første %d af %d resultater. Gør søgningen smallere for at få resten.", w.rows, total)})
}

// Broken writes a last row saying that the export stopped before its end.
func (w *Writer) Broken() error {
	return w.w.Write([]string{fmt.Sprintf("Udtrækket blev afbrudt efter %d rækker; prøv igen eller gør søgningen smallere.", w.rows)})
}

// Rows is the number of hit rows written.
func (w *Writer) Rows() int { return w.rows }

// Flush writes what is buffered and reports the first write error.
func (w *Writer) Flush() error {
	w.w.Flush()
	return w.w.Error()
}

func (w *Writer) link(u string) string {
	if w.site != "" && strings.HasPrefix(u, "/") {
		return w.site + u
	}
	return u
}

// cells makes text safe to open: a cell beginning like a formula (=, +,
// @, a tab or carriage return, or a minus before anything but a space or
// a digit) gets a leading apostrophe, so a spreadsheet shows it as text
// instead of evaluating it.
func cells(vs ...string) []string {
	for i, v := range vs {
		if v == "" {
			continue
		}
		switch c := v[0]; {
		case c == '=' || c == '+' || c == '@' || c == '\t' || c == '\r':
			vs[i] = "'" + v
		case c == '-' && len(v) > 1 && v[1] != ' ' && (v[1] < '0' || v[1] > '9'):
			vs[i] = "'" + v
		}
	}
	return vs
}

// oneParagraph joins the lines of a text with spaces: a cell with line
// breaks is valid CSV but a tall row.
func oneParagraph(s string) string { return strings.Join(strings.Fields(s), " ") }

package meetingdata

import (
	"bytes"
	"sort"
	"strconv"
	"strings"

	"referat/corpus"
	"referat/extract/danish"
	"referat/extract/minutes"
)

// eDocMeeting is an eDoc agenda publication (eDocAgendaPublishing.xml):
// the meeting, its agendas (open, closed) and their items, each with its
// PDF and its text.
type eDocMeeting struct {
	XMLName   struct{} `xml:"Meeting"`
	Committee string   `xml:"Committee"`
	Date      string   `xml:"MeetingDate"`
	State     string   `xml:"MeetingState"`
	Agendas   []struct {
		Type     string `xml:"AgendaType"`
		PDF      string `xml:"PDFDocument"`
		FullText string `xml:"FullText"`
		Items    []struct {
			Number   string `xml:"AgendaItemNumber"`
			PDF      string `xml:"PDFDocument"`
			FullText string `xml:"FullText"`
			Document struct {
				Title        string `xml:"Title"`
				NeutralTitle string `xml:"NeutralTitle"`
				Attachments  []struct {
					Title        string `xml:"Title"`
					NeutralTitle string `xml:"NeutralTitle"`
					PDF          string `xml:"PDFDocument"`
				} `xml:"Attachments>Attachment"`
			} `xml:"Document"`
		} `xml:"MeetingAgendaItems>MeetingAgendaItem"`
	} `xml:"MeetingAgendaTypes>MeetingAgendaType"`
}

// fromEDoc reads an eDoc agenda publication: committee, date, state and
// the items' numbers and titles come from the XML; each item's body is
// read from its PDF when ingest joined it (Document.Attachments, by the
// name the XML uses), else from the text the XML carries, with the
// minutes package. The meeting's header (participants, absentees, place)
// is read from the agenda's full text.
func fromEDoc(doc corpus.Document) (corpus.Record, bool) {
	head := doc.Raw[:min(len(doc.Raw), 1024)]
	if !bytes.Contains(head, []byte("<Meeting>")) || !bytes.Contains(doc.Raw, []byte("<MeetingAgendaTypes>")) {
		return corpus.Record{}, false
	}
	var m eDocMeeting
	if err := decodeXML(doc.Raw, &m); err != nil {
		return corpus.Record{Kind: corpus.KindUnknown, Warnings: []string{"edoc: " + err.Error()}}, true
	}
	rec := corpus.Record{Committee: clean(m.Committee)}
	rec.Kind = kindOf(m.State)
	if rec.Kind == "" {
		rec.Kind = corpus.KindDagsorden
		rec.Warnings = append(rec.Warnings, "edoc: the meeting state "+strconv.Quote(m.State)+" says neither dagsorden nor referat; taken as an agenda")
	}
	rec.Meeting.Date, _ = danish.FindDate(m.Date)
	rec.Meeting.Time = clockOf(m.Date)
	ctx := minutes.Context{Committee: rec.Committee, Date: rec.Meeting.Date}
	var full []string
	for _, a := range m.Agendas {
		closed := strings.Contains(strings.ToLower(a.Type), "lukket")
		text := a.FullText
		if part, ok := attachment(doc, a.PDF); ok && strings.TrimSpace(part.Text) != "" {
			text = part.Text
		}
		if strings.TrimSpace(text) != "" {
			full = append(full, text)
			if !closed {
				hdr := minutes.Parse(text).Meeting
				rec.Meeting.Participants = appendNew(rec.Meeting.Participants, hdr.Participants...)
				rec.Meeting.Absent = appendNew(rec.Meeting.Absent, hdr.Absent...)
				if rec.Meeting.Location == "" {
					rec.Meeting.Location = hdr.Location
				}
				if rec.Meeting.Time == "" {
					rec.Meeting.Time = hdr.Time
				}
			}
		}
		for _, x := range a.Items {
			it := corpus.Item{Closed: closed}
			n, err := strconv.Atoi(strings.TrimSpace(x.Number))
			if err != nil {
				rec.Warnings = append(rec.Warnings, "edoc: an item without a number: "+clean(x.Document.Title))
			}
			it.Number = n
			it.Title, _ = itemTitle(firstNonEmpty(x.Document.Title, x.Document.NeutralTitle))
			body, from := x.FullText, "the XML"
			if part, ok := attachment(doc, x.PDF); ok && strings.TrimSpace(part.Text) != "" {
				body, from = part.Text, x.PDF
			} else if x.PDF != "" && len(doc.Attachments) > 0 {
				rec.Warnings = append(rec.Warnings, "edoc: item "+strconv.Itoa(n)+": "+x.PDF+" not joined; read from the XML's text")
			}
			if strings.TrimSpace(body) == "" {
				rec.Warnings = append(rec.Warnings, "edoc: item "+strconv.Itoa(n)+" has no text in "+from)
			} else {
				minutes.Item(&it, dropTitleLine(body, it.Number, it.Title), ctx)
				for k := range it.Decisions {
					if d := &it.Decisions[k]; d.Outcome == corpus.OutcomeOther {
						d.Outcome = danish.Outcome(d.Text)
					}
				}
			}
			// The XML lists the attachments by title; the text's "Bilag"
			// list says the same with document numbers.
			var listed []string
			for _, att := range x.Document.Attachments {
				name := clean(firstNonEmpty(att.Title, att.NeutralTitle))
				listed = appendNew(listed, name)
				attachmentFile(&it, name, doc, strings.TrimSpace(att.PDF))
			}
			if len(listed) > 0 {
				it.Attachments = listed
			}
			rec.Items = append(rec.Items, it)
		}
	}
	sort.SliceStable(rec.Items, func(a, b int) bool { return rec.Items[a].Number < rec.Items[b].Number })
	if len(full) > 0 {
		rec.Text = minutes.CleanText(strings.Join(full, "\f"))
	} else {
		rec.Text = renderText(rec)
	}
	return rec, true
}

// dropTitleLine removes the item's own number and title from the top of
// its text ("2.\tBygningsvedligeholdelse 2013 - anlægsbevilling"): the
// XML already gave them, and the minutes reader would take them for text.
func dropTitleLine(body string, number int, title string) string {
	lines := strings.Split(strings.TrimLeft(body, "\n\f \t"), "\n")
	want := clean(title)
	for i, l := range lines {
		if i > 3 {
			break
		}
		t := clean(l)
		if t == "" {
			continue
		}
		rest, ok := strings.CutPrefix(t, strconv.Itoa(number)+".")
		if ok && strings.HasPrefix(want, clean(rest)) || t == want {
			return strings.Join(lines[i+1:], "\n")
		}
	}
	return body
}

package meetingdata

import (
	"bytes"
	"encoding/xml"
	"path"
	"regexp"
	"strconv"
	"strings"

	"github.com/PuerkitoBio/goquery"

	"referat/corpus"
	"referat/extract/danish"
	"referat/extract/minutes"
	"referat/internal/htmltext"
)

// fujitsuNS is the namespace of eDoc (Fujitsu) agenda exports.
const fujitsuNS = "http://www.fujitsu.dk/agenda/xml/schemas/"

var (
	// "2.", "12. " as the item number column prints it.
	itemNumber = regexp.MustCompile(`^(\d{1,3})\.?$`)
	// "Sagsnr.: 2013-003869", "Sagsbehandler: Rikke Jørgensen".
	subTitle = regexp.MustCompile(`(?i)^(sagsnr|sags nr|sagsnummer|sagsbehandler)\.?\s*:\s*(.*)$`)
)

// kindOf reads a meeting's kind from what the document calls itself.
func kindOf(s string) corpus.Kind {
	low := strings.ToLower(s)
	switch {
	case strings.Contains(low, "referat") || strings.Contains(low, "minutes") || strings.Contains(low, "protokol"):
		return corpus.KindReferat
	case strings.Contains(low, "dagsorden") || strings.Contains(low, "agenda"):
		return corpus.KindDagsorden
	}
	return ""
}

// fromFujitsuHTML reads the HTML an eDoc (Fujitsu) agenda export renders:
// a title block (kind, committee, date, place), the open and closed
// cases, each with number, title, case number and headed fields.
func fromFujitsuHTML(doc corpus.Document) (corpus.Record, bool) {
	if !bytes.Contains(doc.Raw, []byte("xsltTitleTableBegin")) && !bytes.Contains(doc.Raw, []byte(fujitsuNS)) {
		return corpus.Record{}, false
	}
	page, err := parseHTML(doc)
	if err != nil {
		return corpus.Record{}, false
	}
	outer := page.Find(".xsltOuter").First()
	if outer.Length() == 0 {
		return corpus.Record{}, false
	}
	rec := corpus.Record{}
	titleLines := htmlLines(page.Find(".xsltAgendaTitle").First())
	if len(titleLines) > 0 {
		rec.Kind = kindOf(titleLines[0])
	}
	if len(titleLines) > 1 {
		rec.Committee = titleLines[1]
	}
	for _, l := range htmlLines(page.Find(".xsltDateAndLocation").First()) {
		if v, ok := strings.CutPrefix(l, "Mødested:"); ok {
			rec.Meeting.Location = strings.TrimSpace(v)
			continue
		}
		if d, ok := danish.FindDate(l); ok && rec.Meeting.Date == "" {
			rec.Meeting.Date = d
			rec.Meeting.Time = clockOf(l)
		}
	}
	page.Find("img").EachWithBreak(func(_ int, img *goquery.Selection) bool {
		src, _ := img.Attr("src")
		name := strings.TrimSuffix(path.Base(strings.ReplaceAll(src, `\`, "/")), path.Ext(src))
		rec.Municipality = danish.MunicipalityName(name)
		return rec.Municipality == ""
	})
	if rec.Kind == "" {
		rec.Kind = corpus.KindDagsorden
		rec.Warnings = append(rec.Warnings, "edoc: the export says neither Dagsorden nor Referat; taken as an agenda")
	}
	ctx := minutes.Context{Committee: rec.Committee, Date: rec.Meeting.Date}
	closed := false
	var it *corpus.Item
	var secs []section
	heading := ""
	flush := func() {
		if it != nil {
			fillItem(it, secs, ctx, rec.Kind == corpus.KindReferat)
			rec.Items = append(rec.Items, *it)
		}
		it, secs = nil, nil
	}
	outer.Children().Each(func(_ int, s *goquery.Selection) {
		switch {
		case s.HasClass("xsltItemsHeader"):
			closed = strings.HasPrefix(strings.ToLower(clean(s.Text())), "lukke")
		case s.HasClass("xsltTitleTableBegin"):
			flush()
			it = &corpus.Item{Closed: closed}
			num := clean(s.Find(".xsltTitle").First().Text())
			if m := itemNumber.FindStringSubmatch(num); m != nil {
				it.Number, _ = strconv.Atoi(m[1])
			}
			it.Title, _ = itemTitle(clean(s.Find(".xsltTitleText").Text()))
		case s.HasClass("xsltTitleTableEnd") && it != nil:
			s.Find(".xsltSubTitle").Each(func(_ int, c *goquery.Selection) {
				t := clean(c.Text())
				if m := subTitle.FindStringSubmatch(t); m != nil {
					if !strings.HasPrefix(strings.ToLower(m[1]), "sagsbehandler") {
						it.CaseNumbers = caseNumbers(m[2])
					}
					return
				}
				if strings.EqualFold(t, "lukket") {
					it.Closed = true
				}
			})
		case s.HasClass("xsltHeader"):
			heading = strings.TrimSuffix(clean(s.Text()), ":")
		case heading != "" && it != nil && goquery.NodeName(s) == "div":
			if t := strings.TrimSpace(htmltext.Node(s.Get(0))); t != "" || roleOf(heading) == roleDecision {
				secs = append(secs, section{heading: heading, text: t})
			}
			heading = ""
		}
	})
	flush()
	for i := range rec.Items {
		if rec.Items[i].Number == 0 {
			rec.Items[i].Number = i + 1
			rec.Warnings = append(rec.Warnings, "edoc: an item without a number is numbered by its position")
		}
	}
	rec.Text = renderText(rec)
	return rec, true
}

// htmlLines returns the lines of text under s, split at <br> and blocks.
func htmlLines(s *goquery.Selection) []string {
	if s.Length() == 0 {
		return nil
	}
	var out []string
	for _, l := range strings.Split(htmltext.Node(s.Get(0)), "\n") {
		if l = clean(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}

// fujitsuExport is an eDoc (Fujitsu) agenda export in XML; element names
// are matched without their namespace.
type fujitsuExport struct {
	XMLName    xml.Name `xml:"Root"`
	OutputType string   `xml:"OutputTypeEnumName"`
	Committee  struct {
		Name    string `xml:"Name"`
		Meeting struct {
			DateTime     string `xml:"MeetingDateTime"`
			Location     string `xml:"MeetingLocation"`
			Participants []struct {
				Name        string `xml:"Name"`
				Participate string `xml:"Participate"`
				Party       string `xml:"PoliticalPartyList"`
			} `xml:"MeetingParticipants>MeetingParticipant"`
			Agenda struct {
				Type     string `xml:"Type"`
				Elements []struct {
					AccessIsPublic string `xml:"AccessIsPublic"`
					SortOrder      string `xml:"SortOrder"`
					Absences       struct {
						Names []string `xml:",any"`
					} `xml:"Absences"`
					Item struct {
						SerialNo      string `xml:"SerialNo"`
						Title         string `xml:"Title"`
						CaseNumber    string `xml:"CaseNumber"`
						Presentations []struct {
							Title      string `xml:"Title"`
							Content    string `xml:"Content"`
							IsDecision string `xml:"IsDecision"`
						} `xml:"CasePresentations>CasePresentation"`
						Attachments []struct {
							Title string `xml:"Title"`
							Name  string `xml:"Name"`
						} `xml:"Attachments>Attachment"`
					} `xml:"HandlingItem"`
				} `xml:"AgendaElements>AgendaElement"`
			} `xml:"Agenda"`
		} `xml:"Meeting"`
	} `xml:"Committee"`
}

// fromFujitsuXML reads an eDoc (Fujitsu) agenda export in XML.
func fromFujitsuXML(doc corpus.Document) (corpus.Record, bool) {
	if !bytes.Contains(doc.Raw[:min(len(doc.Raw), 2048)], []byte(fujitsuNS)) {
		return corpus.Record{}, false
	}
	var x fujitsuExport
	if err := decodeXML(doc.Raw, &x); err != nil {
		return corpus.Record{Kind: corpus.KindUnknown, Warnings: []string{"edoc: " + err.Error()}}, true
	}
	m := x.Committee.Meeting
	rec := corpus.Record{Committee: clean(x.Committee.Name)}
	rec.Kind = kindOf(m.Agenda.Type)
	if rec.Kind == "" {
		rec.Kind = kindOf(x.OutputType)
	}
	if rec.Kind == "" {
		rec.Kind = corpus.KindDagsorden
		rec.Warnings = append(rec.Warnings, "edoc: the export says neither Dagsorden nor Referat; taken as an agenda")
	}
	rec.Meeting.Date, _ = danish.FindDate(m.DateTime)
	rec.Meeting.Time = clockOf(m.DateTime)
	rec.Meeting.Location = clean(m.Location)
	for _, p := range m.Participants {
		name := clean(p.Name)
		if name == "" {
			continue
		}
		if party := clean(p.Party); party != "" {
			name += " (" + party + ")"
		}
		if strings.EqualFold(strings.TrimSpace(p.Participate), "false") {
			rec.Meeting.Absent = append(rec.Meeting.Absent, name)
		} else {
			rec.Meeting.Participants = append(rec.Meeting.Participants, name)
		}
	}
	ctx := minutes.Context{Committee: rec.Committee, Date: rec.Meeting.Date}
	for i, e := range m.Agenda.Elements {
		it := corpus.Item{Number: i + 1}
		if n, err := strconv.Atoi(strings.TrimSpace(e.Item.SerialNo)); err == nil {
			it.Number = n
		}
		it.Title, it.Closed = itemTitle(e.Item.Title)
		if strings.EqualFold(strings.TrimSpace(e.AccessIsPublic), "false") {
			it.Closed = true
		}
		it.CaseNumbers = caseNumbers(e.Item.CaseNumber)
		var secs []section
		for _, p := range e.Item.Presentations {
			heading := strings.TrimSuffix(clean(p.Title), ":")
			text := strings.TrimSpace(htmltext.String(p.Content))
			if strings.EqualFold(strings.TrimSpace(p.IsDecision), "true") && roleOf(heading) != roleDecision {
				heading = "Beslutning"
			}
			if text != "" || roleOf(heading) == roleDecision {
				secs = append(secs, section{heading: heading, text: text})
			}
		}
		fillItem(&it, secs, ctx, rec.Kind == corpus.KindReferat)
		for _, a := range e.Item.Attachments {
			it.Attachments = appendNew(it.Attachments, clean(firstNonEmpty(a.Title, a.Name)))
		}
		for _, n := range e.Absences.Names {
			it.Absent = appendNew(it.Absent, clean(n))
		}
		rec.Items = append(rec.Items, it)
	}
	rec.Text = renderText(rec)
	return rec, true
}

// decodeXML decodes an export, tolerating what exports get wrong: a byte
// order mark, control characters and references to them.
func decodeXML(raw []byte, v any) error {
	d := xml.NewDecoder(bytes.NewReader(sanitizeXML(raw)))
	d.Strict = false
	d.CharsetReader = charsetReader
	return d.Decode(v)
}

package meetingdata

import (
	"bytes"
	"regexp"
	"strconv"
	"strings"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html/charset"

	"referat/corpus"
	"referat/extract/danish"
	"referat/extract/minutes"
)

// A First Agenda publication portal says so in its page.
var firstAgendaMark = regexp.MustCompile(`(?i)firstagenda|dagsordenpunktdropdown|punktrow`)

// parseHTML parses a web page's raw bytes, decoding them to UTF-8 from
// the charset the page or its Content-Type declares.
func parseHTML(doc corpus.Document) (*goquery.Document, error) {
	r, err := charset.NewReader(bytes.NewReader(doc.Raw), doc.Source.ContentType)
	if err != nil {
		return nil, err
	}
	return goquery.NewDocumentFromReader(r)
}

// fromFirstAgendaWeb reads a meeting page of a First Agenda publication
// portal (dagsordener.aarhus.dk): its header table, and per item the
// number, title, case number, body and attachments. A page of the portal
// that shows no meeting (the listing of meetings) is kept as kind
// unknown, without items.
// bilagHref matches a First Agenda page's link to an attachment,
// "/vis/pdf/bilag/<id>/?redirectDirectlyToPdf=false", capturing the id.
var bilagHref = regexp.MustCompile(`(?i)/vis/pdf/bilag/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?:[/?#]|$)`)

func fromFirstAgendaWeb(doc corpus.Document) (corpus.Record, bool) {
	if !firstAgendaMark.Match(doc.Raw) {
		return corpus.Record{}, false
	}
	page, err := parseHTML(doc)
	if err != nil {
		return corpus.Record{}, false
	}
	info := page.Find("table.dagsordeninfo")
	rows := page.Find("tr.punktrow")
	if info.Length() == 0 && rows.Length() == 0 {
		if page.Find("input#apiurl").Length() == 0 && !strings.Contains(strings.ToLower(page.Text()), "firstagenda") {
			return corpus.Record{}, false
		}
		return corpus.Record{
			Kind:     corpus.KindUnknown,
			Title:    clean(page.Find("h1").First().Text()),
			Warnings: []string{"first agenda: a page of the portal without a meeting (a listing); no items"},
		}, true
	}
	rec := corpus.Record{Kind: corpus.KindUnknown}
	heading := clean(page.Find("h1").First().Text())
	switch low := strings.ToLower(heading); {
	case strings.HasPrefix(low, "referat"):
		rec.Kind = corpus.KindReferat
	case strings.HasPrefix(low, "dagsorden"):
		rec.Kind = corpus.KindDagsorden
	}
	info.Find("tr").Each(func(_ int, tr *goquery.Selection) {
		cells := tr.Find("td")
		if cells.Length() < 2 {
			return
		}
		label := strings.ToLower(strings.TrimSuffix(clean(cells.First().Text()), ":"))
		value := cells.Eq(1)
		text := clean(value.Text())
		switch label {
		case "udvalg":
			rec.Committee = text
		case "mødedato", "dato":
			rec.Meeting.Date, _ = danish.FindDate(text)
			rec.Meeting.Time, _ = danish.FindTime(text)
		case "mødested", "sted":
			rec.Meeting.Location = text
		case "mødedeltagere", "deltagere":
			rec.Meeting.Participants, rec.Meeting.Absent = participants(value)
		}
	})
	if rec.Committee == "" {
		rec.Committee = clean(page.Find("h2 .udvalg").First().Text())
	}
	rec.Municipality = danish.MunicipalityName(rec.Committee)
	ctx := minutes.Context{Committee: rec.Committee, Date: rec.Meeting.Date}
	rows.Each(func(i int, tr *goquery.Selection) {
		it := corpus.Item{Number: i + 1}
		if n, err := strconv.Atoi(clean(tr.Find("td").First().Text())); err == nil {
			it.Number = n
		} else {
			rec.Warnings = append(rec.Warnings, "first agenda: item "+strconv.Itoa(i+1)+" has no number; its position is used")
		}
		it.Title, it.Closed = itemTitle(clean(tr.Find(".overskrift").First().Text()))
		it.CaseNumbers = caseNumbers(clean(tr.Find(".sagsnummer").First().Text()))
		if body := tr.Find(".punkt").First(); body.Length() > 0 {
			fillItem(&it, splitSections(body.Get(0)), ctx, rec.Kind == corpus.KindReferat)
		}
		tr.Find("a.bilag-link").Each(func(_ int, a *goquery.Selection) {
			name := clean(a.Text())
			it.Attachments = appendNew(it.Attachments, name)
			if m := bilagHref.FindStringSubmatch(a.AttrOr("href", "")); m != nil {
				// A crawl joins the Bilag by its id, lower case.
				attachmentFile(&it, name, doc, strings.ToLower(m[1]))
			}
		})
		rec.Items = append(rec.Items, it)
	})
	if rec.Kind == corpus.KindUnknown {
		rec.Warnings = append(rec.Warnings, "first agenda: the page says neither Dagsorden nor Referat")
		if len(rec.Items) > 0 {
			rec.Kind = corpus.KindDagsorden
			for _, it := range rec.Items {
				if len(it.Decisions) > 0 {
					rec.Kind = corpus.KindReferat
				}
			}
		}
	}
	rec.Text = renderText(rec)
	return rec, true
}

// participants reads a portal's list of participants: one a line or list
// item; those under a "Fraværende" or "Afbud" label are absent.
func participants(s *goquery.Selection) (present, absent []string) {
	var lines []string
	if li := s.Find("li"); li.Length() > 0 {
		li.Each(func(_ int, l *goquery.Selection) { lines = append(lines, clean(l.Text())) })
	} else {
		for _, l := range strings.Split(s.Text(), "\n") {
			lines = append(lines, clean(l))
		}
	}
	away := false
	for _, l := range lines {
		low := strings.ToLower(strings.TrimSuffix(l, ":"))
		switch {
		case l == "":
		case low == "fraværende" || low == "afbud":
			away = true
		case away:
			absent = append(absent, l)
		default:
			if name, ok := danish.AbsentMarked(l); ok {
				absent = append(absent, name)
			} else {
				present = append(present, l)
			}
		}
	}
	return present, absent
}

// clean collapses the white space of text taken from HTML.
func clean(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

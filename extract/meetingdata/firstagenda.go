package meetingdata

import (
	"bytes"
	"encoding/json"
	"net/url"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"referat/corpus"
	"referat/extract/danish"
	"referat/extract/minutes"
)

// faMeeting is a meeting as First Agenda's publication API returns it
// (dagsordener.<kommune>.dk/api/agenda/dagsorden/{id}).
type faMeeting struct {
	Udvalg struct {
		Navn string
	}
	Moede struct {
		Dato           string
		Sted           string
		Afsluttet      bool
		Navn           string
		Moededeltagere []struct {
			Name                   string
			Absent                 bool
			ParticipationCancelled bool
		}
	}
	TillaegsDagsorden bool
	Dagsordenpunkter  []faItem
}

type faItem struct {
	Punktnummer string
	Number      string
	Navn        string
	Caption     string
	SagsNummer  string
	CaseNumber  string
	Felter      []struct {
		Navn string
		Html string
		Link string
	}
	Bilag []struct {
		Navn string
		Id   string
	}
	ExternalAgendaItemAttendees []struct {
		Name   string
		Reason string
	}
}

var (
	// First Agenda's portals live at dagsordener.<kommune>.dk.
	portalHost = regexp.MustCompile(`(?i)\bdagsordener\.([a-zæøå-]+)\.dk\b`)
	// A collection of council members' questions and the answers, which
	// the portal files as a "committee" with one item.
	questionsCommittee = regexp.MustCompile(`(?i)spørgsmål|\bsvar til\b`)
	// "Lukket: Salg af Greve Main 39 og 27", "Lukket punkt: ...".
	closedTitle = regexp.MustCompile(`(?i)^lukket(?:\s+punkt)?\s*[:.-]\s*`)
)

// sniffFirstAgenda reports whether raw is a First Agenda API meeting. It
// looks for the keys in the whole input, not a head of it: the API puts
// "Moede" after every agenda point, 100 KB and more into a meeting.
func sniffFirstAgenda(raw []byte) bool {
	return bytes.HasPrefix(bytes.TrimSpace(bytes.TrimPrefix(raw, []byte("\xef\xbb\xbf"))), []byte("{")) &&
		bytes.Contains(raw, []byte(`"Dagsordenpunkter"`)) && bytes.Contains(raw, []byte(`"Moede"`))
}

// fromFirstAgendaAPI reads a meeting from First Agenda's publication API.
func fromFirstAgendaAPI(doc corpus.Document) (corpus.Record, bool) {
	if !sniffFirstAgenda(doc.Raw) {
		return corpus.Record{}, false
	}
	var m faMeeting
	if err := json.Unmarshal(bytes.TrimPrefix(doc.Raw, []byte("\xef\xbb\xbf")), &m); err != nil {
		return corpus.Record{Kind: corpus.KindUnknown, Warnings: []string{"first agenda: " + err.Error()}}, true
	}
	rec := corpus.Record{Committee: strings.TrimSpace(m.Udvalg.Navn)}
	rec.Municipality = portalMunicipality(doc, m)
	if questionCollection(m) {
		return questionsRecord(rec, m), true
	}
	rec.Kind = corpus.KindDagsorden
	if m.Moede.Afsluttet {
		rec.Kind = corpus.KindReferat
	}
	rec.Meeting.Date, rec.Meeting.Time = isoDateTime(m.Moede.Dato)
	rec.Meeting.Location = strings.TrimSpace(m.Moede.Sted)
	for _, p := range m.Moede.Moededeltagere {
		name := strings.TrimSpace(p.Name)
		if name == "" {
			continue
		}
		if p.Absent || p.ParticipationCancelled {
			rec.Meeting.Absent = append(rec.Meeting.Absent, name)
		} else {
			rec.Meeting.Participants = append(rec.Meeting.Participants, name)
		}
	}
	ctx := minutes.Context{Committee: rec.Committee, Date: rec.Meeting.Date}
	for i, p := range m.Dagsordenpunkter {
		it := corpus.Item{Number: i + 1}
		if n, err := strconv.Atoi(strings.TrimSpace(firstNonEmpty(p.Punktnummer, p.Number))); err == nil {
			it.Number = n
		} else {
			rec.Warnings = append(rec.Warnings, "first agenda: item "+strconv.Itoa(i+1)+" has no number; its position is used")
		}
		it.Title, it.Closed = itemTitle(firstNonEmpty(p.Navn, p.Caption))
		it.CaseNumbers = caseNumbers(firstNonEmpty(p.SagsNummer, p.CaseNumber))
		var secs []section
		for _, f := range p.Felter {
			secs = append(secs, splitSections(parseFragment(f.Html))...)
		}
		// A closed item publishes its decision alone, without a heading.
		if it.Closed && len(secs) == 1 && secs[0].heading == "" && rec.Kind == corpus.KindReferat {
			secs[0].heading = "Beslutning"
		}
		fillItem(&it, secs, ctx, rec.Kind == corpus.KindReferat)
		for _, b := range p.Bilag {
			name := strings.Join(strings.Fields(b.Navn), " ")
			it.Attachments = appendNew(it.Attachments, name)
			// A crawl joins the Bilag by its id, lower case.
			attachmentFile(&it, name, doc, strings.ToLower(strings.TrimSpace(b.Id)))
		}
		for _, a := range p.ExternalAgendaItemAttendees {
			if a.Name != "" {
				it.Absent = appendNew(it.Absent, a.Name)
			}
		}
		rec.Items = append(rec.Items, it)
	}
	sort.SliceStable(rec.Items, func(a, b int) bool { return rec.Items[a].Number < rec.Items[b].Number })
	if len(rec.Items) == 0 {
		rec.Warnings = append(rec.Warnings, "first agenda: the meeting has no items")
	}
	rec.Text = renderText(rec)
	return rec, true
}

// questionCollection reports whether a "meeting" of the portal is a
// collection of questions and answers: so named, or held nowhere by no
// one with one item carrying many documents.
func questionCollection(m faMeeting) bool {
	if questionsCommittee.MatchString(m.Udvalg.Navn) {
		return true
	}
	return len(m.Moede.Moededeltagere) == 0 && len(m.Dagsordenpunkter) == 1 && len(m.Dagsordenpunkter[0].Bilag) > 20
}

// questionsRecord keeps a question-and-answer collection searchable
// without making it a meeting: its questions are listed in the text.
func questionsRecord(rec corpus.Record, m faMeeting) corpus.Record {
	rec.Kind = corpus.KindUnknown
	rec.Title = strings.TrimLeft(strings.TrimSpace(m.Udvalg.Navn), ".")
	rec.Committee = ""
	var b strings.Builder
	b.WriteString(rec.Title + "\n\n")
	n := 0
	for _, p := range m.Dagsordenpunkter {
		title, _ := itemTitle(firstNonEmpty(p.Navn, p.Caption))
		b.WriteString(title + "\n\n")
		for _, a := range p.Bilag {
			if s := strings.TrimSpace(a.Navn); s != "" {
				b.WriteString(s + "\n")
				n++
			}
		}
	}
	rec.Text = strings.TrimSpace(b.String())
	rec.Warnings = append(rec.Warnings, "first agenda: a collection of "+strconv.Itoa(n)+" questions and answers, not a meeting; kept as text without items")
	return rec
}

// portalMunicipality names the municipality whose portal published the
// meeting, from the portal's address in the document or its source.
func portalMunicipality(doc corpus.Document, m faMeeting) string {
	hosts := []string{doc.Source.URL}
	for _, p := range m.Dagsordenpunkter {
		for _, f := range p.Felter {
			hosts = append(hosts, f.Link)
		}
	}
	for _, h := range hosts {
		if u, err := url.Parse(h); err == nil && u.Host != "" {
			h = u.Host
		}
		if sub := portalHost.FindStringSubmatch(h); sub != nil {
			if n := danish.MunicipalityName(sub[1]); n != "" {
				return n
			}
		}
	}
	return ""
}

// itemTitle splits a printed item title into the title and whether the
// item is closed ("Lukket: ...").
func itemTitle(printed string) (string, bool) {
	t := strings.Join(strings.Fields(printed), " ")
	if loc := closedTitle.FindStringIndex(t); loc != nil {
		return strings.TrimSpace(t[loc[1]:]), true
	}
	return t, false
}

// caseNumbers parses the case number field of an item. A value no scheme
// knows is kept without a scheme: the system says it is a case number.
func caseNumbers(s string) []corpus.CaseNumber {
	s = strings.TrimSpace(s)
	if s == "" || s == "-" {
		return nil
	}
	if cs, ok := danish.CaseNumberLine(s); ok {
		return cs
	}
	return []corpus.CaseNumber{{Raw: s}}
}

// isoDateTime reads "2024-03-20T16:30:00+01:00" (local time, as the API
// gives it) as date and time.
func isoDateTime(s string) (date, clock string) {
	s = strings.TrimSpace(s)
	if len(s) >= 10 {
		if d, ok := danish.ParseDate(s[:10]); ok {
			date = d
		}
	}
	if len(s) >= 16 && s[10] == 'T' {
		clock = s[11:16]
		if clock == "00:00" {
			clock = ""
		}
	}
	return date, clock
}

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if strings.TrimSpace(s) != "" {
			return strings.TrimSpace(s)
		}
	}
	return ""
}

package meetingdata

import (
	"bytes"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"referat/corpus"
	"referat/extract/danish"
	"referat/extract/minutes"
)

// sbsysPublication is an SBSYS publication (Publication<N>.xml): agendas
// of meetings with their items, fields and enclosures.
type sbsysPublication struct {
	Type    string        `xml:"PublicationTypeAsEnum"`
	Agendas []sbsysAgenda `xml:"Agendas>Agenda"`
}

type sbsysAgenda struct {
	Name    string `xml:"Name"`
	Meeting struct {
		Concluded string `xml:"Concluded"`
		When      string `xml:"When"`
		Where     string `xml:"Where"`
		Members   []struct {
			Name   string `xml:"Name"`
			Status string `xml:"ParticipationStatusAsText"`
			Note   string `xml:"ParticipationNote"`
		} `xml:"Members>MeetingMember"`
	} `xml:"Meeting"`
	Committee struct {
		Name string `xml:"Name"`
	} `xml:"Committee"`
	Items []struct {
		Number   string `xml:"Number"`
		Caption  string `xml:"Caption"`
		IsPublic string `xml:"IsPublic"`
		Case     struct {
			Number string `xml:"Number"`
		} `xml:"Case"`
		Fields []struct {
			Caption    string `xml:"Caption"`
			Content    string `xml:"Content"`
			IsFeedback string `xml:"IsFeedback"`
			Index      string `xml:"Index"`
		} `xml:"Fields>ItemField"`
		Enclosures []struct {
			Name        string `xml:"Name"`
			File        string `xml:"InstantiationFilePathRelative"`
			FileName    string `xml:"InstantiationFileName"`
			DownloadURL string `xml:"DownloadUrl"`
		} `xml:"Enclosures>Enclosure"`
		Members []struct {
			Name   string `xml:"Name"`
			Status string `xml:"ParticipationStatusAsText"`
		} `xml:"Members>ItemMember"`
	} `xml:"Items>Item"`
}

// fromSBSYS reads an SBSYS publication: one meeting (the first agenda;
// a publication holds one), its members, items, fields and enclosures.
// The enclosures' text, when ingest joined them, is kept in the record's
// text under their names.
func fromSBSYS(doc corpus.Document) (corpus.Record, bool) {
	head := doc.Raw[:min(len(doc.Raw), 1024)]
	if !bytes.Contains(head, []byte("<Publication")) || !bytes.Contains(doc.Raw, []byte("<Agendas")) {
		return corpus.Record{}, false
	}
	var p sbsysPublication
	if err := decodeXML(doc.Raw, &p); err != nil {
		return corpus.Record{Kind: corpus.KindUnknown, Warnings: []string{"sbsys: " + err.Error()}}, true
	}
	if len(p.Agendas) == 0 {
		return corpus.Record{Kind: corpus.KindUnknown, Warnings: []string{"sbsys: the publication holds no agenda"}}, true
	}
	a := p.Agendas[0]
	rec := corpus.Record{Committee: bodyName(clean(firstNonEmpty(a.Committee.Name, a.Name)))}
	if n := clean(a.Name); n != "" && !strings.EqualFold(n, clean(a.Committee.Name)) {
		rec.Title = n
	}
	if len(p.Agendas) > 1 {
		rec.Warnings = append(rec.Warnings, "sbsys: the publication holds "+strconv.Itoa(len(p.Agendas))+" agendas; the first is read")
	}
	rec.Kind = kindOf(p.Type)
	switch {
	case strings.TrimSpace(a.Meeting.Concluded) != "":
		rec.Kind = corpus.KindReferat
	case rec.Kind == "":
		rec.Kind = corpus.KindDagsorden // "Final" and "Draft" are agendas
	}
	rec.Meeting.Date, _ = danish.FindDate(a.Meeting.When)
	rec.Meeting.Time = clockOf(a.Meeting.When)
	rec.Meeting.Location = clean(a.Meeting.Where)
	for _, m := range a.Meeting.Members {
		name := clean(m.Name)
		if name == "" {
			continue
		}
		if absentStatus(m.Status + " " + m.Note) {
			rec.Meeting.Absent = append(rec.Meeting.Absent, name)
		} else {
			rec.Meeting.Participants = append(rec.Meeting.Participants, name)
		}
	}
	ctx := minutes.Context{Committee: rec.Committee, Date: rec.Meeting.Date}
	var enclosures strings.Builder
	for i, x := range a.Items {
		if i == corpus.MaxItems {
			rec.Warnings = append(rec.Warnings, fmt.Sprintf("%d items; only the first %d are kept", len(a.Items), corpus.MaxItems))
			break
		}
		it := corpus.Item{Number: i + 1}
		if n, err := strconv.Atoi(strings.TrimSpace(x.Number)); err == nil {
			it.Number = n
		}
		it.Title, it.Closed = itemTitle(x.Caption)
		if strings.EqualFold(strings.TrimSpace(x.IsPublic), "false") {
			it.Closed = true
		}
		it.CaseNumbers = caseNumbers(x.Case.Number)
		fields := x.Fields
		sort.SliceStable(fields, func(a, b int) bool { return atoi(fields[a].Index) < atoi(fields[b].Index) })
		var secs []section
		for _, f := range fields {
			heading := strings.TrimSuffix(clean(f.Caption), ":")
			feedback := strings.EqualFold(strings.TrimSpace(f.IsFeedback), "true")
			if feedback && roleOf(heading) != roleDecision {
				heading = "Beslutning"
			}
			secs = append(secs, fieldSections(heading, f.Content)...)
		}
		fillItem(&it, secs, ctx, rec.Kind == corpus.KindReferat)
		for _, e := range x.Enclosures {
			name := clean(e.Name)
			it.Attachments = appendNew(it.Attachments, name)
			attachmentFile(&it, name, doc, e.DownloadURL, e.File, enclosureFile(e.FileName))
			if part, ok := attachment(doc, e.File, e.FileName); ok && strings.TrimSpace(part.Text) != "" {
				enclosures.WriteString("\n\nBilag: " + name + "\n\n" + strings.TrimSpace(part.Text))
			}
		}
		for _, m := range x.Members {
			if absentStatus(m.Status) {
				it.Absent = appendNew(it.Absent, clean(m.Name))
			}
		}
		rec.Items = append(rec.Items, it)
	}
	rec.Text = renderText(rec) + enclosures.String()
	return rec, true
}

// absentStatus reports whether a participation status or note says the
// member was away.
func absentStatus(s string) bool {
	low := strings.ToLower(s)
	for _, w := range []string{"absent", "notparticipating", "not participating", "afbud", "fraværende", "deltog ikke"} {
		if strings.Contains(low, w) {
			return true
		}
	}
	return false
}

// attachment finds a joined attachment by any of the names the document
// uses for it, ignoring case and the direction of slashes.
func attachment(doc corpus.Document, names ...string) (corpus.Document, bool) {
	_, d, ok := joined(doc, names...)
	return d, ok
}

// joined is attachment with the name doc.Attachments keys it by.
func joined(doc corpus.Document, names ...string) (string, corpus.Document, bool) {
	for _, n := range names {
		if n == "" {
			continue
		}
		if d, ok := doc.Attachments[n]; ok {
			return n, d, true
		}
		key := normName(n)
		for k, d := range doc.Attachments {
			if normName(k) == key {
				return k, d, true
			}
		}
	}
	return "", corpus.Document{}, false
}

// enclosureFile is the path an enclosure's file name has beside the
// publication ("Enclosures/1.pdf"), "" for none.
func enclosureFile(name string) string {
	if name = strings.TrimSpace(name); name == "" {
		return ""
	}
	return "Enclosures/" + name
}

// normName is a part's name compared: the part names of a stored record
// have their CPR numbers redacted (see pipeline), the references in the
// document it is joined with again do not.
func normName(s string) string {
	return strings.ToLower(strings.ReplaceAll(strings.TrimSpace(danish.RedactCPR(s)), `\`, "/"))
}

func atoi(s string) int {
	n, _ := strconv.Atoi(strings.TrimSpace(s))
	return n
}

// fieldSections turns a headed field holding HTML into sections: the
// field's own text under its caption, then any sections the HTML heads
// itself. An empty field is no section, unless it is a decision's.
func fieldSections(caption, content string) []section {
	sub := splitSections(parseFragment(content))
	own := section{heading: caption}
	if len(sub) > 0 && sub[0].heading == "" {
		own.text, sub = sub[0].text, sub[1:]
	}
	var out []section
	if own.text != "" || roleOf(caption) == roleDecision {
		out = append(out, own)
	}
	for _, s := range sub {
		// Only the system's decision fields hold decisions; a heading
		// "Beslutning" inside another field reports someone else's.
		if roleOf(s.heading) == roleDecision && roleOf(caption) != roleDecision && len(out) > 0 {
			last := &out[len(out)-1]
			last.text = strings.TrimSpace(last.text + "\n\n" + s.heading + "\n" + s.text)
			continue
		}
		out = append(out, s)
	}
	return out
}

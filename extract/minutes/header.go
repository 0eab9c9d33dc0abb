package minutes

import (
	"regexp"
	"slices"
	"strings"

	"referat/corpus"
	"referat/extract/danish"
)

var (
	// titleLine is the document's title line: "REFERAT Udvalget for Børn og
	// Ungdom - 2022-2025 d. 06-02-2024", "DAGSORDEN Aarhus Byråd d. 8-10-2025",
	// or just "Referat".
	titleLine = regexp.MustCompile(`^(?i:((?:åben|åbent|åbne|lukket|lukkede)\s+)?(referat|mødereferat|beslutningsreferat|dagsorden|tillægsdagsorden|beslutningsprotokol|protokol))(?:\s*[:-]?\s+(.+?))?$`)
	// titleLead is what may stand between the kind and the committee:
	// "Referat af mødet i Økonomiudvalget", "Dagsorden for Byrådet",
	// "Referat fra Socialudvalgets møde".
	titleLead = regexp.MustCompile(`(?i)^(?:(?:af|fra|for|til)\s+)?(?:(?:det|ordinære|ekstraordinære)\s+)*(?:møde(?:t)?\s+(?:i|for)\s+)?`)
	// headerLabel is a labelled field of the meeting header, its value on
	// the same line or on the lines after it.
	headerLabel = regexp.MustCompile(`^(?i:(mødedato|mødetidspunkt|mødetid|tidspunkt|dato|tid|kl\.|klokken|mødested|sted|lokale|mødelokale|mødedeltagere|deltagere|deltagere i mødet|tilstede|til stede|medlemmer|afbud/fraværende|afbud og fraværende|(?:fraværende|afbud|fravær)(?: fra)?|ikke til stede|ikke tilstede|sekretær|referent|referatfører|udvalg|mødeleder|formand|mødeform))(?:\s*:\s*|\s+|$)(.*)$`)
)

// header is what the lines before the first agenda point say.
type header struct {
	kind corpus.Kind
	// bareAgenda is set when the kind comes from a line "Dagsorden"
	// alone, which heads a list of points as often as it titles a
	// document.
	bareAgenda bool
	committee  string
	meeting    corpus.Meeting
	// fields are the kinds of labelled fields found with a value:
	// "date", "time", "place", "people", "absent", "secretary".
	fields map[string]bool
}

// isMeeting reports whether the header is a meeting's: a date and who
// met (participants, absentees or the minute-taker), or a date, a time
// and a place. A note's "Dato:" alone, or a letter's date and address,
// is not.
func (h header) isMeeting() bool {
	f := h.fields
	return h.meeting.Date != "" && (f["people"] || f["absent"] || f["secretary"] || f["time"] && f["place"])
}

// parseHeader reads the meeting header from the lines before the first
// agenda point (the table of contents already cut out).
func parseHeader(lines []string) header {
	h := header{fields: map[string]bool{}}
	titleDate := ""
	lines = headerCells(lines)
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		if l == "" {
			continue
		}
		if m := titleLine.FindStringSubmatch(l); m != nil && h.kind != "" {
			continue // "Åbent referat" under "Referat"
		}
		if m := titleLine.FindStringSubmatch(l); m != nil && h.kind == "" {
			if strings.HasSuffix(strings.ToLower(m[2]), "dagsorden") {
				h.kind = corpus.KindDagsorden
				h.bareAgenda = m[1] == "" && m[3] == ""
			} else {
				h.kind = corpus.KindReferat
			}
			c, d := titleParts(m[3])
			if c != "" {
				h.committee = c
			}
			titleDate = d
			continue
		}
		m := headerLabel.FindStringSubmatch(l)
		if m == nil {
			h.free(lines, i)
			continue
		}
		label := absentLabel(strings.ToLower(m[1]))
		value, next := labelValue(lines, i, m[2], isListLabel(label))
		i = next
		switch label {
		case "mødedato", "dato", "mødetidspunkt", "mødetid", "tidspunkt", "tid", "kl.", "klokken":
			if d, ok := danish.FindDate(value); ok && h.meeting.Date == "" {
				h.meeting.Date = d
				h.fields["date"] = true
			}
			if t, ok := headerTime(label, value); ok && h.meeting.Time == "" {
				h.meeting.Time = t
				h.fields["time"] = true
			}
		case "mødested", "sted", "lokale", "mødelokale":
			if h.meeting.Location == "" {
				h.meeting.Location = strings.Join(strings.Fields(value), " ")
			}
			h.fields["place"] = h.meeting.Location != ""
		case "sekretær", "referent", "referatfører":
			h.fields["secretary"] = h.fields["secretary"] || strings.TrimSpace(value) != ""
		case "mødedeltagere", "deltagere", "deltagere i mødet", "tilstede", "til stede", "medlemmer":
			h.fields["people"] = h.fields["people"] || strings.TrimSpace(value) != ""
			for _, p := range splitPeople(value) {
				name, absent := danish.AbsentMarked(p)
				h.meeting.Participants = append(h.meeting.Participants, participant(name))
				if absent {
					h.meeting.Absent = append(h.meeting.Absent, participant(name))
				}
			}
		case "fraværende", "afbud/fraværende", "afbud", "fravær":
			h.fields["absent"] = h.fields["absent"] || strings.TrimSpace(value) != ""
			for _, p := range splitPeople(value) {
				h.meeting.Absent = appendNew(h.meeting.Absent, participant(p))
			}
		case "udvalg":
			if h.committee == "" {
				h.committee = danish.CommitteeName(value)
			}
		}
	}
	if h.meeting.Date == "" {
		h.meeting.Date = titleDate
	}
	return h
}

// headerTime reads the time of a date or time field: "kl. 16.30", "16:30",
// and under a time label also "13.00 - 15.00".
func headerTime(label, value string) (string, bool) {
	if t, ok := danish.FindTime(value); ok {
		return t, true
	}
	switch label {
	case "tid", "tidspunkt", "mødetid", "mødetidspunkt", "kl.", "klokken":
		return danish.FindTime("kl. " + strings.TrimSpace(value))
	}
	return "", false
}

// labelCell reports whether a table cell is a label alone ("Tid:",
// "Sted"), not a value that starts like one ("Mødelokale 2").
func labelCell(c string) bool {
	m := headerLabel.FindStringSubmatch(strings.TrimSpace(c))
	return m != nil && m[2] == ""
}

// headerCells splits a header printed as a table ("Dato:\t14.03.2024\tTid:\t13.00")
// into one labelled line per field.
func headerCells(lines []string) []string {
	var out []string
	for _, l := range lines {
		cells := strings.Split(l, "\t")
		if len(cells) < 2 || !labelCell(cells[0]) {
			out = append(out, l)
			continue
		}
		for i := 0; i < len(cells); i++ {
			c := strings.TrimSpace(cells[i])
			if c == "" {
				continue
			}
			if m := headerLabel.FindStringSubmatch(c); m != nil && m[2] == "" && i+1 < len(cells) && !labelCell(cells[i+1]) {
				c += " " + strings.TrimSpace(cells[i+1])
				i++
			}
			out = append(out, c)
		}
	}
	return out
}

// titleParts reads the committee and the date from what follows the kind
// in a title line: "Udvalget for Børn og Ungdom - 2022-2025 d.
// 06-02-2024", "af mødet i Økonomiudvalget den 4. marts 2024 kl. 16.00",
// "Aarhus Byråd".
func titleParts(rest string) (committee, date string) {
	rest = strings.TrimSpace(rest)
	if ds := danish.FindDates(rest); len(ds) > 0 {
		date = ds[0].ISO
		rest = strings.TrimSpace(rest[:ds[0].Start])
		rest = strings.TrimSpace(titleDateLead.ReplaceAllString(rest, ""))
	}
	rest = strings.TrimSpace(strings.Trim(titleLead.ReplaceAllString(rest, ""), " ,-–:"))
	low := strings.ToLower(rest)
	if rest == "" || low == "referat" || strings.HasPrefix(low, "møde") || runeLen(rest) > 100 {
		return "", date
	}
	if strings.HasSuffix(low, "s møde") {
		// "fra Socialudvalgets møde": the committee is in the genitive.
		rest = strings.TrimSuffix(rest[:len(rest)-len(" møde")], "s")
	}
	return danish.CommitteeName(rest), date
}

// titleDateLead is what stands before a title's date: "d.", "den", a
// weekday, a comma.
var titleDateLead = regexp.MustCompile(`(?i)(?:[,\s]+(?:d\.|den|mandag|tirsdag|onsdag|torsdag|fredag|lørdag|søndag))+\s*$|,\s*$`)

// free reads an unlabelled header line: the committee after a bare
// "Referat" line, a date line "tirsdag den 4. december 2012, kl. 13:00",
// and a place line "i Mødecenter C, Lokale 32 på Ballerup Rådhus" under it.
func (h *header) free(lines []string, i int) {
	l := lines[i]
	prev := ""
	for j := i - 1; j >= 0; j-- {
		if lines[j] != "" {
			prev = lines[j]
			break
		}
	}
	if h.committee == "" && titleLine.MatchString(prev) && !strings.ContainsAny(l, "0123456789:") && runeLen(l) < 80 {
		if _, isDate := danish.FindDate(l); !isDate {
			h.committee = danish.CommitteeName(l)
			return
		}
	}
	// A committee's name printed alone at the top, above the title or the
	// date ("Børne- og Skoleudvalget" / "Referat" / "Mødedato: ...").
	if h.committee == "" && danish.LooksLikeCommittee(l) && nonBlankBefore(lines, i) < 4 {
		h.committee = danish.CommitteeName(l)
		return
	}
	if ds := danish.FindDates(l); len(ds) > 0 && runeLen(l) < 80 {
		// "tirsdag den 4. december 2012, kl. 13:00"; a running header's
		// "Dato: 04.12.2012" may have given the date already.
		if h.meeting.Date == "" {
			h.meeting.Date = ds[0].ISO
		}
		if t, ok := danish.FindTime(l); ok && h.meeting.Time == "" && ds[0].ISO == h.meeting.Date {
			h.meeting.Time = t
		}
		return
	}
	if h.meeting.Location == "" && h.meeting.Date != "" && (strings.HasPrefix(l, "i ") || strings.HasPrefix(l, "på ")) && runeLen(l) < 100 {
		if _, isDate := danish.FindDate(prev); isDate {
			_, loc, _ := strings.Cut(l, " ")
			h.meeting.Location = strings.TrimSpace(loc)
		}
	}
}

// absentLabel gives the labels of absentees one name: "Afbud fra",
// "Fraværende", "Ikke til stede" and the like all list who was away.
func absentLabel(label string) string {
	switch strings.TrimSuffix(label, " fra") {
	case "fraværende", "afbud/fraværende", "afbud og fraværende", "afbud", "fravær", "ikke til stede", "ikke tilstede":
		return "afbud"
	}
	return label
}

func nonBlankBefore(lines []string, i int) int {
	n := 0
	for _, l := range lines[:i] {
		if l != "" {
			n++
		}
	}
	return n
}

func isListLabel(label string) bool {
	switch label {
	case "mødedeltagere", "deltagere", "deltagere i mødet", "tilstede", "til stede", "medlemmer", "fraværende", "afbud/fraværende", "afbud", "fravær":
		return true
	}
	return false
}

// labelValue returns a label's value: the rest of its line and, for a
// list or when the rest is empty, the lines after it up to a blank line
// or the next label. It returns the index of the last line used.
func labelValue(lines []string, i int, rest string, list bool) (string, int) {
	var parts []string
	if rest != "" {
		parts = append(parts, rest)
	}
	j := i + 1
	if rest == "" {
		// The value may follow after a blank line ("Mødedato\n\nOnsdag ...").
		for j < len(lines) && lines[j] == "" {
			j++
		}
	}
	for ; j < len(lines); j++ {
		l := lines[j]
		if l == "" || headerLabel.MatchString(l) || titleLine.MatchString(l) || tocTitle.MatchString(l) {
			break
		}
		if len(parts) > 0 && !list && !startsLower(l) {
			break
		}
		parts = append(parts, l)
	}
	if list {
		return strings.Join(parts, "\n"), j - 1
	}
	return strings.Join(parts, " "), j - 1
}

// splitPeople splits a participant list: comma-separated (lines of a
// wrapped list are joined first) or one person a line.
func splitPeople(value string) []string {
	if strings.Contains(value, ",") {
		// A comma inside parentheses ("(A, formand)") does not separate
		// people, so only a comma list outside them counts.
		return danish.SplitNames(strings.ReplaceAll(value, "\n", " "))
	}
	var out []string
	for _, l := range strings.Split(value, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}

// participant formats a person as "Name (P)", dropping a role after the
// party letters ("Lolan Ottesen (A) - formand").
func participant(p string) string {
	name, party := danish.Party(p)
	if party != "" {
		return name + " (" + party + ")"
	}
	return strings.TrimSpace(p)
}

// appendNew appends the strings list does not hold yet.
func appendNew(list []string, s ...string) []string {
	for _, x := range s {
		if !slices.Contains(list, x) {
			list = append(list, x)
		}
	}
	return list
}

package meetingdata

import (
	"strconv"
	"strings"

	"referat/corpus"
)

// renderText writes a meeting read from structured data as the text a
// record keeps (for search and snippets): the header, then each item's
// number, title, case numbers and sections.
func renderText(rec corpus.Record) string {
	var b strings.Builder
	line := func(parts ...string) {
		var keep []string
		for _, p := range parts {
			if strings.TrimSpace(p) != "" {
				keep = append(keep, strings.TrimSpace(p))
			}
		}
		if len(keep) > 0 {
			b.WriteString(strings.Join(keep, " "))
			b.WriteString("\n")
		}
	}
	line(rec.Title)
	line(rec.Committee)
	m := rec.Meeting
	line(m.Date, m.Time, m.Location)
	if len(m.Participants) > 0 {
		line("Deltagere:", strings.Join(m.Participants, ", "))
	}
	if len(m.Absent) > 0 {
		line("Afbud:", strings.Join(m.Absent, ", "))
	}
	for _, it := range rec.Items {
		b.WriteString("\n")
		title := it.Title
		if it.Closed {
			title = "Lukket: " + title
		}
		line(strconv.Itoa(it.Number)+".", title)
		var cs []string
		for _, c := range it.CaseNumbers {
			cs = append(cs, c.Raw)
		}
		if len(cs) > 0 {
			line("Sagsnr.:", strings.Join(cs, ", "))
		}
		for _, s := range it.Sections {
			if s.Heading != "" {
				b.WriteString("\n" + s.Heading + "\n")
			}
			if s.Text != "" {
				b.WriteString(s.Text + "\n")
			}
		}
		if len(it.Attachments) > 0 {
			b.WriteString("\nBilag\n" + strings.Join(it.Attachments, "\n") + "\n")
		}
	}
	return strings.TrimSpace(b.String())
}

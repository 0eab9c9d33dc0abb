package extract

import (
	"fmt"
	"strings"

	"referat/corpus"
)

// layoutVariations print the same meeting the way other municipalities'
// templates print it: other title lines, labelled header fields, decision
// headings naming the committee, decisions on the heading's line, points
// numbered "2." instead of "Punkt 2:".
func layoutVariations() []variation {
	return []variation{
		{"title/af-mødet", varTitle(func(c, date string, y, m, d int) string {
			return fmt.Sprintf("Referat af mødet i %s den %d. %s %d", c, d, monthName[m], y)
		})},
		{"title/dashes", varTitle(func(c, date string, y, m, d int) string {
			return fmt.Sprintf("Referat - %s - %02d.%02d.%d", c, d, m, y)
		})},
		{"title/committee-first", varTitle(func(c, date string, y, m, d int) string {
			return c + "\n\nReferat"
		})},
		{"header/colons", varHeaderColons},
		{"header/date-time-lines", varHeaderDateTime},
		{"header/one-per-line", varParticipantLines},
		{"decision/udvalgets", varDecisionHeading(func(c, date string) string { return "Udvalgets beslutning" })},
		{"decision/caps", varDecisionHeading(func(c, date string) string { return "BESLUTNING" })},
		{"decision/colon", varDecisionHeading(func(c, date string) string { return "Beslutning:" })},
		{"decision/body-date", varDecisionHeading(func(c, date string) string { return "Beslutning i " + c + " den " + date })},
		{"decision/genitive", varDecisionHeading(func(c, date string) string { return c + "s beslutning den " + date })},
		{"decision/genitive-undated", varDecisionHeading(func(c, date string) string { return c + "s beslutning" })},
		{"decision/byraadets", varDecisionHeading(func(c, date string) string { return "Beslutning i " + c })},
		{"decision/inline", varDecisionInline},
		{"items/numbered", varNumberedItems},
		{"items/bare", varNumberStyle(func(n int) string { return fmt.Sprintf("%d ", n) })},
		{"items/paren", varNumberStyle(func(n int) string { return fmt.Sprintf("%d) ", n) })},
		{"items/sag", varNumberStyle(func(n int) string { return fmt.Sprintf("Sag %d - ", n) })},
		{"items/pkt", varNumberStyle(func(n int) string { return fmt.Sprintf("Pkt. %d ", n) })},
		{"header/vocabulary", varHeaderVocabulary},
		{"sections/colons", varSectionColons},
	}
}

// headerLines returns the lines of the text and the index of the first
// point's line.
func headerLines(d mdoc) ([]string, int, bool) {
	lines, its, ok := located(d)
	if !ok {
		return nil, 0, false
	}
	return lines, headerEnd(lines, its), true
}

func varTitle(format func(committee, date string, y, m, d int) string) func(d mdoc) (corpus.Document, mview, bool) {
	return func(d mdoc) (corpus.Document, mview, bool) {
		lines, end, ok := headerLines(d)
		if !ok || d.view.Committee == "" || d.view.Date == "" {
			return corpus.Document{}, mview{}, false
		}
		re := mustRe(`^\s*REFERAT\s+(.+?)\s+d\.\s+\d{1,2}-\d{1,2}-\d{4}\s*$`)
		for i := 0; i < end; i++ {
			m := re.FindStringSubmatch(lines[i])
			if m == nil {
				continue
			}
			var y, mo, dd int
			fmt.Sscanf(d.view.Date, "%d-%d-%d", &y, &mo, &dd)
			lines[i] = format(m[1], d.view.Date, y, mo, dd)
			return d.withText(joinText(lines)), d.view.clone(), true
		}
		return corpus.Document{}, mview{}, false
	}
}

// varHeaderColons labels the header fields with colons and prints the
// date as other templates do.
func varHeaderColons(d mdoc) (corpus.Document, mview, bool) {
	lines, end, ok := headerLines(d)
	if !ok || d.view.Date == "" {
		return corpus.Document{}, mview{}, false
	}
	changed := false
	var y, m, dd int
	fmt.Sscanf(d.view.Date, "%d-%d-%d", &y, &m, &dd)
	for i := 0; i < end; i++ {
		l := strings.TrimSpace(lines[i])
		switch {
		case strings.HasPrefix(l, "Mødedato ") && d.view.Time != "":
			lines[i] = fmt.Sprintf("Mødedato: tirsdag den %d. %s %d, kl. %s", dd, monthName[m], y, strings.Replace(d.view.Time, ":", ".", 1))
			changed = true
		case strings.HasPrefix(l, "Mødested "):
			lines[i] = "Mødested: " + strings.TrimPrefix(l, "Mødested ")
			changed = true
		case strings.HasPrefix(l, "Mødedeltagere "):
			lines[i] = "Deltagere: " + strings.TrimPrefix(l, "Mødedeltagere ")
			changed = true
		}
	}
	if !changed {
		return corpus.Document{}, mview{}, false
	}
	return d.withText(joinText(lines)), d.view.clone(), true
}

// varHeaderDateTime prints date and time on lines of their own.
func varHeaderDateTime(d mdoc) (corpus.Document, mview, bool) {
	lines, end, ok := headerLines(d)
	if !ok || d.view.Date == "" || d.view.Time == "" {
		return corpus.Document{}, mview{}, false
	}
	var y, m, dd int
	fmt.Sscanf(d.view.Date, "%d-%d-%d", &y, &m, &dd)
	for i := 0; i < end; i++ {
		if strings.HasPrefix(strings.TrimSpace(lines[i]), "Mødedato") {
			lines[i] = fmt.Sprintf("Dato: %02d.%02d.%d\nTidspunkt: Kl. %s - 18.30", dd, m, y, strings.Replace(d.view.Time, ":", ".", 1))
			return d.withText(joinText(lines)), d.view.clone(), true
		}
	}
	return corpus.Document{}, mview{}, false
}

// varParticipantLines lists the participants one a line under the label.
func varParticipantLines(d mdoc) (corpus.Document, mview, bool) {
	lines, end, ok := headerLines(d)
	if !ok {
		return corpus.Document{}, mview{}, false
	}
	for i := 0; i < end; i++ {
		l := strings.TrimSpace(lines[i])
		if !strings.HasPrefix(l, "Mødedeltagere ") {
			continue
		}
		// A wrapped list goes on to the next blank line.
		j := i + 1
		for j < end && strings.TrimSpace(lines[j]) != "" {
			l += " " + strings.TrimSpace(lines[j])
			j++
		}
		names := strings.Split(strings.TrimPrefix(l, "Mødedeltagere "), ", ")
		out := append(append([]string(nil), lines[:i]...), "Mødedeltagere")
		out = append(append(out, names...), lines[j:]...)
		return d.withText(joinText(out)), d.view.clone(), true
	}
	return corpus.Document{}, mview{}, false
}

// varDecisionHeading replaces the bare "Beslutning" headings of the
// meeting's decisions.
func varDecisionHeading(heading func(committee, date string) string) func(d mdoc) (corpus.Document, mview, bool) {
	return func(d mdoc) (corpus.Document, mview, bool) {
		lines, end, ok := headerLines(d)
		if !ok || d.view.Committee == "" || d.view.Date == "" {
			return corpus.Document{}, mview{}, false
		}
		var y, m, dd int
		fmt.Sscanf(d.view.Date, "%d-%d-%d", &y, &m, &dd)
		date := fmt.Sprintf("%02d-%02d-%d", dd, m, y)
		changed := false
		for i := end; i < len(lines); i++ {
			if strings.TrimSpace(lines[i]) == "Beslutning" {
				lines[i] = heading(d.view.Committee, date)
				changed = true
			}
		}
		if !changed {
			return corpus.Document{}, mview{}, false
		}
		return d.withText(joinText(lines)), d.view.clone(), true
	}
}

// varDecisionInline prints a one-line decision on its heading's line:
// "Beslutning: Godkendt."
func varDecisionInline(d mdoc) (corpus.Document, mview, bool) {
	lines, end, ok := headerLines(d)
	if !ok {
		return corpus.Document{}, mview{}, false
	}
	changed := false
	for i := end; i < len(lines)-3; i++ {
		if strings.TrimSpace(lines[i]) != "Beslutning" {
			continue
		}
		j := i + 1
		for j < len(lines) && strings.TrimSpace(lines[j]) == "" {
			j++
		}
		// Only a decision of one line followed by a blank line.
		if j+1 >= len(lines) || strings.TrimSpace(lines[j+1]) != "" || runeLen(lines[j]) > 80 {
			continue
		}
		lines[i] = "Beslutning: " + strings.TrimSpace(lines[j])
		for k := i + 1; k <= j; k++ {
			lines[k] = "\x00"
		}
		changed = true
	}
	if !changed {
		return corpus.Document{}, mview{}, false
	}
	var out []string
	for _, l := range lines {
		if l != "\x00" {
			out = append(out, l)
		}
	}
	return d.withText(joinText(out)), d.view.clone(), true
}

// varNumberedItems prints "Punkt 2: Title" as "2. Title", and numbers the
// table of contents the same way.
func varNumberedItems(d mdoc) (corpus.Document, mview, bool) {
	lines, its, ok := located(d)
	if !ok {
		return corpus.Document{}, mview{}, false
	}
	re := mustRe(`^(\s*)Punkt\s+(\d+)\s*:\s*`)
	changed := false
	for k, it := range d.view.Items {
		l := lines[its[k].numberLine]
		if !re.MatchString(l) {
			return corpus.Document{}, mview{}, false
		}
		lines[its[k].numberLine] = re.ReplaceAllString(l, "${1}${2}. ")
		for _, t := range tocLinesOf(lines, headerEnd(lines, its), it.Title) {
			lines[t] = fmt.Sprintf("%d. %s", it.Number, strings.TrimSpace(lines[t]))
		}
		changed = true
	}
	if !changed {
		return corpus.Document{}, mview{}, false
	}
	return d.withText(joinText(lines)), d.view.clone(), true
}

// varNumberStyle prints "Punkt 2: Title" as other systems number their
// points ("2 Title", "Sag 2 - Title", ...), the table of contents left
// as it is.
func varNumberStyle(number func(n int) string) func(d mdoc) (corpus.Document, mview, bool) {
	return func(d mdoc) (corpus.Document, mview, bool) {
		lines, its, ok := located(d)
		if !ok {
			return corpus.Document{}, mview{}, false
		}
		re := mustRe(`^(\s*)Punkt\s+(\d+)\s*:\s*`)
		for k, it := range d.view.Items {
			l := lines[its[k].numberLine]
			if !re.MatchString(l) {
				return corpus.Document{}, mview{}, false
			}
			lines[its[k].numberLine] = re.FindStringSubmatch(l)[1] + number(it.Number) + re.ReplaceAllString(l, "")
		}
		return d.withText(joinText(lines)), d.view.clone(), true
	}
}

// varHeaderVocabulary labels the header's fields with the other usual
// words: "Dato:", "Sted:", "Til stede:".
func varHeaderVocabulary(d mdoc) (corpus.Document, mview, bool) {
	lines, end, ok := headerLines(d)
	if !ok {
		return corpus.Document{}, mview{}, false
	}
	changed := false
	for i := 0; i < end; i++ {
		l := strings.TrimSpace(lines[i])
		for _, r := range [][2]string{{"Mødedato ", "Dato: "}, {"Mødested ", "Sted: "}, {"Mødedeltagere ", "Til stede: "}, {"Tilstede", "Deltagere:"}} {
			if strings.HasPrefix(l, r[0]) {
				lines[i] = r[1] + strings.TrimPrefix(l, r[0])
				changed = true
			}
		}
	}
	if !changed {
		return corpus.Document{}, mview{}, false
	}
	return d.withText(joinText(lines)), d.view.clone(), true
}

// varSectionColons ends section headings with a colon.
func varSectionColons(d mdoc) (corpus.Document, mview, bool) {
	lines, end, ok := headerLines(d)
	if !ok {
		return corpus.Document{}, mview{}, false
	}
	changed := false
	for i := end; i < len(lines); i++ {
		switch strings.TrimSpace(lines[i]) {
		case "Resumé", "Resume", "Sagsfremstilling", "Indstilling", "Beslutningskompetence", "Økonomi", "Bilag", "Sammendrag", "Baggrund":
			lines[i] = strings.TrimSpace(lines[i]) + ":"
			changed = true
		}
	}
	if !changed {
		return corpus.Document{}, mview{}, false
	}
	return d.withText(joinText(lines)), d.view.clone(), true
}

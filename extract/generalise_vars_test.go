package extract

import (
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"

	"referat/corpus"
)

var (
	reCacheMu sync.Mutex
	reCache   = map[string]*regexp.Regexp{}
)

func mustRe(s string) *regexp.Regexp {
	reCacheMu.Lock()
	defer reCacheMu.Unlock()
	if re, ok := reCache[s]; ok {
		return re
	}
	re := regexp.MustCompile(s)
	reCache[s] = re
	return re
}

// textVariations are the variations of a document given as text.
func textVariations() []variation {
	vs := []variation{
		{"municipality", varMunicipality},
		{"municipality/passing", varPassingMention},
		{"committee/stated-top", varCommitteeStated},
		{"committee/skole", varCommittee("Børne- og Skoleudvalget")},
		{"committee/klima", varCommittee("Udvalget for Klima, Natur og Miljø")},
		{"prefix/rename", varPrefixRename},
		{"prefix/add", varPrefixAdd},
		{"items/drop", varDrop(true)},
		{"items/drop-keep-toc", varDrop(false)},
		{"items/duplicate", varDuplicate},
		{"items/renumber40", varRenumber(39)},
		{"date/november", varDate(2024, 11, 19)},
		{"date/march-5", varDate(2025, 3, 5)},
		{"time/kl9.00", varTime("kl. 9.00", "09:00")},
		{"time/range", varTime("kl. 09:00-12:00", "09:00")},
		{"time/kl17.15", varTime("kl. 17.15", "17:15")},
		{"title/wrap", varWrapTitles},
		{"decision/empty", varEmptyDecision},
		{"closed/lukket", varClosed("Lukket: ")},
		{"closed/lukket-punkt", varClosed("Lukket punkt: ")},
		{"absent/afbud", varAbsent("Afbud: Hans Hansen (V)", "Hans Hansen (V)")},
		{"absent/fravaerende", varAbsent("Fraværende: Hans Hansen (V), Inge Holm (A)", "Hans Hansen (V)", "Inge Holm (A)")},
		{"absent/afbud-fra", varAbsent("Afbud fra: Hans Hansen (V)", "Hans Hansen (V)")},
		{"absent/block", varAbsent("Afbud/Fraværende\nHans Hansen (V)", "Hans Hansen (V)")},
		{"table/tabs", varTable("Nøgletal for området\n\n\t2023\t2024\nUdgifter\t1.200\t1.350\nIndtægter\t800\t900")},
		{"table/pipes", varTable("| | 2023 | 2024 |\n|---|---|---|\n| Udgifter | 1.200 | 1.350 |\n| Indtægter | 800 | 900 |")},
		{"attachments/add2", varAttachments},
		{"pages/header", varPages(true, false)},
		{"pages/footer", varPages(false, true)},
		{"pages/bare", varPages(false, false)},
		{"kind/dagsorden", varDagsorden},
	}
	for _, p := range []struct{ text, want string }{
		{"Anbefales over for Økonomiudvalget.", "recommended"},
		{"Udsat.", "postponed"},
		{"Ikke godkendt.", "rejected"},
		{"Taget til efterretning med de faldne bemærkninger.", "noted"},
		{"Godkendt med de faldne bemærkninger.", "approved"},
		{"Indstillingen tiltrådt.", "approved"},
		{"Drøftet.", "discussed"},
		{"Intet.", "none"},
		{"Anbefales godkendt.", "recommended"},
		{"Sagen blev udsat til næste møde.", "postponed"},
		{"Udvalget tog orienteringen til efterretning.", "noted"},
	} {
		vs = append(vs, variation{"outcome/" + p.want + "/" + firstRunes(p.text, 14), varOutcome(p.text, p.want)})
	}
	for _, c := range []struct{ label, number string }{
		{"", "24/12345"},
		{"", "S2024-1234"},
		{"", "EMN-2024-001234"},
		{"", "00.01.00-A00-1-24"},
		{"", "2024-012345"},
		{"", "24-012345"},
		{"Sagsnr.: ", "24/12345"},
		{"Sagsnummer: ", "2024-012345"},
		{"Sag nr. ", "24-012345"},
		{"J.nr.: ", "00.01.00-A00-1-24"},
		{"Journalnr.: ", "24/12345"},
	} {
		vs = append(vs, variation{"case/" + c.label + c.number, varCase(c.label, c.number)})
	}
	return vs
}

// located returns the lines of a document and where its items stand.
func located(d mdoc) ([]string, []textItem, bool) {
	if d.doc.Text == "" {
		return nil, nil, false
	}
	lines := splitText(pageLines(d.doc.Text))
	its, ok := locateItems(lines, d.view.Items)
	return lines, its, ok
}

// pageLines puts each page break on a line of its own end, so that a page
// starting with a point's number starts a line.
func pageLines(text string) string { return strings.ReplaceAll(text, "\f", "\f\n") }

// varPassingMention names another municipality once, in passing, at the
// end of the text: the record's municipality must not change.
func varPassingMention(d mdoc) (corpus.Document, mview, bool) {
	if d.doc.Text == "" || d.view.Municipality == "" || d.view.Municipality == "Greve Kommune" {
		return corpus.Document{}, mview{}, false
	}
	// A municipality named once is not dominated by another named once.
	stem := municipalityStem(d.view.Municipality)
	if strings.Count(d.doc.Text, stem+" Kommune")+strings.Count(d.doc.Text, stem+" Byråd")+strings.Count(d.doc.Text, stem+" Rådhus") < 2 {
		return corpus.Document{}, mview{}, false
	}
	const mention = "Det gælder fx også i Greve Kommune."
	lines, its, ok := located(d)
	if !ok {
		text := strings.TrimRight(d.doc.Text, "\n\f ") + "\n\n" + mention + "\n"
		return d.withText(text), d.view.clone(), true
	}
	// In minutes, inside a point's account, after its first sentence.
	for k := range its {
		for i := its[k].start; i < its[k].end; i++ {
			if !textHeadings[strings.ToLower(strings.TrimSpace(lines[i]))] {
				continue
			}
			j := i + 1
			for j < its[k].end && !strings.HasSuffix(strings.TrimSpace(lines[j]), ".") {
				j++
			}
			if j+1 >= its[k].end {
				break
			}
			out := append(append(append([]string(nil), lines[:j+1]...), "", mention, ""), lines[j+1:]...)
			return d.withText(joinText(out)), d.view.clone(), true
		}
	}
	return corpus.Document{}, mview{}, false
}

// varCommitteeStated prints a committee's name at the top of minutes that
// did not name one (an item page under its committee's heading).
func varCommitteeStated(d mdoc) (corpus.Document, mview, bool) {
	if d.doc.Text == "" || d.view.Committee != "" || d.view.Kind != "referat" && d.view.Kind != "dagsorden" {
		return corpus.Document{}, mview{}, false
	}
	want := d.view.clone()
	want.Committee = "Børne- og Skoleudvalget"
	return d.withText("Børne- og Skoleudvalget\n\n" + d.doc.Text), want, true
}

func varMunicipality(d mdoc) (corpus.Document, mview, bool) {
	if d.view.Municipality == "" || d.doc.Text == "" {
		return corpus.Document{}, mview{}, false
	}
	stem := municipalityStem(d.view.Municipality)
	to := "Roskilde"
	if stem == to {
		to = "Vordingborg"
	}
	olds := []string{stem}
	if strings.HasSuffix(stem, "s") {
		olds = append(olds, strings.TrimSuffix(stem, "s"))
	}
	repl := func(s string) string {
		for _, o := range olds {
			s = replaceWord(s, o, to)
		}
		return s
	}
	text := repl(d.doc.Text)
	if text == d.doc.Text {
		return corpus.Document{}, mview{}, false
	}
	want := d.view.mapStrings(repl)
	want.Municipality = to + " Kommune"
	return d.withText(text), want, true
}

// stillNamed returns the municipality when text still names it in one of
// the forms a document names its municipality by ("Lejre Kommune",
// "Aarhus Byråd", "Ballerup Rådhus", "Kommunalbestyrelsen i Lejre"), and
// "" when a variation removed the last of them.
func stillNamed(text, municipality string) string {
	if municipality == "" {
		return ""
	}
	stem := municipalityStem(municipality)
	for _, f := range []string{stem + " Kommune", stem + " kommune", stem + " Byråd", stem + " Rådhus", stem + " Regionskommune", "Kommunalbestyrelsen i " + stem, "Byrådet i " + stem} {
		if strings.Contains(text, f) {
			return municipality
		}
	}
	if strings.HasSuffix(stem, "s") {
		return stillNamed(text, strings.TrimSuffix(stem, "s")+" Kommune")
	}
	return ""
}

func varCommittee(to string) func(d mdoc) (corpus.Document, mview, bool) {
	return func(d mdoc) (corpus.Document, mview, bool) {
		c := d.view.Committee
		if c == "" || d.doc.Text == "" {
			return corpus.Document{}, mview{}, false
		}
		olds := []string{c, strings.ReplaceAll(c, " og ", " & "), strings.ReplaceAll(c, " & ", " og ")}
		repl := func(s string) string {
			for _, o := range olds {
				s = strings.ReplaceAll(s, o, to)
			}
			return s
		}
		text := repl(d.doc.Text)
		if text == d.doc.Text {
			return corpus.Document{}, mview{}, false
		}
		want := d.view.mapStrings(repl)
		want.Committee = to
		return d.withText(text), want, true
	}
}

var newPrefixes = []string{"ØK", "TMU", "KB/ØK", "BSU"}

func varPrefixRename(d mdoc) (corpus.Document, mview, bool) {
	lines, its, ok := located(d)
	if !ok {
		return corpus.Document{}, mview{}, false
	}
	to := map[string]string{}
	for _, it := range d.view.Items {
		if it.Prefix != "" && to[it.Prefix] == "" {
			to[it.Prefix] = newPrefixes[len(to)%len(newPrefixes)]
		}
	}
	if len(to) == 0 {
		return corpus.Document{}, mview{}, false
	}
	want := d.view.clone()
	for k, it := range d.view.Items {
		if it.Prefix == "" {
			continue
		}
		p, n := it.Prefix, to[it.Prefix]
		want.Items[k].Prefix = n
		l := lines[its[k].numberLine]
		lines[its[k].numberLine] = strings.Replace(l, p+" - ", n+" - ", 1)
		for _, i := range tocLinesOf(lines, headerEnd(lines, its), it.Title) {
			lines[i] = strings.Replace(lines[i], p+" - ", n+" - ", 1)
		}
	}
	return d.withText(joinText(lines)), want, true
}

func varPrefixAdd(d mdoc) (corpus.Document, mview, bool) {
	lines, its, ok := located(d)
	if !ok {
		return corpus.Document{}, mview{}, false
	}
	want := d.view.clone()
	changed := false
	for k, it := range d.view.Items {
		if it.Prefix != "" || it.Closed {
			continue
		}
		l := lines[its[k].numberLine]
		key := firstRunes(it.Title, 8)
		i := strings.Index(l, key)
		if i < 0 {
			continue
		}
		for _, t := range tocLinesOf(lines, headerEnd(lines, its), it.Title) {
			if j := strings.Index(lines[t], key); j >= 0 {
				lines[t] = lines[t][:j] + "ØK - " + lines[t][j:]
			}
		}
		lines[its[k].numberLine] = l[:i] + "ØK - " + l[i:]
		want.Items[k].Prefix = "ØK"
		changed = true
	}
	if !changed {
		return corpus.Document{}, mview{}, false
	}
	return d.withText(joinText(lines)), want, true
}

func varDrop(dropTOC bool) func(d mdoc) (corpus.Document, mview, bool) {
	return func(d mdoc) (corpus.Document, mview, bool) {
		lines, its, ok := located(d)
		if !ok || len(its) < 2 {
			return corpus.Document{}, mview{}, false
		}
		k := len(its) / 2
		drop := map[int]bool{}
		for i := its[k].start; i < its[k].end; i++ {
			drop[i] = true
		}
		if dropTOC {
			for _, i := range tocLinesOf(lines, headerEnd(lines, its), d.view.Items[k].Title) {
				drop[i] = true
			}
		}
		var out []string
		for i, l := range lines {
			if !drop[i] {
				out = append(out, l)
			}
		}
		want := d.view.clone()
		want.Items = append(want.Items[:k:k], want.Items[k+1:]...)
		text := joinText(out)
		want.Municipality = stillNamed(text, want.Municipality)
		return d.withText(text), want, true
	}
}

func varDuplicate(d mdoc) (corpus.Document, mview, bool) {
	lines, its, ok := located(d)
	if !ok {
		return corpus.Document{}, mview{}, false
	}
	k := 0
	for i, it := range d.view.Items {
		if len(it.Cases) > 0 && !it.Closed {
			k = i
			break
		}
	}
	last := d.view.Items[len(d.view.Items)-1].Number
	block := append([]string(nil), lines[its[k].start:its[k].end]...)
	block[0] = renumberLine(block[0], d.view.Items[k].Number, last+1)
	// The copy goes after the last point's text, as the next point.
	tail := lines[its[len(its)-1].start:]
	end := its[len(its)-1].start + len(tail)
	out := append(append(append([]string(nil), lines[:end]...), ""), block...)
	want := d.view.clone()
	cp := want.clone().Items[k]
	cp.Number = last + 1
	want.Items = append(want.Items, cp)
	return d.withText(joinText(out)), want, true
}

func renumberLine(l string, from, to int) string {
	re := mustRe(`^(\s*(?:(?:Punkt|Pkt\.?)\s+)?)` + strconv.Itoa(from) + `\b`)
	return re.ReplaceAllString(l, "${1}"+strconv.Itoa(to))
}

func varRenumber(by int) func(d mdoc) (corpus.Document, mview, bool) {
	return func(d mdoc) (corpus.Document, mview, bool) {
		lines, its, ok := located(d)
		if !ok {
			return corpus.Document{}, mview{}, false
		}
		want := d.view.clone()
		for k, it := range d.view.Items {
			lines[its[k].numberLine] = renumberLine(lines[its[k].numberLine], it.Number, it.Number+by)
			want.Items[k].Number = it.Number + by
			for _, t := range tocLinesOf(lines, headerEnd(lines, its), it.Title) {
				lines[t] = renumberLine(lines[t], it.Number, it.Number+by)
			}
		}
		return d.withText(joinText(lines)), want, true
	}
}

var monthName = []string{"", "januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september", "oktober", "november", "december"}

// datePrintings returns the ways a date is printed, longest first, each
// with its counterpart for another date.
func datePrintings(y, m, d, y2, m2, d2 int) [][2]string {
	f := func(y, m, d int) []string {
		return []string{
			fmt.Sprintf("%02d. %s %d", d, monthName[m], y),
			fmt.Sprintf("%d. %s %d", d, monthName[m], y),
			fmt.Sprintf("%02d-%02d-%d", d, m, y),
			fmt.Sprintf("%02d.%02d.%d", d, m, y),
			fmt.Sprintf("%d-%02d-%02d", y, m, d),
			fmt.Sprintf("%d-%d-%d", d, m, y),
			fmt.Sprintf("%d.%d.%d", d, m, y),
		}
	}
	a, b := f(y, m, d), f(y2, m2, d2)
	var out [][2]string
	for i := range a {
		out = append(out, [2]string{a[i], b[i]})
	}
	return out
}

func varDate(y2, m2, d2 int) func(d mdoc) (corpus.Document, mview, bool) {
	return func(d mdoc) (corpus.Document, mview, bool) {
		if d.view.Date == "" || d.doc.Text == "" {
			return corpus.Document{}, mview{}, false
		}
		var y, m, dd int
		fmt.Sscanf(d.view.Date, "%d-%d-%d", &y, &m, &dd)
		text := d.doc.Text
		for _, p := range datePrintings(y, m, dd, y2, m2, d2) {
			text = replaceWord(text, p[0], p[1])
		}
		if text == d.doc.Text {
			return corpus.Document{}, mview{}, false
		}
		iso := fmt.Sprintf("%04d-%02d-%02d", y2, m2, d2)
		want := d.view.clone()
		want.Date = iso
		for i := range want.Items {
			for j, x := range want.Items[i].Dates {
				if x == d.view.Date {
					want.Items[i].Dates[j] = iso
				}
			}
		}
		return d.withText(text), want, true
	}
}

func varTime(printed, iso string) func(d mdoc) (corpus.Document, mview, bool) {
	return func(d mdoc) (corpus.Document, mview, bool) {
		if d.view.Time == "" || d.doc.Text == "" {
			return corpus.Document{}, mview{}, false
		}
		h, m := d.view.Time[:2], d.view.Time[3:]
		re := mustRe(`(?i)\bkl\.?\s*0?` + strings.TrimPrefix(h, "0") + `[:.]` + m + `\b`)
		lines := splitText(pageLines(d.doc.Text))
		for i, l := range lines {
			if i > 60 {
				break
			}
			if loc := re.FindStringIndex(l); loc != nil {
				lines[i] = l[:loc[0]] + printed + l[loc[1]:]
				want := d.view.clone()
				want.Time = iso
				return d.withText(joinText(lines)), want, true
			}
		}
		return corpus.Document{}, mview{}, false
	}
}

// varWrapTitles wraps the long titles of points as a PDF at full width
// does: at the last space before the 70th character.
func varWrapTitles(d mdoc) (corpus.Document, mview, bool) {
	lines, its, ok := located(d)
	if !ok {
		return corpus.Document{}, mview{}, false
	}
	changed := false
	for k := len(its) - 1; k >= 0; k-- {
		i := its[k].numberLine
		l := lines[i]
		if runeLen(l) < 76 {
			continue
		}
		r := []rune(l)
		cut := -1
		for j := 70; j > 30; j-- {
			if r[j] == ' ' {
				cut = j
				break
			}
		}
		if cut < 0 {
			continue
		}
		lines[i] = string(r[:cut]) + "\n" + string(r[cut+1:])
		changed = true
	}
	if !changed {
		return corpus.Document{}, mview{}, false
	}
	return d.withText(joinText(lines)), d.view.clone(), true
}

func runeLen(s string) int { return len([]rune(s)) }

// decisionSpan finds the lines of item k's first decision text, between
// from and to: the lines from its first to its last.
func decisionSpan(lines []string, from, to int, text string) (int, int, bool) {
	tl := strings.Split(strings.TrimSpace(text), "\n")
	first, last := strings.TrimSpace(tl[0]), strings.TrimSpace(tl[len(tl)-1])
	if first == "" {
		return 0, 0, false
	}
	for i := from; i < to; i++ {
		if strings.TrimSpace(lines[i]) != first {
			continue
		}
		for j := i; j < to && j < i+len(tl)+20; j++ {
			if strings.TrimSpace(lines[j]) == last {
				return i, j + 1, true
			}
		}
	}
	return 0, 0, false
}

// itemDecision returns the item index and the span of the first decision
// with text in an item (of the located items, or the whole text for a
// single point printed on its own).
func itemDecision(d mdoc, lines []string, its []textItem) (int, int, int, bool) {
	for k, it := range d.rec.Items {
		if len(it.Decisions) == 0 || strings.TrimSpace(it.Decisions[0].Text) == "" {
			continue
		}
		from, to := 0, len(lines)
		if its != nil {
			from, to = its[k].start, its[k].end
		} else if len(d.rec.Items) != 1 {
			return 0, 0, 0, false
		}
		if a, b, ok := decisionSpan(lines, from, to, it.Decisions[0].Text); ok {
			return k, a, b, true
		}
	}
	return 0, 0, 0, false
}

func decisionLines(d mdoc) ([]string, []textItem, bool) {
	if d.doc.Text == "" || len(d.rec.Items) == 0 {
		return nil, nil, false
	}
	lines, its, ok := located(d)
	if !ok {
		if len(d.rec.Items) != 1 {
			return nil, nil, false
		}
		lines, its = splitText(pageLines(d.doc.Text)), nil
	}
	return lines, its, true
}

func varEmptyDecision(d mdoc) (corpus.Document, mview, bool) {
	lines, its, ok := decisionLines(d)
	if !ok || len(d.rec.Items) < 2 {
		return corpus.Document{}, mview{}, false
	}
	k, a, b, ok := itemDecision(d, lines, its)
	if !ok {
		return corpus.Document{}, mview{}, false
	}
	out := append(append([]string(nil), lines[:a]...), lines[b:]...)
	want := d.view.clone()
	want.Items[k].Outcomes[0] = ""
	want.Municipality = stillNamed(joinText(out), want.Municipality)
	return d.withText(joinText(out)), want, true
}

func varOutcome(text, outcome string) func(d mdoc) (corpus.Document, mview, bool) {
	return func(d mdoc) (corpus.Document, mview, bool) {
		lines, its, ok := decisionLines(d)
		if !ok {
			return corpus.Document{}, mview{}, false
		}
		k, a, b, ok := itemDecision(d, lines, its)
		if !ok {
			return corpus.Document{}, mview{}, false
		}
		out := append(append(append([]string(nil), lines[:a]...), text), lines[b:]...)
		want := d.view.clone()
		want.Items[k].Outcomes[0] = outcome
		want.Municipality = stillNamed(joinText(out), want.Municipality)
		return d.withText(joinText(out)), want, true
	}
}

func varClosed(mark string) func(d mdoc) (corpus.Document, mview, bool) {
	return func(d mdoc) (corpus.Document, mview, bool) {
		lines, its, ok := located(d)
		if !ok || len(its) < 2 {
			return corpus.Document{}, mview{}, false
		}
		k := 1
		it := d.view.Items[k]
		if it.Closed {
			return corpus.Document{}, mview{}, false
		}
		key := it.Title
		if it.Prefix != "" {
			key = it.Prefix + " - "
		}
		key = firstRunes(key, 8)
		for _, t := range append(tocLinesOf(lines, headerEnd(lines, its), it.Title), its[k].numberLine) {
			if j := strings.Index(lines[t], key); j >= 0 {
				lines[t] = lines[t][:j] + mark + lines[t][j:]
			} else if t == its[k].numberLine {
				// The title is on the next line ("2.\tTitle" is one line,
				// "Punkt 2:" alone is not).
				return corpus.Document{}, mview{}, false
			}
		}
		want := d.view.clone()
		want.Items[k].Closed = true
		return d.withText(joinText(lines)), want, true
	}
}

// headerInsertAt is where a line can go into a meeting's header: before
// the table of contents or the first point.
func headerInsertAt(d mdoc, lines []string) (int, bool) {
	its, ok := locateItems(lines, d.view.Items)
	end := len(lines)
	if ok {
		end = headerEnd(lines, its)
	}
	for i := 0; i < end; i++ {
		t := strings.ToLower(strings.TrimSpace(lines[i]))
		if t == "indholdsfortegnelse" || strings.HasPrefix(t, "mødested") && !ok {
			if !ok {
				return i + 1, true
			}
			return i, true
		}
	}
	if ok {
		return end, true
	}
	return 0, false
}

func varAbsent(insert string, names ...string) func(d mdoc) (corpus.Document, mview, bool) {
	return func(d mdoc) (corpus.Document, mview, bool) {
		if d.doc.Text == "" || len(d.view.Items) == 0 {
			return corpus.Document{}, mview{}, false
		}
		lines := splitText(pageLines(d.doc.Text))
		at, ok := headerInsertAt(d, lines)
		if !ok {
			return corpus.Document{}, mview{}, false
		}
		out := append(append(append([]string(nil), lines[:at]...), "", insert, ""), lines[at:]...)
		want := d.view.clone()
		want.Absent = append(want.Absent, names...)
		sort.Strings(want.Absent)
		return d.withText(joinText(out)), want, true
	}
}

// textHeadings are headings under which a point's account is printed.
var textHeadings = map[string]bool{"sagsfremstilling": true, "resumé": true, "resume": true, "sammendrag": true, "baggrund": true, "problemstilling": true}

func varTable(table string) func(d mdoc) (corpus.Document, mview, bool) {
	return func(d mdoc) (corpus.Document, mview, bool) {
		lines, its, ok := located(d)
		if !ok {
			return corpus.Document{}, mview{}, false
		}
		for k := range its {
			for i := its[k].start; i < its[k].end; i++ {
				if !textHeadings[strings.ToLower(strings.TrimSpace(lines[i]))] {
					continue
				}
				// After the first sentence ending a line under the heading
				// (texts without blank lines have no paragraphs to go by).
				j := i + 1
				for j < its[k].end && !strings.HasSuffix(strings.TrimSpace(lines[j]), ".") {
					j++
				}
				j++
				if j >= its[k].end {
					break
				}
				out := append(append(append([]string(nil), lines[:j]...), "", table, ""), lines[j:]...)
				want := d.view.clone()
				want.Items[k].Tables++
				return d.withText(joinText(out)), want, true
			}
		}
		return corpus.Document{}, mview{}, false
	}
}

func varAttachments(d mdoc) (corpus.Document, mview, bool) {
	lines, its, ok := located(d)
	if !ok {
		return corpus.Document{}, mview{}, false
	}
	for k := range its {
		if d.view.Items[k].Attachments == 0 {
			continue
		}
		for i := its[k].start; i < its[k].end; i++ {
			if strings.TrimSpace(lines[i]) != "Bilag" {
				continue
			}
			spaced := i+1 < len(lines) && strings.TrimSpace(lines[i+1]) == ""
			j := i + 1
			for j < len(lines) && strings.TrimSpace(lines[j]) == "" {
				j++
			}
			if j >= its[k].end {
				break
			}
			first := strings.TrimSpace(lines[j])
			names := []string{"Notat om økonomien i projektet", "Kort over området"}
			if mustRe(`^\d{4}-\d{3,8} - `).MatchString(first) {
				names = []string{"2012-212345 - Notat om økonomien i projektet", "2012-212346 - Kort over området"}
			}
			var add []string
			for _, n := range names {
				add = append(add, n)
				if spaced {
					add = append(add, "")
				}
			}
			out := append(append(append([]string(nil), lines[:j]...), add...), lines[j:]...)
			want := d.view.clone()
			want.Items[k].Attachments += 2
			return d.withText(joinText(out)), want, true
		}
	}
	return corpus.Document{}, mview{}, false
}

// varPages breaks the text into pages of about 40 lines, with a running
// header or footer the PDF layer left, or bare.
func varPages(header, footer bool) func(d mdoc) (corpus.Document, mview, bool) {
	return func(d mdoc) (corpus.Document, mview, bool) {
		if d.doc.Text == "" {
			return corpus.Document{}, mview{}, false
		}
		lines := splitText(strings.ReplaceAll(d.doc.Text, "\f", "\n"))
		if len(lines) < 80 {
			return corpus.Document{}, mview{}, false
		}
		committee := d.view.Committee
		if committee == "" {
			committee = "Børne- og Skoleudvalget"
		}
		date := "06-02-2024"
		if d.view.Date != "" {
			var y, m, dd int
			fmt.Sscanf(d.view.Date, "%d-%d-%d", &y, &m, &dd)
			date = fmt.Sprintf("%02d-%02d-%d", dd, m, y)
		}
		pages := (len(lines) + 39) / 40
		var out []string
		for p := 0; p < pages; p++ {
			if p > 0 {
				out = append(out, "\f")
			}
			if header && p > 0 {
				out = append(out, "Referat - "+committee+" - "+date, fmt.Sprintf("Side %d af %d", p+1, pages), "")
			}
			out = append(out, lines[p*40:min((p+1)*40, len(lines))]...)
			if footer {
				out = append(out, "", fmt.Sprintf("Side %d af %d", p+1, pages))
			}
		}
		text := strings.ReplaceAll(joinText(out), "\n\f\n", "\f")
		return d.withText(text), d.view.clone(), true
	}
}

// varDagsorden turns minutes into the agenda of the same meeting: the
// title says DAGSORDEN and the decisions are not yet written.
func varDagsorden(d mdoc) (corpus.Document, mview, bool) {
	if d.view.Kind != "referat" {
		return corpus.Document{}, mview{}, false
	}
	lines, its, ok := located(d)
	if !ok {
		return corpus.Document{}, mview{}, false
	}
	drop := map[int]bool{}
	want := d.view.clone()
	for k, it := range d.rec.Items {
		want.Items[k].Outcomes, want.Items[k].Dates = nil, nil
		from := its[k].start // decisions are found in printed order
		for _, dec := range it.Decisions {
			if dec.Date != "" && dec.Date < d.view.Date {
				// An earlier meeting's decision is printed in the agenda.
				want.Items[k].Outcomes = append(want.Items[k].Outcomes, string(dec.Outcome))
				want.Items[k].Dates = append(want.Items[k].Dates, dec.Date)
				if strings.TrimSpace(dec.Text) != "" {
					if _, b, ok := decisionSpan(lines, from, its[k].end, dec.Text); ok {
						from = b
					}
				}
				continue
			}
			if strings.TrimSpace(dec.Text) == "" {
				continue
			}
			a, b, ok := decisionSpan(lines, from, its[k].end, dec.Text)
			if !ok {
				return corpus.Document{}, mview{}, false
			}
			from = b
			for i := a; i < b; i++ {
				drop[i] = true
			}
		}
	}
	titled := false
	for i := 0; i < headerEnd(lines, its); i++ {
		for _, w := range [][2]string{{"REFERAT", "DAGSORDEN"}, {"Åbent referat", "Åben dagsorden"}, {"Referat", "Dagsorden"}} {
			if n := replaceWord(lines[i], w[0], w[1]); n != lines[i] {
				lines[i], titled = n, true
			}
		}
	}
	if !titled {
		return corpus.Document{}, mview{}, false
	}
	var out []string
	for i, l := range lines {
		if !drop[i] {
			out = append(out, l)
		}
	}
	want.Kind = "dagsorden"
	return d.withText(joinText(out)), want, true
}

func varCase(label, number string) func(d mdoc) (corpus.Document, mview, bool) {
	return func(d mdoc) (corpus.Document, mview, bool) {
		lines, its, ok := located(d)
		if !ok {
			return corpus.Document{}, mview{}, false
		}
		for k, it := range d.view.Items {
			if len(it.Cases) != 1 {
				continue
			}
			c := it.Cases[0]
			for i := its[k].start; i < its[k].end && i < its[k].start+8; i++ {
				t := strings.TrimSpace(lines[i])
				switch {
				case t == c:
					lines[i] = label + number
				case strings.HasSuffix(t, " "+c) && strings.HasPrefix(strings.ToLower(t), "sagsnr"):
					lines[i] = label + number
					if label == "" {
						lines[i] = strings.TrimSuffix(t, c) + number
					}
				default:
					continue
				}
				want := d.view.clone()
				want.Items[k].Cases = []string{number}
				return d.withText(joinText(lines)), want, true
			}
		}
		return corpus.Document{}, mview{}, false
	}
}

package extract

import (
	"context"
	"fmt"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"referat/corpus"
	"referat/extract/danish"
	"referat/extract/internal/labeltest"
	"referat/ingest"
)

// This file holds metamorphic tests: each real corpus document is varied
// the way documents of other municipalities and meetings differ from it
// (another municipality, committee, date, time, numbering, case-number
// scheme, decision wording, wrapped titles, closed points, page breaks
// with running headers the PDF layer left, ...), and the record must
// change exactly as the variation says: no more, no less. A failure is a
// rule fitted to one document rather than to its format.

// mview is what score.py reads of a record, plus a few facts it does not
// score but the schema promises (absentees, closed points).
type mview struct {
	Kind, Municipality, Committee, Date, Time, Location string
	Participants                                        int
	Absent                                              []string
	Items                                               []mitem
	Letter                                              *mletter
}

type mitem struct {
	Number              int
	Prefix, Title       string
	Closed              bool
	Cases               []string
	Outcomes, Dates     []string
	Tables, Attachments int
}

type mletter struct {
	Sender, Recipient, Date, Signer string
	Journal, Cases                  []string
	Laws                            int
}

func viewOf(rec corpus.Record) mview {
	v := mview{
		Kind: string(rec.Kind), Municipality: rec.Municipality, Committee: rec.Committee,
		Date: rec.Meeting.Date, Time: rec.Meeting.Time, Location: ws(rec.Meeting.Location),
		Participants: len(rec.Meeting.Participants),
	}
	for _, a := range rec.Meeting.Absent {
		v.Absent = append(v.Absent, ws(a))
	}
	sort.Strings(v.Absent) // a set: the order is the source's
	for _, it := range rec.Items {
		mi := mitem{Number: it.Number, Prefix: it.Prefix, Title: ws(it.Title), Closed: it.Closed,
			Tables: len(it.Tables), Attachments: len(it.Attachments)}
		for _, c := range it.CaseNumbers {
			mi.Cases = append(mi.Cases, c.Raw)
		}
		for _, d := range it.Decisions {
			mi.Outcomes = append(mi.Outcomes, string(d.Outcome))
			mi.Dates = append(mi.Dates, d.Date)
		}
		v.Items = append(v.Items, mi)
	}
	if L := rec.Letter; L != nil {
		ml := &mletter{Sender: L.Sender, Recipient: L.Recipient, Date: L.Date, Signer: L.SignedBy,
			Journal: L.JournalNumbers, Laws: len(L.LawsCited)}
		for _, c := range L.CaseNumbers {
			ml.Cases = append(ml.Cases, c.Raw)
		}
		v.Letter = ml
	}
	return v
}

func ws(s string) string { return strings.Join(strings.Fields(s), " ") }

// clone deep-copies a view so that an expectation can be edited.
func (v mview) clone() mview {
	c := v
	c.Absent = append([]string(nil), v.Absent...)
	c.Items = make([]mitem, len(v.Items))
	for i, it := range v.Items {
		it.Cases = append([]string(nil), it.Cases...)
		it.Outcomes = append([]string(nil), it.Outcomes...)
		it.Dates = append([]string(nil), it.Dates...)
		c.Items[i] = it
	}
	if v.Items == nil {
		c.Items = nil
	}
	if v.Letter != nil {
		l := *v.Letter
		l.Journal = append([]string(nil), l.Journal...)
		l.Cases = append([]string(nil), l.Cases...)
		c.Letter = &l
	}
	return c
}

// mapStrings applies f to every printed string of a view (not to kind,
// dates, times and counts).
func (v mview) mapStrings(f func(string) string) mview {
	c := v.clone()
	c.Committee, c.Location = f(c.Committee), f(c.Location)
	for i := range c.Absent {
		c.Absent[i] = f(c.Absent[i])
	}
	for i := range c.Items {
		c.Items[i].Title = f(c.Items[i].Title)
	}
	if c.Letter != nil {
		c.Letter.Sender, c.Letter.Recipient = f(c.Letter.Sender), f(c.Letter.Recipient)
	}
	return c
}

// diffViews lists where got differs from want, or nil.
func diffViews(got, want mview) []string {
	var out []string
	gv, wv := reflect.ValueOf(got), reflect.ValueOf(want)
	for i := 0; i < gv.NumField(); i++ {
		name := gv.Type().Field(i).Name
		if name == "Items" || name == "Letter" {
			continue
		}
		if !reflect.DeepEqual(norms(gv.Field(i).Interface()), norms(wv.Field(i).Interface())) {
			out = append(out, fmt.Sprintf("%s: got %v; want %v", name, gv.Field(i).Interface(), wv.Field(i).Interface()))
		}
	}
	if len(got.Items) != len(want.Items) {
		out = append(out, fmt.Sprintf("items: got %d; want %d (got numbers %v; want %v)", len(got.Items), len(want.Items), numbers(got.Items), numbers(want.Items)))
	}
	for i := 0; i < len(got.Items) && i < len(want.Items); i++ {
		g, w := got.Items[i], want.Items[i]
		if !reflect.DeepEqual(normItem(g), normItem(w)) {
			out = append(out, fmt.Sprintf("item %d: got %+v; want %+v", w.Number, g, w))
		}
	}
	if !reflect.DeepEqual(got.Letter, want.Letter) {
		out = append(out, fmt.Sprintf("letter: got %+v; want %+v", deref(got.Letter), deref(want.Letter)))
	}
	return out
}

func deref(l *mletter) any {
	if l == nil {
		return nil
	}
	return *l
}

func numbers(its []mitem) []int {
	var out []int
	for _, it := range its {
		out = append(out, it.Number)
	}
	return out
}

func normItem(it mitem) mitem {
	it.Title = labeltest.Norm(it.Title)
	if len(it.Cases) == 0 {
		it.Cases = nil
	}
	if len(it.Outcomes) == 0 {
		it.Outcomes, it.Dates = nil, nil
	}
	return it
}

func norms(x any) any {
	switch v := x.(type) {
	case string:
		return labeltest.Norm(v)
	case []string:
		if len(v) == 0 {
			return []string(nil)
		}
	}
	return x
}

// mdoc is a corpus document with its record as the extractor makes it.
type mdoc struct {
	rel  string
	doc  corpus.Document
	view mview
	rec  corpus.Record
}

// withText returns the document with other text.
func (d mdoc) withText(text string) corpus.Document {
	doc := d.doc
	doc.Text = text
	doc.ID = ""
	return doc
}

// variation varies a document; ok is false when it does not apply.
type variation struct {
	name  string
	apply func(d mdoc) (doc corpus.Document, want mview, ok bool)
}

// metamorphicDocs are the corpus documents the text variations run on:
// minutes and agendas of each layout, and documents that are not minutes
// (which must stay without items).
var metamorphicDocs = []string{
	"seeds/000_734b34927aab3490.txt",
	"seeds/001_4ba81b541cf419a1.txt",
	"seeds/003_b83d5a285e58b211.txt",
	"seeds/004_9618094e2dce791b.txt",
	"aarhus/aarhus-byraad-referat-2025-08-27.pdf",
	"ballerup-edoc-2012-12-04/1552814_Aabent-referat_Sundheds-og-Forebyggelsesudvalget.pdf",
	"ballerup-edoc-2012-12-04/1552816.pdf",
	"ballerup-edoc-2012-12-04/1552817.pdf",
	"other/english/eastpaloalto_ca_minutes_2020-01-27.pdf",
	"other/aarhus_2023-08-MTM-juridisk-notat.pdf",
	"other/lyngby-taarbaek_Stoejhandlingsplan-2024-udtraek.pdf",
	"aarhus/aarhus-udvalgsnotat-mtm.pdf",
}

// readCorpusDoc reads a corpus document as the pipeline does.
func readCorpusDoc(t *testing.T, rel string) (corpus.Document, bool) {
	p, ok := docPath(t, rel)
	if !ok {
		return corpus.Document{}, false
	}
	doc, err := ingest.ReadFile(context.Background(), p, ingest.Options{})
	if err != nil {
		t.Fatalf("read %s: %v", rel, err)
	}
	doc.Source.Path = filepath.ToSlash(rel)
	return doc, true
}

// varResult counts the outcomes of one variation.
type varResult struct {
	applied, passed int
	failures        []string
}

// runVariations applies every variation to every document and reports the
// pass rate per variation. A failure not listed in known fails the test,
// and so does a known failure that passes (the list must stay true).
func runVariations(t *testing.T, docs []mdoc, vars []variation, known map[string]string) {
	t.Helper()
	results := map[string]*varResult{}
	var names []string
	totalApplied, totalPassed := 0, 0
	for _, v := range vars {
		r := &varResult{}
		results[v.name] = r
		names = append(names, v.name)
		for _, d := range docs {
			doc, want, ok := v.apply(d)
			if !ok {
				continue
			}
			r.applied++
			got := viewOf(Record(doc))
			diff := diffViews(got, want)
			key := v.name + " " + d.rel
			_, isKnown := known[key]
			switch {
			case len(diff) == 0 && isKnown:
				t.Errorf("%s: passes but is listed as a known failure; remove it from the list", key)
				r.passed++
			case len(diff) == 0:
				r.passed++
			case isKnown:
				r.failures = append(r.failures, key+" (known: "+known[key]+")")
			default:
				t.Errorf("%s:\n\t%s", key, strings.Join(diff, "\n\t"))
				r.failures = append(r.failures, key)
			}
		}
		totalApplied += r.applied
		totalPassed += r.passed
	}
	sort.Strings(names)
	for _, n := range names {
		r := results[n]
		t.Logf("%-28s %3d/%3d", n, r.passed, r.applied)
		for _, f := range r.failures {
			t.Logf("    fails: %s", f)
		}
	}
	t.Logf("metamorphic pass rate %d/%d", totalPassed, totalApplied)
}

func loadMetamorphic(t *testing.T, rels []string) []mdoc {
	var docs []mdoc
	for _, rel := range rels {
		doc, ok := readCorpusDoc(t, rel)
		if !ok {
			t.Logf("%s: absent, skipped", rel)
			continue
		}
		rec := Record(doc)
		docs = append(docs, mdoc{rel: rel, doc: doc, rec: rec, view: viewOf(rec)})
	}
	if len(docs) == 0 {
		t.Skip("no corpus documents present")
	}
	return docs
}

// TestMetamorphicMinutes varies minutes and agendas given as text (text
// files, PDFs through the text layer) and documents that are not minutes.
func TestMetamorphicMinutes(t *testing.T) {
	docs := loadMetamorphic(t, metamorphicDocs)
	runVariations(t, docs, append(textVariations(), layoutVariations()...), knownTextFailures)
}

// knownTextFailures are variations that fail for a reason outside the
// extractor's rules, with the reason.
var knownTextFailures = map[string]string{}

// ---- locating the parts of a text ----

// textItem is where an agenda point stands in a document's text.
type textItem struct {
	start, end int // line indices: [start, end)
	numberLine int // the line printing the number (== start)
}

var (
	punktStart = `^\s*(?:Punkt|Pkt\.?)\s+%d\s*[:.]`
	numStart   = `^\s*%d\.(?:\s|$)`
)

// locateItems finds the lines where the record's items start in text, or
// false when any cannot be found (a single item page, unnumbered items).
func locateItems(lines []string, items []mitem) ([]textItem, bool) {
	if len(items) == 0 {
		return nil, false
	}
	var out []textItem
	from := 0
	for _, it := range items {
		at := -1
		for _, pat := range []string{punktStart, numStart} {
			re := mustRe(fmt.Sprintf(pat, it.Number))
			for i := from; i < len(lines); i++ {
				l := lines[i]
				if !re.MatchString(l) || tocLine(l) {
					continue
				}
				if !titleNear(lines, i, it.Title) {
					continue
				}
				at = i
				break
			}
			if at >= 0 {
				break
			}
		}
		if at < 0 {
			return nil, false
		}
		out = append(out, textItem{start: at, numberLine: at})
		from = at + 1
	}
	for k := range out {
		if k+1 < len(out) {
			out[k].end = out[k+1].start
		} else {
			out[k].end = len(lines)
		}
	}
	return out, true
}

func tocLine(l string) bool {
	return strings.Contains(l, "....") || strings.Contains(l, "…") || mustRe(`\t\d{1,3}\s*$`).MatchString(l) || strings.HasPrefix(strings.TrimSpace(l), "|")
}

// titleNear reports whether the start of title is printed on line i or
// the next non-blank line.
func titleNear(lines []string, i int, title string) bool {
	key := labeltest.Norm(firstRunes(title, 12))
	seen := 0
	for j := i; j < len(lines) && seen < 2; j++ {
		if strings.TrimSpace(lines[j]) == "" {
			continue
		}
		seen++
		if strings.Contains(labeltest.Norm(lines[j]), key) {
			return true
		}
	}
	return false
}

func firstRunes(s string, n int) string {
	r := []rune(s)
	if len(r) > n {
		r = r[:n]
	}
	return string(r)
}

// headerEnd is the line where the first item starts.
func headerEnd(lines []string, items []textItem) int {
	if len(items) == 0 {
		return len(lines)
	}
	return items[0].start
}

// tocLinesOf returns the indices of table-of-contents lines naming title
// before line end: the entry, without its number, leader and page, starts
// the title (an entry may be cut short) or the title starts it.
func tocLinesOf(lines []string, end int, title string) []int {
	want := labeltest.Norm(title)
	var out []int
	for i := 0; i < end && i < len(lines); i++ {
		l := lines[i]
		if !tocLine(l) {
			// An entry wrapped onto a line holding the rest and the page.
			if i+1 >= end || !tocLine(lines[i+1]) || mustRe(`^\s*\d{1,3}\.\s`).MatchString(lines[i+1]) || strings.TrimSpace(l) == "" {
				continue
			}
			l = strings.TrimSpace(l) + " " + lines[i+1]
		}
		e := tocEntryText(l)
		if len([]rune(e)) >= 10 && strings.HasPrefix(want, e) || e != "" && strings.HasPrefix(e, want) {
			out = append(out, i)
		}
	}
	return out
}

// tocEntryText is a TOC line's title, normalised, without number, prefix,
// closed mark, dotted leader and page.
func tocEntryText(l string) string {
	l = strings.TrimSpace(strings.Trim(strings.TrimSpace(l), "|"))
	if i := strings.Index(l, "|"); i >= 0 {
		l = l[:i]
	}
	l = mustRe(`\s*(?:\.{3,}|…+).*$`).ReplaceAllString(l, "")
	l = mustRe(`\t.*$`).ReplaceAllString(l, "")
	l = mustRe(`^\d{1,3}\.\s+`).ReplaceAllString(l, "")
	l = mustRe(`^(?i:lukket(?: punkt)?:\s*)`).ReplaceAllString(l, "")
	l = mustRe(`^[A-ZÆØÅ]{1,6}(?:/[A-ZÆØÅ]{1,6})* - `).ReplaceAllString(l, "")
	return labeltest.Norm(l)
}

func splitText(text string) []string { return strings.Split(text, "\n") }
func joinText(lines []string) string { return strings.Join(lines, "\n") }

// replaceWord replaces whole-word occurrences of old in s.
func replaceWord(s, old, new string) string {
	if old == "" {
		return s
	}
	var b strings.Builder
	for {
		i := strings.Index(s, old)
		if i < 0 {
			b.WriteString(s)
			return b.String()
		}
		before, _ := utf8.DecodeLastRuneInString(s[:i])
		after, _ := utf8.DecodeRuneInString(s[i+len(old):])
		if i > 0 && (unicode.IsLetter(before) || unicode.IsDigit(before)) || i+len(old) < len(s) && (unicode.IsLetter(after) || unicode.IsDigit(after)) {
			b.WriteString(s[:i+len(old)])
		} else {
			b.WriteString(s[:i] + new)
		}
		s = s[i+len(old):]
	}
}

// municipalityStem is the name of a municipality as printed before
// "Kommune".
func municipalityStem(name string) string {
	s := strings.TrimSuffix(strings.TrimSuffix(name, " Kommune"), " Regionskommune")
	return s
}

var _ = danish.MunicipalityName

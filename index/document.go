package index

import (
	"cmp"
	"encoding/json"
	"fmt"
	"path"
	"slices"
	"strings"
	"time"

	"referat/corpus"
)

// entry is one Bleve document, item or whole record, as a field map.
type entry struct {
	id     string
	fields map[string]any
}

// agendaPosition is the i-th item's place in its record as a keyword
// that sorts in agenda order.
func agendaPosition(i int) string { return fmt.Sprintf("%05d", i) }

// ItemID returns the index id of an item: "<recordID>/<number>" for the
// first item of a record with that number, and "<recordID>/<number>.<k>"
// for the k-th repeat of the number (minutes sometimes print a number
// twice), items counted in record order.
func ItemID(recordID string, number, repeat int) string {
	if repeat == 0 {
		return fmt.Sprintf("%s/%d", recordID, number)
	}
	return fmt.Sprintf("%s/%d.%d", recordID, number, repeat)
}

// entries turns a record into its index documents: one per item, then the
// whole document, in its place among the forms of its meeting.
func entries(r *corpus.Record, place formPlace) ([]entry, error) {
	if r.ID == "" {
		return nil, fmt.Errorf("record without id")
	}
	date := recordDate(r)
	common := func(typ string) map[string]any {
		f := map[string]any{
			fType:   typ,
			fRecord: r.ID,
			fKind:   string(r.Kind),
		}
		if m := cmp.Or(recordMunicipality(r), place.municipality); m != "" {
			f[fMunicipality] = m
			f[fMunicipText] = m
		} else {
			// One facet value for every record without a municipality,
			// so that none drops silently out of a comparison.
			f[fMunicipality] = UnknownMunicipality
		}
		if r.Committee != "" {
			f[fCommittee] = r.Committee
			f[fCommitText] = r.Committee
		}
		if !date.IsZero() {
			f[fDate] = date
			f[fDay] = date.Format(time.DateOnly)
			f[fYear] = date.Format("2006")
		}
		return f
	}

	var out []entry
	seen := map[int]int{}
	shared := sharedNames(r)
	for i := range r.Items {
		it := &r.Items[i]
		f := common(TypeItem)
		if place.formOf == "" {
			f[fListed] = "1"
		}
		f[fNumber] = float64(it.Number)
		f[fPosition] = agendaPosition(i)
		f[fTitle] = it.Title
		f[fBody] = itemBody(it)
		addParts(f, it.Title, f[fBody].(string))
		if it.Outcome != "" {
			f[fOutcome] = string(it.Outcome)
			f[fLastOutcome] = string(it.Outcome)
			if it.DecidedBy != "" || it.DecidedOn != "" {
				f[fDecidedBy] = it.DecidedBy + "\x1f" + it.DecidedOn
			}
		}
		var heads []string
		for _, s := range it.Sections {
			if h := strings.TrimSpace(s.Heading); h != "" {
				heads = append(heads, h)
			}
		}
		if len(it.Decisions) > 0 {
			heads = append(heads, "Beslutning")
		}
		if len(heads) > 0 {
			heads = dedupe(heads)
			f[fHeading] = heads
			f[fHeadingText] = strings.Join(heads, "\n")
		}
		addCaseNumbers(f, it.CaseNumbers, nil)
		addPeople(f, r, it)
		if keys := itemAttachKeys(r, it, shared); len(keys) > 0 {
			f[fAttachKey] = keys
		}
		if len(it.Decisions) > 0 {
			b, err := json.Marshal(it.Decisions)
			if err != nil {
				return nil, fmt.Errorf("record %s item %d: %w", r.ID, it.Number, err)
			}
			f[fDecisions] = string(b)
		}
		out = append(out, entry{id: ItemID(r.ID, it.Number, seen[it.Number]), fields: f})
		seen[it.Number]++
	}

	f := common(TypeDocument)
	f[fTitle] = recordTitle(r)
	if len(r.Items) == 0 {
		// The document is the unit a reader wants: list it and keep its
		// text for snippets. A document with items is found through them;
		// of its own text only what lies outside the items is indexed
		// (header, participants, contents, item titles), so that the
		// items' text is not analysed and indexed twice.
		f[fListed] = "1"
		f[fBody] = r.Text
		addParts(f, f[fTitle].(string), r.Text)
	} else {
		f[fFulltext] = outsideItems(r)
		addParts(f, f[fTitle].(string), f[fFulltext].(string))
	}
	var cns []corpus.CaseNumber
	var journal []string
	if r.Letter != nil {
		cns = r.Letter.CaseNumbers
		journal = r.Letter.JournalNumbers
	}
	for i := range r.Items {
		cns = append(cns, r.Items[i].CaseNumbers...)
	}
	addCaseNumbers(f, cns, journal)
	addPeople(f, r, nil)
	if keys := documentNameKeys(r); len(keys) > 0 {
		f[fNameKey] = keys
	}
	if mf := formOfRecord(r); mf != nil {
		f[fMeeting] = mf.bucket
		f[fFormSig] = mf.sig()
	}
	if place.formOf != "" {
		f[fFormOf] = place.formOf
	}
	out = append(out, entry{id: r.ID, fields: f})
	for _, e := range out {
		if place.formOf != "" {
			e.fields[fAlternate] = "1"
		}
		if fv := facetValues(e.fields); len(fv) > 0 {
			e.fields[fFacet] = fv
		}
	}
	return out, nil
}

// facetSep separates a facet's code from its value in fFacet.
const facetSep = "\x1f"

// facetOfCode maps the codes of fFacet to facet names.
var facetOfCode = func() map[string]string {
	m := map[string]string{}
	for name, f := range facetFields {
		if f.code != "" {
			m[f.code] = name
		}
	}
	return m
}()

// facetValues returns the fFacet values of an entry: every value of the
// fields of the default facets, prefixed by the facet's code.
func facetValues(f map[string]any) []string {
	var out []string
	for _, ff := range facetFields {
		if ff.code == "" {
			continue
		}
		switch v := f[ff.field].(type) {
		case string:
			out = append(out, ff.code+facetSep+v)
		case []string:
			for _, s := range v {
				out = append(out, ff.code+facetSep+s)
			}
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// minCut is the shortest item text cut out of a document's text: shorter
// ones ("Godkendt.") would match elsewhere.
const minCut = 40

// maxCutWork bounds the bytes outsideItems searches and copies for one
// record.
const maxCutWork = 1 << 30

// outsideItems returns the text of a record with the text of its items'
// sections, decisions and recommendations cut out, where found verbatim.
func outsideItems(r *corpus.Record) string {
	text := r.Text
	// Each cut searches and copies the text: quadratic in a record of
	// many items and much text. Past a fixed amount of work the rest is
	// left in (indexed twice, never lost), so one record costs bounded
	// time; no real record comes near it.
	work := 0
	cut := func(s string) {
		s = strings.TrimSpace(s)
		if len(s) < minCut || work > maxCutWork {
			return
		}
		work += 2 * len(text)
		if i := strings.Index(text, s); i >= 0 {
			text = text[:i] + "\n" + text[i+len(s):]
		}
	}
	for i := range r.Items {
		it := &r.Items[i]
		for _, s := range it.Sections {
			cut(s.Text)
		}
		for _, d := range it.Decisions {
			cut(d.Text)
		}
		for _, rec := range it.Recommendations {
			cut(rec)
		}
	}
	return text
}

// addCaseNumbers sets the case-number fields from structured numbers and
// bare journal numbers.
func addCaseNumbers(f map[string]any, cns []corpus.CaseNumber, journal []string) {
	var raw, keys, sch, kle, subj []string
	seenKLE := map[string]bool{}
	for _, c := range cns {
		k := NormalizeCaseNumber(c.Raw)
		if k == "" {
			continue
		}
		raw = append(raw, strings.TrimSpace(c.Raw))
		keys = append(keys, k)
		if c.Scheme != "" {
			sch = append(sch, c.Scheme)
		}
		if c.KLE != "" && !seenKLE[c.KLE] {
			// kle and subj stay parallel: Case pairs them by position.
			seenKLE[c.KLE] = true
			kle = append(kle, c.KLE)
			if c.Subject != "" {
				subj = append(subj, c.Subject)
			} else {
				subj = append(subj, c.KLE)
			}
		}
	}
	for _, j := range journal {
		if k := NormalizeCaseNumber(j); k != "" {
			raw = append(raw, strings.TrimSpace(j))
			keys = append(keys, k)
		}
	}
	if len(keys) == 0 {
		return
	}
	f[fCaseRaw] = dedupe(raw)
	f[fCase] = dedupe(keys)
	if len(sch) > 0 {
		f[fScheme] = dedupe(sch)
	}
	if len(kle) > 0 {
		f[fKLE] = kle
		f[fSubject] = subj
		f[fSubjectText] = strings.Join(subj, "\n")
	}
}

// itemBody is an item's searchable text: decisions first (they make the
// best default snippet), then recommendations, sections, tables and
// attachments, leaving out text repeated from an earlier part.
func itemBody(it *corpus.Item) string {
	var b strings.Builder
	put := func(s string) {
		s = strings.TrimSpace(s)
		if s == "" || strings.Contains(b.String(), s) {
			return
		}
		if b.Len() > 0 {
			b.WriteString("\n\n")
		}
		b.WriteString(s)
	}
	for _, d := range it.Decisions {
		put(d.Text)
	}
	for _, r := range it.Recommendations {
		put(r)
	}
	for _, s := range it.Sections {
		put(s.Text)
	}
	for _, t := range it.Tables {
		var tb strings.Builder
		tb.WriteString(t.Caption)
		for _, row := range append([][]string{t.Header}, t.Rows...) {
			tb.WriteByte('\n')
			tb.WriteString(strings.Join(row, "\t"))
		}
		put(tb.String())
	}
	put(strings.Join(it.Attachments, "\n"))
	return b.String()
}

// recordDate is the meeting date, or a letter's date.
func recordDate(r *corpus.Record) time.Time {
	d := r.Meeting.Date
	if d == "" && r.Letter != nil {
		d = r.Letter.Date
	}
	t, err := time.Parse("2006-01-02", d)
	if err != nil {
		return time.Time{}
	}
	return t
}

// UnknownMunicipality is the municipality facet's value (and a hit's
// municipality) for records whose municipality is not known.
const UnknownMunicipality = "Ukendt"

// recordMunicipality is the municipality a record concerns: its own, or
// for a letter to a municipality, the recipient.
func recordMunicipality(r *corpus.Record) string {
	if r.Municipality != "" {
		return r.Municipality
	}
	if r.Letter != nil && strings.Contains(r.Letter.Recipient, "Kommune") {
		return strings.TrimSpace(r.Letter.Recipient)
	}
	return ""
}

// recordTitle is what a result list shows for a whole document.
func recordTitle(r *corpus.Record) string {
	if r.Title != "" {
		return r.Title
	}
	if r.Letter != nil && r.Letter.Subject != "" {
		return r.Letter.Subject
	}
	var parts []string
	switch r.Kind {
	case corpus.KindReferat:
		parts = append(parts, "Referat")
	case corpus.KindDagsorden:
		parts = append(parts, "Dagsorden")
	}
	if r.Committee != "" {
		parts = append(parts, r.Committee)
	}
	if r.Meeting.Date != "" {
		parts = append(parts, r.Meeting.Date)
	}
	if len(parts) > 0 {
		return strings.Join(parts, " ")
	}
	if p := r.Source.Path; p != "" {
		return path.Base(p)
	}
	return r.Source.URL
}

func dedupe(ss []string) []string {
	out := ss[:0:0]
	seen := map[string]bool{}
	for _, s := range ss {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}

// addPeople adds the names of who took part (fParticipant: the meeting's
// participants), who was absent (fAbsent: the meeting's, the item's and
// its votes') and who voted how (fFor, fAgainst, fReserved) to an item's
// fields, or to a whole document's when it is nil (then every item's
// absentees and votes count). Names are folded for matching (analyzerFold),
// one name a line so a name never runs into the next.
func addPeople(f map[string]any, r *corpus.Record, it *corpus.Item) {
	absent := slices.Clone(r.Meeting.Absent)
	var pro, con, res []string
	items := r.Items
	if it != nil {
		items = []corpus.Item{*it}
	}
	for i := range items {
		absent = append(absent, items[i].Absent...)
		for _, d := range items[i].Decisions {
			if d.Votes == nil {
				continue
			}
			pro = append(pro, d.Votes.For...)
			con = append(con, d.Votes.Against...)
			res = append(res, d.Votes.Reserved...)
			absent = append(absent, d.Votes.Absent...)
		}
	}
	put := func(field string, names []string) {
		if len(names) > 0 {
			f[field] = strings.Join(dedupe(names), "\n")
		}
	}
	put(fParticipant, r.Meeting.Participants)
	put(fAbsent, absent)
	put(fFor, pro)
	put(fAgainst, con)
	put(fReserved, res)
}

// addParts gives the compounds' parts field (fParts) the searched text:
// title and text.
func addParts(f map[string]any, title, text string) {
	f[fParts] = title + "\n" + text
}

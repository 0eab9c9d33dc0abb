package index

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"
	"unicode"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"

	"referat/corpus"
)

// One meeting is often published in several forms: an eDoc HTML export
// and its XML, a First Agenda JSON and its web page, an agenda and then
// its minutes. Each form is a record of its own (its bytes are its id),
// but a reader counts the meeting once. The index groups the forms of a
// meeting as it indexes them: the most complete form is listed (found,
// faceted, counted), the others are indexed as alternate forms of it
// (fAlternate, fFormOf), kept and reachable by id but never a hit, a
// facet count or a Count. Which form is listed depends only on the forms,
// never on the order they were indexed in: each Index or Delete decides
// again for the meetings it touches and re-indexes a form whose part
// changed, reading its record from the RecordSource (SetRecords).

// RecordSource gives the index the records it holds, so that indexing or
// deleting one form of a meeting can index the others again.
type RecordSource interface {
	Record(id string) (*corpus.Record, error)
}

// SetRecords tells the index where to read the records it holds (the
// corpus store). Without one, a form already indexed is never indexed
// again: it stays listed when a more complete form of its meeting comes
// later, which is then listed as its alternate instead.
func (x *Index) SetRecords(src RecordSource) {
	x.wmu.Lock()
	defer x.wmu.Unlock()
	x.records = src
}

// minSharedTitles is the share of the larger form's item titles the
// other must print as well for two records to be one meeting: "most",
// so that an agenda and minutes that add a point still meet, and two
// meetings of a committee on one day that share only "Godkendelse af
// dagsorden" and "Eventuelt" do not.
const minSharedTitles = 0.8

// meetingForm is what deciding a record's place among the forms of its
// meeting needs of it: stored with its whole document (fMeeting,
// fFormSig), so that the forms already indexed need not be read.
type meetingForm struct {
	id           string
	bucket       string   // committee and date: only records of one bucket can be one meeting
	municipality string   // the record's own (recordMunicipality), "" when unknown
	rank         string   // completeness, compared as strings: the most complete form is listed
	titles       []string // normalised item titles (normTitle), sorted
}

// formOfRecord returns a record's meetingForm, or nil for a record that
// names no meeting that another form could share: one without committee,
// meeting date or items (letters, notes).
func formOfRecord(r *corpus.Record) *meetingForm {
	committee := foldName(r.Committee)
	if committee == "" || r.Meeting.Date == "" || len(r.Items) == 0 || r.Letter != nil {
		return nil
	}
	f := &meetingForm{id: r.ID, bucket: committee + "\x1f" + r.Meeting.Date, municipality: recordMunicipality(r)}
	decided := 0
	for i := range r.Items {
		if len(r.Items[i].Decisions) > 0 {
			decided++
		}
		if t := normTitle(r.Items[i].Title); t != "" {
			f.titles = append(f.titles, t)
		}
	}
	if len(f.titles) == 0 {
		return nil
	}
	slices.Sort(f.titles)
	// Decided items, then items, then a known municipality, then text:
	// minutes before their agenda, the fuller form before the thinner.
	known := 0
	if f.municipality != "" {
		known = 1
	}
	f.rank = fmt.Sprintf("%06d.%06d.%d.%010d", decided, len(r.Items), known, len(r.Text))
	return f
}

// sameMeeting reports whether two forms of one bucket (committee and
// date) are one meeting: no two different municipalities, and most item
// titles shared (minSharedTitles of the larger form's).
func sameMeeting(a, b *meetingForm) bool {
	if a.bucket != b.bucket {
		return false
	}
	if a.municipality != "" && b.municipality != "" && foldName(a.municipality) != foldName(b.municipality) {
		return false
	}
	shared, i, j := 0, 0, 0
	for i < len(a.titles) && j < len(b.titles) {
		switch c := strings.Compare(a.titles[i], b.titles[j]); {
		case c == 0:
			shared++
			i++
			j++
		case c < 0:
			i++
		default:
			j++
		}
	}
	return shared > 0 && float64(shared) >= minSharedTitles*float64(max(len(a.titles), len(b.titles)))
}

// normTitle folds an item title for comparing forms: lower case, letters
// and digits, one space between words.
func normTitle(s string) string {
	return strings.Join(strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}), " ")
}

// foldName folds a committee's or municipality's name for comparing
// forms: lower case, one space between words.
func foldName(s string) string { return strings.Join(strings.Fields(strings.ToLower(s)), " ") }

// The stored form of a meetingForm (fFormSig): rank, municipality and
// titles, separated by sigSep.
const sigSep = "\x1e"

func (f *meetingForm) sig() string {
	return f.rank + sigSep + f.municipality + sigSep + strings.Join(f.titles, "\x1f")
}

func parseSig(id, bucket, sig string) *meetingForm {
	parts := strings.SplitN(sig, sigSep, 3)
	if len(parts) != 3 || bucket == "" {
		return nil
	}
	f := &meetingForm{id: id, bucket: bucket, rank: parts[0], municipality: parts[1]}
	if parts[2] != "" {
		f.titles = strings.Split(parts[2], "\x1f")
	}
	return f
}

// formPlace is a record's place among the forms of its meeting: the
// listed form's id when it is an alternate ("" when it is listed), and
// the municipality its entries carry when it has none of its own.
type formPlace struct {
	formOf       string
	municipality string
}

// indexedForm is a form already in the index, with its place there.
type indexedForm struct {
	*meetingForm
	place formPlace
}

// placeForms decides the place of each form of the buckets given: forms
// are clustered into meetings (sameMeeting, transitively), the form of
// the highest rank (then the smallest id, so that the order forms came in
// never matters) is listed and the others are its alternates. A meeting
// whose forms name one municipality between them gives it to the forms
// that name none: they print the same committee, date and items, so they
// are that municipality's too. Forms naming different municipalities are
// never one meeting (sameMeeting), so the fill is never a choice.
func placeForms(forms []*meetingForm) map[string]formPlace {
	slices.SortFunc(forms, func(a, b *meetingForm) int {
		if c := strings.Compare(a.bucket, b.bucket); c != 0 {
			return c
		}
		if c := strings.Compare(b.rank, a.rank); c != 0 {
			return c
		}
		return strings.Compare(a.id, b.id)
	})
	places := map[string]formPlace{}
	done := make([]bool, len(forms))
	for i := range forms {
		if done[i] {
			continue
		}
		// The cluster of forms[i], the best of it first, as forms are
		// sorted best first within a bucket.
		cluster := []int{i}
		done[i] = true
		for k := 0; k < len(cluster); k++ {
			for j := i + 1; j < len(forms) && forms[j].bucket == forms[i].bucket; j++ {
				if !done[j] && sameMeeting(forms[cluster[k]], forms[j]) {
					done[j] = true
					cluster = append(cluster, j)
				}
			}
		}
		slices.Sort(cluster)
		muni := ""
		for _, c := range cluster {
			if m := forms[c].municipality; m != "" {
				muni = m
				break
			}
		}
		listed := forms[cluster[0]].id
		for _, c := range cluster {
			p := formPlace{}
			if forms[c].id != listed {
				p.formOf = listed
			}
			if forms[c].municipality == "" {
				p.municipality = muni
			}
			places[forms[c].id] = p
		}
	}
	return places
}

// regroup decides the places of the forms of the meetings that indexing
// recs and removing the records removed touches: recs' forms and those
// already indexed in their buckets, and in the buckets recs and removed
// had before. It returns the places of recs and the records already
// indexed whose place changed, with their new places.
func (x *Index) regroup(ctx context.Context, recs []*corpus.Record, removed []string) (mine map[string]formPlace, moved map[string]formPlace, err error) {
	var forms []*meetingForm
	replaced := map[string]bool{}
	buckets := map[string]bool{}
	for _, r := range recs {
		replaced[r.ID] = true
		if f := formOfRecord(r); f != nil {
			forms = append(forms, f)
			buckets[f.bucket] = true
		}
	}
	for _, id := range removed {
		replaced[id] = true
	}
	// The buckets the replaced records were in: their alternates stay
	// there when a record's committee or date changed.
	if len(replaced) > 0 {
		ids := make([]string, 0, len(replaced))
		for id := range replaced {
			ids = append(ids, id)
		}
		old, err := x.indexedForms(ctx, query.NewDocIDQuery(ids))
		if err != nil {
			return nil, nil, err
		}
		for _, f := range old {
			buckets[f.bucket] = true
		}
	}
	if len(buckets) == 0 {
		return nil, nil, nil
	}
	bq := make([]query.Query, 0, len(buckets))
	for b := range buckets {
		bq = append(bq, term(fMeeting, b))
	}
	indexed, err := x.indexedForms(ctx, query.NewDisjunctionQuery(bq))
	if err != nil {
		return nil, nil, err
	}
	before := map[string]formPlace{}
	for _, f := range indexed {
		if replaced[f.id] {
			continue
		}
		before[f.id] = f.place
		if x.records == nil {
			// It cannot be indexed again: keep it where it is, ahead
			// of every new form.
			f.rank = "~" + f.rank
		}
		forms = append(forms, f.meetingForm)
	}
	places := placeForms(forms)
	mine, moved = map[string]formPlace{}, map[string]formPlace{}
	for id, p := range places {
		if b, ok := before[id]; ok {
			if b != p && x.records != nil {
				moved[id] = p
			}
			continue
		}
		mine[id] = p
	}
	return mine, moved, nil
}

// indexedForms returns the forms of the whole documents q matches, with
// their places.
func (x *Index) indexedForms(ctx context.Context, q query.Query) ([]indexedForm, error) {
	tq := query.NewBooleanQuery([]query.Query{q, term(fType, TypeDocument)}, nil, nil)
	var out []indexedForm
	const page = 1000
	for from := 0; ; from += page {
		req := bleve.NewSearchRequestOptions(tq, page, from, false)
		req.Fields = []string{fMeeting, fFormSig, fFormOf, fMunicipality}
		res, err := x.bi.SearchInContext(ctx, req)
		if err != nil {
			return nil, fmt.Errorf("forms of meetings: %w", err)
		}
		for _, h := range res.Hits {
			f := parseSig(h.ID, str(h.Fields[fMeeting]), str(h.Fields[fFormSig]))
			if f == nil {
				continue
			}
			p := formPlace{formOf: str(h.Fields[fFormOf])}
			if m := str(h.Fields[fMunicipality]); f.municipality == "" && m != UnknownMunicipality {
				p.municipality = m
			}
			out = append(out, indexedForm{f, p})
		}
		if len(res.Hits) < page {
			return out, nil
		}
	}
}

// MeetingForm is one form of a meeting published in several (see
// MeetingForms).
type MeetingForm struct {
	RecordID string `json:"record_id"`
	// Listed is set on the form searches find; the others are its
	// alternates.
	Listed bool `json:"listed"`
}

// MeetingForms returns every form of the meeting of record id, the
// listed one first, then its alternates by id; nil when the record is
// the meeting's only form (or not indexed).
func (x *Index) MeetingForms(ctx context.Context, id string) ([]MeetingForm, error) {
	self, err := x.indexedForms(ctx, query.NewDocIDQuery([]string{id}))
	if err != nil {
		return nil, fmt.Errorf("forms of %s: %w", id, err)
	}
	if len(self) == 0 {
		return nil, nil
	}
	listed := cmp.Or(self[0].place.formOf, id)
	alts, err := x.indexedForms(ctx, term(fFormOf, listed))
	if err != nil {
		return nil, fmt.Errorf("forms of %s: %w", id, err)
	}
	if len(alts) == 0 {
		return nil, nil
	}
	out := []MeetingForm{{RecordID: listed, Listed: true}}
	for _, a := range alts {
		out = append(out, MeetingForm{RecordID: a.id})
	}
	slices.SortFunc(out[1:], func(a, b MeetingForm) int { return strings.Compare(a.RecordID, b.RecordID) })
	return out, nil
}

// MeetingMunicipality returns the municipality the index gives record
// id: its own, or where it names none, the one another form of its
// meeting names (see placeForms); "" when none is known or the record is
// not indexed.
func (x *Index) MeetingMunicipality(ctx context.Context, id string) (string, error) {
	m, err := x.municipalityOf(ctx, id)
	if err != nil {
		return "", fmt.Errorf("municipality of %s: %w", id, err)
	}
	if m == UnknownMunicipality {
		return "", nil
	}
	return m, nil
}

// AlternateForm is a record indexed as an alternate form of a meeting
// (see AlternateForms).
type AlternateForm struct {
	// Of is the record id of the meeting's listed form.
	Of string
	// Municipality is the record's own, or where it names none, the one
	// another form of its meeting gives it; "" when none does.
	Municipality string
}

// AlternateForms returns every record indexed as an alternate form of a
// meeting, by id: what pages counting the store's records (coverage,
// people) leave out or merge to count a meeting once.
func (x *Index) AlternateForms(ctx context.Context) (map[string]AlternateForm, error) {
	alts, err := x.indexedForms(ctx, term(fAlternate, "1"))
	if err != nil {
		return nil, err
	}
	out := make(map[string]AlternateForm, len(alts))
	for _, a := range alts {
		out[a.id] = AlternateForm{Of: a.place.formOf, Municipality: cmp.Or(a.municipality, a.place.municipality)}
	}
	return out, nil
}

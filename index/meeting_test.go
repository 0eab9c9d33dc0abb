package index_test

import (
	"context"
	"encoding/json"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"referat/corpus"
	"referat/extract"
	"referat/index"
	"referat/ingest"
	"referat/internal/testcorpus"
)

// The Middelfart eDoc meeting of 2 May 2017, published as an HTML export
// (which names the municipality) and as its publication XML (which does
// not): one meeting in two forms.
const (
	middelfartHTML = "middelfart-edoc-2017/2017-04-21_12.00.48_41a93779-8b2a-414b-9f87-691e24f8f40a.html"
	middelfartXML  = "middelfart-edoc-2017/2017-04-21_12.00.48_41a93779-8b2a-414b-9f87-691e24f8f40a.xml"
)

// extracted reads a file of testdata/corpus through ingest and extract,
// as referat ingest does.
func extracted(t *testing.T, rel string) *corpus.Record {
	t.Helper()
	doc, err := ingest.ReadFile(context.Background(), testcorpus.Path(rel), ingest.Options{})
	if err != nil {
		t.Fatalf("ingest %s: %v", rel, err)
	}
	r := extract.Record(doc)
	return &r
}

// recordMap is a RecordSource over records in memory.
type recordMap map[string]*corpus.Record

func (m recordMap) Record(id string) (*corpus.Record, error) {
	if r, ok := m[id]; ok {
		return r, nil
	}
	return nil, corpus.ErrNotFound
}

func newFormsIndex(t *testing.T, recs ...*corpus.Record) *index.Index {
	t.Helper()
	x, err := index.Open(filepath.Join(t.TempDir(), "index"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { x.Close() })
	src := recordMap{}
	for _, r := range recs {
		src[r.ID] = r
	}
	x.SetRecords(src)
	return x
}

// copyRecord returns a deep copy of r with another id.
func copyRecord(t *testing.T, r *corpus.Record, id string) *corpus.Record {
	t.Helper()
	b, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	var c corpus.Record
	if err := json.Unmarshal(b, &c); err != nil {
		t.Fatal(err)
	}
	c.ID = id
	return &c
}

// listedOnce checks that the meeting of listed, whose other forms are
// alts, is found, faceted and counted once, as listed, through the
// segment engine and through Bleve alike, and that every form names the
// others.
func listedOnce(t *testing.T, x *index.Index, listed *corpus.Record, municipality string, alts ...*corpus.Record) {
	t.Helper()
	ctx := context.Background()
	n := len(listed.Items)
	for _, engine := range []bool{true, false} {
		x.UseEngine(engine)
		for _, typ := range []string{"", index.TypeItem} {
			res, err := x.Search(ctx, index.Request{Type: typ, PageSize: index.MaxPageSize, Facets: []string{"municipality", "committee"}})
			if err != nil {
				t.Fatal(err)
			}
			if res.Total != uint64(n) {
				t.Errorf("engine %v, type %q: %d hits; want the %d items of one form", engine, typ, res.Total, n)
			}
			for _, h := range res.Hits {
				if h.RecordID != listed.ID {
					t.Errorf("engine %v, type %q: hit %s of record %s; want only the listed form %s", engine, typ, h.ID, h.RecordID, listed.ID)
				}
			}
			want := []index.FacetCount{{Value: listed.Committee, Count: n}}
			if got := res.Facets["committee"]; !reflect.DeepEqual(got, want) {
				t.Errorf("engine %v, type %q: committee facet %+v; want %+v", engine, typ, got, want)
			}
			want = []index.FacetCount{{Value: municipality, Count: n}}
			if got := res.Facets["municipality"]; !reflect.DeepEqual(got, want) {
				t.Errorf("engine %v, type %q: municipality facet %+v; want %+v", engine, typ, got, want)
			}
		}
		res, err := x.Search(ctx, index.Request{Type: index.TypeDocument, Committee: []string{listed.Committee}})
		if err != nil {
			t.Fatal(err)
		}
		if res.Total != 1 || res.Hits[0].RecordID != listed.ID {
			t.Errorf("engine %v: documents %+v; want the listed form's alone", engine, res.Hits)
		}
	}
	x.UseEngine(true)
	if items, docs, err := x.Count(); err != nil || items != uint64(n) || docs != 1 {
		t.Errorf("Count() = %d items, %d documents, %v; want %d, 1", items, docs, err, n)
	}
	want := []index.MeetingForm{{RecordID: listed.ID, Listed: true}}
	for _, a := range alts {
		want = append(want, index.MeetingForm{RecordID: a.ID})
	}
	if len(alts) == 0 {
		want = nil
	}
	for _, r := range append([]*corpus.Record{listed}, alts...) {
		if ok, err := x.Has(r.ID); !ok || err != nil {
			t.Errorf("Has(%s) = %v, %v; want every form kept", r.ID, ok, err)
		}
		got, err := x.MeetingForms(ctx, r.ID)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("MeetingForms(%s) = %+v; want %+v", r.ID, got, want)
		}
	}
}

// TestMeetingFormsListedOnce indexes the Middelfart meeting's HTML and
// XML in every order, together and in separate calls: the meeting is
// listed once, as its HTML (as many items, and it names its
// municipality), faceted under Middelfart once, and both forms are kept
// and name each other. Removing the listed form lists the other again;
// indexing a form again changes nothing.
func TestMeetingFormsListedOnce(t *testing.T) {
	ctx := context.Background()
	html, xml := extracted(t, middelfartHTML), extracted(t, middelfartXML)
	if html.Municipality == "" || xml.Municipality != "" || len(html.Items) != len(xml.Items) {
		t.Fatalf("HTML %q %d items, XML %q %d items; want the HTML alone naming its municipality, as many items", html.Municipality, len(html.Items), xml.Municipality, len(xml.Items))
	}
	const middelfart = "Middelfart Kommune"
	for _, order := range []struct {
		name  string
		calls [][]*corpus.Record
	}{
		{"html+xml", [][]*corpus.Record{{html, xml}}},
		{"xml+html", [][]*corpus.Record{{xml, html}}},
		{"html then xml", [][]*corpus.Record{{html}, {xml}}},
		{"xml then html", [][]*corpus.Record{{xml}, {html}}},
	} {
		t.Run(order.name, func(t *testing.T) {
			x := newFormsIndex(t, html, xml)
			for _, call := range order.calls {
				if err := x.Index(ctx, call); err != nil {
					t.Fatal(err)
				}
			}
			listedOnce(t, x, html, middelfart, xml)

			// A form ingested again: nothing moves.
			if err := x.Index(ctx, []*corpus.Record{xml}); err != nil {
				t.Fatal(err)
			}
			listedOnce(t, x, html, middelfart, xml)
			if err := x.Index(ctx, []*corpus.Record{html}); err != nil {
				t.Fatal(err)
			}
			listedOnce(t, x, html, middelfart, xml)

			// The listed form removed: the XML comes back, on its own
			// (its municipality unknown again).
			if err := x.Delete(ctx, []string{html.ID}); err != nil {
				t.Fatal(err)
			}
			listedOnce(t, x, xml, index.UnknownMunicipality)
			if err := x.Index(ctx, []*corpus.Record{html}); err != nil {
				t.Fatal(err)
			}
			listedOnce(t, x, html, middelfart, xml)
		})
	}
}

// TestMeetingFormMunicipalityFilled makes the XML the more complete form
// (a decision on one item): it is listed, and carries the municipality
// its HTML names, which it prints the same committee, date and items
// as. Removing the HTML leaves it without one again.
func TestMeetingFormMunicipalityFilled(t *testing.T) {
	ctx := context.Background()
	html, xml := extracted(t, middelfartHTML), extracted(t, middelfartXML)
	decided := copyRecord(t, xml, strings.Repeat("d", 64))
	decided.Items[0].Decisions = []corpus.Decision{{Body: decided.Committee, Date: decided.Meeting.Date, Text: "Godkendt.", Outcome: corpus.OutcomeApproved}}
	decided.Items[0].Outcome = corpus.OutcomeApproved
	for _, calls := range [][][]*corpus.Record{{{html, decided}}, {{html}, {decided}}, {{decided}, {html}}} {
		x := newFormsIndex(t, html, decided)
		for _, call := range calls {
			if err := x.Index(ctx, call); err != nil {
				t.Fatal(err)
			}
		}
		listedOnce(t, x, decided, "Middelfart Kommune", html)
		if err := x.Delete(ctx, []string{html.ID}); err != nil {
			t.Fatal(err)
		}
		listedOnce(t, x, decided, index.UnknownMunicipality)
	}
}

// TestDifferentMeetingsStayApart: records that share a committee and a
// date but not their items, or their items and date but not their
// committee or municipality, are different meetings, each listed.
func TestDifferentMeetingsStayApart(t *testing.T) {
	ctx := context.Background()
	html, xml := extracted(t, middelfartHTML), extracted(t, middelfartXML)
	kultur := extracted(t, "greve-firstagenda-api/greve_Kultur-_og_Fritidsudvalget_2024-03-20.json")
	social := extracted(t, "greve-firstagenda-api/greve_Social-_og_Handicapudvalget_2024-03-18.json")

	// Two meetings of one committee on one day (Social's points on
	// Kultur's committee and date).
	sameDay := copyRecord(t, social, strings.Repeat("a", 64))
	sameDay.Committee, sameDay.Meeting.Date = kultur.Committee, kultur.Meeting.Date

	// The XML's points on the same day in another committee.
	otherCommittee := copyRecord(t, xml, strings.Repeat("b", 64))
	otherCommittee.Committee = "Økonomiudvalget"

	// The XML's points, but said to be another municipality's.
	otherMunicipality := copyRecord(t, xml, strings.Repeat("c", 64))
	otherMunicipality.Municipality = "Greve Kommune"

	// Same committee and day, but only 3 of 5 points in common.
	fewShared := copyRecord(t, xml, strings.Repeat("e", 64))
	fewShared.Items[0].Title = "Budgetopfølgning"
	fewShared.Items[2].Title = "Anlægsregnskab"

	for _, c := range []struct {
		name string
		a, b *corpus.Record
	}{
		{"same committee and day, other points", kultur, sameDay},
		{"same points and day, other committee", html, otherCommittee},
		{"same points, committee and day, other municipality", html, otherMunicipality},
		{"same committee and day, few points shared", html, fewShared},
	} {
		t.Run(c.name, func(t *testing.T) {
			x := newFormsIndex(t, c.a, c.b)
			for _, call := range [][]*corpus.Record{{c.a}, {c.b}} {
				if err := x.Index(ctx, call); err != nil {
					t.Fatal(err)
				}
			}
			want := uint64(len(c.a.Items) + len(c.b.Items))
			res, err := x.Search(ctx, index.Request{PageSize: 1})
			if err != nil {
				t.Fatal(err)
			}
			if res.Total != want {
				t.Errorf("%d hits; want %d, both meetings' items", res.Total, want)
			}
			for _, r := range []*corpus.Record{c.a, c.b} {
				if forms, err := x.MeetingForms(ctx, r.ID); err != nil || forms != nil {
					t.Errorf("MeetingForms(%s) = %+v, %v; want none", r.ID, forms, err)
				}
			}
		})
	}
}

// TestAgendaThenMinutes: the agenda of a meeting (Greve's Kultur- og
// Fritidsudvalget of 20 March 2024, its decisions not yet taken) is
// indexed first, its minutes later: from then on the minutes are the
// meeting listed, the agenda another form of it.
func TestAgendaThenMinutes(t *testing.T) {
	ctx := context.Background()
	minutes := extracted(t, "greve-firstagenda-api/greve_Kultur-_og_Fritidsudvalget_2024-03-20.json")
	// An id before the minutes', so that only completeness lists them.
	agenda := copyRecord(t, minutes, strings.Repeat("0", 63)+"f")
	agenda.Kind = corpus.KindDagsorden
	decided := 0
	for i := range agenda.Items {
		if len(agenda.Items[i].Decisions) > 0 {
			decided++
		}
		agenda.Items[i].Decisions, agenda.Items[i].Outcome = nil, ""
	}
	if decided == 0 {
		t.Fatal("the minutes record no decision; the test checks nothing")
	}
	x := newFormsIndex(t, minutes, agenda)
	for _, call := range [][]*corpus.Record{{agenda}, {minutes}} {
		if err := x.Index(ctx, call); err != nil {
			t.Fatal(err)
		}
	}
	listedOnce(t, x, minutes, minutes.Municipality, agenda)
}

// TestMeetingFormNotStored: a form whose place changes but whose record
// the RecordSource no longer has stays as it was indexed, and the record
// being indexed is indexed all the same.
func TestMeetingFormNotStored(t *testing.T) {
	ctx := context.Background()
	html, xml := extracted(t, middelfartHTML), extracted(t, middelfartXML)
	x := newFormsIndex(t, html) // the XML is not in the source
	if err := x.Index(ctx, []*corpus.Record{xml}); err != nil {
		t.Fatal(err)
	}
	if err := x.Index(ctx, []*corpus.Record{html}); err != nil {
		t.Fatalf("Index(HTML) with the XML, listed before, not stored: %v", err)
	}
	if ok, err := x.Has(html.ID); !ok || err != nil {
		t.Errorf("Has(HTML) = %v, %v; want it indexed", ok, err)
	}
}

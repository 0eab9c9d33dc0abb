package extract

import (
	"bytes"
	"encoding/json"
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"referat/corpus"
)

// Metamorphic tests of meetings published as data (First Agenda's API
// JSON) and as generated pages and exports (First Agenda web pages, eDoc
// HTML and XML, SBSYS XML): the variations are those another
// municipality's or another meeting's publication has.

var dataDocs = []string{
	"greve-firstagenda-api/greve_Kultur-_og_Fritidsudvalget_2024-03-20.json",
	"greve-firstagenda-api/greve_Social-_og_Handicapudvalget_2024-03-18.json",
	"greve-firstagenda-api/greve_Økonomiudvalget_2023-11-27.json",
	"greve-firstagenda-api/greve_Klima-_Teknik-_og_Miljøudvalget_2024-03-14.json",
	"aarhus/aarhus-byraad-dagsorden-2025-10-08.html",
	"middelfart-edoc-2017/2017-04-21_12.00.48_41a93779-8b2a-414b-9f87-691e24f8f40a.html",
	"middelfart-edoc-2017/2017-04-21_12.00.48_41a93779-8b2a-414b-9f87-691e24f8f40a.xml",
	"ballerup-sbsys-2013/Publication32.xml",
	"other/region-hovedstaden-sbsys-2012/Publication553.xml",
}

// TestMetamorphicData varies meetings published as data or generated
// pages.
func TestMetamorphicData(t *testing.T) {
	docs := loadMetamorphic(t, dataDocs)
	runVariations(t, docs, append(jsonVariations(), rawVariations()...), knownDataFailures)
}

var knownDataFailures = map[string]string{}

func (d mdoc) withRaw(raw []byte) corpus.Document {
	doc := d.doc
	doc.Raw = raw
	doc.ID = ""
	return doc
}

// faDoc decodes a First Agenda API meeting, or false for other documents.
func faDoc(d mdoc) (map[string]any, bool) {
	if d.doc.Format != corpus.FormatJSON {
		return nil, false
	}
	var m map[string]any
	if err := json.Unmarshal(bytes.TrimPrefix(d.doc.Raw, []byte("\xef\xbb\xbf")), &m); err != nil {
		return nil, false
	}
	if _, ok := m["Dagsordenpunkter"]; !ok {
		return nil, false
	}
	return m, true
}

func faItems(m map[string]any) []map[string]any {
	var out []map[string]any
	for _, x := range m["Dagsordenpunkter"].([]any) {
		out = append(out, x.(map[string]any))
	}
	return out
}

func faEncode(m map[string]any) []byte {
	b, err := json.Marshal(m)
	if err != nil {
		panic(err)
	}
	return b
}

// jsonVariation builds a variation of a First Agenda meeting from an edit
// of the decoded JSON and of the expected view.
func jsonVariation(edit func(m map[string]any, want *mview) bool) func(d mdoc) (corpus.Document, mview, bool) {
	return func(d mdoc) (corpus.Document, mview, bool) {
		m, ok := faDoc(d)
		if !ok {
			return corpus.Document{}, mview{}, false
		}
		want := d.view.clone()
		if !edit(m, &want) {
			return corpus.Document{}, mview{}, false
		}
		return d.withRaw(faEncode(m)), want, true
	}
}

// decisionSpan of First Agenda: the text under <h3>Beslutning</h3>.
var faDecision = regexp.MustCompile(`(?s)(<h3>Beslutning</h3>\s*<span>)(.*?)(</span>)`)

// faFirstDecision returns the item index (in the record's order) of the
// first item whose field holds a decision with text.
func faFirstDecision(items []map[string]any, want mview) (int, map[string]any, bool) {
	for k, it := range items {
		for _, f := range it["Felter"].([]any) {
			fm := f.(map[string]any)
			h, _ := fm["Html"].(string)
			if m := faDecision.FindStringSubmatch(h); m != nil && strings.TrimSpace(stripTags(m[2])) != "" {
				if k < len(want.Items) && len(want.Items[k].Outcomes) > 0 {
					return k, fm, true
				}
			}
		}
	}
	return 0, nil, false
}

var tagRe = regexp.MustCompile(`<[^>]*>`)

func stripTags(s string) string { return tagRe.ReplaceAllString(s, " ") }

func jsonVariations() []variation {
	vs := []variation{
		{"json/municipality", jsonVariation(func(m map[string]any, want *mview) bool {
			b := faEncode(m)
			if !bytes.Contains(b, []byte("dagsordener.greve.dk")) {
				return false
			}
			b = bytes.ReplaceAll(b, []byte("dagsordener.greve.dk"), []byte("dagsordener.roskilde.dk"))
			b = []byte(replaceWord(string(b), "Greve", "Roskilde"))
			for k := range m {
				delete(m, k)
			}
			json.Unmarshal(b, &m)
			*want = want.mapStrings(func(s string) string { return replaceWord(s, "Greve", "Roskilde") })
			want.Municipality = "Roskilde Kommune"
			return true
		})},
		{"json/committee", jsonVariation(func(m map[string]any, want *mview) bool {
			m["Udvalg"].(map[string]any)["Navn"] = "Børne- og Skoleudvalget"
			want.Committee = "Børne- og Skoleudvalget"
			return true
		})},
		{"json/date", jsonVariation(func(m map[string]any, want *mview) bool {
			old := want.Date
			m["Moede"].(map[string]any)["Dato"] = "2024-11-19T09:00:00+01:00"
			want.Date, want.Time = "2024-11-19", "09:00"
			for i := range want.Items {
				for j, x := range want.Items[i].Dates {
					if x == old {
						want.Items[i].Dates[j] = "2024-11-19"
					}
				}
			}
			return true
		})},
		{"json/drop", jsonVariation(func(m map[string]any, want *mview) bool {
			items := m["Dagsordenpunkter"].([]any)
			if len(items) < 2 {
				return false
			}
			k := len(items) / 2
			m["Dagsordenpunkter"] = append(items[:k:k], items[k+1:]...)
			want.Items = append(want.Items[:k:k], want.Items[k+1:]...)
			return true
		})},
		{"json/renumber40", jsonVariation(func(m map[string]any, want *mview) bool {
			for k, it := range faItems(m) {
				n := want.Items[k].Number + 39
				it["Punktnummer"], it["Number"] = strconv.Itoa(n), strconv.Itoa(n)
				want.Items[k].Number = n
			}
			return true
		})},
		{"json/closed", jsonVariation(func(m map[string]any, want *mview) bool {
			items := faItems(m)
			if len(items) < 2 || want.Items[1].Closed {
				return false
			}
			items[1]["Navn"] = "Lukket: " + items[1]["Navn"].(string)
			items[1]["Caption"] = items[1]["Navn"]
			want.Items[1].Closed = true
			return true
		})},
		{"json/agenda", jsonVariation(func(m map[string]any, want *mview) bool {
			// Not yet held: not closed, decisions not written.
			m["Moede"].(map[string]any)["Afsluttet"] = false
			for _, it := range faItems(m) {
				for _, f := range it["Felter"].([]any) {
					fm := f.(map[string]any)
					if h, ok := fm["Html"].(string); ok {
						fm["Html"] = faDecision.ReplaceAllString(h, "")
					}
				}
			}
			want.Kind = "dagsorden"
			for i := range want.Items {
				var os, ds []string
				for j, date := range want.Items[i].Dates {
					if date != "" && date < want.Date {
						os, ds = append(os, want.Items[i].Outcomes[j]), append(ds, date)
					}
				}
				want.Items[i].Outcomes, want.Items[i].Dates = os, ds
			}
			return true
		})},
		{"json/empty-decision", jsonVariation(func(m map[string]any, want *mview) bool {
			k, f, ok := faFirstDecision(faItems(m), *want)
			if !ok {
				return false
			}
			f["Html"] = faDecision.ReplaceAllString(f["Html"].(string), "${1}${3}")
			for j, date := range want.Items[k].Dates {
				if date == want.Date {
					want.Items[k].Outcomes[j] = ""
				}
			}
			return true
		})},
		{"json/attachments", jsonVariation(func(m map[string]any, want *mview) bool {
			it := faItems(m)[0]
			bilag, _ := it["Bilag"].([]any)
			it["Bilag"] = append(bilag, map[string]any{"Navn": "Notat om økonomien"}, map[string]any{"Navn": "Kort over området"})
			want.Items[0].Attachments += 2
			return true
		})},
		{"json/absent", jsonVariation(func(m map[string]any, want *mview) bool {
			ps, _ := m["Moede"].(map[string]any)["Moededeltagere"].([]any)
			if len(ps) < 2 {
				return false
			}
			p := ps[0].(map[string]any)
			if p["Absent"] == true {
				return false
			}
			p["Absent"] = true
			want.Participants--
			want.Absent = append(want.Absent, p["Name"].(string))
			sort.Strings(want.Absent)
			return true
		})},
	}
	for _, c := range []string{"24/12345", "S2024-1234", "EMN-2024-001234", "00.01.00-A00-1-24", "2024-012345"} {
		c := c
		vs = append(vs, variation{"json/case/" + c, jsonVariation(func(m map[string]any, want *mview) bool {
			it := faItems(m)[0]
			it["SagsNummer"], it["CaseNumber"] = c, c
			want.Items[0].Cases = []string{c}
			return true
		})})
	}
	for _, p := range []struct{ text, want string }{
		{"Anbefales over for Økonomiudvalget.", "recommended"},
		{"Udsat.", "postponed"},
		{"Ikke godkendt.", "rejected"},
		{"Taget til efterretning med de faldne bemærkninger.", "noted"},
		{"<p>Indstillingen godkendt.</p><p>Fraværende: Jens Jensen</p>", "approved"},
	} {
		p := p
		vs = append(vs, variation{"json/outcome/" + p.want, jsonVariation(func(m map[string]any, want *mview) bool {
			k, f, ok := faFirstDecision(faItems(m), *want)
			if !ok {
				return false
			}
			f["Html"] = faDecision.ReplaceAllString(f["Html"].(string), "${1}"+p.text+"${3}")
			for j, date := range want.Items[k].Dates {
				if date == want.Date {
					want.Items[k].Outcomes[j] = p.want
				}
			}
			return true
		})})
	}
	return vs
}

// rawVariations vary the bytes of generated pages and exports.
func rawVariations() []variation {
	return []variation{
		{"raw/committee", func(d mdoc) (corpus.Document, mview, bool) {
			c := d.view.Committee
			if d.doc.Format == corpus.FormatJSON || c == "" || !bytes.Contains(d.doc.Raw, []byte(c)) {
				return corpus.Document{}, mview{}, false
			}
			to := "Børne- og Skoleudvalget"
			want := d.view.mapStrings(func(s string) string { return strings.ReplaceAll(s, c, to) })
			want.Committee = to
			if d.view.Municipality != "" && strings.Contains(c, municipalityStem(d.view.Municipality)) {
				want.Municipality = stillNamedRaw(d, c, to)
			}
			// Some exports print the name in capitals too.
			raw := bytes.ReplaceAll(d.doc.Raw, []byte(c), []byte(to))
			raw = bytes.ReplaceAll(raw, []byte(strings.ToUpper(c)), []byte(strings.ToUpper(to)))
			return d.withRaw(raw), want, true
		}},
		{"raw/municipality", func(d mdoc) (corpus.Document, mview, bool) {
			if d.doc.Format == corpus.FormatJSON || d.view.Municipality == "" {
				return corpus.Document{}, mview{}, false
			}
			stem := municipalityStem(d.view.Municipality)
			raw := replaceWord(string(d.doc.Raw), stem, "Roskilde")
			raw = strings.ReplaceAll(raw, strings.ToLower(stem), "roskilde") // addresses, image names
			if raw == string(d.doc.Raw) {
				return corpus.Document{}, mview{}, false
			}
			want := d.view.mapStrings(func(s string) string { return replaceWord(s, stem, "Roskilde") })
			want.Municipality = "Roskilde Kommune"
			return d.withRaw([]byte(raw)), want, true
		}},
		{"raw/date", func(d mdoc) (corpus.Document, mview, bool) {
			if d.doc.Format == corpus.FormatJSON || d.view.Date == "" {
				return corpus.Document{}, mview{}, false
			}
			var y, m, dd int
			fmt.Sscanf(d.view.Date, "%d-%d-%d", &y, &m, &dd)
			raw := string(d.doc.Raw)
			for _, p := range datePrintings(y, m, dd, 2024, 11, 19) {
				raw = replaceWord(raw, p[0], p[1])
			}
			raw = replaceWord(raw, fmt.Sprintf("%d-%02d-%02dT", y, m, dd), "2024-11-19T")
			if raw == string(d.doc.Raw) {
				return corpus.Document{}, mview{}, false
			}
			want := d.view.clone()
			want.Date = "2024-11-19"
			for i := range want.Items {
				for j, x := range want.Items[i].Dates {
					if x == d.view.Date {
						want.Items[i].Dates[j] = "2024-11-19"
					}
				}
			}
			return d.withRaw([]byte(raw)), want, true
		}},
	}
}

// stillNamedRaw is the municipality a page names once its committee is
// renamed: "Aarhus Byråd" renamed leaves the mentions elsewhere.
func stillNamedRaw(d mdoc, from, to string) string {
	rec := Record(d.withRaw(bytes.ReplaceAll(d.doc.Raw, []byte(from), []byte(to))))
	return stillNamed(rec.Text, d.view.Municipality)
}

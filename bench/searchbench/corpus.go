package main

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	"referat/corpus"
	"referat/extract"
	"referat/extract/danish"
	"referat/ingest"
	"referat/internal/testcorpus"
)

// generatorVersion changes whenever the generated corpus changes for the
// same real records, so that cached data directories are rebuilt.
const generatorVersion = "searchbench-2"

// realRecords extracts every document of testdata/corpus and, when present,
// ../shared/corpus through ingest and extract, as `referat ingest` would,
// once per distinct id. Documents that cannot be read are skipped.
func realRecords(ctx context.Context) ([]corpus.Record, error) {
	dirs := []string{testcorpus.Dir()}
	if d := testcorpus.SharedDir(); d != "" {
		dirs = append(dirs, d)
	}
	jobs, _ := ingest.Plan(dirs)
	seen := map[string]bool{}
	var recs []corpus.Record
	for _, j := range jobs {
		doc, err := ingest.ReadJob(ctx, j, ingest.Options{})
		if err != nil {
			continue // e.g. a legacy .doc beside its PDF
		}
		r := extract.Record(doc)
		if seen[r.ID] || strings.TrimSpace(r.Text) == "" && len(r.Items) == 0 {
			continue
		}
		seen[r.ID] = true
		recs = append(recs, r)
	}
	if len(recs) == 0 {
		return nil, fmt.Errorf("no documents in %s", strings.Join(dirs, ", "))
	}
	return recs, nil
}

// fingerprint names the generated corpus: the generator and the real
// records it varies.
func fingerprint(real []corpus.Record) string {
	h := sha256.New()
	fmt.Fprintln(h, generatorVersion)
	for _, r := range real {
		fmt.Fprintln(h, r.ID, r.ExtractorVersion, len(r.Items))
	}
	return hex.EncodeToString(h.Sum(nil))[:16]
}

// generator makes meetings and documents by varying real records; see the
// package comment for how.
type generator struct {
	rng *rand.Rand

	meetings  []*corpus.Record // real records with items: the meeting templates
	items     []corpus.Item    // all real items: the item templates
	itemMuni  []string         // the municipality each template item comes from
	documents []*corpus.Record // real records without items

	// Paragraph pools: by normalised section heading, and all paragraphs
	// of real text (items' sections and documents without items).
	byHeading map[string][]string
	anyPara   []string

	munis      []string  // the 98 municipalities
	muniWeight []float64 // cumulative Zipf weights over munis
	committees map[string][]string
	commPool   []string

	seq int // records made so far
}

var paraSplit = regexp.MustCompile(`\n\s*\n`)

func newGenerator(real []corpus.Record, seed uint64) *generator {
	g := &generator{
		rng:        rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15)),
		byHeading:  map[string][]string{},
		committees: map[string][]string{},
	}
	commSeen := map[string]bool{}
	for i := range real {
		r := &real[i]
		if r.Committee != "" && !commSeen[r.Committee] {
			commSeen[r.Committee] = true
			g.commPool = append(g.commPool, r.Committee)
		}
		if len(r.Items) == 0 {
			g.documents = append(g.documents, r)
			g.anyPara = append(g.anyPara, paragraphs(r.Text)...)
			continue
		}
		g.meetings = append(g.meetings, r)
		for _, it := range r.Items {
			if it.Title == "" {
				continue
			}
			g.items = append(g.items, it)
			g.itemMuni = append(g.itemMuni, r.Municipality)
			for _, s := range it.Sections {
				for _, p := range paragraphs(s.Text) {
					h := headingKey(s.Heading)
					g.byHeading[h] = append(g.byHeading[h], p)
					g.anyPara = append(g.anyPara, p)
				}
			}
		}
	}
	// Standing committees most municipalities have, besides the real ones.
	for _, c := range []string{"Økonomiudvalget", "Kommunalbestyrelsen", "Byrådet", "Teknik- og Miljøudvalget",
		"Social- og Sundhedsudvalget", "Børne- og Skoleudvalget", "Kultur- og Fritidsudvalget",
		"Beskæftigelsesudvalget", "Ældre- og Sundhedsudvalget", "Plan- og Boligudvalget", "Klima- og Miljøudvalget",
		"Erhvervs- og Turismeudvalget", "Handicaprådet", "Folkeoplysningsudvalget"} {
		if !commSeen[c] {
			commSeen[c] = true
			g.commPool = append(g.commPool, c)
		}
	}
	// Municipalities differ in size and so in output: weight them by a
	// Zipf law over a fixed shuffled order.
	g.munis = danish.Municipalities()
	g.rng.Shuffle(len(g.munis), func(i, j int) { g.munis[i], g.munis[j] = g.munis[j], g.munis[i] })
	sum := 0.0
	for i := range g.munis {
		sum += 1 / math.Pow(float64(i+1), 0.8)
		g.muniWeight = append(g.muniWeight, sum)
	}
	for i := range g.muniWeight {
		g.muniWeight[i] /= sum
	}
	// Each municipality has six to ten committees of the pool.
	for _, m := range g.munis {
		n := 6 + g.rng.IntN(5)
		perm := g.rng.Perm(len(g.commPool))
		for _, k := range perm[:min(n, len(perm))] {
			g.committees[m] = append(g.committees[m], g.commPool[k])
		}
	}
	return g
}

func (g *generator) municipality() string {
	u := g.rng.Float64()
	i, _ := slices.BinarySearch(g.muniWeight, u)
	return g.munis[min(i, len(g.munis)-1)]
}

// paragraphs splits text at blank lines, keeping paragraphs with words.
func paragraphs(text string) []string {
	var out []string
	for _, p := range paraSplit.Split(text, -1) {
		if p = strings.TrimSpace(p); len(p) >= 20 {
			out = append(out, p)
		}
	}
	return out
}

func headingKey(h string) string {
	return strings.ToLower(strings.Trim(strings.TrimSpace(h), ":."))
}

// next returns the next generated record: a meeting with items, or now and
// then a document without items.
func (g *generator) next(maxItems int) *corpus.Record {
	g.seq++
	id := corpus.Hash(fmt.Appendf(nil, "%s %d", generatorVersion, g.seq))
	muni := g.municipality()
	date := fmt.Sprintf("%d-%02d-%02d", 2008+g.rng.IntN(18), 1+g.rng.IntN(12), 1+g.rng.IntN(28))
	if len(g.documents) > 0 && g.seq%25 == 0 {
		return g.document(id, muni, date)
	}
	tpl := g.meetings[g.rng.IntN(len(g.meetings))]
	r := &corpus.Record{
		Schema:           corpus.SchemaVersion,
		ID:               id,
		Kind:             tpl.Kind,
		Source:           corpus.Source{Path: fmt.Sprintf("searchbench/%d.json", g.seq)},
		Municipality:     muni,
		Committee:        g.committees[muni][g.rng.IntN(len(g.committees[muni]))],
		Meeting:          corpus.Meeting{Date: date, Time: tpl.Meeting.Time, Location: g.rename(tpl.Meeting.Location, tpl.Municipality, muni)},
		ExtractorVersion: extract.Version,
		Format:           tpl.Format,
	}
	n := min(len(tpl.Items), maxItems)
	var text strings.Builder
	fmt.Fprintf(&text, "%s\n%s %s\n\n", r.Municipality, r.Committee, date)
	for k := 1; k <= n; k++ {
		ti := g.rng.IntN(len(g.items))
		it := g.item(g.items[ti], g.itemMuni[ti], muni, r.Committee, date)
		it.Number = k
		r.Items = append(r.Items, it)
		writeItem(&text, &it)
	}
	r.Text = text.String()
	return r
}

// item varies a real item for another municipality, committee and date: a
// third of its paragraphs are replaced by paragraphs under the same heading
// elsewhere (or, now and then, by any real paragraph), its numbers are
// redrawn, and the name of its municipality becomes the new one's.
func (g *generator) item(tpl corpus.Item, fromMuni, muni, committee, date string) corpus.Item {
	it := corpus.Item{
		Prefix:      tpl.Prefix,
		Title:       g.rename(tpl.Title, fromMuni, muni),
		Competence:  tpl.Competence,
		Attachments: tpl.Attachments,
		Closed:      tpl.Closed,
	}
	for _, cn := range tpl.CaseNumbers {
		it.CaseNumbers = append(it.CaseNumbers, g.caseNumber(cn))
	}
	for _, s := range tpl.Sections {
		var b strings.Builder
		for _, p := range paragraphs(s.Text) {
			if g.rng.IntN(3) == 0 {
				pool := g.byHeading[headingKey(s.Heading)]
				if len(pool) < 2 || g.rng.IntN(5) == 0 {
					pool = g.anyPara
				}
				p = pool[g.rng.IntN(len(pool))]
			}
			if b.Len() > 0 {
				b.WriteString("\n\n")
			}
			b.WriteString(p)
		}
		it.Sections = append(it.Sections, corpus.Section{Heading: s.Heading, Text: g.numbers(g.rename(b.String(), fromMuni, muni))})
	}
	for _, d := range tpl.Decisions {
		d.Body, d.Date = committee, date
		d.Text = g.numbers(g.rename(d.Text, fromMuni, muni))
		d.Votes = nil
		it.Decisions = append(it.Decisions, d)
	}
	for _, rec := range tpl.Recommendations {
		it.Recommendations = append(it.Recommendations, g.numbers(g.rename(rec, fromMuni, muni)))
	}
	return it
}

// document varies a real document without items (a letter, a
// principmeddelelse, a note).
func (g *generator) document(id, muni, date string) *corpus.Record {
	tpl := g.documents[g.rng.IntN(len(g.documents))]
	r := *tpl
	r.ID = id
	r.Source = corpus.Source{Path: fmt.Sprintf("searchbench/%d.pdf", g.seq)}
	r.Parts = nil
	if tpl.Municipality != "" {
		r.Municipality = muni
	}
	r.Text = g.numbers(g.rename(tpl.Text, tpl.Municipality, muni))
	r.Title = g.rename(tpl.Title, tpl.Municipality, muni)
	if tpl.Letter != nil {
		l := *tpl.Letter
		l.Date = date
		if strings.Contains(l.Recipient, "Kommune") {
			l.Recipient = muni
		}
		l.JournalNumbers = nil
		for _, j := range tpl.Letter.JournalNumbers {
			l.JournalNumbers = append(l.JournalNumbers, g.numbers(j))
		}
		l.CaseNumbers = nil
		for _, cn := range tpl.Letter.CaseNumbers {
			l.CaseNumbers = append(l.CaseNumbers, g.caseNumber(cn))
		}
		l.Subject = g.rename(l.Subject, tpl.Municipality, muni)
		r.Letter = &l
	} else if tpl.Meeting.Date != "" {
		r.Meeting.Date = date
	}
	return &r
}

// rename replaces the name of municipality from (without "Kommune") by
// that of to.
func (g *generator) rename(s, from, to string) string {
	f, t := shortName(from), shortName(to)
	if f == "" || t == "" || f == t {
		return s
	}
	return strings.ReplaceAll(s, f, t)
}

func shortName(m string) string {
	m = strings.TrimSuffix(m, " Kommune")
	m = strings.TrimSuffix(m, " Regionskommune")
	switch m {
	case "Københavns", "Bornholms": // official names in the genitive
		m = strings.TrimSuffix(m, "s")
	}
	return m
}

var digitRun = regexp.MustCompile(`\d+`)

// numbers redraws every number with as many digits; four-digit numbers that
// look like years stay years.
func (g *generator) numbers(s string) string {
	return digitRun.ReplaceAllStringFunc(s, func(d string) string {
		if len(d) == 4 && (d[:2] == "19" || d[:2] == "20") {
			return fmt.Sprint(2005 + g.rng.IntN(21))
		}
		out := []byte(d)
		for i := range out {
			out[i] = byte('0' + g.rng.IntN(10))
		}
		if d[0] != '0' && out[0] == '0' {
			out[0] = byte('1' + g.rng.IntN(9))
		}
		return string(out)
	})
}

// caseNumber returns a new number printed like cn; a KLE number keeps its
// subject code.
func (g *generator) caseNumber(cn corpus.CaseNumber) corpus.CaseNumber {
	if cn.KLE != "" && strings.HasPrefix(cn.Raw, cn.KLE) {
		cn.Raw = cn.KLE + g.numbers(cn.Raw[len(cn.KLE):])
		return cn
	}
	cn.Raw = g.numbers(cn.Raw)
	return cn
}

// writeItem writes an item as minutes print it: the text rg searches.
func writeItem(b *strings.Builder, it *corpus.Item) {
	fmt.Fprintf(b, "Punkt %d: %s\n\n", it.Number, it.Title)
	for _, cn := range it.CaseNumbers {
		fmt.Fprintf(b, "Sagsnr.: %s\n\n", cn.Raw)
	}
	for _, s := range it.Sections {
		fmt.Fprintf(b, "%s\n\n%s\n\n", s.Heading, s.Text)
	}
	for _, rec := range it.Recommendations {
		fmt.Fprintf(b, "%s\n\n", rec)
	}
	for _, d := range it.Decisions {
		fmt.Fprintf(b, "Beslutning %s den %s\n\n%s\n\n", d.Body, d.Date, d.Text)
	}
	if len(it.Attachments) > 0 {
		fmt.Fprintf(b, "Bilag\n\n%s\n\n", strings.Join(it.Attachments, "\n"))
	}
}

// writeText writes the text of a record for rg: what the index holds.
func writeText(dir string, r *corpus.Record) (int64, error) {
	p := filepath.Join(dir, r.ID[:2], r.ID+".txt")
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return 0, err
	}
	if err := os.WriteFile(p, []byte(r.Text), 0o644); err != nil {
		return 0, err
	}
	return int64(len(r.Text)), nil
}

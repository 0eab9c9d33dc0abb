package index

import (
	"fmt"
	"math/rand/v2"
	"regexp"
	"strings"
	"testing"

	"referat/corpus"
)

// synth makes a corpus of any size by varying the real records of
// testdata/cases/seeds: every synthetic item copies a real item (title,
// headings, decisions, case-number scheme, section texts), replaces a
// third of its sentences with sentences of other real items and every
// number with another of as many digits, and puts it in a municipality,
// committee and date of its own. Vocabulary, term frequencies per item
// and item sizes stay those of real minutes, and numbers make the
// vocabulary grow with the corpus as real amounts and dates do.
type synth struct {
	rng       *rand.Rand
	templates []corpus.Item
	letters   []*corpus.Record
	sentences []string
	commits   []string
}

var sentenceEnd = regexp.MustCompile(`[.!?]\s+|\n\n+`)

func newSynth(t testing.TB, seed uint64) *synth {
	t.Helper()
	recs := seedRecords(t)
	s := &synth{rng: rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))}
	for _, r := range recs {
		if len(r.Items) == 0 {
			s.letters = append(s.letters, r)
		}
		if r.Committee != "" {
			s.commits = append(s.commits, r.Committee)
		}
		for _, it := range r.Items {
			s.templates = append(s.templates, it)
			for _, sec := range it.Sections {
				for _, sn := range sentenceEnd.Split(sec.Text, -1) {
					if sn = strings.TrimSpace(sn); len(sn) > 20 {
						s.sentences = append(s.sentences, sn+".")
					}
				}
			}
		}
	}
	s.commits = append(s.commits, "Økonomiudvalget", "Kommunalbestyrelsen", "Byrådet", "Teknik- og Miljøudvalget",
		"Social- og Sundhedsudvalget", "Børne- og Skoleudvalget", "Kultur- og Fritidsudvalget", "Beskæftigelsesudvalget")
	return s
}

// municipalities are the Danish municipalities the synthetic corpus is
// spread over.
var municipalities = strings.Split("Albertslund Allerød Assens Ballerup Billund Bornholms Brøndby Brønderslev Dragør Egedal Esbjerg Faaborg-Midtfyn Fanø Favrskov Faxe Fredensborg Fredericia Frederiksberg Frederikshavn Frederikssund Furesø Gentofte Gladsaxe Glostrup Greve Gribskov Guldborgsund Haderslev Halsnæs Hedensted Helsingør Herlev Herning Hillerød Hjørring Holbæk Holstebro Horsens Hvidovre Høje-Taastrup Hørsholm Ikast-Brande Ishøj Jammerbugt Kalundborg Kerteminde Kolding Københavns Køge Langeland Lejre Lemvig Lolland Lyngby-Taarbæk Læsø Mariagerfjord Middelfart Morsø Norddjurs Nordfyns Nyborg Næstved Odder Odense Odsherred Randers Rebild Ringkøbing-Skjern Ringsted Roskilde Rudersdal Rødovre Samsø Silkeborg Skanderborg Skive Slagelse Solrød Sorø Stevns Struer Svendborg Syddjurs Sønderborg Thisted Tønder Tårnby Vallensbæk Varde Vejen Vejle Vesthimmerlands Viborg Vordingborg Ærø Aabenraa Aalborg Aarhus", " ")

// record returns the i-th synthetic record with about nItems items.
func (s *synth) record(i, nItems int) *corpus.Record {
	r := &corpus.Record{
		Schema:       corpus.SchemaVersion,
		ID:           fmt.Sprintf("%064x", uint64(i)+1),
		Kind:         corpus.KindReferat,
		Municipality: municipalities[s.rng.IntN(len(municipalities))] + " Kommune",
		Committee:    s.commits[s.rng.IntN(len(s.commits))],
	}
	date := fmt.Sprintf("%d-%02d-%02d", 2010+s.rng.IntN(16), 1+s.rng.IntN(12), 1+s.rng.IntN(28))
	r.Meeting.Date = date
	if len(s.letters) > 0 && i%50 == 49 {
		// Now and then a letter: real text, another recipient and date.
		l := *s.letters[s.rng.IntN(len(s.letters))]
		lt := *l.Letter
		lt.Recipient, lt.Date = r.Municipality, date
		lt.JournalNumbers = []string{fmt.Sprintf("%02d-%05d", 10+s.rng.IntN(16), s.rng.IntN(100000))}
		l.Letter, l.ID, l.Municipality, l.Committee, l.Meeting = &lt, r.ID, "", "", corpus.Meeting{}
		return &l
	}
	var text strings.Builder
	for n := 1; n <= nItems; n++ {
		tp := s.templates[s.rng.IntN(len(s.templates))]
		it := corpus.Item{Number: n, Prefix: tp.Prefix, Title: tp.Title, Competence: tp.Competence}
		for _, cn := range tp.CaseNumbers {
			it.CaseNumbers = append(it.CaseNumbers, s.caseNumber(cn))
		}
		for _, sec := range tp.Sections {
			it.Sections = append(it.Sections, corpus.Section{Heading: sec.Heading, Text: s.vary(sec.Text)})
		}
		for _, d := range tp.Decisions {
			d.Body, d.Date = r.Committee, date
			it.Decisions = append(it.Decisions, d)
		}
		it.Recommendations = tp.Recommendations
		fmt.Fprintf(&text, "Punkt %d: %s\n\n", n, it.Title)
		for _, sec := range it.Sections {
			fmt.Fprintf(&text, "%s\n\n%s\n\n", sec.Heading, sec.Text)
		}
		for _, d := range it.Decisions {
			fmt.Fprintf(&text, "Beslutning\n\n%s\n\n", d.Text)
		}
		r.Items = append(r.Items, it)
	}
	r.Text = text.String()
	return r
}

var digits = regexp.MustCompile(`\d+`)

// vary returns text with a third of its sentences replaced by others and
// its numbers changed.
func (s *synth) vary(text string) string {
	var b strings.Builder
	last := 0
	for _, m := range sentenceEnd.FindAllStringIndex(text, -1) {
		s.sentence(&b, text[last:m[0]])
		b.WriteString(text[m[0]:m[1]])
		last = m[1]
	}
	s.sentence(&b, text[last:])
	return digits.ReplaceAllStringFunc(b.String(), func(d string) string {
		out := []byte(d)
		for i := range out {
			out[i] = byte('0' + s.rng.IntN(10))
		}
		return string(out)
	})
}

func (s *synth) sentence(b *strings.Builder, sn string) {
	if len(sn) > 20 && s.rng.IntN(3) == 0 {
		sn = strings.TrimSuffix(s.sentences[s.rng.IntN(len(s.sentences))], ".")
	}
	b.WriteString(sn)
}

// caseNumber returns a new number of the same scheme as cn.
func (s *synth) caseNumber(cn corpus.CaseNumber) corpus.CaseNumber {
	y := 10 + s.rng.IntN(16)
	switch cn.Scheme {
	case corpus.SchemeSlash:
		cn.Raw = fmt.Sprintf("%d/%d", y, s.rng.IntN(20000))
	case corpus.SchemeYearSerial:
		cn.Raw = fmt.Sprintf("%d-%06d", y, s.rng.IntN(1000000))
	case corpus.SchemeKLE:
		cn.Raw = fmt.Sprintf("%s-P%02d-%d-%d", cn.KLE, s.rng.IntN(40), s.rng.IntN(1000), y)
	}
	return cn
}

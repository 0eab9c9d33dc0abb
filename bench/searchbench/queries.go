package main

import (
	"bufio"
	"bytes"
	"fmt"
	"math/rand/v2"
	"strconv"
	"strings"
	"unicode"

	"github.com/blevesearch/bleve/v2/analysis/lang/da"

	"referat/corpus"
	"referat/extract/danish"
	"referat/index"
	"referat/index/lexicon"
)

// A query is one search of a class, with the literal strings rg looks
// for to answer the same question over the text.
type query struct {
	class string
	req   index.Request
	rg    []string
}

// The query classes, in table order. New classes go last, so that the
// queries of the earlier ones stay those of earlier runs.
var classes = []string{"word", "two words", "phrase", "case number", "filter", "word+filter", "or", "prefix", "compound"}

// queries returns n queries of each class, drawn with a fixed seed from the
// real records (topic words and phrases of real titles, the facet values
// of the generated corpus) and from the case numbers printed on generated
// items.
func queries(g *generator, cases []string, n int, seed uint64) []query {
	rng := rand.New(rand.NewPCG(seed, seed+1))
	stop := stopWords()
	var titles [][]string // the topic words of each real title, in order
	for _, it := range g.items {
		var ws []string
		for _, w := range strings.FieldsFunc(it.Title, func(r rune) bool { return !unicode.IsLetter(r) && r != '-' }) {
			w = strings.ToLower(strings.Trim(w, "-"))
			if len([]rune(w)) >= 4 && !stop[w] && !strings.Contains(w, "-") && !isPlace(w) {
				ws = append(ws, w)
			}
		}
		if len(ws) > 0 {
			titles = append(titles, ws)
		}
	}
	word := func() string {
		t := titles[rng.IntN(len(titles))]
		return t[rng.IntN(len(t))]
	}
	var compounds []string // the title words the lexicon splits
	for _, t := range titles {
		for _, w := range t {
			if _, heads := lexicon.Split(w); len(heads) > 0 {
				compounds = append(compounds, w)
			}
		}
	}
	var out []query
	for _, class := range classes {
		for range n {
			var q query
			switch class {
			case "word":
				w := word()
				q = query{req: index.Request{Query: w}, rg: []string{w}}
			case "two words":
				t := titles[rng.IntN(len(titles))]
				for len(t) < 2 {
					t = titles[rng.IntN(len(titles))]
				}
				i := rng.Perm(len(t))
				q = query{req: index.Request{Query: t[i[0]] + " " + t[i[1]]}, rg: []string{t[i[0]], t[i[1]]}}
			case "phrase":
				p := phrase(rng, g, stop)
				q = query{req: index.Request{Query: strconv.Quote(p)}, rg: []string{p}}
			case "case number":
				c := cases[rng.IntN(len(cases))]
				q = query{req: index.Request{Query: c}, rg: []string{c}}
			case "filter":
				switch rng.IntN(4) {
				case 0, 1:
					m := g.munis[rng.IntN(len(g.munis))]
					q = query{req: index.Request{Municipality: []string{m}}, rg: []string{m}}
				case 2:
					y := strconv.Itoa(2008 + rng.IntN(18))
					q = query{req: index.Request{Year: []string{y}}, rg: []string{y}}
				default:
					c := g.commPool[rng.IntN(len(g.commPool))]
					q = query{req: index.Request{Committee: []string{c}}, rg: []string{c}}
				}
			case "word+filter":
				w, m := word(), g.munis[rng.IntN(len(g.munis))]
				q = query{req: index.Request{Query: w, Municipality: []string{m}}, rg: []string{w, m}}
			case "or":
				a, b := word(), word()
				q = query{req: index.Request{Query: a + " OR " + b}, rg: []string{a, b}}
			case "prefix":
				w := []rune(word())
				p := string(w[:min(len(w), 4+rng.IntN(3))])
				q = query{req: index.Request{Query: p + "*"}, rg: []string{p}}
			case "compound":
				w := compounds[rng.IntN(len(compounds))]
				q = query{req: index.Request{Query: w}, rg: []string{w}}
			}
			q.class = class
			out = append(out, q)
		}
	}
	return out
}

// phrase returns two or three consecutive words of a real title or
// decision, not all of them stop words.
func phrase(rng *rand.Rand, g *generator, stop map[string]bool) string {
	for {
		it := g.items[rng.IntN(len(g.items))]
		src := it.Title
		if len(it.Decisions) > 0 && rng.IntN(2) == 0 {
			src = it.Decisions[0].Text
		}
		ws := strings.Fields(src)
		k := 2 + rng.IntN(2)
		if len(ws) < k {
			continue
		}
		i := rng.IntN(len(ws) - k + 1)
		ok, content := true, false
		for _, w := range ws[i : i+k] {
			if !lettersOnly(w) {
				ok = false
			}
			if !stop[strings.ToLower(w)] && len([]rune(w)) >= 4 {
				content = true
			}
		}
		if ok && content && !isPlace(strings.ToLower(ws[i])) {
			return strings.ToLower(strings.Join(ws[i:i+k], " "))
		}
	}
}

func lettersOnly(w string) bool {
	for _, r := range w {
		if !unicode.IsLetter(r) {
			return false
		}
	}
	return w != ""
}

// isPlace reports whether w is a municipality's name: those are renamed in
// the generated corpus, so they are no topic.
func isPlace(w string) bool {
	for _, m := range placeNames {
		if w == m {
			return true
		}
	}
	return false
}

var placeNames = func() []string {
	var out []string
	for _, m := range danish.Municipalities() {
		out = append(out, strings.ToLower(shortName(m)))
	}
	return out
}()

// stopWords returns the Danish stop words of the index's analyzer.
func stopWords() map[string]bool {
	m := map[string]bool{}
	sc := bufio.NewScanner(bytes.NewReader(da.DanishStopWords))
	for sc.Scan() {
		line, _, _ := strings.Cut(sc.Text(), "|")
		if w := strings.TrimSpace(line); w != "" {
			m[w] = true
		}
	}
	return m
}

// caseSample keeps a uniform sample of the case numbers printed on
// generated items (reservoir sampling), for the case-number queries.
type caseSample struct {
	rng  *rand.Rand
	seen int
	keep []string
}

func newCaseSample(size int) *caseSample {
	return &caseSample{rng: rand.New(rand.NewPCG(11, 13)), keep: make([]string, 0, size)}
}

func (s *caseSample) add(r *corpus.Record) {
	for _, it := range r.Items {
		for _, cn := range it.CaseNumbers {
			s.seen++
			if len(s.keep) < cap(s.keep) {
				s.keep = append(s.keep, cn.Raw)
			} else if k := s.rng.IntN(s.seen); k < len(s.keep) {
				s.keep[k] = cn.Raw
			}
		}
	}
}

func (s *caseSample) String() string {
	return fmt.Sprintf("%d of %d case numbers", len(s.keep), s.seen)
}

package index

import (
	"strings"
	"sync"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/registry"

	"referat/index/lexicon"
)

// The token filters of the Danish analyzers (see mapping.go), all on
// lower-cased words without stop words, all from package lexicon:
//
//	filterDanish     a word's stem (lexicon.Stem, old aa written å);
//	filterMarks      the same and, at the same position, the stem of the
//	                 last part of a compound: the words a snippet marks;
//	filterParts      only the stems of the last parts of compounds
//	                 ("tilsyn" of "ledelsestilsyn"), for fParts, which a
//	                 word searches as it searches the text: a word finds
//	                 the compounds it ends (the compounds it begins are
//	                 found by the terms its stem begins; see plan.go);
//	filterNameFold   after ASCII folding, aa as a and oe as o, so that
//	                 "Aarhus" and "Århus", "Joergensen" and "Jørgensen"
//	                 meet in names.
//
// The parts are a field of their own, without positions, rather than
// tokens beside the word in the text: the text's term vectors would hold
// them once per occurrence. The first parts of compounds are not indexed
// at all: they cost a twentieth of the index, which would outgrow twice
// the text.
const (
	filterDanish   = "referat_da"
	filterMarks    = "referat_da_marks"
	filterParts    = "referat_da_parts"
	filterNameFold = "referat_name_fold"
)

func init() {
	for name, f := range map[string]analysis.TokenFilter{
		filterDanish:   danishFilter{},
		filterMarks:    danishFilter{heads: true},
		filterParts:    partsFilter{},
		filterNameFold: nameFoldFilter{},
	} {
		registry.RegisterTokenFilter(name, func(map[string]any, *registry.Cache) (analysis.TokenFilter, error) {
			return f, nil
		})
	}
}

// wordAnalysis is what the lexicon makes of one word.
type wordAnalysis struct {
	stem string // the word's stem
	head string // the stem of its compound's last part, "" if none or the same
}

// analyses remembers the analysis of the words seen, since a corpus
// repeats its words and the lexicon's look-ups are most of a word's cost.
var analyses = struct {
	sync.RWMutex
	m map[string]*wordAnalysis
}{m: map[string]*wordAnalysis{}}

// analysesSize bounds the words remembered; the cache starts afresh when
// full.
const analysesSize = 1 << 18

func analyse(term string) *wordAnalysis {
	analyses.RLock()
	wa, ok := analyses.m[term]
	analyses.RUnlock()
	if ok {
		return wa
	}
	w := lexicon.FoldAA(term)
	wa = &wordAnalysis{stem: lexicon.Stem(w)}
	_, heads := lexicon.Split(w)
	if len(heads) > 0 {
		if h := lexicon.Stem(heads[0]); h != wa.stem {
			wa.head = h
		}
	}
	analyses.Lock()
	if len(analyses.m) >= analysesSize {
		clear(analyses.m)
	}
	analyses.m[term] = wa
	analyses.Unlock()
	return wa
}

type danishFilter struct{ heads bool }

func (f danishFilter) Filter(input analysis.TokenStream) analysis.TokenStream {
	out := input[:0:0]
	if !f.heads {
		out = input[:0]
	}
	for _, tok := range input {
		wa := analyse(string(tok.Term))
		// Tokens own their terms; a shared stem must not be written to.
		tok.Term = []byte(wa.stem)
		out = append(out, tok)
		if f.heads && wa.head != "" {
			h := *tok
			h.Term = []byte(wa.head)
			out = append(out, &h)
		}
	}
	return out
}

type partsFilter struct{}

func (partsFilter) Filter(input analysis.TokenStream) analysis.TokenStream {
	out := input[:0]
	for _, tok := range input {
		if h := analyse(string(tok.Term)).head; h != "" {
			tok.Term = []byte(h)
			out = append(out, tok)
		}
	}
	return out
}

type nameFoldFilter struct{}

var nameFolds = strings.NewReplacer("aa", "a", "oe", "o")

func (nameFoldFilter) Filter(input analysis.TokenStream) analysis.TokenStream {
	for _, tok := range input {
		if s := string(tok.Term); strings.Contains(s, "aa") || strings.Contains(s, "oe") {
			tok.Term = []byte(nameFolds.Replace(s))
		}
	}
	return input
}

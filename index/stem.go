package index

import (
	"sync"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/registry"
	"github.com/blevesearch/snowballstem"
	"github.com/blevesearch/snowballstem/danish"
)

// stemFilterName is the token filter of analyzerDanish: the Danish
// Snowball stemmer applied twice (see analyzerDanish), with the stems of
// words already seen remembered, since a corpus repeats its words and
// stemming was a sixth of the indexing time.
const stemFilterName = "referat_da_stem_twice"

func init() {
	registry.RegisterTokenFilter(stemFilterName, func(map[string]any, *registry.Cache) (analysis.TokenFilter, error) {
		return stemmer, nil
	})
}

var stemmer = &stemFilter{cache: map[string][]byte{}}

// stemCacheSize bounds the words remembered; the cache starts afresh when
// full.
const stemCacheSize = 1 << 18

type stemFilter struct {
	mu    sync.RWMutex
	cache map[string][]byte
}

func (f *stemFilter) Filter(input analysis.TokenStream) analysis.TokenStream {
	for _, tok := range input {
		f.mu.RLock()
		s, ok := f.cache[string(tok.Term)]
		f.mu.RUnlock()
		if !ok {
			s = []byte(stemTwice(string(tok.Term)))
			f.mu.Lock()
			if len(f.cache) >= stemCacheSize {
				clear(f.cache)
			}
			f.cache[string(tok.Term)] = s
			f.mu.Unlock()
		}
		// Tokens own their terms; a shared stem must not be written to.
		tok.Term = append(tok.Term[:0:0], s...)
	}
	return input
}

func stemTwice(w string) string {
	env := snowballstem.NewEnv(w)
	danish.Stem(env)
	env = snowballstem.NewEnv(env.Current())
	danish.Stem(env)
	return env.Current()
}

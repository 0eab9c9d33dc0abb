// Package lexicon stems Danish words and splits Danish compounds with a
// real word list: Den store danske ordliste (the Debian package wdanish,
// GPL-2+, © Skåne Sjælland Linux User Group and contributors; see
// COPYING), its lower-case entries of letters only, shipped here as
// words.txt.gz (296 000 words, every inflected form listed).
//
// Stem brings the inflected forms of a word to one form and keeps words
// of different meaning apart: an ending is taken off only where what is
// left is a word of the list ("afgørelserne" → "afgørelse", "godkendt" →
// "godkende", but "afgørende" stays, since "afgørend" is no word).
// Split finds where a compound joins known words, with the linking
// letters s and e ("ledelses|tilsyn", "børne|sager"). Words the list
// does not know are stemmed by their compound's last part, or else by a
// few safe endings.
package lexicon

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed"
	"strings"
	"sync"
	"unicode/utf8"
)

//go:embed words.txt.gz
var wordsGz []byte

var (
	loadOnce sync.Once
	words    map[string]struct{}
)

func load() {
	words = make(map[string]struct{}, 300000)
	zr, err := gzip.NewReader(bytes.NewReader(wordsGz))
	if err != nil {
		panic("lexicon: embedded word list: " + err.Error())
	}
	sc := bufio.NewScanner(zr)
	for sc.Scan() {
		if w := sc.Text(); w != "" {
			words[w] = struct{}{}
		}
	}
	if err := sc.Err(); err != nil {
		panic("lexicon: embedded word list: " + err.Error())
	}
}

// Known reports whether w (lower case) is a word of the list.
func Known(w string) bool {
	loadOnce.Do(load)
	_, ok := words[w]
	return ok
}

// Minimum lengths, in letters, of the parts of a compound: shorter words
// ("til", "for", "syn") join too much by chance.
const (
	minModifier = 4
	minHead     = 4
)

// notParts are words of the list that do not stand as a part of a
// compound in its own meaning: particles that make derived words
// ("under|visning", "over|enskomst") and endings that are also words
// ("regn|skab", "fælles|skab").
var notParts = map[string]bool{
	"under": true, "over": true, "efter": true, "mellem": true, "gennem": true,
	"sammen": true, "uden": true, "inden": true, "imod": true, "omkring": true,
	"forbi": true, "frem": true, "hjem": true, "bort": true, "igen": true,
	"selv": true, "skab": true, "skabs": true, "skaber": true, "skabet": true,
	"skabe": true, "else": true, "ende": true, "inde": true, "ling": true,
	"ning": true, "ring": true, "elig": true, "lige": true, "ighed": true,
	"erne": true, "heden": true, "agtig": true,
}

// Split returns where the compound w (lower case) joins known words:
// for every split point, the modifier (the first part as a word: without
// its linking s or e where only that is a word) and the head (the rest,
// a word of the list), longest head first. A word that is no compound
// gives nothing.
func Split(w string) (modifiers, heads []string) {
	return split(w, minModifier)
}

// split is Split with first parts of at least minMod letters.
func split(w string, minMod int) (modifiers, heads []string) {
	if utf8.RuneCountInString(w) < minMod+minHead {
		return nil, nil
	}
	for i := range w {
		if i == 0 || utf8.RuneCountInString(w[:i]) < minMod {
			continue
		}
		head := w[i:]
		if utf8.RuneCountInString(head) < minHead {
			break
		}
		if notParts[head] || !Known(head) {
			continue
		}
		mod, ok := modifier(w[:i], minMod, 0)
		if !ok {
			continue
		}
		modifiers = append(modifiers, mod)
		heads = append(heads, head)
	}
	return modifiers, heads
}

// modifier returns the first part p of a compound as a word: p itself,
// p without a linking s or e, or p when it is itself a compound.
func modifier(p string, minMod, depth int) (string, bool) {
	if utf8.RuneCountInString(p) < minMod || notParts[p] {
		return "", false
	}
	if Known(p) {
		return p, true
	}
	if l := p[len(p)-1]; l == 's' || l == 'e' {
		if q := p[:len(p)-1]; utf8.RuneCountInString(q) >= minMod && !notParts[q] && Known(q) {
			return q, true
		}
	}
	if depth >= 3 {
		return "", false
	}
	// A compound modifier: "kunstgræs|baner" is "kunst|græs" + "baner".
	for i := range p {
		if i == 0 || utf8.RuneCountInString(p[:i]) < minMod {
			continue
		}
		rest := p[i:]
		if utf8.RuneCountInString(rest) < minHead {
			break
		}
		if _, ok := modifier(p[:i], minMod, depth+1); !ok {
			continue
		}
		if _, ok := modifier(rest, minMod, depth+1); ok {
			return p, true
		}
	}
	return "", false
}

// endings are the inflectional endings Stem tries, each with what
// replaces it: nouns' definite and plural forms and genitive s, verbs'
// present, passive and past forms (which meet at the infinitive),
// adjectives' e and t.
var endings = []struct{ suffix, repl string }{
	{"ernes", ""}, {"rnes", ""}, {"enes", ""}, {"erne", ""}, {"rne", ""},
	{"ene", ""}, {"nes", ""}, {"ens", ""}, {"ets", ""}, {"ers", ""},
	{"ede", "e"}, {"ede", ""}, {"ete", "e"}, {"te", "e"}, {"de", "e"},
	{"er", ""}, {"er", "e"}, {"en", ""}, {"et", ""}, {"et", "e"}, {"es", ""}, {"es", "e"},
	{"ne", ""}, {"ns", ""}, {"rs", ""}, {"ts", ""},
	{"e", ""}, {"n", ""}, {"r", ""}, {"s", ""}, {"t", ""}, {"t", "e"},
}

// fallbackEndings are taken off a word the list does not know, longest
// first, leaving at least minStem letters: the endings no Danish word
// stem is likely to end in by itself.
var fallbackEndings = []string{"ernes", "erne", "enes", "ene", "ens", "ets", "en", "et", "es", "e"}

const minStem = 3

// Stem returns the form the inflections of w (lower case) meet at: the
// shortest word of the list that w is by an ending of endings (a doubled
// last consonant made single: "budgettet" → "budget"), preferring a
// changed form to w itself at equal length ("godkendt" → "godkende").
// A compound the list does not know is stemmed by its last part
// ("magtanvendelserne" → "magtanvendelse"); other unknown words lose one
// of fallbackEndings.
func Stem(w string) string {
	if Known(w) {
		return knownStem(w)
	}
	// Short first parts ("job|centeret") are safe here: the stem keeps them.
	if _, heads := split(w, minStem); len(heads) > 0 {
		h := heads[0]
		return w[:len(w)-len(h)] + knownStem(h)
	}
	for _, e := range fallbackEndings {
		if strings.HasSuffix(w, e) && utf8.RuneCountInString(w)-len(e) >= minStem {
			return w[:len(w)-len(e)]
		}
	}
	return w
}

func knownStem(w string) string {
	// A stem may be an inflected form of a shorter word ("centeret" →
	// "center" → "cent"): go on to the fixed point, so that every form
	// of the family ends at the same word.
	for range 4 {
		s := knownStem1(w)
		if s == w {
			break
		}
		w = s
	}
	return w
}

func knownStem1(w string) string {
	best := w
	consider := func(c string) {
		if utf8.RuneCountInString(c) < minStem || !Known(c) {
			return
		}
		if len(c) < len(best) || (len(c) == len(best) && best == w && c != w) {
			best = c
		}
	}
	for _, e := range endings {
		if !strings.HasSuffix(w, e.suffix) {
			continue
		}
		base := w[:len(w)-len(e.suffix)]
		consider(base + e.repl)
		if e.repl == "" {
			if n := len(base); n >= 2 && base[n-1] == base[n-2] && base[n-1] < 0x80 && !isVowel(base[n-1]) {
				consider(base[:n-1])
			}
		}
	}
	return best
}

func isVowel(b byte) bool { return strings.IndexByte("aeiouy", b) >= 0 }

// FoldAA writes the old spelling aa as å in a word the list does not
// know ("aarhus" → "århus"), so that names spelt either way meet; words
// of the list that hold "aa" ("afrikaans") stay.
func FoldAA(w string) string {
	if !strings.Contains(w, "aa") || Known(w) {
		return w
	}
	return strings.ReplaceAll(w, "aa", "å")
}

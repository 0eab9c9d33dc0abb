package index

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/search"
)

// SnippetLength is the approximate length in bytes of a snippet's text.
const SnippetLength = 240

// snippet cuts from text the window of about SnippetLength bytes holding
// the most matches (byte ranges from Bleve's term locations) and splits it
// into spans. With no matches it returns the text's beginning: for an item
// that is its decision.
func snippet(text string, termLocs []search.Locations) []Span {
	if text == "" {
		return nil
	}
	type rng struct{ start, end int }
	var ms []rng
	for _, ls := range termLocs {
		for _, l := range ls {
			s, e := int(l.Start), int(l.End)
			if s < 0 || e > len(text) || s >= e || len(l.ArrayPositions) > 0 {
				continue
			}
			ms = append(ms, rng{s, e})
		}
	}
	slices.SortFunc(ms, func(a, b rng) int { return a.start - b.start })
	// Drop overlaps (a phrase reports each term; stems may coincide).
	var clean []rng
	for _, m := range ms {
		if n := len(clean); n > 0 && m.start < clean[n-1].end {
			clean[n-1].end = max(clean[n-1].end, m.end)
			continue
		}
		clean = append(clean, m)
	}
	ms = clean

	// Pick the window start: the match after which most matches fit.
	start, end := 0, min(len(text), SnippetLength)
	if len(ms) > 0 {
		best, bestN := 0, 0
		for i := range ms {
			n := 0
			for j := i; j < len(ms) && ms[j].end-ms[i].start <= SnippetLength; j++ {
				n++
			}
			if n > bestN {
				best, bestN = i, n
			}
		}
		// Some context before the first match, less than a third.
		start = max(0, ms[best].start-SnippetLength/4)
		end = min(len(text), start+SnippetLength)
		if last := ms[best].end; end < last {
			end = last
		}
	}
	start = wordStart(text, start)
	end = wordEnd(text, end)

	var spans []Span
	if start > 0 {
		spans = append(spans, Span{Text: "… "})
	}
	pos := start
	for _, m := range ms {
		if m.start < start || m.end > end {
			continue
		}
		if m.start > pos {
			spans = appendText(spans, text[pos:m.start], false)
		}
		spans = appendText(spans, text[m.start:m.end], true)
		pos = m.end
	}
	if pos < end {
		spans = appendText(spans, text[pos:end], false)
	}
	if end < len(text) {
		spans = appendText(spans, " …", false)
	}
	return spans
}

// appendText adds text with runs of white space (line breaks included)
// folded to one space, so a snippet reads as one line.
func appendText(spans []Span, s string, match bool) []Span {
	s = foldSpace(s)
	if s == "" {
		return spans
	}
	if n := len(spans); n > 0 && spans[n-1].Match == match {
		spans[n-1].Text = foldSpace(spans[n-1].Text + s)
		return spans
	}
	return append(spans, Span{Text: s, Match: match})
}

func foldSpace(s string) string {
	var b strings.Builder
	space := false
	for _, r := range s {
		if unicode.IsSpace(r) {
			space = true
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	if space {
		b.WriteByte(' ')
	}
	return b.String()
}

// wordStart moves i back to the start of the word it falls in.
func wordStart(text string, i int) int {
	if i <= 0 {
		return 0
	}
	for i > 0 && !utf8.RuneStart(text[i]) {
		i--
	}
	for lim := 0; i > 0 && lim < 30; lim++ {
		r, n := utf8.DecodeLastRuneInString(text[:i])
		if unicode.IsSpace(r) {
			break
		}
		i -= n
	}
	return i
}

// wordEnd moves i forward to the end of the word it falls in.
func wordEnd(text string, i int) int {
	if i >= len(text) {
		return len(text)
	}
	for i < len(text) && !utf8.RuneStart(text[i]) {
		i++
	}
	for lim := 0; i < len(text) && lim < 30; lim++ {
		r, n := utf8.DecodeRuneInString(text[i:])
		if unicode.IsSpace(r) {
			break
		}
		i += n
	}
	return i
}

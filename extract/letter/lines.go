package letter

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// line is one printed line of a document with what is known about it.
type line struct {
	text  string // trimmed, runs of space collapsed; letter-spaced text repaired
	page  int    // 0-based page number (pages are separated by form feeds)
	blank bool   // an empty line (a paragraph break in the text layout)
	// furniture marks page furniture: running headers and footers,
	// page-image markers, page numbers, letter-spaced letterhead text.
	// Such lines are kept for fields printed in the letterhead (sender,
	// journal number) but never read as body text.
	furniture bool
	spaced    bool // the line was letter-spaced ("A nk estyrelsen")
	contact   bool // a letterhead contact line (phone, mail, opening hours)
}

var (
	// Page images of scanned answers: "3010349_0002.png".
	imageMarker = regexp.MustCompile(`(?i)^\S+\.(?:png|jpe?g|tiff?|gif)$`)
	// "2", "Side 2", "Side 2 af 10", "2/7", "- 2 -".
	pageNumber = regexp.MustCompile(`(?i)^(?:-\s*)?(?:side\s+)?\d{1,3}(?:\s*(?:af|/)\s*\d{1,3})?(?:\s*-)?$`)
	spaceRun   = regexp.MustCompile(`[ \t\x{00a0}]+`)
	// contactLine is a line of a letterhead's contact block: phone, mail,
	// web, EAN and CVR numbers, opening hours, the journal number label.
	contactLine = regexp.MustCompile(`(?i)^(?:www\.|åbningstid|telefontid|ean-?nr|cvr-?nr|sikker\s*mail)|^(?:tlf|tel|telefon|fax|e-?mail|mail|ean|cvr|direkte\s+telefon|direkte\s+e-?mail)\.?\s*[:.]*\s*(?:[+\d(]|\S*@|$)|^j\.?\s?nr\s?\.?\s?:?\s*\S+$|^(?:man|tir|ons|tor|fre|lør|søn)(?:dag)?(?:\s*-\s*(?:man|tir|ons|tor|fre|lør|søn)(?:dag)?)?\s+(?:kl\.|lukket)|^\S+@\S+$|\[email\s*protected\]|^\+?\d[\d\s().+-]{6,}$`)
)

// splitLines turns text into lines and marks page furniture.
func splitLines(text string) []line {
	var out []line
	for p, page := range strings.Split(text, "\f") {
		for _, raw := range splitDateCells(strings.Split(page, "\n")) {
			t := strings.TrimSpace(spaceRun.ReplaceAllString(strings.TrimRight(raw, "\r"), " "))
			l := line{text: t, page: p, blank: t == ""}
			if !l.blank && letterSpaced(t) {
				l.text, l.spaced, l.furniture = unspace(t), true, true
			}
			out = append(out, l)
		}
	}
	markFurniture(out)
	return out
}

// splitDateCells puts a date printed beside other text in the same row
// ("Til Aarhus Byråd<TAB>26-08-2025": a letterhead laid out in columns)
// on a line of its own, so that it reads as the letter's date line.
func splitDateCells(lines []string) []string {
	var out []string
	for _, l := range lines {
		if !strings.Contains(l, "\t") {
			out = append(out, l)
			continue
		}
		cells := strings.Split(l, "\t")
		dated := false
		for _, c := range cells {
			if _, ok := dateLine(strings.TrimSpace(c)); ok {
				dated = true
			}
		}
		if !dated {
			out = append(out, l)
			continue
		}
		for _, c := range cells {
			if strings.TrimSpace(c) != "" {
				out = append(out, c)
			}
		}
	}
	return out
}

// markFurniture marks image markers, lone page numbers and running lines
// (printed three times or more: headers and footers of every page).
func markFurniture(ls []line) {
	count := map[string]int{}
	for _, l := range ls {
		if !l.blank {
			count[foldKey(l.text)]++
		}
	}
	for i := range ls {
		l := &ls[i]
		if l.blank {
			continue
		}
		switch {
		case imageMarker.MatchString(l.text), pageNumber.MatchString(l.text):
			l.furniture = true
		case isContact(l.text):
			l.furniture, l.contact = true, true
		case count[foldKey(l.text)] >= 3 && utf8.RuneCountInString(l.text) >= 12 && !closing.MatchString(l.text):
			l.furniture = true
		}
	}
}

// foldKey is the form under which two printings of a line compare equal:
// lower case, no spaces (letter-spaced and normal printings agree).
func foldKey(s string) string {
	var b strings.Builder
	for _, r := range s {
		if !unicode.IsSpace(r) {
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// shortWords are the Danish words of one or two letters that occur in
// ordinary text; other fragments of that length suggest letter-spacing.
var shortWords = map[string]bool{
	"i": true, "å": true, "og": true, "at": true, "af": true, "en": true, "et": true,
	"er": true, "på": true, "de": true, "du": true, "vi": true, "om": true, "til": true, "se": true,
	"nr": true, "kl": true, "fx": true, "jf": true, "pr": true, "ca": true, "mv": true, "ad": true,
	"so": true, "så": true, "nu": true, "da": true, "ny": true, "op": true, "ud": true, "to": true,
	"jo": true, "ja": true, "ej": true, "os": true, "hr": true, "fr": true, "st": true, "tv": true,
	"th": true, "dk": true, "mr": true, "ms": true, "eu": true, "it": true, "un": true, "is": true,
	"of": true, "in": true, "on": true, "by": true, "an": true, "as": true, "or": true, "no": true,
}

// letterSpaced reports whether a line was printed with spread letters, so
// that the text layer split words into fragments: "A nk estyrelsen",
// "T e l +45 3341 1200", "Å b ningstid - r e ception:".
func letterSpaced(s string) bool {
	words := strings.Fields(s)
	if len(words) < 2 {
		return false
	}
	odd, alpha := 0, 0
	for i, w := range words {
		letters := 0
		for _, r := range w {
			if unicode.IsLetter(r) {
				letters++
			}
		}
		if letters == 0 {
			continue
		}
		alpha++
		n := utf8.RuneCountInString(w)
		if n > 2 || letters != n {
			continue
		}
		// A fragment glued to the next word, which goes on in lower case:
		// "A nk", "S tatsservice", "k l.", "r e ception" (but not the
		// initial in "Hans C Andersen").
		if i+1 < len(words) && gluesTo(w, words[i+1]) {
			odd++
		}
	}
	return odd >= 1 && alpha > 0 && (odd*3 >= alpha || odd >= 2)
}

// unspace repairs a letter-spaced line: fragments are joined to the word
// they belong to. Word boundaries are not printed, so the repair joins a
// fragment of one or two letters to the following word and keeps the
// other spaces.
func unspace(s string) string {
	words := strings.Fields(s)
	var b strings.Builder
	for i, w := range words {
		b.WriteString(w)
		if i+1 == len(words) {
			break
		}
		glue := gluesTo(w, words[i+1])
		// "J.nr . 24-10910", "a st@a st.dk": a lone dot or an address part.
		if strings.HasPrefix(words[i+1], ".") || strings.HasSuffix(w, "@") {
			glue = true
		}
		if !glue {
			b.WriteByte(' ')
		}
	}
	return b.String()
}

// body returns the lines that are not furniture, with runs of blank lines
// collapsed to one.
func body(ls []line) []line {
	var out []line
	for _, l := range ls {
		if l.furniture {
			continue
		}
		if l.blank && (len(out) == 0 || out[len(out)-1].blank) {
			continue
		}
		out = append(out, l)
	}
	return out
}

// gluesTo reports whether w is a fragment of one or two letters that
// belongs to the word after it.
func gluesTo(w, next string) bool {
	if utf8.RuneCountInString(w) > 2 || shortWords[strings.ToLower(w)] {
		return false
	}
	for _, r := range w {
		if !unicode.IsLetter(r) {
			return false
		}
	}
	r, _ := utf8.DecodeRuneInString(next)
	return unicode.IsLower(r) || r == '@'
}

// isContact reports whether s is a line of a letterhead's contact block,
// also when letter-spacing split its words ("EA N-nr.:").
func isContact(s string) bool {
	if contactLine.MatchString(s) {
		return true
	}
	return utf8.RuneCountInString(s) <= 30 && contactLine.MatchString(strings.ReplaceAll(s, " ", ""))
}

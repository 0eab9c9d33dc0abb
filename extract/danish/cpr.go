package danish

import (
	"sort"
	"strconv"
	"strings"
)

// CPRRedacted is what a CPR number is replaced by.
const CPRRedacted = "XXXXXX-XXXX"

// FindCPR returns the byte ranges of the CPR numbers in s, in order. A CPR
// number is DDMMYY-XXXX (or with an en dash) with a valid day and month,
// in one of these forms:
//
//   - standing on its own: "010160-1234", "(121212-1212)", also as a
//     folder of a path or URL ("/sager/070991-7890/afgørelse.pdf");
//   - glued to a word that names it, with or without a dot, colon or dash
//     between: "CPR-070991-7890", "cpr140198-6789", "nr.081092-8901",
//     "personnummer:010160-1234" (any word ending in "nr" counts, so
//     "sagsnr.081092-8901" is redacted too: the safe side);
//   - without the dash, ten digits, after the word CPR or personnummer
//     (also "CPR-nr.", "cpr.nr", "personnr", "pnr"), glued or spaced:
//     "CPR 0305873456", "personnummer: 0305873456", "cpr0305873456".
//
// A dashed number glued to a digit, a slash after a digit, or a dash or
// letter otherwise ("13/011760-1053", "S2024-19207") is part of something else, such as a case number,
// and ten digits without such a word are not taken for a CPR number. The
// scan is by hand, not by regexp, since every record's whole text goes
// through it.
func FindCPR(s string) [][2]int {
	var out [][2]int
	for i := 0; i < len(s); i++ {
		dash := 0
		switch {
		case s[i] == '-':
			dash = 1
		case strings.HasPrefix(s[i:], "–"):
			dash = len("–")
		default:
			continue
		}
		start, end := i-6, i+dash+4
		if start < 0 || end > len(s) || !allDigits(s[start:i]) || !allDigits(s[i+dash:end]) {
			continue
		}
		if start > 0 {
			c := s[start-1]
			// A slash after a digit is a case number's ("13/011760-1053");
			// after a folder's name it is a path's.
			if isDigit(c) || c == '/' && start >= 2 && isDigit(s[start-2]) || (c == '-' || c == '.' || c == ':' || isLetter(c)) && !cprWordBefore(s, start, true) {
				continue
			}
		}
		if end < len(s) {
			c := s[end]
			if isDigit(c) || isLetter(c) || (c == '-' || c == '/' || c == '.' || c == ',') && end+1 < len(s) && isDigit(s[end+1]) {
				continue
			}
		}
		if !cprDate(s[start : start+6]) {
			continue
		}
		out = append(out, [2]int{start, end})
		i = end - 1
	}
	n := len(out)
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			continue
		}
		j := i
		for j < len(s) && isDigit(s[j]) {
			j++
		}
		if j-i == 10 && (j == len(s) || !isLetter(s[j])) && cprDate(s[i:i+6]) && cprWordBefore(s, i, false) {
			out = append(out, [2]int{i, j})
		}
		i = j
	}
	if len(out) > n && n > 0 {
		sort.Slice(out, func(a, b int) bool { return out[a][0] < out[b][0] })
	}
	return out
}

// cprDate reports whether DDMMYY is a valid date. The century is not
// printed; 29 February must be valid in some century, and 2000 is a leap
// year, so 2000+YY is tried as well as 1900+YY.
func cprDate(ddmmyy string) bool {
	d, _ := strconv.Atoi(ddmmyy[0:2])
	mo, _ := strconv.Atoi(ddmmyy[2:4])
	y, _ := strconv.Atoi(ddmmyy[4:6])
	return ValidDate(2000+y, mo, d) || ValidDate(1900+y, mo, d)
}

// cprWordBefore reports whether the text before s[i] names a CPR number:
// "CPR", "personnummer", "CPR-nr." and the like, followed by at most a
// few spaces, dots, colons or dashes. With anyNr, any word ending in "nr"
// counts ("nr.081092-8901").
func cprWordBefore(s string, i int, anyNr bool) bool {
	w, j := wordBefore(s, i)
	switch {
	case w == "":
		return false
	case strings.HasSuffix(w, "cpr"), w == "personnummer", w == "personnr", w == "pnr", w == "cprnr", w == "cprnummer":
		return true
	case w == "nr" || w == "nummer":
		if w2, _ := wordBefore(s, j); strings.HasSuffix(w2, "cpr") || w2 == "person" {
			return true
		}
		return anyNr
	}
	return anyNr && strings.HasSuffix(w, "nr")
}

// wordBefore returns the ASCII word, lower-cased, that ends before s[i]
// after at most four bytes of spaces, dots, colons, dashes, underscores
// and equals signs (a file name's or URL's glue), and where
// it starts.
func wordBefore(s string, i int) (string, int) {
	for k := 0; k < 4 && i > 0 && strings.IndexByte(" .:-_=", s[i-1]) >= 0; k++ {
		i--
	}
	e := i
	for i > 0 && e-i < 16 && (s[i-1] >= 'a' && s[i-1] <= 'z' || s[i-1] >= 'A' && s[i-1] <= 'Z') {
		i--
	}
	if i > 0 && isLetter(s[i-1]) {
		return "", i // a longer word than any that names a CPR number
	}
	return strings.ToLower(s[i:e]), i
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return false
		}
	}
	return true
}

// HasCPR reports whether s holds a CPR number.
func HasCPR(s string) bool { return len(FindCPR(s)) > 0 }

// RedactCPR replaces every CPR number in s by CPRRedacted. Case numbers of
// the same digits ("13/011760-1053") are left alone.
func RedactCPR(s string) string {
	hits := FindCPR(s)
	if len(hits) == 0 {
		return s
	}
	b := make([]byte, 0, len(s))
	last := 0
	for _, h := range hits {
		b = append(b, s[last:h[0]]...)
		b = append(b, CPRRedacted...)
		last = h[1]
	}
	b = append(b, s[last:]...)
	return string(b)
}

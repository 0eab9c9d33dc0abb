package danish

import (
	"regexp"
	"strconv"
)

// cprShape is DDMMYY-XXXX. Its neighbours are checked by hand: a CPR
// number glued to a slash, digit or dash ("13/011760-1053") is part of a
// case number.
var cprShape = regexp.MustCompile(`(\d{2})(\d{2})(\d{2})[-–](\d{4})`)

// CPRRedacted is what a CPR number is replaced by.
const CPRRedacted = "XXXXXX-XXXX"

// FindCPR returns the byte ranges of the CPR numbers in s: DDMMYY-XXXX
// with a valid day and month, standing on its own.
func FindCPR(s string) [][2]int {
	var out [][2]int
	for _, m := range cprShape.FindAllStringSubmatchIndex(s, -1) {
		start, end := m[0], m[1]
		if start > 0 {
			c := s[start-1]
			if isDigit(c) || c == '/' || c == '-' || c == '.' || isLetter(c) {
				continue
			}
		}
		if end < len(s) {
			c := s[end]
			if isDigit(c) || isLetter(c) || (c == '-' || c == '/' || c == '.' || c == ',') && end+1 < len(s) && isDigit(s[end+1]) {
				continue
			}
		}
		d, _ := strconv.Atoi(s[m[2]:m[3]])
		mo, _ := strconv.Atoi(s[m[4]:m[5]])
		y, _ := strconv.Atoi(s[m[6]:m[7]])
		// The century is not printed; 29 February must be valid in some
		// century, and 2000 is a leap year, so test 2000+y.
		if !ValidDate(2000+y, mo, d) && !ValidDate(1900+y, mo, d) {
			continue
		}
		out = append(out, [2]int{start, end})
	}
	return out
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

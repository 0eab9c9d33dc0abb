package danish

import (
	"strconv"
	"strings"
)

// CPRRedacted is what a CPR number is replaced by.
const CPRRedacted = "XXXXXX-XXXX"

// FindCPR returns the byte ranges of the CPR numbers in s: DDMMYY-XXXX
// (or with an en dash) with a valid day and month, standing on its own. A
// number glued to a slash, digit, dash or letter ("13/011760-1053") is part
// of something else, such as a case number. The scan is by hand, not by
// regexp, since every record's whole text goes through it.
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
		d, _ := strconv.Atoi(s[start : start+2])
		mo, _ := strconv.Atoi(s[start+2 : start+4])
		y, _ := strconv.Atoi(s[start+4 : start+6])
		// The century is not printed; 29 February must be valid in some
		// century, and 2000 is a leap year, so test 2000+y.
		if !ValidDate(2000+y, mo, d) && !ValidDate(1900+y, mo, d) {
			continue
		}
		out = append(out, [2]int{start, end})
		i = end - 1
	}
	return out
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

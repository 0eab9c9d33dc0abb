package danish

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

// monthNames maps Danish month names and their usual abbreviations to
// month numbers.
var monthNames = map[string]int{
	"januar": 1, "jan": 1,
	"februar": 2, "feb": 2,
	"marts": 3, "mar": 3,
	"april": 4, "apr": 4,
	"maj":  5,
	"juni": 6, "jun": 6,
	"juli": 7, "jul": 7,
	"august": 8, "aug": 8,
	"september": 9, "sep": 9, "sept": 9,
	"oktober": 10, "okt": 10,
	"november": 11, "nov": 11,
	"december": 12, "dec": 12,
}

const monthAlt = `januar|februar|marts|april|maj|juni|juli|august|september|oktober|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|okt|nov|dec`

var (
	// numericDate: 06-02-2024, 04.12.2012, 20.11.2019, 6/2 2024 is not
	// covered on purpose: a slash is a case number's separator.
	numericDate = regexp.MustCompile(`(\d{1,2})([-.])(\d{1,2})([-.])(\d{4})`)
	isoDate     = regexp.MustCompile(`(\d{4})-(\d{2})-(\d{2})`)
	textDate    = regexp.MustCompile(`(?i)(\d{1,2})\.?\s*(` + monthAlt + `)\.?\s+(\d{4})`)
	// kl. 16:30, kl. 15.45, Kl 9, kl. 8-12.30 (the start is the time).
	klTime = regexp.MustCompile(`(?i)\bkl\.?\s*(\d{1,2})(?:[:.](\d{2}))?($|[^\d])`)
	// A bare 16:30 (never 16.30 alone: that is a number).
	colonTime = regexp.MustCompile(`(^|[^\d:])(\d{1,2}):(\d{2})($|[^\d:])`)
)

// Date is a date found in a text: its ISO form and where it was printed.
type Date struct {
	ISO        string // YYYY-MM-DD
	Start, End int    // byte offsets of the printed date in the text
}

// ValidDate reports whether year, month and day name a day of the
// Gregorian calendar.
func ValidDate(year, month, day int) bool {
	if year < 1 || month < 1 || month > 12 || day < 1 {
		return false
	}
	return day <= daysIn(year, month)
}

func daysIn(year, month int) int {
	switch month {
	case 2:
		if year%4 == 0 && (year%100 != 0 || year%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

func iso(y, m, d int) string { return fmt.Sprintf("%04d-%02d-%02d", y, m, d) }

// FindDates returns the dates printed in s, in order of appearance, in any
// of the forms municipal documents use: 06-02-2024, 04.12.2012,
// 2024-02-06, "6. februar 2024", "Tirsdag d. 06. februar 2024", "onsdag
// den 1. oktober 2025". Impossible dates (31-02-2024) are skipped.
func FindDates(s string) []Date {
	var out []Date
	add := func(start, end, y, m, d int) {
		if y < 1900 || y > 2100 || !ValidDate(y, m, d) {
			return
		}
		out = append(out, Date{ISO: iso(y, m, d), Start: start, End: end})
	}
	for _, m := range numericDate.FindAllStringSubmatchIndex(s, -1) {
		// 06-02.2024 is not a date, nor are the digits inside a longer
		// number or a case number such as 13/04.05.2012-3.
		if s[m[4]:m[5]] != s[m[8]:m[9]] || !isolated(s, m[0], m[1], "./-") {
			continue
		}
		d, _ := strconv.Atoi(s[m[2]:m[3]])
		mo, _ := strconv.Atoi(s[m[6]:m[7]])
		y, _ := strconv.Atoi(s[m[10]:m[11]])
		add(m[0], m[1], y, mo, d)
	}
	for _, m := range isoDate.FindAllStringSubmatchIndex(s, -1) {
		if !isolated(s, m[0], m[1], "./-") {
			continue
		}
		y, _ := strconv.Atoi(s[m[2]:m[3]])
		mo, _ := strconv.Atoi(s[m[4]:m[5]])
		d, _ := strconv.Atoi(s[m[6]:m[7]])
		add(m[0], m[1], y, mo, d)
	}
	for _, m := range textDate.FindAllStringSubmatchIndex(s, -1) {
		if !isolated(s, m[0], m[1], "") || m[5] < len(s) && isLetter(s[m[5]]) {
			continue
		}
		d, _ := strconv.Atoi(s[m[2]:m[3]])
		mo := monthNames[strings.ToLower(s[m[4]:m[5]])]
		y, _ := strconv.Atoi(s[m[6]:m[7]])
		add(m[0], m[1], y, mo, d)
	}
	sortDates(out)
	return out
}

// isolated reports whether s[start:end] is not glued to a digit, or to one
// of the separators seps followed or preceded by a digit.
func isolated(s string, start, end int, seps string) bool {
	if start > 0 {
		c := s[start-1]
		if isDigit(c) || strings.IndexByte(seps, c) >= 0 && start > 1 && isDigit(s[start-2]) {
			return false
		}
	}
	if end < len(s) {
		c := s[end]
		if isDigit(c) || strings.IndexByte(seps, c) >= 0 && end+1 < len(s) && isDigit(s[end+1]) {
			return false
		}
	}
	return true
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// isLetter reports whether c starts or continues a letter (ASCII, or any
// byte of a multi-byte UTF-8 sequence, which in this text is a letter).
func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= 0x80 }

func sortDates(ds []Date) {
	// Insertion sort: the lists are short and mostly sorted already.
	for i := 1; i < len(ds); i++ {
		for j := i; j > 0 && ds[j].Start < ds[j-1].Start; j-- {
			ds[j], ds[j-1] = ds[j-1], ds[j]
		}
	}
}

// FindDate returns the first date printed in s as YYYY-MM-DD.
func FindDate(s string) (string, bool) {
	ds := FindDates(s)
	if len(ds) == 0 {
		return "", false
	}
	return ds[0].ISO, true
}

// ParseDate parses s when it is a date and nothing more, apart from a
// weekday, "d."/"den" and surrounding punctuation: "06-02-2024",
// "Tirsdag d. 06. februar 2024", "29. januar 2025".
func ParseDate(s string) (string, bool) {
	s = strings.TrimSpace(s)
	ds := FindDates(s)
	if len(ds) != 1 {
		return "", false
	}
	rest := strings.TrimSpace(s[:ds[0].Start]) + " " + strings.TrimSpace(s[ds[0].End:])
	rest = strings.ToLower(strings.Trim(rest, " ,.:;"))
	for _, f := range strings.Fields(rest) {
		switch strings.Trim(f, ".,") {
		case "", "d", "den", "mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag":
		default:
			return "", false
		}
	}
	return ds[0].ISO, true
}

// FindTime returns the first clock time in s as HH:MM: "kl. 16:30",
// "kl. 15.45", "kl. 9", or failing those a bare "17:00".
func FindTime(s string) (string, bool) {
	if m := klTime.FindStringSubmatch(s); m != nil {
		h, _ := strconv.Atoi(m[1])
		min := 0
		if m[2] != "" {
			min, _ = strconv.Atoi(m[2])
		}
		if h < 24 && min < 60 {
			return fmt.Sprintf("%02d:%02d", h, min), true
		}
	}
	for _, m := range colonTime.FindAllStringSubmatch(s, -1) {
		h, _ := strconv.Atoi(m[2])
		min, _ := strconv.Atoi(m[3])
		if h < 24 && min < 60 {
			return fmt.Sprintf("%02d:%02d", h, min), true
		}
	}
	return "", false
}

package letter

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"referat/extract/danish"
)

var (
	// "5800 Nyborg", "1060 København K", "DK-8000 Aarhus C".
	postcodeLine = regexp.MustCompile(`^(?:DK-)?\d{4}\s+\p{Lu}`)
	// A window envelope's return address on one line:
	// "Kalkværksvej 10, 8000 Aarhus C".
	returnAddress = regexp.MustCompile(`,\s*(?:DK-)?\d{4}\s+\p{Lu}\p{L}+`)
	// "Torvet 1", "Holmens Kanal 22", "Postboks 36", "Karen Blixens Boulevard 7".
	streetLine = regexp.MustCompile(`^(?:Postboks\s+\d+|\p{Lu}[\p{L}.' -]*\s\d{1,4}\s?[A-Za-z]?(?:,.*)?)$`)
	// "Att.: Jens Jensen", "Att: ...".
	attLine = regexp.MustCompile(`(?i)^att\.?\s*:?\s`)
	// "Dato: 29. januar 2025", "Aarhus, den 12. maj 2020".
	dateLabel = regexp.MustCompile(`(?i)^(?:dato\s*:\s*|[\p{L} ]{2,30},\s*(?:den\s+|d\.\s*)?)`)
)

// anchor is where a letter begins: an address block and the date under it.
type anchor struct {
	start int    // index of the first line of the address block
	date  int    // index of the date line
	iso   string // the date, YYYY-MM-DD
	// names are the recipient's name lines (before street and postcode).
	names []string
}

// dateLine parses a line that holds a date and nothing more (a label
// "Dato:" or a place "Aarhus," before it allowed).
func dateLine(s string) (string, bool) {
	if d, ok := danish.ParseDate(s); ok {
		return d, true
	}
	if loc := dateLabel.FindStringIndex(s); loc != nil {
		return danish.ParseDate(s[loc[1]:])
	}
	return "", false
}

// findAnchors returns the beginnings of the letters in ls, in order.
func findAnchors(ls []line) []anchor {
	var out []anchor
	for i, l := range ls {
		if l.blank || l.spaced {
			continue
		}
		iso, ok := dateLine(l.text)
		if !ok || runningDate(ls, i) {
			continue
		}
		if a, ok := addressBlock(ls, i); ok {
			a.iso = iso
			out = append(out, a)
		}
	}
	return out
}

// runningDate reports whether the date at ls[i] is a page header repeated
// on a later page: the line under it is "Side N af M" with N > 1.
func runningDate(ls []line, i int) bool {
	for j := i + 1; j < len(ls) && j <= i+2; j++ {
		if ls[j].blank {
			continue
		}
		t := strings.ToLower(ls[j].text)
		return strings.HasPrefix(t, "side ") && !strings.HasPrefix(t, "side 1 ")
	}
	return false
}

// addressBlock reads the address block that ends at the date line ls[i]:
// up to eight short lines after a boundary (the start, a blank line, page
// furniture), holding a postcode, an e-mail address or a return address.
func addressBlock(ls []line, i int) (anchor, bool) {
	j := i - 1
	for j >= 0 && ls[j].blank && i-j <= 2 {
		j--
	}
	var block []int
	for ; j >= 0; j-- {
		l := ls[j]
		if l.blank {
			// A window envelope prints the sender's return address above
			// the recipient, sometimes with space between.
			if k := j - 1; k >= 0 && !ls[k].blank && returnAddress.MatchString(ls[k].text) && len(block) > 0 {
				block = append(block, k)
			}
			break
		}
		if l.furniture && !l.contact {
			break
		}
		if utf8.RuneCountInString(l.text) > 70 || len(block) == 8 {
			return anchor{}, false
		}
		block = append(block, j)
	}
	if len(block) == 0 {
		return anchor{}, false
	}
	// block holds indices from the date upwards; turn it round.
	for a, b := 0, len(block)-1; a < b; a, b = a+1, b-1 {
		block[a], block[b] = block[b], block[a]
	}
	postal := false
	first := 0
	for k, idx := range block {
		t := ls[idx].text
		switch {
		case returnAddress.MatchString(t) && k+1 < len(block):
			first, postal = k+1, true // the sender's return address
		case postcodeLine.MatchString(t), strings.Contains(t, "@"):
			postal = true
		}
	}
	if !postal {
		return anchor{}, false
	}
	a := anchor{start: block[0], date: i}
	for _, idx := range block[first:] {
		t := ls[idx].text
		if streetLine.MatchString(t) || postcodeLine.MatchString(t) || strings.Contains(t, "@") || returnAddress.MatchString(t) {
			break
		}
		if attLine.MatchString(t) {
			continue
		}
		a.names = append(a.names, strings.TrimRight(t, ","))
	}
	return a, true
}

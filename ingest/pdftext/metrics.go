package pdftext

import "strings"

// Advance widths (1/1000 em) of the standard fonts for the ASCII range
// 32..126, from the Adobe Core 14 AFM files. A simple font without a
// Widths array is one of these (or pretends to be); only word gaps depend
// on the values, so Helvetica stands in for every sans font and Times for
// every serif one.
var helveticaASCII = [95]float64{
	278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278,
	556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556,
	1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778,
	667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556,
	333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556,
	556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
}

var timesASCII = [95]float64{
	250, 333, 408, 500, 500, 833, 778, 180, 333, 333, 500, 564, 250, 333, 250, 278,
	500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 278, 278, 564, 564, 564, 444,
	921, 722, 667, 667, 722, 611, 556, 722, 722, 333, 389, 722, 611, 889, 722, 722,
	556, 722, 667, 556, 611, 722, 722, 944, 722, 722, 611, 333, 278, 333, 469, 500,
	333, 444, 500, 444, 500, 444, 333, 500, 500, 278, 278, 500, 278, 778, 500, 500,
	500, 500, 333, 389, 278, 500, 500, 722, 500, 500, 444, 480, 200, 480, 541,
}

// standardWidth estimates the advance of text in the standard font that
// best matches baseFont.
func standardWidth(baseFont, text string) float64 {
	name := strings.ToLower(baseFont)
	if strings.Contains(name, "courier") || strings.Contains(name, "mono") {
		return 600
	}
	table := &helveticaASCII
	if strings.Contains(name, "times") || strings.Contains(name, "serif") && !strings.Contains(name, "sans") {
		table = &timesASCII
	}
	var w float64
	for _, r := range text {
		switch {
		case r >= 32 && r <= 126:
			w += table[r-32]
		case r == 'æ' || r == 'Æ' || r == 'Ø':
			w += 900
		default:
			w += 556
		}
	}
	if w == 0 {
		w = 500
	}
	return w
}

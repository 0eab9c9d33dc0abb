package pdftext

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// Simple-font encodings and glyph names. The tables are built from the
// glyph names the encodings are defined by (PDF 32000 Annex D), so one list
// of names gives both the base encodings and the Differences lookups.

// latinNames lists the glyph names of Unicode U+0020..U+007F ("-" for
// DEL) and then U+00A0..U+00FF, in order.
var latinNames = strings.Fields(`
space exclam quotedbl numbersign dollar percent ampersand quotesingle parenleft parenright asterisk plus comma hyphen period slash
zero one two three four five six seven eight nine colon semicolon less equal greater question
at A B C D E F G H I J K L M N O P Q R S T U V W X Y Z bracketleft backslash bracketright asciicircum underscore
grave a b c d e f g h i j k l m n o p q r s t u v w x y z braceleft bar braceright asciitilde -
nbspace exclamdown cent sterling currency yen brokenbar section dieresis copyright ordfeminine guillemotleft logicalnot sfthyphen registered macron
degree plusminus twosuperior threesuperior acute mu paragraph periodcentered cedilla onesuperior ordmasculine guillemotright onequarter onehalf threequarters questiondown
Agrave Aacute Acircumflex Atilde Adieresis Aring AE Ccedilla Egrave Eacute Ecircumflex Edieresis Igrave Iacute Icircumflex Idieresis
Eth Ntilde Ograve Oacute Ocircumflex Otilde Odieresis multiply Oslash Ugrave Uacute Ucircumflex Udieresis Yacute Thorn germandbls
agrave aacute acircumflex atilde adieresis aring ae ccedilla egrave eacute ecircumflex edieresis igrave iacute icircumflex idieresis
eth ntilde ograve oacute ocircumflex otilde odieresis divide oslash ugrave uacute ucircumflex udieresis yacute thorn ydieresis`)

// extraNames maps glyph names outside Latin-1 that Latin text uses.
var extraNames = map[string]rune{
	"Euro": 0x20ac, "quotesinglbase": 0x201a, "florin": 0x0192, "quotedblbase": 0x201e,
	"ellipsis": 0x2026, "dagger": 0x2020, "daggerdbl": 0x2021, "circumflex": 0x02c6,
	"perthousand": 0x2030, "Scaron": 0x0160, "guilsinglleft": 0x2039, "OE": 0x0152,
	"Zcaron": 0x017d, "quoteleft": 0x2018, "quoteright": 0x2019, "quotedblleft": 0x201c,
	"quotedblright": 0x201d, "bullet": 0x2022, "endash": 0x2013, "emdash": 0x2014,
	"tilde": 0x02dc, "trademark": 0x2122, "scaron": 0x0161, "guilsinglright": 0x203a,
	"oe": 0x0153, "zcaron": 0x017e, "Ydieresis": 0x0178, "fi": 0xfb01, "fl": 0xfb02,
	"ff": 0xfb00, "ffi": 0xfb03, "ffl": 0xfb04, "dotlessi": 0x0131, "Lslash": 0x0141,
	"lslash": 0x0142, "minus": 0x2212, "fraction": 0x2044, "ring": 0x02da, "caron": 0x02c7,
	"breve": 0x02d8, "dotaccent": 0x02d9, "hungarumlaut": 0x02dd, "ogonek": 0x02db,
	"space": ' ', "hyphen": '-', "periodcentered": 0xb7, "middot": 0xb7, "Omega": 0x2126,
	"Delta": 0x2206, "mu": 0xb5, "quotereversed": 0x201b, "figuredash": 0x2012,
	"nbspace": 0xa0, "sfthyphen": 0xad, "softhyphen": 0xad, "uni00A0": 0xa0, "overscore": 0xaf,
	"middle": 0xb7, "Dcroat": 0x0110, "dcroat": 0x0111, "Tcommaaccent": 0x0162, "tcommaaccent": 0x0163,
	"Scommaaccent": 0x0218, "scommaaccent": 0x0219, "arrowright": 0x2192, "arrowleft": 0x2190,
	"lessequal": 0x2264, "greaterequal": 0x2265, "notequal": 0x2260, "infinity": 0x221e,
	"summation": 0x2211, "partialdiff": 0x2202, "radical": 0x221a, "approxequal": 0x2248,
	"lozenge": 0x25ca, "apple": 0xf8ff, "product": 0x220f, "integral": 0x222b, "pi": 0x03c0,
	"copyrightserif": 0xa9, "registerserif": 0xae, "trademarkserif": 0x2122, "onethird": 0x2153,
}

// latinRune returns the rune latinNames[i] names.
func latinRune(i int) rune {
	if i < 96 {
		return rune(0x20 + i)
	}
	return rune(0xa0 + i - 96)
}

var glyphNames = func() map[string]rune {
	m := make(map[string]rune, len(latinNames)+len(extraNames))
	for i, n := range latinNames {
		if n != "-" {
			m[n] = latinRune(i)
		}
	}
	m["nbspace"] = 0xa0
	for n, r := range extraNames {
		m[n] = r
	}
	return m
}()

// glyphRune maps a glyph name to its text, following the Adobe Glyph List
// conventions for names it does not list: uniXXXX[XXXX...], uXXXX[XX],
// suffixes after a period, and ligatures joined by underscores.
func glyphText(name string) (string, bool) {
	if r, ok := glyphNames[name]; ok {
		return string(r), true
	}
	if i := strings.IndexByte(name, '.'); i > 0 {
		return glyphText(name[:i])
	}
	if strings.Contains(name, "_") {
		var b strings.Builder
		for _, part := range strings.Split(name, "_") {
			s, ok := glyphText(part)
			if !ok {
				return "", false
			}
			b.WriteString(s)
		}
		return b.String(), true
	}
	if strings.HasPrefix(name, "uni") && len(name) >= 7 && (len(name)-3)%4 == 0 {
		var b strings.Builder
		for i := 3; i+4 <= len(name); i += 4 {
			v, err := strconv.ParseUint(name[i:i+4], 16, 32)
			if err != nil || !utf8.ValidRune(rune(v)) {
				return "", false
			}
			b.WriteRune(rune(v))
		}
		return b.String(), true
	}
	if len(name) >= 5 && len(name) <= 7 && name[0] == 'u' {
		if v, err := strconv.ParseUint(name[1:], 16, 32); err == nil && utf8.ValidRune(rune(v)) {
			return string(rune(v)), true
		}
	}
	return "", false
}

// encodingTable is a simple font's code-to-text table.
type encodingTable [256]string

func tableFromNames(names map[byte]string) *encodingTable {
	var t encodingTable
	for c, n := range names {
		t[c], _ = glyphText(n)
	}
	return &t
}

func asciiNames() map[byte]string {
	m := make(map[byte]string, 256)
	for i := 0; i < 95; i++ {
		m[byte(0x20+i)] = latinNames[i]
	}
	return m
}

var winAnsiEncoding = func() *encodingTable {
	m := asciiNames()
	for i := 0xa0; i <= 0xff; i++ {
		m[byte(i)] = latinNames[i-0xa0+96]
	}
	for c, n := range map[byte]string{0x80: "Euro", 0x82: "quotesinglbase", 0x83: "florin", 0x84: "quotedblbase",
		0x85: "ellipsis", 0x86: "dagger", 0x87: "daggerdbl", 0x88: "circumflex", 0x89: "perthousand",
		0x8a: "Scaron", 0x8b: "guilsinglleft", 0x8c: "OE", 0x8e: "Zcaron", 0x91: "quoteleft",
		0x92: "quoteright", 0x93: "quotedblleft", 0x94: "quotedblright", 0x95: "bullet", 0x96: "endash",
		0x97: "emdash", 0x98: "tilde", 0x99: "trademark", 0x9a: "scaron", 0x9b: "guilsinglright",
		0x9c: "oe", 0x9e: "zcaron", 0x9f: "Ydieresis", 0xa0: "space", 0xad: "hyphen"} {
		m[c] = n
	}
	return tableFromNames(m)
}()

var standardEncoding = func() *encodingTable {
	m := asciiNames()
	m[0x27] = "quoteright"
	m[0x60] = "quoteleft"
	for c, n := range map[byte]string{0xa1: "exclamdown", 0xa2: "cent", 0xa3: "sterling", 0xa4: "fraction",
		0xa5: "yen", 0xa6: "florin", 0xa7: "section", 0xa8: "currency", 0xa9: "quotesingle",
		0xaa: "quotedblleft", 0xab: "guillemotleft", 0xac: "guilsinglleft", 0xad: "guilsinglright",
		0xae: "fi", 0xaf: "fl", 0xb1: "endash", 0xb2: "dagger", 0xb3: "daggerdbl", 0xb4: "periodcentered",
		0xb6: "paragraph", 0xb7: "bullet", 0xb8: "quotesinglbase", 0xb9: "quotedblbase",
		0xba: "quotedblright", 0xbb: "guillemotright", 0xbc: "ellipsis", 0xbd: "perthousand",
		0xbf: "questiondown", 0xc1: "grave", 0xc2: "acute", 0xc3: "circumflex", 0xc4: "tilde",
		0xc5: "macron", 0xc6: "breve", 0xc7: "dotaccent", 0xc8: "dieresis", 0xca: "ring",
		0xcb: "cedilla", 0xcd: "hungarumlaut", 0xce: "ogonek", 0xcf: "caron", 0xd0: "emdash",
		0xe1: "AE", 0xe3: "ordfeminine", 0xe8: "Lslash", 0xe9: "Oslash", 0xea: "OE",
		0xeb: "ordmasculine", 0xf1: "ae", 0xf5: "dotlessi", 0xf8: "lslash", 0xf9: "oslash",
		0xfa: "oe", 0xfb: "germandbls"} {
		m[c] = n
	}
	return tableFromNames(m)
}()

// macRomanUpper is Mac OS Roman 0x80..0xFF as Unicode.
var macRomanUpper = []rune{
	0xc4, 0xc5, 0xc7, 0xc9, 0xd1, 0xd6, 0xdc, 0xe1, 0xe0, 0xe2, 0xe4, 0xe3, 0xe5, 0xe7, 0xe9, 0xe8,
	0xea, 0xeb, 0xed, 0xec, 0xee, 0xef, 0xf1, 0xf3, 0xf2, 0xf4, 0xf6, 0xf5, 0xfa, 0xf9, 0xfb, 0xfc,
	0x2020, 0xb0, 0xa2, 0xa3, 0xa7, 0x2022, 0xb6, 0xdf, 0xae, 0xa9, 0x2122, 0xb4, 0xa8, 0x2260, 0xc6, 0xd8,
	0x221e, 0xb1, 0x2264, 0x2265, 0xa5, 0xb5, 0x2202, 0x2211, 0x220f, 0x3c0, 0x222b, 0xaa, 0xba, 0x3a9, 0xe6, 0xf8,
	0xbf, 0xa1, 0xac, 0x221a, 0x192, 0x2248, 0x2206, 0xab, 0xbb, 0x2026, 0xa0, 0xc0, 0xc3, 0xd5, 0x152, 0x153,
	0x2013, 0x2014, 0x201c, 0x201d, 0x2018, 0x2019, 0xf7, 0x25ca, 0xff, 0x178, 0x2044, 0x20ac, 0x2039, 0x203a, 0xfb01, 0xfb02,
	0x2021, 0xb7, 0x201a, 0x201e, 0x2030, 0xc2, 0xca, 0xc1, 0xcb, 0xc8, 0xcd, 0xce, 0xcf, 0xcc, 0xd3, 0xd4,
	0xf8ff, 0xd2, 0xda, 0xdb, 0xd9, 0x131, 0x2c6, 0x2dc, 0xaf, 0x2d8, 0x2d9, 0x2da, 0xb8, 0x2dd, 0x2db, 0x2c7,
}

var macRomanEncoding = func() *encodingTable {
	t := *tableFromNames(asciiNames())
	for i, r := range macRomanUpper {
		t[0x80+i] = string(r)
	}
	return &t
}()

// pdfDocEncoding differs from WinAnsi only in 0x18..0x1f and 0x80..0x9f,
// which simple fonts practically never use; WinAnsi stands in for it.
var pdfDocEncoding = winAnsiEncoding

func baseEncoding(name string) *encodingTable {
	switch name {
	case "WinAnsiEncoding":
		return winAnsiEncoding
	case "MacRomanEncoding", "MacExpertEncoding":
		return macRomanEncoding
	case "StandardEncoding":
		return standardEncoding
	case "PDFDocEncoding":
		return pdfDocEncoding
	}
	return nil
}

// Package testpdf writes small PDF files by hand for tests: well-formed
// ones, and the hostile shapes a PDF reader must survive (encrypted,
// image-only, deeply nested, claiming millions of pages, with a broken
// cross-reference table). Tests of the text layer and of whole batches
// share them.
package testpdf

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"strings"
)

// Build writes a minimal PDF from object bodies (object i+1 is objs[i])
// with a correct cross-reference table; trailerExtra goes into the trailer.
func Build(objs []string, trailerExtra string) []byte {
	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
	offs := make([]int, len(objs))
	for i, o := range objs {
		offs[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	x := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, o := range offs {
		fmt.Fprintf(&b, "%010d 00000 n \n", o)
	}
	fmt.Fprintf(&b, "trailer\n<</Size %d/Root 1 0 R%s>>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, trailerExtra, x)
	return b.Bytes()
}

// Stream is the body of a stream object with a dictionary and data.
func Stream(dict, data string) string {
	return fmt.Sprintf("<<%s/Length %d>>\nstream\n%s\nendstream", dict, len(data), data)
}

// Text is a one-page PDF showing lines of text in Helvetica.
func Text(lines ...string) []byte {
	var c strings.Builder
	c.WriteString("BT /F1 12 Tf 72 700 Td 14 TL\n")
	for _, l := range lines {
		fmt.Fprintf(&c, "(%s) Tj T*\n", l)
	}
	c.WriteString("ET")
	return Build([]string{
		"<</Type/Catalog/Pages 2 0 R>>",
		"<</Type/Pages/Kids[3 0 R]/Count 1>>",
		"<</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]/Resources<</Font<</F1 5 0 R>>>>/Contents 4 0 R>>",
		Stream("", c.String()),
		"<</Type/Font/Subtype/Type1/BaseFont/Helvetica/Encoding/WinAnsiEncoding>>",
	}, "")
}

// Encrypted is a text PDF with an AES-256 (V 5) encryption dictionary.
func Encrypted() []byte {
	return bytes.Replace(Text("secret"), []byte("/Root 1 0 R>>"),
		[]byte("/Root 1 0 R/Encrypt<</Filter/Standard/V 5/R 6/Length 256/O<00>/U<00>/P -4>>/ID[<01><01>]>>"), 1)
}

// ImageOnly is a one-page PDF whose page is an image: no text layer.
func ImageOnly() []byte {
	return Build([]string{
		"<</Type/Catalog/Pages 2 0 R>>",
		"<</Type/Pages/Kids[3 0 R]/Count 1>>",
		"<</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]/Resources<</XObject<</Im1 5 0 R>>>>/Contents 4 0 R>>",
		Stream("", "q 612 0 0 792 0 0 cm /Im1 Do Q"),
		Stream("/Type/XObject/Subtype/Image/Width 2/Height 2/ColorSpace/DeviceGray/BitsPerComponent 8", "\x00\xff\xff\x00"),
	}, "")
}

// DeeplyNested is a PDF whose page carries an array nested depth deep, a
// shape that overflows recursive parsers.
func DeeplyNested(depth int) []byte {
	nest := strings.Repeat("[", depth) + strings.Repeat("]", depth)
	return Build([]string{
		"<</Type/Catalog/Pages 2 0 R>>",
		"<</Type/Pages/Kids[3 0 R]/Count 1>>",
		"<</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]/Contents 4 0 R/Junk " + nest + ">>",
		Stream("", "BT ET"),
	}, "")
}

// ManyPages is a PDF whose page tree claims count pages but whose kids
// point back at the tree itself.
func ManyPages(count int) []byte {
	return Build([]string{
		"<</Type/Catalog/Pages 2 0 R>>",
		fmt.Sprintf("<</Type/Pages/Kids[2 0 R 2 0 R 3 0 R]/Count %d>>", count),
		"<</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]/Contents 4 0 R>>",
		Stream("", "BT ET"),
	}, "")
}

// CorruptXref is data with the offset after its last startxref replaced
// by one pointing nowhere.
func CorruptXref(data []byte) []byte {
	i := bytes.LastIndex(data, []byte("startxref"))
	if i < 0 {
		return data
	}
	return append(append([]byte(nil), data[:i]...), "startxref\n12345\n%%EOF\n"...)
}

// Scanned is a one-page PDF whose page is a grayscale image (8 bits per
// pixel, w×h pixels, Flate-compressed) drawn over a page of wPt×hPt points:
// what a scanner makes. It has no text layer.
func Scanned(gray []byte, w, h int, wPt, hPt float64) []byte {
	var z bytes.Buffer
	zw := zlib.NewWriter(&z)
	zw.Write(gray)
	zw.Close()
	return Build([]string{
		"<</Type/Catalog/Pages 2 0 R>>",
		"<</Type/Pages/Kids[3 0 R]/Count 1>>",
		fmt.Sprintf("<</Type/Page/Parent 2 0 R/MediaBox[0 0 %.0f %.0f]/Resources<</XObject<</Im1 5 0 R>>>>/Contents 4 0 R>>", wPt, hPt),
		Stream("", fmt.Sprintf("q %.0f 0 0 %.0f 0 0 cm /Im1 Do Q", wPt, hPt)),
		Stream(fmt.Sprintf("/Type/XObject/Subtype/Image/Width %d/Height %d/ColorSpace/DeviceGray/BitsPerComponent 8/Filter/FlateDecode", w, h), z.String()),
	}, "")
}

// PackedObjectStream is a one-page text PDF (showing text) whose
// cross-reference stream packs its font in object stream 5 and, against
// the specification, object stream 5 in itself: a reader that resolves the
// containing stream recursively never stops.
func PackedObjectStream(text string) []byte {
	font := "<</Type/Font/Subtype/Type1/BaseFont/Helvetica/Encoding/WinAnsiEncoding>>"
	objStm := Stream(fmt.Sprintf("/Type/ObjStm/N 1/First %d", len("7 0 ")), "7 0 "+font)
	objs := []string{
		"<</Type/Catalog/Pages 2 0 R>>",
		"<</Type/Pages/Kids[3 0 R]/Count 1>>",
		"<</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]/Resources<</Font<</F1 7 0 R>>>>/Contents 4 0 R>>",
		Stream("", "BT /F1 12 Tf 72 700 Td ("+text+") Tj ET"),
		objStm,
	}
	var b bytes.Buffer
	b.WriteString("%PDF-1.5\n%\xe2\xe3\xcf\xd3\n")
	offs := make([]int, len(objs)+1)
	for i, o := range objs {
		offs[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xrefOff := b.Len()
	row := func(typ byte, f2, f3 int) string {
		return string([]byte{typ, byte(f2 >> 24), byte(f2 >> 16), byte(f2 >> 8), byte(f2), byte(f3 >> 8), byte(f3)})
	}
	rows := row(0, 0, 65535)
	for i := range 4 {
		rows += row(1, offs[i], 0)
	}
	rows += row(2, 5, 0)       // 5: the object stream, "packed in itself"
	rows += row(1, xrefOff, 0) // 6: this cross-reference stream
	rows += row(2, 5, 0)       // 7: the font, packed in 5
	fmt.Fprintf(&b, "6 0 obj\n%s\nendobj\nstartxref\n%d\n%%%%EOF\n",
		Stream("/Type/XRef/Size 8/W[1 4 2]/Root 1 0 R", rows), xrefOff)
	return b.Bytes()
}

// Package testdocx writes Word (DOCX) files by hand for tests, with the
// parts of WordprocessingML that a reader must get right: page headers,
// text boxes stored twice as alternate content (mc:Choice and
// mc:Fallback), complex and simple fields (a TOC with PAGEREF, REF),
// tracked deletions, drawing positions, tables and page breaks. The
// documents are SYNTHETIC; tests of ingest and of extract share them.
package testdocx

import (
	"archive/zip"
	"bytes"
	"html"
	"sort"
	"strings"
)

// Build zips parts (name to XML) into a DOCX, with a content-types part
// when parts has none.
func Build(parts map[string]string) []byte {
	if _, ok := parts["[Content_Types].xml"]; !ok {
		parts["[Content_Types].xml"] = contentTypes
	}
	names := make([]string, 0, len(parts))
	for n := range parts {
		names = append(names, n)
	}
	sort.Strings(names)
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	for _, n := range names {
		w, err := zw.Create(n)
		if err != nil {
			panic(err) // writing to memory does not fail
		}
		w.Write([]byte(parts[n]))
	}
	if err := zw.Close(); err != nil {
		panic(err)
	}
	return b.Bytes()
}

const contentTypes = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`

const ns = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:v="urn:schemas-microsoft-com:vml" mc:Ignorable="w14"`

// Document wraps body XML in a main document part.
func Document(body string) string {
	return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ` + ns + `><w:body>` + body + `<w:sectPr/></w:body></w:document>`
}

// Header wraps paragraphs in a page header part.
func Header(body string) string {
	return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:hdr ` + ns + `>` + body + `</w:hdr>`
}

// R is a run of text.
func R(text string) string {
	return `<w:r><w:t xml:space="preserve">` + html.EscapeString(text) + `</w:t></w:r>`
}

// P is a paragraph of runs (or of text, escaped, when it holds no "<").
func P(runs ...string) string {
	var b strings.Builder
	b.WriteString(`<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="1304"/></w:tabs></w:pPr>`)
	for _, r := range runs {
		if !strings.HasPrefix(r, "<") {
			r = R(r)
		}
		b.WriteString(r)
	}
	b.WriteString(`</w:p>`)
	return b.String()
}

// Tab is a run's tab.
const Tab = `<w:r><w:tab/></w:r>`

// PageBreak is a run breaking the page.
const PageBreak = `<w:r><w:br w:type="page"/></w:r>`

// Field is a complex field: its code between begin and separate, its
// result (runs) between separate and end.
func Field(code string, result ...string) string {
	return `<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve">` + html.EscapeString(code) +
		`</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>` + strings.Join(result, "") +
		`<w:r><w:fldChar w:fldCharType="end"/></w:r>`
}

// SimpleField is a w:fldSimple: the code in an attribute, the result as
// its runs.
func SimpleField(code, result string) string {
	return `<w:fldSimple w:instr="` + html.EscapeString(code) + `">` + R(result) + `</w:fldSimple>`
}

// Deleted is text deleted with tracked changes on.
func Deleted(text string) string {
	return `<w:del w:id="1" w:author="x"><w:r><w:delText>` + html.EscapeString(text) + `</w:delText></w:r></w:del>`
}

// TextBox is a run anchoring a text box as Word 2010 and later store it:
// the box (a drawing with its position) in mc:Choice, the same text again
// as a VML text box in mc:Fallback.
func TextBox(paragraphs ...string) string {
	inner := strings.Join(paragraphs, "")
	return `<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor><wp:positionH relativeFrom="page"><wp:posOffset>1270000</wp:posOffset></wp:positionH>` +
		`<wp:extent cx="2743200" cy="457200"/><a:graphic><a:graphicData><wps:wsp><wps:txbx><w:txbxContent>` + inner +
		`</w:txbxContent></wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>` +
		`<mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>` + inner + `</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>`
}

// Table is a table of rows of cell texts.
func Table(rows ...[]string) string {
	var b strings.Builder
	b.WriteString(`<w:tbl>`)
	for _, row := range rows {
		b.WriteString(`<w:tr>`)
		for _, c := range row {
			b.WriteString(`<w:tc>` + P(c) + `</w:tc>`)
		}
		b.WriteString(`</w:tr>`)
	}
	b.WriteString(`</w:tbl>`)
	return b.String()
}

// Minutes is an Acadre-style referat exported as DOCX: the committee and
// the meeting's date and time in the page header, the place in a text
// box, participants and absentees as labelled paragraphs, a table of
// contents made by a TOC field with PAGEREF fields, three points with
// "Beslutning:" and "Bilag:" sections, a REF field, a tracked deletion,
// and after the last point's attachments a signature page.
func Minutes() []byte {
	toc := func(n, title, page string) string {
		return R(n+". "+title) + Tab + Field(` PAGEREF _Toc3594130`+n+` \h `, R(page))
	}
	body := P("Referat") +
		P(TextBox(P("Mødested: Byrådssalen, Rådhuset, Ebeltoft"))) +
		P("Deltagere: Anne Kjær Jensen (A), Bo Vestergaard (V), Camilla Holm (F)") +
		P("Afbud: Dennis Lauritsen (O)") +
		P("Indholdsfortegnelse") +
		`<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> TOC \o "1-1" \h \z \u </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>` +
		toc("1", "Godkendelse af dagsorden", "2") + `</w:p>` +
		P(toc("2", "Kulturkommune 2017", "2")) +
		`<w:p>` + toc("3", "Politik for Kultur og Fritid", "3") + `<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>` +
		P("1. Godkendelse af dagsorden") +
		P("Beslutning:") +
		P("Godkendt.") +
		P("2. Kulturkommune 2017") +
		P("Sagsnr.: 13/1234") +
		P("Indstilling:") +
		P("Forvaltningen indstiller, at udvalget drøfter arbejdsoplægget.") +
		P("Beslutning:") +
		P(R("Drøftet. Oplægget behandles igen under punkt "), SimpleField(` REF _Ref359413 \h `, "3"), R(".")) +
		P("3. Politik for Kultur og Fritid") +
		P("Sagsnr.: 09/5678") +
		P("Beslutning:") +
		P(R("Godkendt"), Deleted(" med bemærkninger"), R(".")) +
		P("Bilag:") +
		P("Politik for Kultur og Fritid - Lokalt engagement") +
		P("Opsamlingsnotat. Temamøde 20.09.2012") +
		P(PageBreak) +
		P("Underskrifter") +
		Table([]string{"Anne Kjær Jensen", "________________"}, []string{"Bo Vestergaard", "________________"}, []string{"Camilla Holm", "________________"})
	header := Header(P("Udvalget for Plan, Udvikling og Kultur") + P(R("Mødedato:"), Tab, R("20. juni 2013, kl. 16.00")))
	return Build(map[string]string{
		"word/document.xml": Document(body),
		"word/header1.xml":  header,
		"word/header2.xml":  header, // the first page's header, the same
	})
}

// StyledP is a paragraph of text in a paragraph style.
func StyledP(style, text string) string {
	return `<w:p><w:pPr><w:pStyle w:val="` + style + `"/></w:pPr>` + R(text) + `</w:p>`
}

// ListP is a paragraph of text numbered directly by list numID at level
// ilvl.
func ListP(numID, ilvl, text string) string {
	return `<w:p><w:pPr><w:numPr><w:ilvl w:val="` + ilvl + `"/><w:numId w:val="` + numID + `"/></w:numPr></w:pPr>` + R(text) + `</w:p>`
}

// numberingPart has list 1, decimal "1." with "1.1" under it, and list 2,
// bullets.
const numberingPart = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:numbering ` + ns + `>` +
	`<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>` +
	`<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2"/></w:lvl></w:abstractNum>` +
	`<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl></w:abstractNum>` +
	`<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num></w:numbering>`

// stylesPart numbers the heading styles with list 1: "Punkt" at level 0,
// "Underpunkt" (based on "Punkt") at level 1.
const stylesPart = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles ` + ns + `>` +
	`<w:style w:type="paragraph" w:styleId="Punkt"><w:name w:val="heading 1"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>` +
	`<w:style w:type="paragraph" w:styleId="Underpunkt"><w:basedOn w:val="Punkt"/><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr></w:pPr></w:style>` +
	`</w:styles>`

// NumberedMinutes is a referat whose points are numbered by Word, not
// in their text: heading styles carry list numbering ("1.", "2.1"), as
// Word templates number their points, with a bulleted list inside a
// point and the header as a table of labels and values.
func NumberedMinutes() []byte {
	body := P("Referat") +
		P("Styregruppen for digitalisering") +
		Table([]string{"Dato:", "14. marts 2024"}, []string{"Tid:", "13.00 - 15.00"}, []string{"Sted:", "Mødelokale 2, Rådhuset"},
			[]string{"Deltagere:", "Anne Kjær Jensen, Bo Vestergaard, Camilla Holm"}, []string{"Afbud:", "Dennis Lauritsen"}) +
		StyledP("Punkt", "Godkendelse af dagsorden") +
		P("Referat: Dagsordenen blev godkendt.") +
		StyledP("Punkt", "Status på projektet") +
		P("Oplæg: Projektlederen gennemgik status:") +
		ListP("2", "0", "Tidsplanen holder") +
		ListP("2", "0", "Budgettet holder") +
		StyledP("Underpunkt", "Tidsplan") +
		P("Beslutning: Taget til efterretning.") +
		StyledP("Underpunkt", "Budget") +
		P("Beslutning: Godkendt.") +
		StyledP("Punkt", "Eventuelt") +
		P("Intet.")
	return Build(map[string]string{
		"word/document.xml":  Document(body),
		"word/numbering.xml": numberingPart,
		"word/styles.xml":    stylesPart,
	})
}

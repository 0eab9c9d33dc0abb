package pdftext

import (
	"context"
	"testing"
	"time"

	"github.com/ledongthuc/pdf"
)

// FuzzExtract feeds Extract mutated real and handwritten PDFs: it must
// return (a result or an error) and never panic or hang.
func FuzzExtract(f *testing.F) {
	for _, rel := range []string{
		"ballerup-edoc-2012-12-04/1552824.pdf",
		"ballerup-edoc-2012-12-04/1552822.pdf",
		"other/english/eastpaloalto_ca_minutes_2020-01-27.pdf",
	} {
		f.Add(readCorpusPDF(f, rel))
	}
	f.Add(textPDF("Hello", "(nested) \\\\ escapes \\q", "Dagsorden"))
	f.Fuzz(func(t *testing.T, data []byte) {
		ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
		defer cancel()
		res, err := Extract(ctx, data, Options{Timeout: 10 * time.Second, MaxPages: 50})
		if err == nil && res == nil {
			t.Fatal("nil result without an error")
		}
		if err != nil && err == ErrTimeout {
			t.Fatalf("timed out on %d bytes", len(data))
		}
	})
}

// FuzzContent runs the content-stream interpreter and layout on arbitrary
// bytes, with the default font.
func FuzzContent(f *testing.F) {
	f.Add([]byte("BT /F1 12 Tf 72 700 Td (Hello) Tj [(W) 120 (orld)] TJ ET"))
	f.Add([]byte("q 1 0 0 1 0 0 cm BI /W 2 /H 2 ID \x00\xffEI Q BT (a\\101\\q) ' ET"))
	f.Add([]byte("BT <48656c6c6f> Tj 0 -14 TD (x) \" ET [[[[ << /A [1 2] >> ] ] ]"))
	f.Fuzz(func(t *testing.T, data []byte) {
		d := newDocument(context.Background(), nil)
		pr := &pageRun{d: d, box: [4]float64{0, 0, 612, 792}}
		if err := pr.run(data, pdf.Value{}, identity, 0); err != nil {
			t.Fatal(err)
		}
		_ = layoutPage(pr.glyphs)
	})
}

// FuzzCMap parses arbitrary bytes as a CMap and looks codes up.
func FuzzCMap(f *testing.F) {
	f.Add([]byte("1 begincodespacerange <0000> <FFFF> endcodespacerange 2 beginbfchar <0003> <0020> <0011> <00E6> endbfchar 1 beginbfrange <0020> <0030> <0041> endbfrange"))
	f.Add([]byte("1 beginbfrange <00> <ff> [<0041> <0042>] endbfrange 1 begincidrange <0000> <ffff> 0 endcidrange /Identity-H usecmap"))
	f.Fuzz(func(t *testing.T, data []byte) {
		m := parseCMap(data)
		for _, c := range []uint32{0, 1, 0x20, 0xff, 0x1234, 0xffff} {
			m.text(c)
			m.cidOf(c)
		}
		m.codeLen("\x00\x01\x02", 2)
	})
}

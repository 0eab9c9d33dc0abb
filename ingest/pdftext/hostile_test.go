package pdftext

import (
	"bytes"
	"context"
	"errors"
	"os"
	"strings"
	"testing"
	"time"

	"referat/internal/testcorpus"
	"referat/internal/testpdf"
)

var textPDF = testpdf.Text

func readCorpusPDF(tb testing.TB, rel string) []byte {
	tb.Helper()
	data, err := os.ReadFile(testcorpus.Path(rel))
	if err != nil {
		tb.Fatal(err)
	}
	return data
}

const referat = "ballerup-edoc-2012-12-04/1552814_Aabent-referat_Sundheds-og-Forebyggelsesudvalget.pdf"

func TestHandwrittenText(t *testing.T) {
	res, err := Extract(context.Background(), textPDF("Hello world", "Dagsorden for m\xf8det"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := res.Pages[0].Text, "Hello world\nDagsorden for mødet"; got != want {
		t.Errorf("page text = %q; want %q", got, want)
	}
}

func TestBrokenInput(t *testing.T) {
	real := readCorpusPDF(t, referat)
	tests := []struct {
		name string
		data []byte
		want error // nil: any error will do
	}{
		{"zero bytes", nil, ErrNotPDF},
		{"white space", []byte(" \n\t "), ErrNotPDF},
		{"junk", bytes.Repeat([]byte("\x00\xff junk ("), 4096), ErrNotPDF},
		{"header only", []byte("%PDF-1.7\n"), nil},
		{"huge xref size", []byte("%PDF-1.7\n1 0 obj<</Type/XRef/Size 99999999999/W[1 4 2]>>stream\nendstream endobj\nstartxref\n9\n%%EOF\n"), nil},
		{"truncated at 1%", real[:len(real)/100], nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := Extract(context.Background(), tt.data, Options{Timeout: 10 * time.Second})
			if err == nil {
				t.Fatalf("Extract = %d pages, nil error; want an error", len(res.Pages))
			}
			if tt.want != nil && !errors.Is(err, tt.want) {
				t.Errorf("Extract error = %v; want %v", err, tt.want)
			}
		})
	}
}

// TestTruncatedRecovers cuts a real file short: the cross-reference table
// at its end is gone, and the rebuilt one recovers the pages before the cut.
func TestTruncatedRecovers(t *testing.T) {
	real := readCorpusPDF(t, referat)
	whole, err := Extract(context.Background(), real, Options{})
	if err != nil {
		t.Fatal(err)
	}
	// Half the file keeps the page tree but not the content streams: the
	// pages are there, empty, each with a warning.
	half, err := Extract(context.Background(), real[:len(real)/2], Options{})
	if err != nil {
		t.Fatalf("truncated at 50%%: %v", err)
	}
	if len(half.Pages) != len(whole.Pages) || !hasWarning(half, "page 1: decode stream") {
		t.Errorf("truncated at 50%%: %d pages, warnings %q; want %d pages with stream warnings", len(half.Pages), half.Warnings, len(whole.Pages))
	}
	for _, frac := range []float64{0.8, 0.95, 0.99} {
		cut := real[:int(float64(len(real))*frac)]
		res, err := Extract(context.Background(), cut, Options{})
		if err != nil {
			t.Errorf("truncated at %.0f%%: %v", frac*100, err)
			continue
		}
		if !hasWarning(res, "repaired cross-reference table") {
			t.Errorf("truncated at %.0f%%: warnings %q lack the repair", frac*100, res.Warnings)
		}
		if len(res.Pages) == 0 || res.Pages[0].Text != whole.Pages[0].Text {
			t.Errorf("truncated at %.0f%%: first page differs from the whole file's", frac*100)
		}
	}
}

// TestCorruptXref points startxref at the wrong place and mangles the table.
func TestCorruptXref(t *testing.T) {
	real := readCorpusPDF(t, referat)
	whole, err := Extract(context.Background(), real, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for name, mangle := range map[string]func([]byte) []byte{
		"startxref offset": testpdf.CorruptXref,
		"table entries": func(b []byte) []byte {
			c := append([]byte(nil), b...)
			i := bytes.LastIndex(c, []byte("xref"))
			for j := i + 30; j < i+400 && j < len(c); j++ {
				if c[j] >= '1' && c[j] <= '9' {
					c[j] = '7'
				}
			}
			return c
		},
		"junk before header": func(b []byte) []byte {
			return append([]byte("garbage garbage\n"), b...)
		},
	} {
		res, err := Extract(context.Background(), mangle(real), Options{})
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if s := wordF1(whole.Text, res.Text); s < 0.99 {
			t.Errorf("%s: word F1 against the intact file = %.3f; want >= 0.99", name, s)
		}
	}
}

func TestEncrypted(t *testing.T) {
	// An AES-256 (V 5) encryption dictionary, which the library does not
	// support: the file must fail as encrypted, not as garbage text.
	_, err := Extract(context.Background(), testpdf.Encrypted(), Options{})
	if !errors.Is(err, ErrEncrypted) {
		t.Errorf("Extract(encrypted) error = %v; want ErrEncrypted", err)
	}
}

func TestImageOnlyPage(t *testing.T) {
	res, err := Extract(context.Background(), testpdf.ImageOnly(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Pages) != 1 || !res.Pages[0].NoTextLayer {
		t.Fatalf("pages = %+v; want one page without a text layer", res.Pages)
	}
	if !hasWarning(res, "page 1: no text layer (image only)") {
		t.Errorf("warnings = %q; want the page reported", res.Warnings)
	}
}

func hasWarning(r *Result, prefix string) bool {
	for _, w := range r.Warnings {
		if strings.HasPrefix(w, prefix) {
			return true
		}
	}
	return false
}

package pdftext

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"referat/internal/testcorpus"
	"referat/internal/testpdf"
)

// TestOCRReadsAScannedPage renders the first page of a real letter to a
// grayscale image, wraps the image in a PDF as a scanner would, and checks
// that OCR gives back most of the words pdftotext finds on the original.
func TestOCRReadsAScannedPage(t *testing.T) {
	if !OCRAvailable() {
		t.Skip("needs pdftoppm and tesseract with Danish data (apt-get install poppler-utils tesseract-ocr-dan)")
	}
	src := testcorpus.Path("other/aarhus_2023-10-MTM-svar-til-giber-ringvej-gruppen.pdf")
	dir := t.TempDir()
	out := filepath.Join(dir, "page")
	if b, err := exec.Command("pdftoppm", "-r", "150", "-gray", "-singlefile", "-f", "1", "-l", "1", src, out).CombinedOutput(); err != nil {
		t.Fatalf("pdftoppm: %v: %s", err, b)
	}
	gray, w, h, err := readPGM(out + ".pgm")
	if err != nil {
		t.Fatal(err)
	}
	scan := testpdf.Scanned(gray, w, h, float64(w)*72/150, float64(h)*72/150)

	plain, err := Extract(context.Background(), scan, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !hasWarning(plain, "page 1: no text layer") {
		t.Errorf("without OCR, warnings = %q; want the page reported as having no text layer", plain.Warnings)
	}
	res, err := Extract(context.Background(), scan, Options{OCR: true})
	if err != nil {
		t.Fatal(err)
	}
	want, err := exec.Command("pdftotext", "-f", "1", "-l", "1", src, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	if f := wordF1(string(want), res.Text); f < 0.85 {
		t.Errorf("OCR text has word F1 %.3f against pdftotext of the original; want >= 0.85\n%s", f, res.Text)
	}
}

// readPGM reads a binary (P5) 8-bit PGM image as pdftoppm -gray writes it.
func readPGM(path string) ([]byte, int, int, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, 0, 0, err
	}
	defer f.Close()
	r := bufio.NewReader(f)
	var magic string
	var w, h, maxv int
	if _, err := fmt.Fscan(r, &magic, &w, &h, &maxv); err != nil || magic != "P5" || maxv != 255 {
		return nil, 0, 0, fmt.Errorf("%s: not an 8-bit P5 PGM (%v)", path, err)
	}
	r.ReadByte() // the single whitespace after the header
	pix := make([]byte, w*h)
	if _, err := io.ReadFull(r, pix); err != nil {
		return nil, 0, 0, err
	}
	return bytes.Clone(pix), w, h, nil
}

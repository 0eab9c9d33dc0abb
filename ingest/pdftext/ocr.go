package pdftext

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
)

// OCR of pages without a text layer: pdftoppm renders the page at 300 dpi
// and tesseract reads it with its Danish model. Both are optional tools.

// ErrNoOCR is returned when tesseract with Danish data or pdftoppm is
// not installed.
var ErrNoOCR = errors.New("ocr unavailable: needs pdftoppm and tesseract with the dan language")

// OCRAvailable reports whether pages can be OCR'd on this machine. The
// answer is looked up once per process.
func OCRAvailable() bool {
	ocrOnce.Do(func() { ocrFound = findOCR() })
	return ocrFound
}

var (
	ocrOnce  sync.Once
	ocrFound bool
)

func findOCR() bool {
	if _, err := exec.LookPath("pdftoppm"); err != nil {
		return false
	}
	bin, err := exec.LookPath("tesseract")
	if err != nil {
		return false
	}
	out, err := exec.Command(bin, "--list-langs").CombinedOutput()
	if err != nil {
		return false
	}
	for _, l := range strings.Fields(string(out)) {
		if l == "dan" {
			return true
		}
	}
	return false
}

// ocrPage renders page n of the PDF and reads its text with tesseract.
func ocrPage(ctx context.Context, data []byte, n int) (string, error) {
	if !OCRAvailable() {
		return "", ErrNoOCR
	}
	dir, err := os.MkdirTemp("", "pdftext-ocr-")
	if err != nil {
		return "", fmt.Errorf("ocr page %d: %w", n, err)
	}
	defer os.RemoveAll(dir)
	in := filepath.Join(dir, "in.pdf")
	if err := os.WriteFile(in, data, 0o600); err != nil {
		return "", fmt.Errorf("ocr page %d: %w", n, err)
	}
	page := strconv.Itoa(n)
	img := filepath.Join(dir, "page")
	render := exec.CommandContext(ctx, "pdftoppm", "-r", "300", "-gray", "-png", "-singlefile", "-f", page, "-l", page, in, img)
	if out, err := render.CombinedOutput(); err != nil {
		return "", fmt.Errorf("ocr page %d: pdftoppm: %v: %s", n, err, bytes.TrimSpace(out))
	}
	var stdout, stderr bytes.Buffer
	read := exec.CommandContext(ctx, "tesseract", img+".png", "-", "-l", "dan", "--psm", "3")
	read.Stdout, read.Stderr = &stdout, &stderr
	if err := read.Run(); err != nil {
		return "", fmt.Errorf("ocr page %d: tesseract: %v: %s", n, err, bytes.TrimSpace(stderr.Bytes()))
	}
	return strings.TrimSpace(stdout.String()), nil
}

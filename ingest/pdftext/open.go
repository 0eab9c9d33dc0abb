package pdftext

import (
	"bytes"
	"fmt"

	"github.com/ledongthuc/pdf"
)

// open opens a PDF with the library, recovering its panics.
func open(data []byte) (r *pdf.Reader, warnings []string, err error) {
	defer func() {
		if x := recover(); x != nil {
			r, err = nil, fmt.Errorf("open pdf: %v", x)
		}
	}()
	r, err = pdf.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, nil, fmt.Errorf("open pdf: %w", err)
	}
	return r, nil, nil
}

package pdftext

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/ledongthuc/pdf"
)

// Options bound and tune extraction of one document.
type Options struct {
	OCR      bool          // run tesseract (Danish) on pages without a text layer, when installed
	Timeout  time.Duration // per document; 0 means DefaultTimeout
	MaxPages int           // 0 means DefaultMaxPages
}

// Defaults used when an Options field is zero.
const (
	DefaultTimeout  = 60 * time.Second
	DefaultMaxPages = 2000
)

// Page is the text of one page as laid out, before furniture removal.
type Page struct {
	Number      int
	Text        string // lines in reading order; table cells separated by '\t'
	NoTextLayer bool
}

// Result is the text of one document.
type Result struct {
	Pages    []Page
	Text     string   // the document text after furniture removal, pages joined by "\f", UTF-8 NFC
	Warnings []string // e.g. "page 3: no text layer", "page 5: undecodable glyphs"
}

// ErrTimeout is returned when a document takes longer than its time budget.
var ErrTimeout = errors.New("pdf extraction timed out")

// Extract reads the text of a PDF. A panic, endless loop or runaway
// allocation inside the PDF library becomes an error for this document.
func Extract(ctx context.Context, data []byte, opts Options) (*Result, error) {
	if opts.Timeout <= 0 {
		opts.Timeout = DefaultTimeout
	}
	if opts.MaxPages <= 0 {
		opts.MaxPages = DefaultMaxPages
	}
	ctx, cancel := context.WithTimeout(ctx, opts.Timeout)
	defer cancel()
	type outcome struct {
		res *Result
		err error
	}
	done := make(chan outcome, 1)
	go func() {
		var o outcome
		defer func() {
			if x := recover(); x != nil {
				o = outcome{nil, fmt.Errorf("malformed pdf: %v", x)}
			}
			done <- o
		}()
		o.res, o.err = extract(ctx, data, opts)
	}()
	select {
	case o := <-done:
		return o.res, o.err
	case <-ctx.Done():
		return nil, ErrTimeout
	}
}

func extract(ctx context.Context, data []byte, opts Options) (*Result, error) {
	r, err := pdf.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, fmt.Errorf("open pdf: %w", err)
	}
	res := &Result{}
	n := r.NumPage()
	if n > opts.MaxPages {
		n = opts.MaxPages
	}
	var texts []string
	for i := 1; i <= n; i++ {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		s, err := r.Page(i).GetPlainText(nil)
		if err != nil {
			res.Warnings = append(res.Warnings, fmt.Sprintf("page %d: %v", i, err))
		}
		p := Page{Number: i, Text: s, NoTextLayer: strings.TrimSpace(s) == ""}
		res.Pages = append(res.Pages, p)
		texts = append(texts, s)
	}
	res.Text = strings.Join(texts, "\f")
	return res, nil
}

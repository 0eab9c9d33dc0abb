package pdftext

import (
	"context"
	"errors"
	"fmt"
	"time"

	"golang.org/x/text/unicode/norm"
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
	r, warnings, err := open(data)
	if err != nil {
		return nil, err
	}
	d := &document{ctx: ctx, r: r, fonts: map[string]*font{}, forms: map[string][]byte{}, budget: maxDocBytes}
	d.warnings = append(d.warnings, warnings...)
	refs, err := d.pages(opts.MaxPages)
	if err != nil {
		return nil, err
	}
	if len(refs) == 0 {
		return nil, errors.New("no pages")
	}
	res := &Result{}
	for i, p := range refs {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		page := Page{Number: i + 1}
		pr, err := d.readPage(p)
		if err != nil {
			if errors.Is(err, errTooLarge) || ctx.Err() != nil {
				return nil, fmt.Errorf("page %d: %w", i+1, err)
			}
			d.warnf("page %d: %v", i+1, err)
		}
		page.Text = norm.NFC.String(layoutPage(pr.glyphs))
		if pr.total == 0 {
			page.NoTextLayer = true
			d.warnf("page %d: no text layer", i+1)
		} else if pr.bad >= 20 || pr.bad*20 >= pr.total {
			d.warnf("page %d: undecodable glyphs (%d of %d)", i+1, pr.bad, pr.total)
		}
		res.Pages = append(res.Pages, page)
	}
	res.Text = removeFurniture(res.Pages)
	res.Warnings = d.warnings
	return res, nil
}

package pdftext

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/ledongthuc/pdf"
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

func newDocument(ctx context.Context, r *pdf.Reader) *document {
	return &document{ctx: ctx, r: r, fonts: map[string]*font{}, forms: map[string][]byte{}, budget: maxDocBytes}
}

func extract(ctx context.Context, data []byte, opts Options) (*Result, error) {
	r, warnings, err := open(data)
	if err != nil {
		return nil, err
	}
	d := newDocument(ctx, r)
	refs, err := d.safePages(opts.MaxPages)
	if (err != nil || len(refs) == 0) && ctx.Err() == nil && len(warnings) == 0 {
		// The file opened but its objects are not where the table says:
		// rebuild the table and try again.
		if r2, err2 := openRepaired(data); err2 == nil {
			d = newDocument(ctx, r2)
			warnings = append(warnings, fmt.Sprintf("repaired cross-reference table (%v)", err))
			refs, err = d.safePages(opts.MaxPages)
		}
	}
	if err != nil {
		return nil, err
	}
	if len(refs) == 0 {
		return nil, errors.New("no pages")
	}
	d.warnings = append(d.warnings, warnings...)
	res := &Result{}
	for i, p := range refs {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		page := Page{Number: i + 1}
		pr, err := d.safeReadPage(p)
		if err != nil {
			if errors.Is(err, errTooLarge) || ctx.Err() != nil {
				return nil, fmt.Errorf("page %d: %w", i+1, err)
			}
			d.warnf("page %d: %v", i+1, err)
		}
		page.Text = norm.NFC.String(layoutPage(pr.glyphs))
		switch {
		case pr.total == 0:
			page.NoTextLayer = true
			if pr.images > 0 {
				d.warnf("page %d: no text layer (image only)", i+1)
			} else {
				d.warnf("page %d: no text layer", i+1)
			}
		case pr.bad >= 20 || pr.bad*20 >= pr.total:
			d.warnf("page %d: undecodable glyphs (%d of %d)", i+1, pr.bad, pr.total)
		}
		if page.NoTextLayer && pr.images > 0 && opts.OCR {
			text, err := ocrPage(ctx, data, i+1)
			if err != nil {
				d.warnf("page %d: ocr: %v", i+1, err)
			} else if text != "" {
				page.Text = norm.NFC.String(text)
				d.warnf("page %d: text from ocr", i+1)
			}
		}
		res.Pages = append(res.Pages, page)
	}
	res.Text = removeFurniture(res.Pages)
	res.Warnings = d.warnings
	return res, nil
}

// safePages walks the page tree, turning the library's panics into errors.
func (d *document) safePages(maxPages int) (refs []pageRef, err error) {
	defer func() {
		if x := recover(); x != nil {
			refs, err = nil, fmt.Errorf("malformed pdf: %v", x)
		}
	}()
	return d.pages(maxPages)
}

// safeReadPage reads one page; a panic in the library loses that page only.
func (d *document) safeReadPage(p pageRef) (pr *pageRun, err error) {
	defer func() {
		if x := recover(); x != nil {
			pr, err = &pageRun{}, fmt.Errorf("malformed page: %v", x)
		}
	}()
	return d.readPage(p)
}

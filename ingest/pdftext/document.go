package pdftext

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/ledongthuc/pdf"
)

// document is one open PDF and what has been resolved from it. The
// library keeps no object cache, so everything resolved more than once
// (fonts, form XObjects) is cached here, keyed by the object's printed
// form: a dictionary prints with its references unresolved, and a stream
// prints with its file offset, so equal keys mean the same object.
type document struct {
	ctx      context.Context
	r        *pdf.Reader
	fonts    map[string]*font
	forms    map[string][]byte
	fallback *font
	budget   int64 // decoded stream bytes still allowed
	warnings []string
}

// Limits on what one document may cost.
const (
	maxStreamBytes = 256 << 20
	maxDocBytes    = 1 << 30
	maxWarnings    = 50
)

// errTooLarge reports a document whose decoded streams exceed the budget.
var errTooLarge = errors.New("decoded streams exceed the size limit")

func (d *document) warnf(format string, args ...any) {
	if len(d.warnings) < maxWarnings {
		d.warnings = append(d.warnings, fmt.Sprintf(format, args...))
	}
}

// stream returns the decoded bytes of a stream. The library panics on
// filters it does not know; that becomes an error for this stream only.
// A stream that breaks off (a truncated Flate stream) yields what was
// decoded before the break, as poppler does.
func (d *document) stream(v pdf.Value) (data []byte, err error) {
	defer func() {
		if x := recover(); x != nil {
			data, err = nil, fmt.Errorf("decode stream: %v", x)
		}
	}()
	limit := min(int64(maxStreamBytes), d.budget)
	rd := v.Reader()
	defer rd.Close()
	var buf bytes.Buffer
	n, rerr := io.Copy(&buf, io.LimitReader(rd, limit+1))
	if n > limit {
		return nil, errTooLarge
	}
	d.budget -= n
	if rerr != nil && buf.Len() == 0 {
		return nil, fmt.Errorf("decode stream: %w", rerr)
	}
	return buf.Bytes(), nil
}

// font returns the font for a font dictionary, loading it once.
func (d *document) font(v pdf.Value) *font {
	if v.Kind() != pdf.Dict {
		return d.defaultFont()
	}
	key := v.String()
	if f, ok := d.fonts[key]; ok {
		return f
	}
	f := d.loadFont(v)
	d.fonts[key] = f
	return f
}

// defaultFont stands in for a missing or broken font resource.
func (d *document) defaultFont() *font {
	if d.fallback == nil {
		f := &font{name: "Helvetica", scale: 0.001, noW: true}
		for c := 0; c < 256; c++ {
			f.simple[c] = winAnsiEncoding[c]
			f.known[c] = false
		}
		d.fallback = f
	}
	return d.fallback
}

func (d *document) formData(key string, x pdf.Value) ([]byte, error) {
	if data, ok := d.forms[key]; ok {
		return data, nil
	}
	data, err := d.stream(x)
	if err != nil {
		return nil, err
	}
	d.forms[key] = data
	return data, nil
}

// pageRef is a page dictionary with its inherited attributes.
type pageRef struct {
	v      pdf.Value
	res    pdf.Value
	box    [4]float64
	rotate int
}

type inherited struct {
	res    pdf.Value
	media  pdf.Value
	crop   pdf.Value
	rotate pdf.Value
}

// pages walks the page tree once (the library's Page(i) walks it from the
// root for every page), guarding against cycles and runaway trees.
func (d *document) pages(maxPages int) ([]pageRef, error) {
	root := d.r.Trailer().Key("Root")
	if root.Kind() != pdf.Dict {
		return nil, errors.New("no document catalog")
	}
	var out []pageRef
	seen := map[string]bool{}
	var walk func(n pdf.Value, inh inherited, depth int) error
	walk = func(n pdf.Value, inh inherited, depth int) error {
		if len(out) >= maxPages || depth > 64 || n.Kind() != pdf.Dict {
			return nil
		}
		if err := d.ctx.Err(); err != nil {
			return err
		}
		if r := n.Key("Resources"); r.Kind() == pdf.Dict {
			inh.res = r
		}
		if m := n.Key("MediaBox"); m.Kind() == pdf.Array {
			inh.media = m
		}
		if c := n.Key("CropBox"); c.Kind() == pdf.Array {
			inh.crop = c
		}
		if r := n.Key("Rotate"); r.Kind() == pdf.Integer || r.Kind() == pdf.Real {
			inh.rotate = r
		}
		kids := n.Key("Kids")
		if kids.Kind() == pdf.Array && n.Key("Type").Name() != "Page" {
			key := n.String()
			if seen[key] {
				return nil
			}
			seen[key] = true
			for i := 0; i < kids.Len(); i++ {
				if err := walk(kids.Index(i), inh, depth+1); err != nil {
					return err
				}
			}
			return nil
		}
		out = append(out, pageRef{v: n, res: inh.res, box: pageBox(inh), rotate: quarterTurns(inh.rotate)})
		return nil
	}
	err := walk(root.Key("Pages"), inherited{}, 0)
	return out, err
}

func rectOf(v pdf.Value) ([4]float64, bool) {
	if v.Len() != 4 {
		return [4]float64{}, false
	}
	var r [4]float64
	for i := range r {
		r[i] = v.Index(i).Float64()
	}
	if r[0] > r[2] {
		r[0], r[2] = r[2], r[0]
	}
	if r[1] > r[3] {
		r[1], r[3] = r[3], r[1]
	}
	if r[2]-r[0] < 1 || r[3]-r[1] < 1 {
		return r, false
	}
	return r, true
}

func pageBox(inh inherited) [4]float64 {
	box, ok := rectOf(inh.media)
	if !ok {
		box = [4]float64{0, 0, 612, 792}
	}
	if c, ok := rectOf(inh.crop); ok {
		// the visible page is the crop box clipped to the media box
		c[0], c[1] = max(c[0], box[0]), max(c[1], box[1])
		c[2], c[3] = min(c[2], box[2]), min(c[3], box[3])
		if c[2]-c[0] >= 1 && c[3]-c[1] >= 1 {
			box = c
		}
	}
	return box
}

func quarterTurns(v pdf.Value) int {
	r := int(v.Float64()) % 360
	if r < 0 {
		r += 360
	}
	return (r + 45) / 90 % 4
}

// contents returns a page's content stream bytes (an array of streams is
// one stream split in pieces).
func (d *document) contents(p pageRef) ([]byte, error) {
	c := p.v.Key("Contents")
	switch c.Kind() {
	case pdf.Stream:
		return d.stream(c)
	case pdf.Array:
		var all []byte
		var firstErr error
		for i := 0; i < c.Len(); i++ {
			data, err := d.stream(c.Index(i))
			if err != nil {
				if errors.Is(err, errTooLarge) {
					return nil, err
				}
				if firstErr == nil {
					firstErr = err
				}
				continue
			}
			all = append(all, data...)
			all = append(all, '\n')
		}
		if len(all) == 0 && firstErr != nil {
			return nil, firstErr
		}
		return all, nil
	}
	return nil, nil
}

// readPage interprets one page's content into glyphs.
func (d *document) readPage(p pageRef) (*pageRun, error) {
	pr := &pageRun{d: d, box: p.box, rotate: p.rotate}
	data, err := d.contents(p)
	if err != nil {
		return pr, err
	}
	if err := pr.run(data, p.res, identity, 0); err != nil {
		return pr, err
	}
	return pr, nil
}

// isEncryptionError tells an encryption failure from the library apart.
func isEncryptionError(err error) bool {
	return err != nil && (errors.Is(err, pdf.ErrInvalidPassword) || strings.Contains(err.Error(), "encrypt"))
}

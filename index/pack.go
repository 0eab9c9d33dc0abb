package index

import (
	"bytes"
	"compress/flate"
	"io"
	"strings"
	"sync"
)

// packText compresses the text snippets are cut from. Bleve compresses
// stored fields with Snappy, which keeps about 60% of Danish text;
// DEFLATE keeps about 40%, and the stored text is the largest part of the
// index after the term positions.
func packText(s string) string {
	w := flateWriters.Get().(*flate.Writer)
	defer flateWriters.Put(w)
	var b bytes.Buffer
	b.Grow(len(s) / 2)
	w.Reset(&b)
	io.WriteString(w, s)
	if err := w.Close(); err != nil {
		return ""
	}
	return b.String()
}

// flateWriters keeps writers for reuse: each holds about 600 KB of tables.
var flateWriters = sync.Pool{New: func() any {
	w, _ := flate.NewWriter(io.Discard, flate.DefaultCompression)
	return w
}}

// unpackText reverses packText; damaged data gives what could be read.
func unpackText(s string) string {
	if s == "" {
		return ""
	}
	src := strings.NewReader(s)
	r, _ := flateReaders.Get().(io.ReadCloser)
	if r == nil {
		r = flate.NewReader(src)
	} else if err := r.(flate.Resetter).Reset(src, nil); err != nil {
		return ""
	}
	defer flateReaders.Put(r)
	var b bytes.Buffer
	b.Grow(3 * len(s))
	b.ReadFrom(r)
	return b.String()
}

// unpackPrefix is unpackText of at most the first n bytes of the text:
// a snippet near the start of a long document decompresses only that.
func unpackPrefix(s string, n int) string {
	if s == "" || n <= 0 {
		return ""
	}
	src := strings.NewReader(s)
	r, _ := flateReaders.Get().(io.ReadCloser)
	if r == nil {
		r = flate.NewReader(src)
	} else if err := r.(flate.Resetter).Reset(src, nil); err != nil {
		return ""
	}
	defer flateReaders.Put(r)
	var b bytes.Buffer
	b.Grow(min(n, 3*len(s)))
	b.ReadFrom(io.LimitReader(r, int64(n)))
	return b.String()
}

// flateReaders keeps decompressors for reuse: each holds about 40 KB.
var flateReaders sync.Pool

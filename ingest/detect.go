package ingest

import (
	"bytes"
	"errors"
	"fmt"
	"unicode/utf8"

	"referat/corpus"
)

// ErrUnknownFormat is returned for bytes that are none of the formats
// referat reads (binary junk, images, legacy Word files).
var ErrUnknownFormat = errors.New("unknown format")

// ErrEmpty is returned for a zero-byte or whitespace-only document.
var ErrEmpty = errors.New("empty document")

var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// oleMagic starts an OLE2 compound file: legacy .doc, .xls, .msg.
var oleMagic = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}

// wordStream is "WordDocument" in UTF-16LE.
var wordStream = []byte("W\x00o\x00r\x00d\x00D\x00o\x00c\x00u\x00m\x00e\x00n\x00t\x00")

// Detect tells the format of a document from its bytes.
func Detect(data []byte) (corpus.Format, error) {
	if len(bytes.TrimSpace(data)) == 0 {
		return "", ErrEmpty
	}
	head := data
	if len(head) > 1024 {
		head = head[:1024]
	}
	if bytes.Contains(head, []byte("%PDF-")) {
		return corpus.FormatPDF, nil
	}
	if bytes.HasPrefix(data, oleMagic) {
		// A Word file's compound document holds a stream named
		// "WordDocument" (its directory names are UTF-16LE).
		if bytes.Contains(data, wordStream) {
			return corpus.FormatDOC, nil
		}
		return "", fmt.Errorf("%w: a legacy Office file (Excel, Outlook or similar); save it as PDF", ErrUnknownFormat)
	}
	if bytes.HasPrefix(data, []byte("PK\x03\x04")) {
		if bytes.Contains(data, []byte("word/document.xml")) {
			return corpus.FormatDOCX, nil
		}
		return "", ErrUnknownFormat
	}
	t := bytes.TrimLeft(bytes.TrimPrefix(data, utf8BOM), " \t\r\n")
	if len(t) == 0 {
		return "", ErrEmpty // a byte-order mark and nothing else
	}
	if len(t) > 512 {
		t = t[:512]
	}
	lower := bytes.ToLower(t)
	switch {
	case t[0] == '{' || t[0] == '[':
		if looksText(data) {
			return corpus.FormatJSON, nil
		}
	case bytes.HasPrefix(lower, []byte("<!doctype html")) || bytes.HasPrefix(lower, []byte("<html")) ||
		t[0] == '<' && (bytes.Contains(lower, []byte("<html")) || bytes.Contains(lower, []byte("<body")) || bytes.Contains(lower, []byte("<head"))):
		return corpus.FormatHTML, nil
	case bytes.HasPrefix(lower, []byte("<?xml")) || t[0] == '<' && looksText(data):
		if bytes.Contains(lower, []byte("<html")) {
			return corpus.FormatHTML, nil
		}
		return corpus.FormatXML, nil
	}
	if looksText(data) {
		return corpus.FormatText, nil
	}
	return "", ErrUnknownFormat
}

// looksText reports whether data reads as text in UTF-8 or a legacy
// single-byte encoding: few control bytes, and no NUL at all.
func looksText(data []byte) bool {
	sample := data
	if len(sample) > 64<<10 {
		sample = sample[:64<<10]
	}
	if bytes.IndexByte(sample, 0) >= 0 {
		return false
	}
	control := 0
	for _, c := range sample {
		if c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' {
			control++
		}
	}
	if control*100 > len(sample) {
		return false
	}
	if validUTF8Prefix(sample) {
		return true
	}
	// Not UTF-8: accept it as windows-1252 when the high bytes are mostly
	// letters of that code page rather than random binary.
	high, letters := 0, 0
	for _, c := range sample {
		if c >= 0x80 {
			high++
			if c >= 0xC0 || c == 0x80 || c == 0x96 || c == 0x97 {
				letters++
			}
		}
	}
	return high == 0 || letters*2 >= high && high*10 < len(sample)
}

// validUTF8Prefix reports whether b is valid UTF-8, allowing b to end in the
// middle of a rune because it was cut from a longer text.
func validUTF8Prefix(b []byte) bool {
	for i := 0; i < utf8.UTFMax && len(b) > 0; i++ {
		if utf8.Valid(b) {
			return true
		}
		b = b[:len(b)-1]
	}
	return utf8.Valid(b)
}

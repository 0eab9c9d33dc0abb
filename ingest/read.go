package ingest

import (
	"bytes"
	"context"
	"fmt"
	"io/fs"
	"mime"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/unicode/norm"

	"referat/corpus"
	"referat/ingest/pdftext"
	"referat/internal/htmltext"
)

// DefaultMaxBytes bounds the size of one document.
const DefaultMaxBytes = 256 << 20

// Options tune how documents are read.
type Options struct {
	// PDF bounds and tunes the PDF text layer (OCR, time, pages).
	PDF pdftext.Options
	// MaxBytes is the largest document read; 0 means DefaultMaxBytes.
	MaxBytes int64
	// Isolate reads PDFs in a child process with bounded memory and time
	// (see pdftext.ExtractIsolated) instead of in this process.
	Isolate bool
}

// ByteLimit is the largest document read: MaxBytes, or DefaultMaxBytes.
func (o Options) ByteLimit() int64 {
	if o.MaxBytes > 0 {
		return o.MaxBytes
	}
	return DefaultMaxBytes
}

// ReadFile reads the file at path as a Document; see ReadRegularFile
// for what it refuses before reading.
func ReadFile(ctx context.Context, path string, opts Options) (corpus.Document, error) {
	data, fi, err := ReadRegularFile(path, opts.ByteLimit())
	if err != nil {
		return corpus.Document{}, err
	}
	return readFileData(ctx, path, data, fi, opts)
}

// readFileData is ReadFile after the bytes are read.
func readFileData(ctx context.Context, path string, data []byte, fi fs.FileInfo, opts Options) (corpus.Document, error) {
	src := corpus.Source{Path: path, FetchedAt: fi.ModTime().UTC().Format(time.RFC3339)}
	doc, err := Read(ctx, data, src, opts)
	if err != nil {
		return doc, fmt.Errorf("read %s: %w", path, err)
	}
	return doc, nil
}

// Read builds a Document from the bytes of a source. src.ContentType, when
// set (a web server's header), helps decode HTML; it never overrides what
// the bytes say the format is. The returned error names no path: callers
// add it.
func Read(ctx context.Context, data []byte, src corpus.Source, opts Options) (corpus.Document, error) {
	doc := corpus.Document{ID: corpus.Hash(data), Source: src, Raw: data}
	if int64(len(data)) > opts.ByteLimit() {
		return doc, fmt.Errorf("%d bytes is over the limit of %d", len(data), opts.ByteLimit())
	}
	format, err := Detect(data)
	if err != nil {
		return doc, err
	}
	doc.Format = format
	if doc.Source.ContentType == "" {
		doc.Source.ContentType = contentTypes[format]
	}
	var text string
	switch format {
	case corpus.FormatPDF:
		var res *pdftext.Result
		if opts.Isolate {
			res, err = pdftext.ExtractIsolated(ctx, data, opts.PDF)
		} else {
			res, err = pdftext.Extract(ctx, data, opts.PDF)
		}
		if err != nil {
			return doc, fmt.Errorf("pdf: %w", err)
		}
		text = res.Text
		doc.Warnings = append(doc.Warnings, res.Warnings...)
	case corpus.FormatHTML:
		enc, name, _ := charset.DetermineEncoding(data, src.ContentType)
		doc.Source.ContentType = withCharset(doc.Source.ContentType, name)
		text, err = htmltext.Text(enc.NewDecoder().Reader(bytes.NewReader(data)))
		if err != nil {
			return doc, err
		}
	case corpus.FormatText:
		var warn, name string
		text, name, warn = decodeText(cutBytes(data, textReadBytes))
		doc.Source.ContentType = withCharset(doc.Source.ContentType, name)
		if warn != "" {
			doc.Warnings = append(doc.Warnings, warn)
		}
	case corpus.FormatDOCX:
		text, err = docxText(data)
		if err != nil {
			return doc, fmt.Errorf("docx: %w", err)
		}
	case corpus.FormatDOC:
		text, err = wordDocText(ctx, data)
		if err != nil {
			return doc, fmt.Errorf("doc: %w", err)
		}
	case corpus.FormatJSON, corpus.FormatXML:
		// Structured sources are read from Raw by extract.
	}
	if len(text) > textReadBytes {
		// Cut before cleaning, so that a huge text costs no more than
		// a bounded one from here on.
		text = corpus.CutText(text, textReadBytes)
	}
	doc.Text = cleanText(text)
	if n := len(doc.Text); n > corpus.MaxTextBytes {
		doc.Text = corpus.CutText(doc.Text, corpus.MaxTextBytes)
		doc.Warnings = append(doc.Warnings, fmt.Sprintf("text of more than %d bytes; only the first %d are kept", corpus.MaxTextBytes, corpus.MaxTextBytes))
	}
	if doc.Text == "" && (format == corpus.FormatPDF || format == corpus.FormatHTML || format == corpus.FormatText || format == corpus.FormatDOCX || format == corpus.FormatDOC) {
		doc.Warnings = append(doc.Warnings, "no text found")
	}
	return doc, nil
}

// textReadBytes is how much of a document's text is read before it is
// cleaned and cut to corpus.MaxTextBytes: a margin for what cleaning
// removes (carriage returns, surrounding space).
const textReadBytes = corpus.MaxTextBytes + corpus.MaxTextBytes/4

// cutBytes returns data cut to at most n bytes, never inside a UTF-8
// sequence (a cut one would make valid UTF-8 look like windows-1252).
func cutBytes(data []byte, n int) []byte {
	if len(data) <= n {
		return data
	}
	for n > 0 && !utf8.RuneStart(data[n]) {
		n--
	}
	return data[:n]
}

var contentTypes = map[corpus.Format]string{
	corpus.FormatPDF:  "application/pdf",
	corpus.FormatHTML: "text/html",
	corpus.FormatText: "text/plain",
	corpus.FormatJSON: "application/json",
	corpus.FormatXML:  "application/xml",
	corpus.FormatDOCX: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
	corpus.FormatDOC:  "application/msword",
}

// decodeText decodes plain text: UTF-8 when valid, else windows-1252, the
// legacy encoding of Danish text on Windows (a superset of ISO-8859-1's
// printable characters). It returns the name of the charset the bytes
// are in.
func decodeText(data []byte) (text, charsetName, warning string) {
	if utf8.Valid(bytes.TrimPrefix(data, utf8BOM)) {
		return string(bytes.TrimPrefix(data, utf8BOM)), "utf-8", ""
	}
	out, err := charmap.Windows1252.NewDecoder().Bytes(data)
	if err != nil {
		return strings.ToValidUTF8(string(data), "\uFFFD"), "", "text is neither UTF-8 nor windows-1252; invalid bytes replaced"
	}
	return string(out), "windows-1252", "text is not UTF-8; decoded as windows-1252"
}

// withCharset adds the charset the bytes were decoded from to a content
// type that names none, so that the source is served as it was read (a
// browser guesses wrong for a text file without one, and æøå garble).
func withCharset(contentType, charsetName string) string {
	base, params, err := mime.ParseMediaType(contentType)
	if err != nil || charsetName == "" || params["charset"] != "" {
		return contentType
	}
	params["charset"] = charsetName
	return mime.FormatMediaType(base, params)
}

// cleanText normalises line ends and Unicode form once, here at the edge.
func cleanText(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	s = strings.ReplaceAll(s, "\u00a0", " ")
	return norm.NFC.String(strings.TrimSpace(s))
}

// ReadJob reads a job's file and the files it names. An attachment that
// cannot be read becomes a warning on the document, not a failure.
func ReadJob(ctx context.Context, job Job, opts Options) (corpus.Document, error) {
	data, fi, err := ReadRegularFile(job.Path, opts.ByteLimit())
	if err != nil {
		return corpus.Document{}, err
	}
	return ReadJobData(ctx, job, data, fi, opts)
}

// ReadJobData is ReadJob with the job's own file already read (by
// ReadRegularFile, whose FileInfo fi is), so a caller that hashed the
// bytes first does not read them twice.
func ReadJobData(ctx context.Context, job Job, data []byte, fi fs.FileInfo, opts Options) (corpus.Document, error) {
	doc, err := readFileData(ctx, job.Path, data, fi, opts)
	if err != nil {
		return doc, err
	}
	names := make([]string, 0, len(job.Attachments))
	for ref := range job.Attachments {
		names = append(names, ref)
	}
	sort.Strings(names)
	for _, ref := range names {
		if err := ctx.Err(); err != nil {
			return doc, err
		}
		a, err := ReadFile(ctx, job.Attachments[ref], opts)
		if err != nil {
			doc.Warnings = append(doc.Warnings, fmt.Sprintf("attachment %s: %v", ref, err))
			continue
		}
		if doc.Attachments == nil {
			doc.Attachments = map[string]corpus.Document{}
		}
		doc.Attachments[ref] = a
	}
	return doc, nil
}

package crawl

import (
	"context"
	"time"
)

// Fetched is one new or changed document handed to the Sink.
type Fetched struct {
	// URL is the document's URL as crawled, canonical (lower-case host,
	// no fragment). It stays the same across crawls, so it is the key
	// under which the store keeps the document's versions.
	URL string
	// FinalURL is where the bytes came from after redirects.
	FinalURL string
	// Body is the document's bytes exactly as served.
	Body []byte
	// Hash is the hex SHA-256 of Body (the corpus document id).
	Hash string
	// ContentType is the Content-Type header, or a sniffed type when the
	// server sent none or application/octet-stream.
	ContentType string
	FetchedAt   time.Time
	// ETag and LastModified are the validators the server sent.
	ETag, LastModified string

	// Source, Municipality and Profile are those of the Source.
	Source, Municipality, Profile string
	// Title is the link text or the title the parent document gives,
	// "" when none.
	Title string
	// Parent is the URL of the document (or page) that names this one as
	// an attachment, "" for a top-level document. A parent is handed on
	// before its attachments.
	Parent string
	// Ref is how Parent names this document: an eDoc PDF file name
	// ("1552823.PDF"), a SBSYS enclosure path ("Enclosures\1.pdf"), a
	// First Agenda attachment id.
	Ref string
	// PreviousHash is the hash of the version handed on before, "" for a
	// document the crawl has not seen; a changed document has both.
	PreviousHash string
}

// Changed reports whether an earlier version of the document was handed
// on before.
func (f *Fetched) Changed() bool { return f.PreviousHash != "" }

// UTF8 returns an HTML or plain-text body in UTF-8, decoded from the
// charset its Content-Type, BOM or <meta> declares, falling back to
// windows-1252 for bytes that are not UTF-8, as browsers do. Other bodies
// are returned as they are: JSON is UTF-8 by definition, and XML names
// its encoding in its own declaration, which a decoder must read.
func (f *Fetched) UTF8() ([]byte, error) {
	switch mediaType(f.ContentType) {
	case "text/html", "application/xhtml+xml", "text/plain":
		out, _, err := decodeToUTF8(f.Body, f.ContentType)
		return out, err
	}
	return f.Body, nil
}

// Sink receives each new or changed document. Run calls it from one
// goroutine at a time. An error fails that document only: it is reported,
// not remembered as handed on, and offered again by the next crawl.
type Sink func(ctx context.Context, f Fetched) error

// Report sums up a crawl.
type Report struct {
	Started, Finished time.Time
	// Resumed is true when the crawl continued an interrupted one.
	Resumed bool
	// Requests counts the HTTP requests sent, robots.txt, retries and
	// redirects included.
	Requests int
	// Pages counts listing and meeting pages read for links.
	Pages int
	// Fetched counts documents handed to the sink: New + Changed.
	Fetched, New, Changed int
	// NotModified counts documents the server answered 304 for.
	NotModified int
	// Unchanged counts documents served again with the same bytes.
	Unchanged int
	// Fresh counts documents not requested because they were checked
	// within Config.RevalidateAfter.
	Fresh int
	// Skipped counts URLs not fetched: robots.txt, host not allowed, page
	// limit reached.
	Skipped int
	// Failed counts fetches that ended with an error (after retries) and
	// documents the sink refused; Failures says which and why.
	Failed   int
	Failures []Failure
}

// Failure is one fetch that failed.
type Failure struct {
	URL    string
	Source string
	Status int // HTTP status, 0 when none
	Reason string
}

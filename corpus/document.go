package corpus

// Format is a source document's format, detected from its bytes.
type Format string

// The formats ingest recognises.
const (
	FormatPDF  Format = "pdf"
	FormatHTML Format = "html"
	FormatText Format = "text"
	FormatJSON Format = "json"
	FormatXML  Format = "xml"
	FormatDOCX Format = "docx"
	FormatDOC  Format = "doc" // legacy Word, read through antiword or catdoc
)

// Document is what ingest hands to extract: the source bytes and their text.
type Document struct {
	ID     string // hex SHA-256 of Raw
	Source Source
	Format Format
	Raw    []byte

	// Text is the document's text in UTF-8, NFC: one line per printed line,
	// a blank line between paragraphs, table cells on one line separated by
	// tabs, and pages separated by a form feed ("\f"). Page furniture
	// (running headers, page numbers) is already removed. Structured
	// formats (JSON, XML) may leave Text empty and be read from Raw.
	Text string

	// Warnings are what ingest could not read or had to repair.
	Warnings []string

	// Attachments are documents published together with this one and
	// named by it (the item PDFs of an eDoc meeting, the enclosures of an
	// SBSYS publication), keyed by the file name the document uses.
	Attachments map[string]Document
}

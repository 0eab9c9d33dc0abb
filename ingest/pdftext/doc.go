// Package pdftext builds the text layer of a PDF: it reads the document's
// objects through github.com/ledongthuc/pdf, interprets each page's content
// stream itself (fonts resolved per page and cached per document, CID fonts
// decoded through their ToUnicode maps), rebuilds lines, words and table
// cells from glyph positions, and removes page furniture (running headers
// and footers, page numbers, page-image markers, hyphenation, letter-spaced
// letterhead text) from the document text. Hostile input becomes an error
// for that document: Extract recovers panics and bounds time and memory
// cooperatively, and ExtractIsolated runs the same work in a child process
// with a hard memory limit and a kill on timeout.
package pdftext

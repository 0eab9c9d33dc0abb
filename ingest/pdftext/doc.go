// Package pdftext builds the text layer of a PDF. It reads the document's
// objects through github.com/ledongthuc/pdf (cross-reference table, page
// tree, fonts, decoded streams) and does the rest itself: a tolerant
// content-stream interpreter (the library's lexer panics on what poppler
// shrugs off), fonts resolved per page and cached per document, simple
// encodings with Differences, CID fonts through their ToUnicode and
// encoding CMaps, and glyph positions from the text and graphics state.
// Layout rebuilds lines from baselines, words from gaps, table cells as
// tab-separated segments, and reads prose beside a sidebar column by
// column. Page.Text is that layout; Result.Text removes page furniture
// (running headers and footers, page numbers, page-image file names),
// joins words hyphenated across lines and mends letter-spaced letterhead
// text. Damaged files (no %%EOF, wrong startxref, junk before the header,
// truncation, looping /Prev chains) are opened by rebuilding the
// cross-reference table, as poppler does.
//
// Hostile input. Extract recovers the library's panics (per page where
// it can), bounds decoded stream bytes and glyphs, rejects implausible
// cross-reference sizes before the library allocates them, and returns at
// its deadline. That bounds what Extract returns, not what a runaway
// goroutine inside the library goes on consuming, since Go cannot kill a
// goroutine. For untrusted files in bulk, use an Isolator
// (ExtractIsolated): the same work in child processes of this executable
// with RLIMIT_AS and a kill at the deadline, which is sound; main must
// call RunChild first.
package pdftext

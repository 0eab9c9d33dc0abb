// Package ingest turns source files and fetched bytes into corpus.Documents:
// it detects the format from the bytes (never the file name), decodes text
// to UTF-8 and NFC at the edge, reads PDFs through the text layer in
// ingest/pdftext and renders HTML as text with internal/htmltext. Publication XML files (eDoc,
// SBSYS) are joined with the PDFs they name. Crawling lives in ingest/crawl.
package ingest

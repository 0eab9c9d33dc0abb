// Package htmltext (internal/htmltext in DESIGN.md's layout) renders HTML
// as the plain text layout that extract reads: one line per block, a blank
// line between paragraphs, list items on lines of their own, and table rows
// as lines of tab-separated cells. It is shared by ingest, for web pages,
// and extract, for HTML fragments inside structured sources (First Agenda
// JSON, eDoc XML), so both lay out HTML the same way.
package htmltext

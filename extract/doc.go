// Package extract turns an ingested document into its record (the schema
// of DESIGN.md): it asks the format readers in turn (Ankestyrelsen letters
// and principmeddelelser, Datatilsynet decisions, First Agenda JSON, eDoc
// and SBSYS XML, eDoc and First Agenda web pages), then the reader of
// minutes text, and fills what every record shares: id, source, format,
// extractor version, cleaned text, the municipality when the document does
// not print it, the committee name without its election period, CPR
// numbers redacted everywhere, and warnings. A document none of them
// recognises keeps its text, with kind unknown and a warning.
//
// extract does no I/O.
package extract

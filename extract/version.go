package extract

// Version is the extractor's version, stored in every record. Bump it
// whenever the records it makes change, so reindex extracts again.
//
//	1  first records
//	2  letters (extract/letter), eDoc item PDFs, wrapped table cells,
//	   closed points' decisions
const Version = 2

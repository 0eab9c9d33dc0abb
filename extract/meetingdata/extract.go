package meetingdata

import (
	"referat/corpus"
)

// Extract reads a meeting published as structured data or a generated web
// page by one of the meeting systems this package knows. It reports false
// when doc comes from none of them, so that other extractors can try it.
// It fills Kind, Municipality (when the document names it), Committee,
// Meeting, Items, Title, Text and Warnings; the caller fills the rest.
func Extract(doc corpus.Document) (rec corpus.Record, ok bool) {
	var readers []func(corpus.Document) (corpus.Record, bool)
	switch doc.Format {
	case corpus.FormatJSON:
		readers = append(readers, fromFirstAgendaAPI)
	case corpus.FormatXML:
		readers = append(readers, fromEDoc, fromSBSYS, fromFujitsuXML)
	case corpus.FormatHTML:
		readers = append(readers, fromFujitsuHTML, fromFirstAgendaWeb)
	}
	for _, r := range readers {
		if rec, ok := r(doc); ok {
			return rec, true
		}
	}
	return corpus.Record{}, false
}

package extract

import (
	"fmt"

	"referat/corpus"
	"referat/extract/letter"
	"referat/extract/meetingdata"
	"referat/extract/minutes"
)

// reader is a format reader: ok=false means the document is not its kind.
type reader struct {
	name    string
	extract func(corpus.Document) (corpus.Record, bool)
}

// readers are asked in order before the minutes reader; the first that
// recognises the document makes its record.
var readers = []reader{
	{"meetingdata", meetingdata.Extract},
	{"letter", letter.Extract},
}

// Record extracts the record of one document. It never fails: a document
// no reader recognises gets kind unknown, its text and a warning.
func Record(doc corpus.Document) corpus.Record {
	rec, ok := dispatch(doc)
	if !ok {
		rec = minutesRecord(doc)
	}
	finish(&rec, doc)
	return rec
}

// dispatch asks the format readers; a reader that panics on a hostile
// document is skipped with a warning rather than taking the caller down.
func dispatch(doc corpus.Document) (rec corpus.Record, ok bool) {
	var warnings []string
	for _, r := range readers {
		rec, ok = safely(r, doc, &warnings)
		if ok {
			rec.Warnings = append(rec.Warnings, warnings...)
			return rec, true
		}
	}
	return corpus.Record{Warnings: warnings}, false
}

func safely(r reader, doc corpus.Document, warnings *[]string) (rec corpus.Record, ok bool) {
	defer func() {
		if x := recover(); x != nil {
			*warnings = append(*warnings, fmt.Sprintf("%s reader failed: %v", r.name, x))
			rec, ok = corpus.Record{}, false
		}
	}()
	return r.extract(doc)
}

// minutesRecord reads a document's text as minutes or an agenda.
func minutesRecord(doc corpus.Document) corpus.Record {
	m := minutes.Parse(doc.Text)
	rec := corpus.Record{
		Kind:      m.Kind,
		Committee: m.Committee,
		Meeting:   m.Meeting,
		Items:     m.Items,
		Warnings:  m.Warnings,
	}
	if m.Kind == corpus.KindUnknown {
		// A header is only a meeting's when the text is minutes: the
		// dates and names of a note or letter are not a meeting.
		rec.Committee, rec.Meeting = "", corpus.Meeting{}
		rec.Items = nil
		rec.Warnings = append(rec.Warnings, "not recognised as minutes, an agenda or a letter: text kept, no structure")
	}
	return rec
}

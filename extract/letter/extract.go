package letter

import (
	"referat/corpus"
)

// Extract reads a letter, a decision or a principmeddelelse from doc. It
// reports false when doc is none of these, so that other extractors can
// try it. It fills Kind, Municipality (when the letter names one), Title,
// Letter and Warnings; the caller fills the rest.
func Extract(doc corpus.Document) (rec corpus.Record, ok bool) {
	switch doc.Format {
	case corpus.FormatJSON:
		return fromScraped(doc.Raw)
	case corpus.FormatXML:
		return fromLexDania(doc.Raw)
	}
	if doc.Text == "" {
		return corpus.Record{}, false
	}
	if rec, ok := principleFromText(doc.Text); ok {
		return rec, true
	}
	return fromText(doc.Text)
}

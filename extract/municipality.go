package extract

import (
	"strings"

	"referat/corpus"
	"referat/extract/danish"
)

// headBytes is how much of a document's start counts as its head
// (letterhead, meeting header) when guessing the municipality.
const headBytes = 3000

// municipality is the one place a record's municipality is decided.
// Format readers set Record.Municipality only from what the document
// states in a field, each normalised with danish.MunicipalityName: the
// portal host of a First Agenda API meeting (meetingdata.portalMunicipality:
// dagsordener.greve.dk), the committee of a First Agenda web page ("Aarhus
// Byråd", meetingdata.fromFirstAgendaWeb), the logo of an eDoc web export
// (meetingdata.fromFujitsuHTML), a letter's sender or recipient
// (letter.fromText, letter.fromScraped). That is kept, in its official
// name; otherwise the municipality the source was declared to be from
// (Source.Municipality: a crawl source entry, ingest --municipality);
// otherwise it is inferred from the document's own header or letterhead
// (inferMunicipality), never from a passing mention. The minutes reader
// never sets it.
func municipality(rec *corpus.Record) string {
	if rec.Municipality == "" && rec.Source.Municipality != "" {
		rec.Municipality = rec.Source.Municipality
	}
	if rec.Municipality == "" {
		return inferMunicipality(rec)
	}
	if n := danish.MunicipalityName(rec.Municipality); n != "" {
		return n
	}
	return rec.Municipality
}

// inferMunicipality names the municipality a record is from when the
// document does not say it in a field. What the document prints in its
// own parts comes first: the committee ("Aarhus Byråd"), the location
// ("Ballerup Rådhus"), a letter's sender and recipient (also within an
// address such as "CBA Vejanlæg, Aarhus Kommune"). Only then the
// mentions in minutes' text, where the head counts more, and only when
// one municipality clearly dominates: minutes name their own
// municipality over and over. A note, a letter or anything else names
// others in passing, so there only a letterhead counts (see letterhead):
// a text about a municipality is not from it.
func inferMunicipality(rec *corpus.Record) string {
	parts := []string{rec.Committee, rec.Meeting.Location}
	if rec.Letter != nil {
		parts = append(parts, rec.Letter.Sender, rec.Letter.Recipient)
	}
	for _, s := range parts {
		if s == "" {
			continue
		}
		if n := danish.MunicipalityName(s); n != "" {
			return n
		}
		if n := danish.FindMunicipality(s, len(s)); n != "" {
			return n
		}
	}
	switch rec.Kind {
	case corpus.KindLetter, corpus.KindPrincipmeddelelse:
		// A letter is its sender's or its recipient's; a municipality its
		// body names is a third party (a KL circular quoting Greve), unless
		// the subject is about it.
		return danish.FindMunicipality(rec.Title, len(rec.Title))
	}
	if rec.Kind == corpus.KindReferat || rec.Kind == corpus.KindDagsorden {
		return danish.DominantMunicipality(rec.Text, headLen(rec), 1)
	}
	return letterhead(rec.Text)
}

// letterhead is the municipality a note or letter names on a line of its
// own near its start or end (a letterhead "Middelfart Kommune", a sender
// block "Byrum / Aarhus Kommune"), when it names one only; "" otherwise.
// A municipality named in a sentence is a passing mention, not the
// document's own.
func letterhead(text string) string {
	found := ""
	for _, part := range []string{text[:cut(text, headBytes)], text[cut(text, len(text)-headBytes):]} {
		for line := range strings.Lines(part) {
			n := danish.MunicipalityName(strings.TrimSpace(line))
			switch {
			case n == "":
			case found == "":
				found = n
			case found != n:
				return ""
			}
		}
	}
	return found
}

// cut returns i within text, moved back to a rune boundary.
func cut(text string, i int) int {
	i = max(0, min(i, len(text)))
	for i > 0 && i < len(text) && text[i]&0xC0 == 0x80 {
		i--
	}
	return i
}

// headLen is how much of a record's text is its head: headBytes at most,
// and in minutes only what comes before the first point, since a point's
// text names other municipalities as freely as any body text does.
func headLen(rec *corpus.Record) int {
	n := headBytes
	if len(rec.Items) > 0 && rec.Items[0].Title != "" {
		if i := strings.Index(rec.Text, rec.Items[0].Title); i >= 0 && i < n {
			n = i
		}
	}
	return n
}

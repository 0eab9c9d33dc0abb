// Package minutes reads the structure of municipal minutes (referater) and
// agendas (dagsordener) from their text, in the layout ingest produces:
// one line per printed line, a blank line between paragraphs, table cells
// separated by tabs, pages separated by form feeds. It finds the meeting
// header (committee, date, time, place, participants, absentees), the
// table of contents, the agenda points with their number, prefix and
// title, and inside each point its case numbers, sections with headings as
// printed, decisions per deciding body and date, recommendations,
// competence, attachments, case history and tables.
//
// The rules are those of the formats seen in Danish municipalities
// (Prepare/First Agenda exports such as Lejre, Frederiksberg and Aarhus,
// eDoc exports such as Ballerup, København's item pages), and a generic
// recogniser for systems never seen (generic.go): numbered points in any
// usual form ("1", "1.", "Punkt 1", "Sag 1", sub-points "1.1") count
// under a meeting's header in any usual vocabulary. Text that fits none
// of them yields no items rather than invented ones.
package minutes

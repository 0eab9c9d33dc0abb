// Package meetingdata reads meetings that meeting systems publish as
// structured data or generated web pages, rather than as text to be
// parsed: First Agenda's publication API (JSON, e.g. Greve) and its web
// pages (e.g. Aarhus), eDoc's eDocAgendaPublishing.xml joined with the
// item PDFs beside it (Ballerup), SBSYS publication XML with its
// enclosures (Ballerup, Region Hovedstaden), and eDoc (Fujitsu) web
// exports in HTML and XML (Middelfart).
//
// The data says what a text parser has to guess: committee, date, items,
// numbers, case numbers and which part of an item is its decision. Item
// bodies given as HTML are split at their headings; bodies given as text
// (eDoc's item PDFs) are read with the minutes package. A document of one
// of these systems that is not a meeting (a portal's listing page, a
// question-and-answer collection) gets kind unknown and no items.
package meetingdata

// Package index keeps corpus.Records searchable in a Bleve index and answers
// searches over them.
//
// One index holds two types of document: agenda items (one per
// corpus.Item, the unit people search for, with id "<recordID>/<number>",
// see ItemID) and whole documents (one per record, id "<recordID>", so
// letters, principmeddelelser and other documents without items are found
// too). A search without Request.Type returns items and the documents that
// have no items; a document with items is found by its own text outside
// them (header, participants, contents) with Type TypeDocument.
//
// Text is analysed as Danish with a real word list (package lexicon):
// inflections meet ("afgørelser" finds "afgørelse", "godkendt" finds
// "godkendes") while words of different meaning stay apart ("afgørende"
// is no "afgørelse"), and a word finds the compounds it ends
// ("tilsyn" finds "ledelsestilsyn", through fParts); municipality,
// committee, kind, year, outcome, section headings, case-number scheme and
// KLE subject are keyword facets; meeting and letter dates are dates.
// Names (municipality, committee, people) match loosely: accents, and aa
// for å, oe for ø. Who took part, was absent and voted how are searchable
// by name (participant:, absent:, for:, against:, reserved:; in Danish
// deltager:, fraværende:, for:, imod:, forbehold:). Case
// numbers are also indexed in a normalised form (NormalizeCaseNumber), so
// that "19/3742" or "2023 - 9318" typed as printed finds its items. The
// query language is described at ParseQuery. Case gathers a case's items
// and its decisions as one timeline, each decision once; letters are
// linked with items by a case number both carry, within one municipality
// (Related, LinkedLetters).
//
// The index stores only what a result shows (title, municipality,
// committee, date, number, outcome, case numbers, decisions, and the text
// snippets are cut from, which Bleve compresses with Snappy); the records
// themselves stay in the corpus store. Term positions and offsets are kept
// for that text, for phrase queries and for the words a snippet marks;
// the index takes a little under twice the size of the text.
//
// Searches on an index Bleve keeps in scorch segments (all of ours) are
// answered by a segment engine (see engine.go) rather than by Bleve's
// search: hits as roaring-bitmap operations on postings lists, facet
// counts from per-segment value ordinals cached while a segment lives,
// TF-IDF scores only for the hits that can reach the page, from the
// scored words' frequencies and norms held in memory per segment (see
// impacts.go), phrase matches kept per segment for the searches that
// repeat them (paging, facet clicks; see segcache.go), stored fields and
// snippets only for the page. It matches and ranks as Bleve's own
// search of the same query does (TestEngineMatchesBleve), except that
// filters select without ranking, in both paths.
//
// A meeting published in several forms (an HTML export and its XML, a
// referat PDF and its publication XML, an agenda and its minutes) is one
// meeting: Index groups the records of one committee and date that print
// most of the same item titles, lists the most complete and indexes the
// others as its alternate forms, stored and reachable by id but never a
// hit, a facet count or a Count (see meeting.go, MeetingForms and
// AlternateForms). The grouping does not depend on the order records are
// indexed in; SetRecords gives the index the records it must index again
// when a form's place changes.
//
// The package never parses documents. One process owns an index for
// writing (Open); searches may run concurrently with Index and Delete, and
// an Index is safe for use by many goroutines.
package index

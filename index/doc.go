// Package index keeps corpus.Records searchable in a Bleve index and answers
// searches over them.
//
// One index holds two types of document: agenda items (one per
// corpus.Item, the unit people search for, with id "<recordID>/<number>")
// and whole documents (one per record, id "<recordID>", so letters,
// principmeddelelser and other documents without items are found too).
// Text is analysed as Danish ("afgørelser" finds "afgørelse"); municipality,
// committee, kind, year, outcome, section headings, case-number scheme and
// KLE subject are keyword facets; case numbers are also indexed in a
// normalised form so that "19/3742" or "2023 - 9318" typed as printed finds
// its items. The index stores only what a result shows; the records
// themselves stay in the corpus store.
//
// The package never parses documents. One process owns the index for
// writing (Open); searches may run concurrently with Index and Delete.
package index

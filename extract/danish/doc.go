// Package danish holds the Danish vocabulary every extractor of referat
// shares: dates and times as municipal documents print them, case numbers
// of the journal schemes in use (KLE, year-serial, slash, prefixed,
// ministry) with KLE subject names, the mapping of decision phrasings to
// the closed outcome vocabulary and of vote phrasings to who voted how,
// the 98 municipalities, party letters of participants, committee name
// normalisation, and CPR-number detection and redaction.
//
// Every function works on plain strings and does no I/O; regular
// expressions are compiled once and are RE2, so time is linear in the
// input.
package danish

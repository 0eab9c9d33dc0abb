// Package letter reads letters and rulings addressed to or written by
// Danish public authorities: Ankestyrelsen's letters to municipalities
// (often found inside a Folketinget answer, among page furniture), letters
// and decisions of municipalities and other authorities, Datatilsynet's
// decisions about municipalities, and Ankestyrelsen's principmeddelelser
// (scraped text in JSON, Retsinformation's LexDania XML, or plain text).
//
// A letter is recognised by its parts, not by its source: an address block
// followed by a date, and a closing with a signature (or a mail header).
// From it come sender, recipient, date, journal numbers, the case numbers
// of other parties, subject, conclusion, signer, copy recipients and the
// laws cited. Text that is not a letter is left to other extractors.
package letter

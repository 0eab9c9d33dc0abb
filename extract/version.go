package extract

// Version is the extractor's version, stored in every record. Bump it
// whenever the records it makes change, so reindex extracts again.
//
//	1  first records
//	2  letters (extract/letter), eDoc item PDFs, wrapped table cells,
//	   closed points' decisions
//	3  rules generalised beyond the corpus: case-number labels and
//	   shapes, absentee labels, title lines, undated and inline decision
//	   headings, numbered points that skip, no empty decisions in
//	   agendas, municipality from a document's own parts first
//	4  committee of a point printed without its meeting's header, from
//	   the body its recommendations address
//	5  an item's outcome (Item.Outcome): its own meeting's decision's
//	6  CPR numbers glued to the word naming them, undashed after it,
//	   and in the source's path or URL
//	7  the page an item starts on (paged sources); a text or HTML
//	   source's content type names its charset
//	8  minutes of systems never seen: numbered points ("1", "1.",
//	   "Sag 1", sub-points "1.1" with Item.Label) under a meeting's
//	   header in any usual form, section labels "Oplæg:", "Referat:",
//	   the last point ending at "Mødet hævet" or the signatures
//	9  outcome referred; a discussion followed by postponement or
//	   referral is that; no sentence ends before a lower-case word
//	   ("den 2. september"); votes printed in prose ("X og Y kunne
//	   tiltræde", "Z kunne ikke tiltræde")
//	10 DOCX: page headers, text boxes once, field results without their
//	   codes; the last point ends at a signature line
//	11 a First Agenda decision ends before the point's summary printed
//	   under an empty heading (Aarhus' "Beslutninger" then "Resume")
//	12 municipality declared by the source (crawl entry, ingest
//	   --municipality); a note's or letter's only from a letterhead line
//	13 the file each attachment is published as (Item.AttachmentFiles):
//	   SBSYS enclosures, eDoc attachment PDFs, First Agenda Bilag ids
const Version = 13

package corpus

import (
	"strings"
	"unicode/utf8"
)

// SchemaVersion is the value of Record.Schema. Field names of Record are an
// API: fields may be added, never renamed.
const SchemaVersion = 1

// Kind says what sort of document a Record describes.
type Kind string

// The kinds of document referat knows.
const (
	KindReferat           Kind = "referat"           // minutes of a meeting
	KindDagsorden         Kind = "dagsorden"         // agenda of a meeting not yet held
	KindLetter            Kind = "letter"            // a letter, e.g. from Ankestyrelsen to a municipality
	KindPrincipmeddelelse Kind = "principmeddelelse" // an Ankestyrelsen principle decision
	KindUnknown           Kind = "unknown"           // anything else; never forced into items
)

// Outcome is the closed vocabulary a decision text is mapped to.
type Outcome string

// The decision outcomes; see DESIGN.md for the Danish phrasings behind them.
const (
	OutcomeApproved    Outcome = "approved"    // Godkendt, Indstillingen tiltrådt
	OutcomeRecommended Outcome = "recommended" // Indstillingen anbefales
	OutcomeNoted       Outcome = "noted"       // Taget til efterretning/orientering
	OutcomeDiscussed   Outcome = "discussed"   // Drøftet
	OutcomeRejected    Outcome = "rejected"    // Afvist, Ikke godkendt
	OutcomePostponed   Outcome = "postponed"   // Udsat
	OutcomeReferred    Outcome = "referred"    // Fremsendes/Oversendes til, Henvist til: sent on undecided
	OutcomeNone        Outcome = "none"        // Intet under dette punkt
	OutcomeOther       Outcome = "other"       // a decision that fits none of the above
)

// Outcomes are the outcomes in the order they are offered (filters,
// help texts).
var Outcomes = []Outcome{OutcomeApproved, OutcomeRecommended, OutcomeNoted, OutcomeDiscussed, OutcomeRejected, OutcomePostponed, OutcomeReferred, OutcomeNone, OutcomeOther}

// OutcomeNames returns Outcomes as strings.
func OutcomeNames() []string {
	out := make([]string, len(Outcomes))
	for i, o := range Outcomes {
		out[i] = string(o)
	}
	return out
}

// Bounds on one record, whatever its document holds, so that extracting,
// storing and indexing one document takes bounded memory and time. No
// real meeting has a hundredth of MaxItems points, nor a document a
// tenth of MaxTextBytes of text; a record cut at a bound says so in its
// warnings.
const (
	MaxItems     = 2000    // items kept of one document
	MaxTextBytes = 8 << 20 // bytes of text kept of one document
)

// CutText returns s cut to at most n bytes, at a line end where one is
// near, never inside a UTF-8 sequence.
func CutText(s string, n int) string {
	if len(s) <= n {
		return s
	}
	cut := n
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	if i := strings.LastIndexByte(s[:cut], '\n'); i > 0 && i > cut-4096 {
		cut = i
	}
	return s[:cut]
}

// Record is the structure extracted from one source document. FIELDS.md
// beside this file says which function fills each field.
type Record struct {
	Schema       int      `json:"schema"`
	ID           string   `json:"id"` // hex SHA-256 of the source bytes
	Kind         Kind     `json:"kind"`
	Source       Source   `json:"source"`
	Municipality string   `json:"municipality"` // "" when unknown
	Committee    string   `json:"committee"`
	Meeting      Meeting  `json:"meeting"`
	Items        []Item   `json:"items"`
	Letter       *Letter  `json:"letter,omitempty"` // for kinds letter and principmeddelelse
	Text         string   `json:"text"`             // the cleaned full text
	Warnings     []string `json:"warnings"`

	// Fields beyond the original contract.

	// Title is the document's own title where it has one (a letter's
	// subject, a note's heading); "" otherwise.
	Title string `json:"title,omitempty"`
	// ExtractorVersion is the extract package's version that made this
	// record; reindex re-extracts records older than the running program.
	ExtractorVersion int `json:"extractor_version"`
	// Format is the detected source format (see Format).
	Format Format `json:"format,omitempty"`
	// Parts are the documents published with this one that it was joined
	// with (see Document.Attachments), by the name the document uses and
	// the id of their stored bytes, so the join can be replayed.
	Parts []Part `json:"parts,omitempty"`
}

// Part names a stored document that is part of another.
type Part struct {
	Name string `json:"name"`
	ID   string `json:"id"`
}

// Source says where a document came from.
type Source struct {
	Path        string `json:"path,omitempty"`
	URL         string `json:"url,omitempty"`
	FetchedAt   string `json:"fetched_at,omitempty"` // RFC 3339
	ContentType string `json:"content_type,omitempty"`
	// Municipality is the municipality the source was declared to be
	// from by whoever collected it (a crawl source entry, ingest
	// --municipality), for documents that do not name their own.
	Municipality string `json:"municipality,omitempty"`
}

// Meeting is the header of a meeting's agenda or minutes.
type Meeting struct {
	Date         string   `json:"date"` // YYYY-MM-DD, "" when unknown
	Time         string   `json:"time"` // HH:MM, "" when unknown
	Location     string   `json:"location"`
	Participants []string `json:"participants"`
	Absent       []string `json:"absent"`
}

// Item is one agenda point ("Punkt").
type Item struct {
	Number          int          `json:"number"` // as printed: 63 stays 63
	Prefix          string       `json:"prefix"` // committee abbreviation(s) before " - ", "" if none
	Title           string       `json:"title"`
	CaseNumbers     []CaseNumber `json:"case_numbers"`
	Sections        []Section    `json:"sections"` // in document order
	Decisions       []Decision   `json:"decisions"`
	Recommendations []string     `json:"recommendations"`
	Competence      string       `json:"competence"`
	Attachments     []string     `json:"attachments"`
	Absent          []string     `json:"absent"`
	Tables          []Table      `json:"tables"`

	// Fields beyond the original contract.

	// Closed marks a closed item ("Lukket punkt"): its title is public,
	// its content is not.
	Closed bool `json:"closed,omitempty"`
	// History lists the earlier treatments of the case ("Sagens forløb").
	History []string `json:"history,omitempty"`
	// Outcome is the item's outcome: that of the decision of the meeting
	// the item belongs to, never that of an earlier body's decision
	// printed with it (case history); "" when that meeting has not
	// decided (an agenda). Filled by extract; readers use it rather than
	// deriving their own from Decisions.
	Outcome Outcome `json:"outcome,omitempty"`
	// DecidedBy and DecidedOn are the body and date of the decision
	// Outcome comes from where they differ from the record's committee
	// and meeting date (or those are unknown); "" where they are the
	// same.
	DecidedBy string `json:"decided_by,omitempty"`
	DecidedOn string `json:"decided_on,omitempty"`
	// Page is the page of the source (1-based) on which the item starts,
	// where the source has pages (a PDF); 0 otherwise.
	Page int `json:"page,omitempty"`
	// Label is the point's number as printed where it is not a plain
	// integer: a sub-point "1.1", "12a". Number then holds its leading
	// integer.
	Label string `json:"label,omitempty"`
	// AttachmentFiles name the file of each attachment where the
	// publication names one, keyed by the attachment's name as in
	// Attachments: the name of the record's part that is the file where
	// it was joined (Record.Parts: an SBSYS enclosure "Enclosures\1.pdf",
	// a crawled First Agenda Bilag by its id), else the file or address
	// as published (a path relative to the document, or a URL). The index
	// links an attachment to its file through it (index.Attachments).
	AttachmentFiles map[string]string `json:"attachment_files,omitempty"`
}

// CaseNumber is a journal or case number as printed, with its scheme.
type CaseNumber struct {
	Raw    string `json:"raw"`
	Scheme string `json:"scheme"` // one of the Scheme* constants
	// KLE is the KLE subject code (e.g. "00.01.00") of a KLE number.
	KLE string `json:"kle,omitempty"`
	// Subject is the KLE subject's name, when the KLE table names it.
	Subject string `json:"subject,omitempty"`
}

// The case-number schemes.
const (
	SchemeKLE        = "kle"         // 00.01.00-P20-104-19, 00.01.00-A00-1-19
	SchemeYearSerial = "year-serial" // 23-002364, 24-10910, 2011-29298
	SchemeSlash      = "slash"       // 19/3742, 18/13722
	SchemePrefixed   = "prefixed"    // S2024-19207, EMN-2025-003383
	SchemeMinistry   = "ministry"    // 2023 - 9318
)

// Section is a headed part of an item, heading as printed.
type Section struct {
	Heading string `json:"heading"`
	Text    string `json:"text"`
}

// Decision is what one body decided on one date.
type Decision struct {
	Body    string  `json:"body"`
	Date    string  `json:"date"` // YYYY-MM-DD, "" when not printed
	Text    string  `json:"text"`
	Outcome Outcome `json:"outcome"`
	Votes   *Votes  `json:"votes,omitempty"` // only where the text names who voted how
}

// Votes names who supported, opposed, reserved or was absent.
type Votes struct {
	For      []string `json:"for,omitempty"`
	Against  []string `json:"against,omitempty"`
	Reserved []string `json:"reserved,omitempty"`
	Absent   []string `json:"absent,omitempty"`
}

// Table is a table found in an item, cells as printed.
type Table struct {
	Caption string     `json:"caption"`
	Header  []string   `json:"header"`
	Rows    [][]string `json:"rows"`
}

// Letter holds the fields of a letter or principmeddelelse.
type Letter struct {
	Sender         string   `json:"sender"`
	Recipient      string   `json:"recipient"`
	Date           string   `json:"date"` // YYYY-MM-DD
	JournalNumbers []string `json:"journal_numbers"`
	Subject        string   `json:"subject"`
	Conclusion     string   `json:"conclusion"`
	LawsCited      []string `json:"laws_cited"`
	SignedBy       string   `json:"signed_by"`
	Number         string   `json:"number,omitempty"` // a principmeddelelse's number, e.g. "1-26"

	// Fields beyond the original contract.

	// CaseNumbers are other parties' case numbers the letter names (the
	// ministry's, the municipality's).
	CaseNumbers []CaseNumber `json:"case_numbers,omitempty"`
	// CopyTo lists the recipients of copies ("Kopi er sendt til").
	CopyTo []string `json:"copy_to,omitempty"`
}

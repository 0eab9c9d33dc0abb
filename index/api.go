package index

import (
	"time"

	"referat/corpus"
)

// Limits on what a Request may ask for. Longer queries are refused with a
// *QueryError; larger page sizes are clamped to MaxPageSize.
const (
	MaxQueryLength  = 1000  // bytes of Request.Query
	DefaultPageSize = 20    // used when Request.PageSize <= 0
	MaxPageSize     = 100   // larger Request.PageSize values are clamped
	MaxResultWindow = 10000 // Page*PageSize may not exceed this
)

// The document types of Request.Type and Hit.Type.
const (
	TypeItem     = "item"     // an agenda item
	TypeDocument = "document" // a whole record
)

// The sort orders of Request.Sort.
const (
	SortRelevance = "relevance" // best match first (the default)
	SortDate      = "date"      // oldest first
	SortDateDesc  = "-date"     // newest first
)

// FacetNames are all facets, in display order: the keys of Result.Facets.
var FacetNames = []string{"municipality", "committee", "kind", "year", "outcome", "heading", "scheme", "subject"}

// DefaultFacets are the facets counted when Request.Facets is nil: those
// a result page shows. Each facet costs time on every hit.
var DefaultFacets = []string{"municipality", "committee", "kind", "year", "outcome"}

// Request is one search.
type Request struct {
	// Query is in the query language of ParseQuery; "" matches everything
	// the filters allow.
	Query string `json:"query,omitempty"`

	// Filters: a hit must match one of the values of each non-empty list
	// (values as returned in Result.Facets, compared exactly).
	Municipality []string `json:"municipality,omitempty"`
	Committee    []string `json:"committee,omitempty"`
	Kind         []string `json:"kind,omitempty"`    // corpus.Kind values
	Outcome      []string `json:"outcome,omitempty"` // corpus.Outcome values
	Year         []string `json:"year,omitempty"`    // "2024"

	// From and To bound the meeting or letter date, both inclusive; the
	// zero time leaves that side open.
	From time.Time `json:"from,omitzero"`
	To   time.Time `json:"to,omitzero"`

	// Sort is SortRelevance (or ""), SortDate or SortDateDesc. A query
	// with no text to rank by (only filters) sorts by SortDateDesc.
	Sort string `json:"sort,omitempty"`

	// Page is 1-based (0 means 1); PageSize 0 means DefaultPageSize.
	Page     int `json:"page,omitempty"`
	PageSize int `json:"page_size,omitempty"`

	// Type is TypeItem, TypeDocument, or "" for both items and the
	// documents that have no items (letters, notes): the units a person
	// reads. Documents with items are found with TypeDocument.
	Type string `json:"type,omitempty"`

	// Facets names the facets to count (see FacetNames); nil means
	// DefaultFacets and an empty, non-nil slice none.
	Facets []string `json:"facets,omitempty"`
}

// Result is the answer to a Request.
type Result struct {
	Total  uint64                  `json:"total"`   // hits matching, over all pages
	Hits   []Hit                   `json:"hits"`    // this page's hits
	Facets map[string][]FacetCount `json:"facets"`  // the facets asked for, counts over all hits
	Took   time.Duration           `json:"took_ns"` // time the search took
	// Partial is set when no hit holds every free word of the query:
	// the hits hold some of them, those with more ranked first.
	Partial bool `json:"partial,omitempty"`
}

// FacetCount is one value of a facet and the number of hits that have it.
type FacetCount struct {
	Value string `json:"value"`
	Count int    `json:"count"`
}

// Hit is one matching item or document.
type Hit struct {
	ID           string `json:"id"`        // "<recordID>/<number>" for items, "<recordID>" for documents
	Type         string `json:"type"`      // TypeItem or TypeDocument
	RecordID     string `json:"record_id"` // the corpus record this hit comes from
	ItemNumber   int    `json:"item_number,omitempty"`
	Kind         string `json:"kind"`
	Municipality string `json:"municipality"`
	Committee    string `json:"committee"`
	Date         string `json:"date"` // YYYY-MM-DD, "" when unknown
	Title        string `json:"title"`
	Outcome      string `json:"outcome,omitempty"` // the item's outcome: its own meeting's decision's (corpus.Item.Outcome)
	// DecidedBy and DecidedOn name the body and date of that decision
	// where they are not the hit's committee and date.
	DecidedBy   string   `json:"decided_by,omitempty"`
	DecidedOn   string   `json:"decided_on,omitempty"`
	CaseNumbers []string `json:"case_numbers,omitempty"`
	Snippet     []Span   `json:"snippet,omitempty"`
	Score       float64  `json:"score"`
}

// Span is a piece of a snippet. Text is plain document text, never markup:
// escape it for HTML and mark the spans with Match set.
type Span struct {
	Text  string `json:"text"`
	Match bool   `json:"match,omitempty"`
}

// CaseHistory is what the index knows about one case number: the items
// naming it across meetings and committees, and the letters linked to it.
type CaseHistory struct {
	Number  string `json:"number"`            // as asked
	Key     string `json:"key"`               // normalised form (see NormalizeCaseNumber)
	KLE     string `json:"kle,omitempty"`     // the KLE subject code of a KLE number
	Subject string `json:"subject,omitempty"` // the KLE subject's name, when known

	// Items name the case number, oldest meeting first, each with every
	// decision it prints.
	Items []CaseItem `json:"items"`

	// Timeline is every decision of Items once, oldest first: a decision
	// a later item reprints in its case history, or several items of one
	// meeting record in the same words, is shown once, from the meeting
	// that took it (see CaseDecision).
	Timeline []CaseDecision `json:"timeline"`

	// Letters are the letters and principmeddelelser linked to the case,
	// oldest first: those naming the number that are linked with one of
	// Items (see Related), or, when no item names the number, every
	// letter naming it.
	Letters []Hit `json:"letters"`
}

// CaseDecision is one decision of a case's timeline.
type CaseDecision struct {
	corpus.Decision
	// Item is the item the decision is shown from: the item of the
	// meeting that took it, or, when that meeting is not in the index,
	// the first item printing it in its case history.
	Item Hit `json:"item"`
	// Reprinted is set when Item is not of the meeting that took the
	// decision but only prints it (its date is another).
	Reprinted bool `json:"reprinted,omitempty"`
	// AlsoIn are the ids of the other items of Item's meeting recording
	// the same decision (one decision on several points of the case, or
	// the same words on each), in agenda order.
	AlsoIn []string `json:"also_in,omitempty"`
	// ReprintedIn are the ids of the items of later meetings that print
	// the decision again, oldest first.
	ReprintedIn []string `json:"reprinted_in,omitempty"`
}

// CaseItem is one treatment of a case: the item and its decisions.
type CaseItem struct {
	Hit
	Decisions []corpus.Decision `json:"decisions"`
}

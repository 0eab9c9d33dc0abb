package index

import (
	"fmt"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/custom"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/keyword"
	"github.com/blevesearch/bleve/v2/analysis/char/asciifolding"
	"github.com/blevesearch/bleve/v2/analysis/lang/da"
	"github.com/blevesearch/bleve/v2/analysis/token/lowercase"
	"github.com/blevesearch/bleve/v2/analysis/tokenizer/unicode"
	"github.com/blevesearch/bleve/v2/mapping"
)

// mappingVersion changes whenever the mapping or the indexed fields change;
// an index built with another version must be rebuilt (ErrIncompatible).
const mappingVersion = "referat-index-16"

// Analyzer names.
const (
	// analyzerDanish analyses Danish text and typed words: lower case,
	// Bleve's Danish stop words, then filterDanish (analysis.go): each
	// word's stem from a real word list. Bleve's Snowball stemmer joined
	// words of different meaning ("afgørende" and "afgørelse", "ledige"
	// and "ledelse") and kept "godkendt" and "godkendes" apart.
	analyzerDanish = "da_referat"
	// analyzerMarks is analyzerDanish with the last parts of compounds
	// beside their words: what snippets mark.
	analyzerMarks = "da_referat_marks"
	// analyzerParts indexes the last parts of compounds (fParts).
	analyzerParts = "da_referat_parts"
	// analyzerFold matches names loosely: "kobenhavn" finds "København",
	// "resume" finds "Resumé", "Aarhus" finds "Århus".
	analyzerFold = "fold"
)

// Field names of the indexed documents.
const (
	fType         = "type"         // TypeItem or TypeDocument
	fListed       = "listed"       // "1" on items and on documents without items
	fRecord       = "record"       // record id
	fNumber       = "number"       // item number
	fPosition     = "position"     // the item's place in its record (agendaPosition): date sorts list a meeting's items in agenda order
	fKind         = "kind"         //
	fMunicipality = "municipality" // facet, exact
	fMunicipText  = "municipality_text"
	fCommittee    = "committee" // facet, exact
	fCommitText   = "committee_text"
	fDate         = "date" // for date ranges
	fDay          = "day"  // "2006-01-02": shown, and sorted by (one term per hit, where a date field has several)
	fYear         = "year"
	fOutcome      = "outcome"       // the item's outcome (corpus.Item.Outcome)
	fLastOutcome  = "final_outcome" // the same, stored to be shown
	fDecidedBy    = "decided_by"    // "<body>\x1f<date>" of the item's deciding meeting where it is not the record's, stored only
	fHeading      = "heading"       // facet, as printed
	fHeadingText  = "heading_text"
	fCase         = "case"     // normalised case numbers
	fCaseRaw      = "case_raw" // as printed, stored only
	fScheme       = "scheme"
	fKLE          = "kle"     // KLE subject codes
	fSubject      = "subject" // KLE subject names (facet)
	fSubjectText  = "subject_text"
	fTitle        = "title"
	fBody         = "body"     // item text or text of a document without items, with positions for phrases; stored: the snippet source
	fFulltext     = "fulltext" // text of a document with items outside them: indexed only
	fDecisions    = "decisions"
	fParts        = "parts"       // the last parts of the compounds of title and text (analyzerParts)
	fParticipant  = "participant" // the meeting's participants, folded names (addPeople)
	fAbsent       = "absent"      // who was absent
	fFor          = "votes_for"   // who voted for
	fAgainst      = "votes_against"
	fReserved     = "votes_reserved"
	fFacet        = "facet"      // "<code>\x1f<value>" for every value of a default facet (see facetValues)
	fAttachKey    = "attach_key" // an item's attachments, "<place>\x1f<name>" (attach.go)
	fNameKey      = "name_key"   // a document's names as an attachment, in each of its places (attach.go); stored
	fMeeting      = "meeting"    // whole documents of meetings: "<committee>\x1f<date>", where forms of one meeting are looked for (meeting.go)
	fFormSig      = "form_sig"   // whole documents of meetings: what deciding between forms needs (meetingForm.sig), stored only
	fFormOf       = "form_of"    // whole documents of alternate forms: the listed form's record id
	fAlternate    = "alternate"  // "1" on every entry of an alternate form of a meeting: never a hit, a facet count or a Count
)

// storedFields are the fields a Hit is built from; a search adds fBody
// for snippets.
var storedFields = []string{fType, fNumber, fKind, fMunicipality, fCommittee, fDay, fLastOutcome, fDecidedBy, fCaseRaw, fTitle}

func newMapping() (*mapping.IndexMappingImpl, error) {
	im := bleve.NewIndexMapping()
	err := im.AddCustomAnalyzer(analyzerFold, map[string]interface{}{
		"type":          custom.Name,
		"char_filters":  []string{asciifolding.Name},
		"tokenizer":     unicode.Name,
		"token_filters": []string{lowercase.Name, filterNameFold},
	})
	if err != nil {
		return nil, fmt.Errorf("index mapping: %w", err)
	}
	for name, filter := range map[string]string{analyzerDanish: filterDanish, analyzerMarks: filterMarks, analyzerParts: filterParts} {
		err = im.AddCustomAnalyzer(name, map[string]interface{}{
			"type":          custom.Name,
			"tokenizer":     unicode.Name,
			"token_filters": []string{lowercase.Name, da.StopName, filter},
		})
		if err != nil {
			return nil, fmt.Errorf("index mapping: %w", err)
		}
	}
	im.TypeField = fType
	im.DefaultAnalyzer = analyzerDanish
	im.IndexDynamic = false
	im.StoreDynamic = false
	im.DocValuesDynamic = false

	kw := func(store, docValues bool) *mapping.FieldMapping {
		m := bleve.NewKeywordFieldMapping()
		m.Analyzer = keyword.Name
		m.Store = store
		m.DocValues = docValues // facets and sorting read doc values
		m.IncludeInAll = false
		m.IncludeTermVectors = false
		return m
	}
	text := func(analyzer string, store, vectors bool) *mapping.FieldMapping {
		m := bleve.NewTextFieldMapping()
		m.Analyzer = analyzer
		m.Store = store
		m.IncludeTermVectors = vectors
		m.DocValues = false
		m.IncludeInAll = false
		return m
	}
	storedOnly := func() *mapping.FieldMapping {
		m := bleve.NewTextFieldMapping()
		m.Analyzer = keyword.Name
		m.Index = false
		m.Store = true
		m.DocValues = false
		m.IncludeInAll = false
		m.IncludeTermVectors = false
		return m
	}

	dm := bleve.NewDocumentStaticMapping()
	add := func(name string, fm *mapping.FieldMapping) {
		fm.Name = name
		dm.AddFieldMappingsAt(name, fm)
	}
	add(fType, kw(true, false))
	add(fListed, kw(false, false))
	add(fRecord, kw(false, true)) // a hit's record id is its id's prefix; doc values for Bleve's date sort
	add(fPosition, kw(false, true))
	num := bleve.NewNumericFieldMapping()
	num.Store = true
	num.DocValues = true
	num.IncludeInAll = false
	add(fNumber, num)
	add(fKind, kw(true, false))
	add(fMunicipality, kw(true, false))
	add(fMunicipText, text(analyzerFold, false, false))
	add(fCommittee, kw(true, false))
	add(fCommitText, text(analyzerFold, false, false))
	date := bleve.NewDateTimeFieldMapping()
	date.Store = false
	date.DocValues = false
	date.IncludeInAll = false
	add(fDate, date)
	add(fDay, kw(true, true))
	add(fYear, kw(false, false))
	add(fOutcome, kw(false, false))
	add(fLastOutcome, kw(true, false))
	add(fDecidedBy, kw(true, false))
	add(fHeading, kw(false, true))
	add(fHeadingText, text(analyzerFold, false, false))
	add(fCase, kw(false, false))
	add(fCaseRaw, storedOnly())
	add(fScheme, kw(false, true))
	add(fKLE, kw(true, false))
	add(fSubject, kw(true, true))
	add(fSubjectText, text(analyzerFold, false, false))
	// Phrase queries need term positions, which Bleve keeps only with
	// term vectors.
	add(fTitle, text(analyzerDanish, true, true))
	// Term vectors hold the positions phrase queries need and the byte
	// offsets snippets mark (about 0.7 bytes per byte of text). The text
	// is stored as it is, the snippet source: Bleve compresses each
	// document's stored fields with Snappy (to about 60% of Danish text),
	// which decompresses several times faster than DEFLATE (to about 40%)
	// did when the text was packed here: a page of hits spent more time
	// inflating text than finding the hits.
	add(fBody, text(analyzerDanish, true, true))
	add(fFulltext, text(analyzerDanish, false, true))
	add(fParts, text(analyzerParts, false, false))
	add(fDecisions, storedOnly())
	add(fFacet, kw(false, true))
	add(fAttachKey, kw(false, false))
	add(fNameKey, kw(true, false))
	add(fMeeting, kw(true, false))
	add(fFormSig, storedOnly())
	add(fFormOf, kw(true, false))
	add(fAlternate, kw(false, false))
	for _, f := range []string{fParticipant, fAbsent, fFor, fAgainst, fReserved} {
		add(f, text(analyzerFold, false, false))
	}

	im.AddDocumentMapping(TypeItem, dm)
	im.AddDocumentMapping(TypeDocument, dm)
	im.DefaultMapping = bleve.NewDocumentDisabledMapping()
	if err := im.Validate(); err != nil {
		return nil, fmt.Errorf("index mapping: %w", err)
	}
	return im, nil
}

package index

import (
	"context"
	"fmt"
	"net/url"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"unicode"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	"golang.org/x/text/unicode/norm"

	"referat/corpus"
)

// How an item's attachment ("Bilag") finds the record of its own file.
//
// The match is made here, when a page asks, from what the index holds of
// each record alone: an item is indexed with a key per attachment name
// (fAttachKey), a document with keys for its own names (fNameKey), and a
// lookup joins the two. No record stores another's id, so the order in
// which an agenda and its attachments are ingested does not matter, and
// a reindex rebuilds the link with the records.
//
// A key is a place and a name (placeKey). The name is normalised as file
// systems and publishers mangle it (attachKey): case, extension,
// punctuation, and the "?" and "'" a file name drops ("KL's proces ..."
// is the file "KLs proces ....pdf"). The place keeps a link within one
// publication: an item's place is its record's folder (or web host), and
// a document is indexed under its folder and every folder above it, so an
// agenda finds the attachments in its folder and below (an eDoc "bilag"
// folder) but not a file of the same name elsewhere. Where the
// publication names an attachment's file (corpus.Item.AttachmentFiles:
// an SBSYS "Enclosures.pdf", a First Agenda Bilag id), the item is
// also indexed under that file's own place and name, so the file links
// however it is named. A name that items of one record give to
// different files ("Indstilling" on a dozen Aarhus items) links by the
// file only (sharedNames). Records of two different known municipalities
// never link. A file joined with the item's own record (a part) is
// found in the record itself (AttachmentLink.Part).

// AttachmentLink is one attachment an item names, with the indexed
// documents that are its file: none when it was not ingested, more than
// one when the same name was ingested more than once in the item's place.
type AttachmentLink struct {
	Name      string `json:"name"`
	Documents []Hit  `json:"documents"`
	// Part is the stored id of the file where it was joined with the
	// item's own record (corpus.Record.Parts: an SBSYS enclosure, a
	// crawled First Agenda Bilag), "" otherwise.
	Part string `json:"part,omitempty"`
}

// partOf returns the id of r's part named file, compared without case
// and with either slash, or "".
func partOf(r *corpus.Record, file string) string {
	norm := func(s string) string { return strings.ToLower(strings.ReplaceAll(strings.TrimSpace(s), `\`, "/")) }
	if file = norm(file); file == "" {
		return ""
	}
	for _, p := range r.Parts {
		if norm(p.Name) == file {
			return p.ID
		}
	}
	return ""
}

// placeSep separates a key's place from its name.
const placeSep = "\x1f"

// fileExt matches the extension of a document file name.
var fileExt = regexp.MustCompile(`(?i)\.(pdf|docx?|xlsx?|pptx?|odt|rtf|html?|txt|xml|msg|jpe?g|png|tiff?)$`)

// attachKey normalises an attachment's name, a file name or a title for
// matching: NFC, lower case, no file extension, apostrophes dropped, any
// other run of characters that are not letters or digits one space. ""
// when nothing is left.
func attachKey(s string) string {
	s = norm.NFC.String(strings.TrimSpace(s))
	s = fileExt.ReplaceAllString(s, "")
	var b strings.Builder
	space := false
	for _, r := range strings.ToLower(s) {
		switch {
		case r == '\'' || r == '’' || r == '‘' || r == '´' || r == '`':
			// "KL's" is saved as "KLs": dropped, not a word break.
		case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r):
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(r)
		default:
			space = true
		}
	}
	return b.String()
}

// sourcePlaces returns the places a source lies in, nearest first: its
// web host, or its folder and every folder above it. Nil when the source
// names neither.
func sourcePlaces(src corpus.Source) []string {
	if src.URL != "" {
		u, err := url.Parse(src.URL)
		if err != nil || u.Host == "" {
			return nil
		}
		return []string{"host:" + strings.ToLower(u.Host)}
	}
	if src.Path == "" {
		return nil
	}
	dir := path.Clean(filepath.ToSlash(filepath.Dir(src.Path)))
	var out []string
	for {
		out = append(out, "dir:"+dir)
		up := path.Dir(dir)
		if up == dir || strings.HasSuffix(dir, "..") {
			return out
		}
		dir = up
	}
}

// sourceName returns a source's file name: the last element of its path
// or URL path, unescaped.
func sourceName(src corpus.Source) string {
	if src.URL != "" {
		u, err := url.Parse(src.URL)
		if err != nil {
			return ""
		}
		return path.Base(strings.TrimSuffix(u.Path, "/"))
	}
	if src.Path == "" {
		return ""
	}
	return filepath.Base(filepath.FromSlash(strings.ReplaceAll(src.Path, `\`, "/")))
}

// nameKeys returns the normalised names a record is known by as an
// attachment: its file name, and its own title.
func nameKeys(r *corpus.Record) []string {
	var out []string
	for _, s := range []string{sourceName(r.Source), r.Title} {
		if k := attachKey(s); k != "" && !slices.Contains(out, k) {
			out = append(out, k)
		}
	}
	return out
}

// placeKey joins a place and a normalised name into an index term.
func placeKey(place, key string) string { return place + placeSep + key }

// attachmentTerms returns the fAttachKey terms of one attachment of an
// item of r: its name in r's place, and the file the publication names
// for it (corpus.Item.AttachmentFiles) where that file lies, as far as
// the file and r's source tell.
func attachmentTerms(r *corpus.Record, it *corpus.Item, name string, shared map[string]bool) []string {
	var out []string
	if places := sourcePlaces(r.Source); len(places) > 0 && !shared[name] {
		if k := attachKey(name); k != "" {
			out = append(out, placeKey(places[0], k))
		}
	}
	file := strings.TrimSpace(strings.ReplaceAll(it.AttachmentFiles[name], `\`, "/"))
	if file == "" {
		return out
	}
	var src corpus.Source
	u, err := url.Parse(file)
	switch {
	case err == nil && u.Host != "":
		src.URL = file
	case err == nil && r.Source.URL != "":
		if base, err := url.Parse(r.Source.URL); err == nil {
			src.URL = base.ResolveReference(u).String()
		}
	case r.Source.Path != "":
		src.Path = path.Join(filepath.ToSlash(filepath.Dir(r.Source.Path)), file)
	}
	if places := sourcePlaces(src); len(places) > 0 {
		if k := attachKey(sourceName(src)); k != "" {
			out = append(out, placeKey(places[0], k))
		}
	}
	return out
}

// sharedNames returns the attachment names that items of r give to
// different files (AttachmentFiles): Aarhus calls a dozen items'
// recommendations "Indstilling", each its own file. Such a name says
// nothing about which file is whose, so only the file links them.
func sharedNames(r *corpus.Record) map[string]bool {
	file := map[string]string{}
	shared := map[string]bool{}
	for i := range r.Items {
		for name, f := range r.Items[i].AttachmentFiles {
			if prev, ok := file[name]; ok && prev != f {
				shared[name] = true
			}
			file[name] = f
		}
	}
	return shared
}

// itemAttachKeys returns the fAttachKey terms of an item of r; shared
// is sharedNames(r).
func itemAttachKeys(r *corpus.Record, it *corpus.Item, shared map[string]bool) []string {
	var out []string
	for _, a := range it.Attachments {
		out = append(out, attachmentTerms(r, it, a, shared)...)
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// documentNameKeys returns the fNameKey terms of a record's document:
// each of its names in each of its places.
func documentNameKeys(r *corpus.Record) []string {
	var out []string
	for _, p := range sourcePlaces(r.Source) {
		for _, k := range nameKeys(r) {
			out = append(out, placeKey(p, k))
		}
	}
	return out
}

// sameMunicipality reports whether two records' municipalities allow a
// link: equal, or at least one unknown.
func sameMunicipality(a, b string) bool {
	if a == "" || a == UnknownMunicipality || b == "" || b == UnknownMunicipality {
		return true
	}
	return a == b
}

// Attachments returns the attachments the i-th item of r names, in
// order, each with the indexed documents that are its file (see the
// comment at the top of attach.go). The record itself is never its own
// attachment.
func (x *Index) Attachments(ctx context.Context, r *corpus.Record, i int) ([]AttachmentLink, error) {
	if i < 0 || i >= len(r.Items) {
		return nil, fmt.Errorf("attachments of %s: no item %d", r.ID, i)
	}
	it := &r.Items[i]
	out := make([]AttachmentLink, 0, len(it.Attachments))
	for _, a := range it.Attachments {
		out = append(out, AttachmentLink{Name: a, Documents: []Hit{}})
	}
	for j, a := range it.Attachments {
		out[j].Part = partOf(r, it.AttachmentFiles[a])
	}
	shared := sharedNames(r)
	keys := itemAttachKeys(r, it, shared)
	if len(keys) == 0 {
		return out, nil
	}
	q := query.NewBooleanQuery([]query.Query{
		term(fType, TypeDocument),
		query.NewDisjunctionQuery(terms(fNameKey, keys)),
	}, nil, nil)
	docs, err := x.findLinked(ctx, q, min(4*len(keys), MaxCaseItems), fNameKey)
	if err != nil {
		return nil, fmt.Errorf("attachments of %s: %w", r.ID, err)
	}
	muni := recordMunicipality(r)
	for _, m := range docs {
		h := hitFrom(m)
		if h.RecordID == r.ID || !sameMunicipality(muni, h.Municipality) {
			continue
		}
		names := strs(m.Fields[fNameKey])
		for j, a := range it.Attachments {
			if slices.ContainsFunc(attachmentTerms(r, it, a, shared), func(t string) bool { return slices.Contains(names, t) }) {
				out[j].Documents = append(out[j].Documents, h)
			}
		}
	}
	return out, nil
}

// AttachedTo returns the items that name r as their attachment, oldest
// first (at most MaxAttachedTo): the inverse of Attachments.
func (x *Index) AttachedTo(ctx context.Context, r *corpus.Record) ([]Hit, error) {
	keys := documentNameKeys(r)
	if len(keys) == 0 {
		return []Hit{}, nil
	}
	q := query.NewBooleanQuery([]query.Query{
		term(fType, TypeItem),
		query.NewDisjunctionQuery(terms(fAttachKey, keys)),
	}, nil, nil)
	items, err := x.findLinked(ctx, q, MaxAttachedTo)
	if err != nil {
		return nil, fmt.Errorf("items naming %s as attachment: %w", r.ID, err)
	}
	muni := recordMunicipality(r)
	out := []Hit{}
	for _, m := range items {
		h := hitFrom(m)
		if h.RecordID != r.ID && sameMunicipality(muni, h.Municipality) {
			out = append(out, h)
		}
	}
	return out, nil
}

// MaxAttachedTo bounds the items AttachedTo returns.
const MaxAttachedTo = 100

// findLinked returns the first n matches of q with their stored fields
// and extra, by date (undated last), record and number. (Bleve sets
// aside room for n hits before it searches: n is kept near what can
// match.)
func (x *Index) findLinked(ctx context.Context, q query.Query, n int, extra ...string) (search.DocumentMatchCollection, error) {
	// Alternate forms of a meeting are its listed form's items again.
	q = query.NewBooleanQuery([]query.Query{q}, nil, []query.Query{term(fAlternate, "1")})
	req := bleve.NewSearchRequestOptions(q, n, 0, false)
	req.Fields = append(slices.Clone(storedFields), extra...)
	req.SortByCustom(search.SortOrder{
		&search.SortField{Field: fDay, Type: search.SortFieldAsString, Missing: search.SortFieldMissingLast},
		&search.SortField{Field: fRecord, Type: search.SortFieldAsString},
		&search.SortField{Field: fNumber, Type: search.SortFieldAsNumber},
	})
	res, err := x.bi.SearchInContext(ctx, req)
	if err != nil {
		return nil, err
	}
	return res.Hits, nil
}

package index

import (
	"fmt"
	"sort"

	segment "github.com/blevesearch/scorch_segment_api/v2"
)

// impacts are the postings of one term in one field of one segment, held
// in memory for scoring: the documents in increasing order, and for each
// the term's frequency and the field's norm, the parts of a TF-IDF score
// that depend on the document. Scoring reads them with an array lookup;
// reading them from the segment decodes Bleve's compressed postings for
// every hit of every search, which made the scores of a common word the
// largest part of its search. Deleted documents are included: hits never
// hold them.
type impacts struct {
	docs []uint32
	freq []uint32
	norm []float32 // exactly Posting.Norm, which is a float32 widened
}

func (im *impacts) bytes() int { return 12*len(im.docs) + 64 }

// readImpacts reads the postings of term in field of seg.
func readImpacts(seg segment.Segment, field, term string) (*impacts, error) {
	d, err := seg.Dictionary(field)
	if err != nil {
		return nil, fmt.Errorf("dictionary of %s: %w", field, err)
	}
	pl, err := d.PostingsList([]byte(term), nil, nil)
	if err != nil {
		return nil, fmt.Errorf("postings of %s:%s: %w", field, term, err)
	}
	n := pl.Count()
	im := &impacts{docs: make([]uint32, 0, n), freq: make([]uint32, 0, n), norm: make([]float32, 0, n)}
	it := pl.Iterator(true, true, false, nil)
	for {
		p, err := it.Next()
		if err != nil {
			return nil, fmt.Errorf("postings of %s:%s: %w", field, term, err)
		}
		if p == nil {
			return im, nil
		}
		im.docs = append(im.docs, uint32(p.Number()))
		im.freq = append(im.freq, uint32(p.Frequency()))
		im.norm = append(im.norm, float32(p.Norm()))
	}
}

// impactCursor reads the impacts of documents in increasing order: from
// impacts held in memory, or, when im is nil, from a postings iterator one
// document at a time (see sparseRatio).
type impactCursor struct {
	im  *impacts
	pos int

	it   segment.PostingsIterator
	cur  uint64 // the document of the last posting read from it, when have
	freq uint32
	norm float64
	have bool
	done bool
	err  error // of it, which ends the cursor
}

// at returns the frequency and norm of doc, which must not be less than
// at the call before; ok is false when the term is not in doc.
func (c *impactCursor) at(doc uint32) (freq uint32, norm float64, ok bool) {
	if c.im == nil {
		return c.atSparse(doc)
	}
	docs := c.im.docs
	i := c.pos
	// A few steps cover dense hits; a binary search the gaps.
	for end := min(i+8, len(docs)); i < end && docs[i] < doc; i++ {
	}
	if i < len(docs) && docs[i] < doc {
		i += sort.Search(len(docs)-i, func(k int) bool { return docs[i+k] >= doc })
	}
	c.pos = i
	if i == len(docs) || docs[i] != doc {
		return 0, 0, false
	}
	return c.im.freq[i], float64(c.im.norm[i]), true
}

func (c *impactCursor) atSparse(doc uint32) (freq uint32, norm float64, ok bool) {
	if c.done {
		return 0, 0, false
	}
	if !c.have || c.cur < uint64(doc) {
		p, err := c.it.Advance(uint64(doc))
		if err != nil || p == nil {
			c.done, c.err = true, err
			return 0, 0, false
		}
		// The norm as impacts hold it: Posting.Norm is a float32 widened.
		c.cur, c.freq, c.norm, c.have = p.Number(), uint32(p.Frequency()), float64(float32(p.Norm())), true
	}
	if c.cur != uint64(doc) {
		return 0, 0, false
	}
	return c.freq, c.norm, true
}

// sparseRatio decides how a search reads the impacts of a term it has not
// read before: when the documents to score are fewer than 1/sparseRatio of
// the term's postings in a segment (two common words that rarely meet, a
// phrase of common words), it reads just those documents' postings and
// keeps nothing; otherwise it reads them all into the cache, which makes
// the next search with the term cheap. A common word's first search
// would otherwise decode tens of thousands of postings to score a few
// hundred hits. A variable so that tests can force either way.
var sparseRatio uint64 = 16

// maxImpactBytes bounds the memory the impacts of one index hold; beyond
// it, entries picked at random make room.
const maxImpactBytes = 64 << 20

// impactsOf returns the impacts of term in field of segment id, read once
// and kept in x.impacts.
func (x *Index) impactsOf(id uint64, seg segment.Segment, field, term string) (*impacts, error) {
	return x.impacts.get(id, termKey{field, term}, func() (*impacts, error) {
		return readImpacts(seg, field, term)
	})
}

package index

import (
	"fmt"
	"sort"
	"sync"

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

// sparseCursor returns a cursor reading term's postings in field of seg
// one document at a time.
func sparseCursor(d segment.TermDictionary, field, term string) (impactCursor, error) {
	pl, err := d.PostingsList([]byte(term), nil, nil)
	if err != nil {
		return impactCursor{}, fmt.Errorf("postings of %s:%s: %w", field, term, err)
	}
	return impactCursor{it: pl.Iterator(true, true, false, nil)}, nil
}

// maxImpactBytes bounds the memory the impacts of one index hold; beyond
// it, entries picked at random make room.
const maxImpactBytes = 64 << 20

// impactCache keeps impacts by segment, field and term. Like ordinals,
// an entry stays valid for as long as its segment lives.
type impactCache struct {
	mu      sync.Mutex
	entries map[impactKey]*impactEntry
	size    int
	max     int             // bytes; 0 means maxImpactBytes
	live    map[uint64]bool // segment ids of the last snapshot pruned against
}

type impactKey struct {
	seg         uint64
	field, term string
}

type impactEntry struct {
	once sync.Once
	im   *impacts
	err  error
	size int // counted in impactCache.size; guarded by its mu
}

// cached returns the impacts of term in field of segment id if they have
// been read, else nil.
func (c *impactCache) cached(id uint64, field, term string) *impacts {
	c.mu.Lock()
	defer c.mu.Unlock()
	e := c.entries[impactKey{id, field, term}]
	if e == nil || e.size == 0 {
		return nil // absent, or still being read (size is set, under mu, once read)
	}
	return e.im
}

// get returns the impacts of term in field of segment id, reading them
// once. Concurrent callers of a missing entry wait for one read.
func (c *impactCache) get(id uint64, seg segment.Segment, field, term string) (*impacts, error) {
	k := impactKey{id, field, term}
	c.mu.Lock()
	if c.entries == nil {
		c.entries = map[impactKey]*impactEntry{}
	}
	if c.live != nil && !c.live[id] {
		// A search on a snapshot older than the last pruned: do not keep
		// what would never be pruned.
		c.mu.Unlock()
		return readImpacts(seg, field, term)
	}
	e := c.entries[k]
	if e == nil {
		e = &impactEntry{}
		c.entries[k] = e
	}
	c.mu.Unlock()
	e.once.Do(func() {
		e.im, e.err = readImpacts(seg, field, term)
		c.mu.Lock()
		defer c.mu.Unlock()
		if c.entries[k] != e {
			return // pruned meanwhile
		}
		if e.err != nil {
			delete(c.entries, k)
			return
		}
		e.size = e.im.bytes()
		c.size += e.size
		max := c.max
		if max == 0 {
			max = maxImpactBytes
		}
		for ok, other := range c.entries {
			if c.size <= max {
				break
			}
			if other != e && other.size > 0 {
				c.size -= other.size
				delete(c.entries, ok)
			}
		}
	})
	return e.im, e.err
}

// prune drops the entries of segments not in ids, when ids differ from
// the set pruned against last.
func (c *impactCache) prune(ids []uint64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	same := len(ids) == len(c.live)
	for _, id := range ids {
		if !c.live[id] {
			same = false
			break
		}
	}
	if same {
		return
	}
	c.live = make(map[uint64]bool, len(ids))
	for _, id := range ids {
		c.live[id] = true
	}
	for k, e := range c.entries {
		if !c.live[k.seg] {
			c.size -= e.size
			delete(c.entries, k)
		}
	}
}

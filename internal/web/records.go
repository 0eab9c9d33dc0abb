package web

import (
	"container/list"
	"sync"

	"referat/corpus"
)

// recordCacheBytes bounds the records the server keeps decoded, counted
// by their text (see recordWeight).
const recordCacheBytes = 64 << 20

// recordCache keeps recently read records decoded, least recently used
// first out. Decoding a record's JSON was most of the cost of an item
// page, and people open several items of one meeting, and the same items
// as each other. A record of an id changes only when it is extracted
// again (referat reindex), which needs the index that the serving process
// owns, so a cached record is never stale while the server runs.
//
// Records in the cache are shared by every request: pages read them and
// never change them.
type recordCache struct {
	mu    sync.Mutex
	max   int
	size  int
	order *list.List               // of *cachedRecord, most recent first
	byID  map[string]*list.Element // into order
}

type cachedRecord struct {
	id     string
	rec    *corpus.Record
	weight int
}

func newRecordCache(max int) *recordCache {
	return &recordCache{max: max, order: list.New(), byID: map[string]*list.Element{}}
}

// get returns the record of id, from the cache or else from read, which
// is called without the lock held (two requests missing the same record
// may both read it).
func (c *recordCache) get(id string, read func(string) (*corpus.Record, error)) (*corpus.Record, error) {
	c.mu.Lock()
	if e, ok := c.byID[id]; ok {
		c.order.MoveToFront(e)
		rec := e.Value.(*cachedRecord).rec
		c.mu.Unlock()
		return rec, nil
	}
	c.mu.Unlock()
	rec, err := read(id)
	if err != nil {
		return nil, err
	}
	c.put(id, rec)
	return rec, nil
}

func (c *recordCache) put(id string, rec *corpus.Record) {
	w := recordWeight(rec)
	if w > c.max/4 {
		return // one huge record would push out everything else
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if e, ok := c.byID[id]; ok {
		c.order.MoveToFront(e)
		return
	}
	c.byID[id] = c.order.PushFront(&cachedRecord{id, rec, w})
	c.size += w
	for c.size > c.max {
		e := c.order.Back()
		old := c.order.Remove(e).(*cachedRecord)
		delete(c.byID, old.id)
		c.size -= old.weight
	}
}

// recordWeight estimates the memory a decoded record holds: its text,
// and its items' text, which is mostly the same text again.
func recordWeight(rec *corpus.Record) int {
	return 2*len(rec.Text) + 1024
}

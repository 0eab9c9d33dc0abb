package index

import "sync"

// sized is a value a segCache counts: its size in memory, in bytes.
type sized interface{ bytes() int }

// segCache keeps what searches compute from one segment (facet ordinals,
// term impacts, phrase matches), keyed by segment id and a K. A segment
// never changes, so an entry stays valid for as long as its segment is
// part of the index; prune drops the rest. With max > 0 the entries are
// bounded to about max bytes: beyond it, entries picked at random make
// room (the newest one always stays). Safe for concurrent use; the zero
// value is an empty, unbounded cache.
type segCache[K comparable, V sized] struct {
	mu      sync.Mutex
	entries map[segKey[K]]*segEntry[V]
	size    int             // bytes of the entries read; guarded by mu
	max     int             // bytes; 0: unbounded
	live    map[uint64]bool // segment ids of the last snapshot pruned against
}

type segKey[K comparable] struct {
	seg uint64
	key K
}

type segEntry[V sized] struct {
	once sync.Once
	v    V
	err  error
	size int  // counted in segCache.size; guarded by its mu
	done bool // v is read; guarded by its mu
}

// get returns the value of k in segment id, computing it with read once.
// Concurrent callers of a missing entry wait for one read; a failed read
// is not kept.
func (c *segCache[K, V]) get(id uint64, k K, read func() (V, error)) (V, error) {
	key := segKey[K]{id, k}
	c.mu.Lock()
	if c.entries == nil {
		c.entries = map[segKey[K]]*segEntry[V]{}
	}
	if c.live != nil && !c.live[id] {
		// A search on a snapshot older than the last pruned: do not keep
		// what would never be pruned.
		c.mu.Unlock()
		return read()
	}
	e := c.entries[key]
	if e == nil {
		e = &segEntry[V]{}
		c.entries[key] = e
	}
	c.mu.Unlock()
	e.once.Do(func() {
		e.v, e.err = read()
		c.mu.Lock()
		defer c.mu.Unlock()
		if c.entries[key] != e {
			return // pruned meanwhile
		}
		if e.err != nil {
			delete(c.entries, key)
			return
		}
		e.size, e.done = e.v.bytes(), true
		c.size += e.size
		c.evict(e)
	})
	return e.v, e.err
}

// evict drops entries other than keep until the cache fits its bound.
// The caller holds mu.
func (c *segCache[K, V]) evict(keep *segEntry[V]) {
	if c.max <= 0 {
		return
	}
	for k, other := range c.entries {
		if c.size <= c.max {
			return
		}
		if other != keep && other.done {
			c.size -= other.size
			delete(c.entries, k)
		}
	}
}

// cached returns the value of k in segment id if it has been read.
func (c *segCache[K, V]) cached(id uint64, k K) (V, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e := c.entries[segKey[K]{id, k}]
	if e == nil || !e.done {
		var zero V
		return zero, false // absent, or still being read
	}
	return e.v, true
}

// prune drops the entries of segments not in ids, when ids differ from
// the set pruned against last.
func (c *segCache[K, V]) prune(ids []uint64) {
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

package index

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/mapping"
)

// ErrIncompatible is returned by Open for an index built by a version of
// this package with another mapping: rebuild it (referat reindex).
var ErrIncompatible = errors.New("index built with an incompatible mapping; rebuild it")

// ErrLocked is returned by Open when another process holds the index open.
var ErrLocked = errors.New("index is in use by another process")

// openTimeout bounds how long Open waits for another process's lock.
const openTimeout = "2s"

// batchSize is the number of Bleve documents written per batch.
const batchSize = 500

var internalMappingKey = []byte("referat.mapping")

// Index is a search index over corpus records. It is safe for concurrent
// use; writes are serialised.
type Index struct {
	dir     string
	bi      bleve.Index
	mapping *mapping.IndexMappingImpl

	wmu sync.Mutex // one writer at a time, so replace-by-record is atomic
	// records reads the records of forms of a meeting that must be
	// indexed again (SetRecords); nil when none was set.
	records RecordSource

	// What searches compute from segments, kept while they live (see
	// segCache): facet and date ordinals, term frequencies and norms for
	// scores, the documents where a phrase stands.
	ords      segCache[string, *ordinals]
	impacts   segCache[termKey, *impacts]
	phrases   segCache[termKey, phraseHits]
	bleveOnly bool // search through Bleve only (tests compare the engine with it)
	// expansions, when not nil, keeps the words each expansion found
	// (see expand), so that the searches a test compares expand alike
	// while the merger changes the dictionary counts expansions rank by.
	expansions map[string][]string
}

// Open opens the index in dir for reading and writing, creating it when
// absent. Only one process may hold it open; another gets ErrLocked.
func Open(dir string) (*Index, error) {
	return open(dir, false)
}

// OpenReadOnly opens an existing index for searching only. It fails with
// ErrLocked while a writer holds the index.
func OpenReadOnly(dir string) (*Index, error) {
	return open(dir, true)
}

func open(dir string, readOnly bool) (*Index, error) {
	m, err := newMapping()
	if err != nil {
		return nil, err
	}
	var bi bleve.Index
	_, statErr := os.Stat(filepath.Join(dir, "index_meta.json"))
	switch {
	case statErr == nil:
		bi, err = bleve.OpenUsing(dir, map[string]any{"bolt_timeout": openTimeout, "read_only": readOnly})
		if err != nil {
			if isTimeout(err) {
				return nil, fmt.Errorf("open index %s: %w", dir, ErrLocked)
			}
			return nil, fmt.Errorf("open index %s: %w", dir, err)
		}
		v, err := bi.GetInternal(internalMappingKey)
		if err != nil {
			bi.Close()
			return nil, fmt.Errorf("open index %s: %w", dir, err)
		}
		if string(v) != mappingVersion {
			bi.Close()
			return nil, fmt.Errorf("open index %s (version %q, want %q): %w", dir, v, mappingVersion, ErrIncompatible)
		}
	case errors.Is(statErr, os.ErrNotExist) && !readOnly:
		if err := os.MkdirAll(filepath.Dir(dir), 0o755); err != nil {
			return nil, fmt.Errorf("create index %s: %w", dir, err)
		}
		bi, err = bleve.New(dir, m)
		if err != nil {
			return nil, fmt.Errorf("create index %s: %w", dir, err)
		}
		if err := bi.SetInternal(internalMappingKey, []byte(mappingVersion)); err != nil {
			bi.Close()
			return nil, fmt.Errorf("create index %s: %w", dir, err)
		}
	default:
		return nil, fmt.Errorf("open index %s: %w", dir, statErr)
	}
	x := &Index{dir: dir, bi: bi, mapping: m, bleveOnly: os.Getenv("REFERAT_ENGINE") == "off"}
	x.impacts.max, x.phrases.max = maxImpactBytes, maxPhraseBytes
	return x, nil
}

// newMem returns an index held in memory, for tests and examples.
func newMem() (*Index, error) {
	m, err := newMapping()
	if err != nil {
		return nil, err
	}
	// A scorch index without a path stays in memory, and the segment
	// engine reads it like one on disk.
	bi, err := bleve.NewUsing("", m, scorch.Name, scorch.Name, nil)
	if err != nil {
		return nil, fmt.Errorf("create memory index: %w", err)
	}
	x := &Index{bi: bi, mapping: m}
	x.impacts.max, x.phrases.max = maxImpactBytes, maxPhraseBytes
	return x, nil
}

func isTimeout(err error) bool {
	return err != nil && (errors.Is(err, os.ErrDeadlineExceeded) || err.Error() == "timeout")
}

// Dir returns the directory the index lives in ("" for a memory index).
func (x *Index) Dir() string { return x.dir }

// Close closes the index. Searches running on it fail.
func (x *Index) Close() error {
	if err := x.bi.Close(); err != nil {
		return fmt.Errorf("close index %s: %w", x.dir, err)
	}
	return nil
}

// DiskSize returns the bytes on disk of the segments the index uses now;
// files of merged-away segments awaiting removal are not counted. It is 0
// for an index in memory.
func (x *Index) DiskSize() (uint64, error) {
	ai, err := x.bi.Advanced()
	if err != nil {
		return 0, fmt.Errorf("index size %s: %w", x.dir, err)
	}
	s, ok := ai.(*scorch.Scorch)
	if !ok {
		return 0, nil
	}
	n, _ := s.StatsMap()["num_bytes_used_disk_by_root"].(uint64)
	return n, nil
}

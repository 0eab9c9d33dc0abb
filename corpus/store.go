package corpus

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"
)

// ErrNotFound is returned when the store holds no object of the given id.
var ErrNotFound = errors.New("not found")

// Store keeps raw source documents and their extracted records on disk,
// content-addressed by the SHA-256 of the source bytes:
//
//	<dir>/raw/ab/abcdef...        the source bytes
//	<dir>/records/ab/abcdef.json  the extracted record
//	<dir>/sources/<key>.json      the versions seen of one path or URL
//
// Every file is written to a temporary file, synced and renamed into place,
// so a crash or kill leaves either the old file or the new one, never a
// torn one. A Store is safe for concurrent use.
type Store struct {
	dir string

	mu sync.Mutex // serialises read-modify-write of source version lists
}

// OpenStore opens the store in dir, creating it when absent.
func OpenStore(dir string) (*Store, error) {
	for _, sub := range []string{"raw", "records", "sources", "tmp"} {
		if err := os.MkdirAll(filepath.Join(dir, sub), 0o755); err != nil {
			return nil, fmt.Errorf("open store %s: %w", dir, err)
		}
	}
	return &Store{dir: dir}, nil
}

// RemoveTemp removes the temporary files a killed writer left. Only the
// one process that writes the store may call it (the pipeline, under the
// data directory's lock): another writer's files in progress are there
// too, and opening a store to read it must clean nothing.
func (s *Store) RemoveTemp() {
	ents, err := os.ReadDir(filepath.Join(s.dir, "tmp"))
	if err != nil {
		return
	}
	for _, e := range ents {
		os.Remove(filepath.Join(s.dir, "tmp", e.Name()))
	}
}

// Dir returns the directory the store lives in.
func (s *Store) Dir() string { return s.dir }

// Hash returns the id of a document: the hex SHA-256 of its bytes.
func Hash(data []byte) string {
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:])
}

// ValidID reports whether id has the form of a document id. Ids coming from
// users (URLs, flags) must pass it before they name a file.
func ValidID(id string) bool {
	if len(id) != 64 {
		return false
	}
	for _, c := range id {
		if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f') {
			return false
		}
	}
	return true
}

// RawPath returns the path of the raw bytes of document id; the file exists
// only if HasRaw(id).
func (s *Store) RawPath(id string) string {
	return filepath.Join(s.dir, "raw", id[:2], id)
}

func (s *Store) recordPath(id string) string {
	return filepath.Join(s.dir, "records", id[:2], id+".json")
}

// HasRaw reports whether the raw bytes of document id are stored.
func (s *Store) HasRaw(id string) bool {
	if !ValidID(id) {
		return false
	}
	_, err := os.Stat(s.RawPath(id))
	return err == nil
}

// PutRaw stores the bytes of a document under their hash and returns it.
// Storing bytes already present is a no-op.
func (s *Store) PutRaw(data []byte) (string, error) {
	id := Hash(data)
	if s.HasRaw(id) {
		return id, nil
	}
	if err := s.writeAtomic(s.RawPath(id), data); err != nil {
		return "", fmt.Errorf("store raw %s: %w", id, err)
	}
	return id, nil
}

// Raw returns the stored bytes of document id.
func (s *Store) Raw(id string) ([]byte, error) {
	if !ValidID(id) {
		return nil, fmt.Errorf("raw %q: %w", id, ErrNotFound)
	}
	b, err := os.ReadFile(s.RawPath(id))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("raw %s: %w", id, ErrNotFound)
	}
	return b, err
}

// PutRecord stores a record under its id, replacing an earlier one.
func (s *Store) PutRecord(r *Record) error {
	if !ValidID(r.ID) {
		return fmt.Errorf("store record: invalid id %q", r.ID)
	}
	b, err := json.Marshal(r)
	if err != nil {
		return fmt.Errorf("store record %s: %w", r.ID, err)
	}
	if err := s.writeAtomic(s.recordPath(r.ID), b); err != nil {
		return fmt.Errorf("store record %s: %w", r.ID, err)
	}
	return nil
}

// Record returns the stored record of document id.
func (s *Store) Record(id string) (*Record, error) {
	if !ValidID(id) {
		return nil, fmt.Errorf("record %q: %w", id, ErrNotFound)
	}
	b, err := os.ReadFile(s.recordPath(id))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("record %s: %w", id, ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("record %s: %w", id, err)
	}
	var r Record
	if err := json.Unmarshal(b, &r); err != nil {
		return nil, fmt.Errorf("record %s: %w", id, err)
	}
	return &r, nil
}

// HasRecord reports whether a record of document id is stored.
func (s *Store) HasRecord(id string) bool {
	if !ValidID(id) {
		return false
	}
	_, err := os.Stat(s.recordPath(id))
	return err == nil
}

// RecordIDs returns the ids of all stored records, sorted.
func (s *Store) RecordIDs() ([]string, error) {
	var ids []string
	err := s.EachRecordID(func(id string) error {
		ids = append(ids, id)
		return nil
	})
	return ids, err
}

// EachRecordID calls fn with the id of every stored record, in sorted
// order, without holding the list; it stops at the first error fn returns.
func (s *Store) EachRecordID(fn func(id string) error) error {
	root := filepath.Join(s.dir, "records")
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			return nil
		}
		if id, ok := strings.CutSuffix(d.Name(), ".json"); ok && ValidID(id) {
			return fn(id)
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("list records: %w", err)
	}
	return nil
}

// Version is one version of a source (a path or URL) seen by ingest or crawl.
type Version struct {
	ID           string `json:"id"`
	SeenAt       string `json:"seen_at"` // RFC 3339
	ETag         string `json:"etag,omitempty"`
	LastModified string `json:"last_modified,omitempty"`
}

func (s *Store) sourcePath(source string) string {
	return filepath.Join(s.dir, "sources", Hash([]byte(source))+".json")
}

type sourceFile struct {
	Source   string    `json:"source"`
	Versions []Version `json:"versions"`
}

// Versions returns the versions seen of source, oldest first.
func (s *Store) Versions(source string) ([]Version, error) {
	b, err := os.ReadFile(s.sourcePath(source))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("versions of %s: %w", source, err)
	}
	var f sourceFile
	if err := json.Unmarshal(b, &f); err != nil {
		return nil, fmt.Errorf("versions of %s: %w", source, err)
	}
	return f.Versions, nil
}

// AddVersion records that source had the bytes of document v.ID. When the
// newest known version already has that id, only changed validators are
// written, so an unchanged source keeps one version and re-ingesting it
// writes nothing.
func (s *Store) AddVersion(source string, v Version) error {
	if v.SeenAt == "" {
		v.SeenAt = time.Now().UTC().Format(time.RFC3339)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	vs, err := s.Versions(source)
	if err != nil {
		return err
	}
	if n := len(vs); n > 0 && vs[n-1].ID == v.ID {
		if v.ETag == vs[n-1].ETag && v.LastModified == vs[n-1].LastModified {
			return nil
		}
		vs[n-1] = v
	} else {
		vs = append(vs, v)
	}
	b, err := json.Marshal(sourceFile{Source: source, Versions: vs})
	if err != nil {
		return err
	}
	if err := s.writeAtomic(s.sourcePath(source), b); err != nil {
		return fmt.Errorf("add version of %s: %w", source, err)
	}
	return nil
}

// writeAtomic writes data to path through a synced temporary file and a
// rename, so readers see the old content or the new, never a part.
func (s *Store) writeAtomic(path string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	f, err := os.CreateTemp(filepath.Join(s.dir, "tmp"), "w-*")
	if err != nil {
		return err
	}
	tmp := f.Name()
	defer os.Remove(tmp) // fails harmlessly after the rename
	if _, err := f.Write(data); err != nil {
		f.Close()
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	return os.Rename(tmp, path)
}

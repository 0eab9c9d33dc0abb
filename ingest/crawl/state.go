package crawl

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
)

// stateVersion changes when the state file's meaning changes; an older
// file is then set aside rather than misread.
const stateVersion = 1

// stateFile is the name of the state file in Config.StateDir.
const stateFile = "crawl-state.json"

// role says what a URL is to the crawl.
type role string

const (
	// rolePage is a listing page (or a First Agenda committee list):
	// read for meeting, document and next-page links, not handed on.
	rolePage role = "page"
	// roleMeeting is a meeting page: read for document links, and
	// handed on when the source says meeting pages are documents.
	roleMeeting role = "meeting"
	// roleDocument is handed on to the sink when new or changed; the
	// attachments it names are fetched after it.
	roleDocument role = "document"
)

// task is one URL in the frontier.
type task struct {
	URL    string `json:"url"`
	Source string `json:"source"`
	Role   role   `json:"role"`
	Parent string `json:"parent,omitempty"` // the document naming this attachment
	Ref    string `json:"ref,omitempty"`    // how Parent names it
	Title  string `json:"title,omitempty"`  // link text or the title Parent gives
}

// docState is what the crawl remembers of one document URL.
type docState struct {
	Source       string `json:"source"`
	Hash         string `json:"hash"` // hex SHA-256 of the body handed on
	ETag         string `json:"etag,omitempty"`
	LastModified string `json:"last_modified,omitempty"`
	ContentType  string `json:"content_type,omitempty"`
	FetchedAt    string `json:"fetched_at"` // when these bytes were fetched, RFC 3339
	CheckedAt    string `json:"checked_at"` // when last found current, RFC 3339
	// Children are the attachments the document names, queued again when
	// the document itself is not modified, so a failed attachment fetch
	// is retried on the next crawl.
	Children []task `json:"children,omitempty"`
}

// runState is an unfinished crawl: what is left and what was seen.
type runState struct {
	Started  string         `json:"started"`
	Frontier []task         `json:"frontier"`
	Seen     []string       `json:"seen"`
	Pages    map[string]int `json:"pages,omitempty"` // pages fetched per source
}

// state is the whole persisted crawl state.
type state struct {
	Version   int                  `json:"version"`
	Run       *runState            `json:"run,omitempty"`
	Documents map[string]*docState `json:"documents"`
}

// loadState reads the state in dir; a missing file is an empty state, and
// a file of another version is renamed aside with a note in the log.
func loadState(dir string, logf func(string, ...any)) (*state, error) {
	empty := &state{Version: stateVersion, Documents: map[string]*docState{}}
	if dir == "" {
		return empty, nil
	}
	path := filepath.Join(dir, stateFile)
	b, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return empty, nil
	}
	if err != nil {
		return nil, fmt.Errorf("load crawl state: %w", err)
	}
	var st state
	if err := json.Unmarshal(b, &st); err != nil || st.Version != stateVersion {
		aside := path + ".unreadable"
		if err == nil {
			err = fmt.Errorf("version %d, want %d", st.Version, stateVersion)
		}
		logf("crawl state %s unusable (%v); moved to %s, starting afresh", path, err, aside)
		if rerr := os.Rename(path, aside); rerr != nil {
			return nil, fmt.Errorf("load crawl state: %w", rerr)
		}
		return empty, nil
	}
	if st.Documents == nil {
		st.Documents = map[string]*docState{}
	}
	return &st, nil
}

// save writes the state to dir atomically: a synced temporary file renamed
// over the old one, so a crash leaves the old state or the new, never a
// torn one.
func (st *state) save(dir string) error {
	if dir == "" {
		return nil
	}
	if st.Run != nil {
		sort.Strings(st.Run.Seen)
	}
	b, err := json.Marshal(st)
	if err != nil {
		return fmt.Errorf("save crawl state: %w", err)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("save crawl state: %w", err)
	}
	f, err := os.CreateTemp(dir, stateFile+".tmp-*")
	if err != nil {
		return fmt.Errorf("save crawl state: %w", err)
	}
	tmp := f.Name()
	defer os.Remove(tmp) // fails harmlessly after the rename
	if _, err := f.Write(b); err != nil {
		f.Close()
		return fmt.Errorf("save crawl state %s: %w", tmp, err)
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return fmt.Errorf("save crawl state %s: %w", tmp, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("save crawl state %s: %w", tmp, err)
	}
	if err := os.Rename(tmp, filepath.Join(dir, stateFile)); err != nil {
		return fmt.Errorf("save crawl state: %w", err)
	}
	return nil
}

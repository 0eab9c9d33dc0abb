package pipeline

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// ErrBusy is returned (wrapped, naming the holder) when another process
// writes the data directory: one process at a time may.
var ErrBusy = errors.New("data directory in use by another process")

// lockName is the lock file of a data directory. It holds a line naming
// the command that holds the lock, for the message of the next one.
const lockName = "lock"

// dirLock is a data directory's write lock, held by one process from
// before it cleans anything (store/tmp, index.new) until it closes.
type dirLock struct{ f *os.File }

// lockDataDir takes the write lock of dataDir, creating the directory
// when absent. It does not wait: a second writer is told at once who
// holds the lock.
func lockDataDir(dataDir string) (*dirLock, error) {
	if err := os.MkdirAll(dataDir, 0o755); err != nil {
		return nil, fmt.Errorf("lock %s: %w", dataDir, err)
	}
	f, err := os.OpenFile(filepath.Join(dataDir, lockName), os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, fmt.Errorf("lock %s: %w", dataDir, err)
	}
	if err := tryLock(f); err != nil {
		f.Close()
		if errors.Is(err, errWouldBlock) {
			return nil, fmt.Errorf("%s is in use by %s; wait for it to finish or stop it: %w", dataDir, LockHolder(dataDir), ErrBusy)
		}
		return nil, fmt.Errorf("lock %s: %w", dataDir, err)
	}
	line := fmt.Sprintf("'%s' (pid %d, since %s)\n", commandLine(), os.Getpid(), time.Now().Format(time.DateTime))
	if err := f.Truncate(0); err == nil {
		f.WriteAt([]byte(line), 0)
	}
	return &dirLock{f: f}, nil
}

// unlock releases the lock; the holder's line goes with it.
func (l *dirLock) unlock() {
	if l == nil || l.f == nil {
		return
	}
	l.f.Truncate(0)
	l.f.Close() // closing releases the lock
	l.f = nil
}

// LockHolder names the process that holds dataDir's write lock, as it
// wrote itself into the lock file ("'referat ingest' (pid 4711, since
// ...)"), or "another referat process" when it wrote nothing.
func LockHolder(dataDir string) string {
	f, err := os.Open(filepath.Join(dataDir, lockName))
	if err == nil {
		defer f.Close()
		b, _ := io.ReadAll(io.LimitReader(f, 512))
		if s := strings.TrimSpace(string(bytes.ToValidUTF8(b, nil))); s != "" {
			return s
		}
	}
	return "another referat process"
}

// commandLine is this process's program and subcommand ("referat
// ingest"), for the lock file.
func commandLine() string {
	s := filepath.Base(os.Args[0])
	if len(os.Args) > 1 && !strings.HasPrefix(os.Args[1], "-") {
		s += " " + os.Args[1]
	}
	return s
}

package ingest

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"os"
)

// ErrNotRegular is returned (wrapped, with the kind of file) for a path
// that is not a regular file: a device, named pipe, socket or folder,
// directly or through a symbolic link. Such files are never opened: a
// pipe would block the batch forever and a device never ends.
var ErrNotRegular = errors.New("not a regular file")

// ReadRegularFile returns the bytes of the regular file at path, at most
// max of them. The file's kind and size are checked before anything is
// read, and the read itself is bounded too, so a file that grows or is
// swapped meanwhile costs no more than max bytes. The error names path.
func ReadRegularFile(path string, max int64) ([]byte, fs.FileInfo, error) {
	f, fi, err := openRegular(path, max)
	if err != nil {
		return nil, fi, err
	}
	defer f.Close()
	data := make([]byte, 0, fi.Size()+1)
	data, err = readAllInto(io.LimitReader(f, max+1), data)
	if err != nil {
		return nil, fi, fmt.Errorf("read %s: %w", path, err)
	}
	if int64(len(data)) > max {
		return nil, fi, fmt.Errorf("read %s: more than the limit of %d bytes", path, max)
	}
	return data, fi, nil
}

// readHead returns up to n first bytes of the regular file at path.
func readHead(path string, n int) ([]byte, error) {
	f, _, err := openRegular(path, math.MaxInt64)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	head := make([]byte, n)
	k, err := io.ReadFull(f, head)
	if err != nil && err != io.ErrUnexpectedEOF && err != io.EOF {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	return head[:k], nil
}

// openRegular opens the regular file at path, of at most max bytes,
// checking before it opens and again on what it opened (the path may
// have changed in between).
func openRegular(path string, max int64) (*os.File, fs.FileInfo, error) {
	fi, err := os.Stat(path) // follows a symbolic link to what it names
	if err != nil {
		return nil, nil, fmt.Errorf("read %s: %w", path, err)
	}
	if err := checkRegular(fi, max); err != nil {
		return nil, fi, fmt.Errorf("read %s: %w", path, err)
	}
	f, err := os.OpenFile(path, os.O_RDONLY|oNonblock, 0)
	if err != nil {
		return nil, fi, fmt.Errorf("read %s: %w", path, err)
	}
	if fi, err = f.Stat(); err == nil {
		err = checkRegular(fi, max)
	}
	if err != nil {
		f.Close()
		return nil, fi, fmt.Errorf("read %s: %w", path, err)
	}
	return f, fi, nil
}

// checkRegular refuses what is not a regular file of at most max bytes.
func checkRegular(fi fs.FileInfo, max int64) error {
	if m := fi.Mode(); !m.IsRegular() {
		return fmt.Errorf("%w (%s); skipped", ErrNotRegular, fileKind(m))
	}
	if fi.Size() > max {
		return fmt.Errorf("%d bytes is over the limit of %d", fi.Size(), max)
	}
	return nil
}

// fileKind names the kind of a file that is not regular.
func fileKind(m fs.FileMode) string {
	switch {
	case m.IsDir():
		return "a folder"
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeCharDevice != 0:
		return "a character device"
	case m&fs.ModeDevice != 0:
		return "a device"
	case m&fs.ModeSymlink != 0:
		return "a symbolic link"
	}
	return "mode " + m.String()
}

// readAllInto is io.ReadAll appending to buf, whose capacity is the
// expected size, so a file is read into one allocation.
func readAllInto(r io.Reader, buf []byte) ([]byte, error) {
	for {
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)]
		}
		n, err := r.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		if err == io.EOF {
			return buf, nil
		}
		if err != nil {
			return buf, err
		}
	}
}

//go:build unix

package ingest

import "syscall"

// oNonblock opens a file without waiting: should a named pipe be swapped
// in between the check and the open, the open does not block for a
// writer (and the check after it refuses the pipe).
const oNonblock = syscall.O_NONBLOCK

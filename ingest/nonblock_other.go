//go:build !unix

package ingest

// oNonblock is 0 where opening a file cannot block on a named pipe.
const oNonblock = 0

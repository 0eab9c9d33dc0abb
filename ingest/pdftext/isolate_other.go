//go:build !unix

package pdftext

import (
	"os/exec"
	"runtime/debug"
)

// limitMemory has no hard limit to set here; the collector's soft limit
// is what there is.
func limitMemory(n int64) error {
	debug.SetMemoryLimit(n / 2)
	return nil
}

func ownGroup(cmd *exec.Cmd) {}

func killGroup(cmd *exec.Cmd) {
	if cmd.Process != nil {
		cmd.Process.Kill()
	}
}

//go:build unix

package pdftext

import (
	"fmt"
	"os/exec"
	"runtime/debug"
	"syscall"
)

// limitMemory caps this process's address space, so that a runaway
// allocation kills the child rather than the machine, and makes the
// collector work harder well before the cap.
func limitMemory(n int64) error {
	debug.SetMemoryLimit(n / 2)
	if raceEnabled {
		return nil
	}
	lim := syscall.Rlimit{Cur: uint64(n), Max: uint64(n)}
	if err := syscall.Setrlimit(syscall.RLIMIT_AS, &lim); err != nil {
		return fmt.Errorf("set memory limit: %w", err)
	}
	return nil
}

// ownGroup makes the child lead its own process group, so that killing
// it also kills what it started (pdftoppm, tesseract).
func ownGroup(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
}

func killGroup(cmd *exec.Cmd) {
	if cmd.Process != nil {
		syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
	}
}

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
	lim := syscall.Rlimit{Cur: uint64(n), Max: uint64(n)}
	if err := syscall.Setrlimit(syscall.RLIMIT_AS, &lim); err != nil {
		return fmt.Errorf("set memory limit: %w", err)
	}
	debug.SetMemoryLimit(n / 2)
	return nil
}

// killGroup makes the child lead its own process group and kills the
// whole group on cancellation (pdftoppm and tesseract die with it).
func killGroup(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	cmd.Cancel = func() error {
		if cmd.Process == nil {
			return nil
		}
		return syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
	}
}

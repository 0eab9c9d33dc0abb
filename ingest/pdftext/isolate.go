package pdftext

import (
	"bytes"
	"context"
	"encoding/gob"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"time"
)

// Isolation. A goroutine cannot be killed: when the PDF library loops
// forever or allocates without end, Extract returns at its deadline but
// the goroutine keeps its CPU and memory until the process exits. For
// untrusted files in bulk, ExtractIsolated runs the extraction in a child
// process (this same executable, re-executed with ChildEnv set) whose
// address space is capped with RLIMIT_AS and which is killed, with its
// process group, when the time is up. The price is one process start per
// document, a few milliseconds.

// ChildEnv is the environment variable that makes RunChild serve a
// request instead of returning.
const ChildEnv = "REFERAT_PDFTEXT_CHILD"

// DefaultMaxMemory is the child's address-space limit when
// IsolatedOptions.MaxMemory is zero.
const DefaultMaxMemory = 2 << 30

// childGrace is how long past the document's timeout the parent waits
// before it kills the child.
const childGrace = 2 * time.Second

type childRequest struct {
	Data      []byte
	Opts      Options
	MaxMemory int64
}

type childResponse struct {
	Result  *Result
	Err     string
	ErrKind string // "encrypted", "notpdf", "timeout" or ""
}

// childExtraEnv is added to the child's environment (tests use it).
var childExtraEnv []string

// childHook runs in the child before extraction (tests use it).
var childHook func()

// RunChild serves one extraction request on stdin/stdout and exits when
// the process was started by ExtractIsolated (ChildEnv is set); otherwise
// it returns at once. Call it first thing in main, and in TestMain of
// packages that test ExtractIsolated.
func RunChild() {
	if os.Getenv(ChildEnv) != "1" {
		return
	}
	os.Exit(serveChild(os.Stdin, os.Stdout))
}

func serveChild(in io.Reader, out io.Writer) int {
	var req childRequest
	if err := gob.NewDecoder(in).Decode(&req); err != nil {
		fmt.Fprintf(os.Stderr, "pdftext child: read request: %v\n", err)
		return 1
	}
	if req.MaxMemory > 0 {
		if err := limitMemory(req.MaxMemory); err != nil {
			fmt.Fprintf(os.Stderr, "pdftext child: %v\n", err)
			return 1
		}
	}
	if childHook != nil {
		childHook()
	}
	res, err := Extract(context.Background(), req.Data, req.Opts)
	resp := childResponse{Result: res}
	if err != nil {
		resp.Err = err.Error()
		switch {
		case errors.Is(err, ErrEncrypted):
			resp.ErrKind = "encrypted"
		case errors.Is(err, ErrNotPDF):
			resp.ErrKind = "notpdf"
		case errors.Is(err, ErrTimeout):
			resp.ErrKind = "timeout"
		}
	}
	if err := gob.NewEncoder(out).Encode(&resp); err != nil {
		fmt.Fprintf(os.Stderr, "pdftext child: write response: %v\n", err)
		return 1
	}
	return 0
}

// IsolatedOptions are Options plus the child's memory limit.
type IsolatedOptions struct {
	Options
	MaxMemory int64 // bytes of address space; 0 means DefaultMaxMemory
}

// ExtractIsolated is Extract run in a child process with a hard memory
// limit and a kill at the deadline, so that no input can hang or exhaust
// the caller. The executable must call RunChild at the start of main.
func ExtractIsolated(ctx context.Context, data []byte, opts IsolatedOptions) (*Result, error) {
	if opts.Timeout <= 0 {
		opts.Timeout = DefaultTimeout
	}
	if opts.MaxMemory <= 0 {
		opts.MaxMemory = DefaultMaxMemory
	}
	exe, err := os.Executable()
	if err != nil {
		return nil, fmt.Errorf("extract isolated: %w", err)
	}
	var req bytes.Buffer
	if err := gob.NewEncoder(&req).Encode(childRequest{Data: data, Opts: opts.Options, MaxMemory: opts.MaxMemory}); err != nil {
		return nil, fmt.Errorf("extract isolated: %w", err)
	}
	ctx, cancel := context.WithTimeout(ctx, opts.Timeout+childGrace)
	defer cancel()
	cmd := exec.CommandContext(ctx, exe)
	cmd.Env = append(append(os.Environ(), ChildEnv+"=1", "GOMAXPROCS=1"), childExtraEnv...)
	cmd.Stdin = &req
	var stdout bytes.Buffer
	stderr := &tailBuffer{max: 4096}
	cmd.Stdout, cmd.Stderr = &stdout, stderr
	killGroup(cmd)
	runErr := cmd.Run()
	if ctx.Err() != nil {
		if errors.Is(ctx.Err(), context.DeadlineExceeded) {
			return nil, fmt.Errorf("extract isolated: %w (child killed after %v)", ErrTimeout, opts.Timeout+childGrace)
		}
		return nil, ctx.Err()
	}
	if runErr != nil {
		return nil, fmt.Errorf("extract isolated: child failed: %v: %s", runErr, lastLine(stderr.String()))
	}
	var resp childResponse
	if err := gob.NewDecoder(&stdout).Decode(&resp); err != nil {
		return nil, fmt.Errorf("extract isolated: read response: %w", err)
	}
	if resp.Err != "" {
		var base error
		switch resp.ErrKind {
		case "encrypted":
			base = ErrEncrypted
		case "notpdf":
			base = ErrNotPDF
		case "timeout":
			base = ErrTimeout
		}
		if base != nil {
			return nil, fmt.Errorf("%w: %s", base, strings.TrimPrefix(resp.Err, base.Error()+": "))
		}
		return nil, errors.New(resp.Err)
	}
	return resp.Result, nil
}

// tailBuffer keeps the first and the last max bytes written to it: a
// crashing Go program says why at the start and where at the end.
type tailBuffer struct {
	max        int
	head, tail []byte
}

func (t *tailBuffer) Write(p []byte) (int, error) {
	if n := min(len(p), t.max-len(t.head)); n > 0 {
		t.head = append(t.head, p[:n]...)
		p = p[n:]
	}
	t.tail = append(t.tail, p...)
	if len(t.tail) > t.max {
		t.tail = t.tail[len(t.tail)-t.max:]
	}
	return len(p), nil
}

func (t *tailBuffer) String() string { return string(t.head) + "\n" + string(t.tail) }

func lastLine(s string) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	// the runtime's own fatal message is the useful one
	for _, m := range lines {
		if strings.HasPrefix(m, "fatal error:") || strings.HasPrefix(m, "runtime: out of memory") || strings.HasPrefix(m, "panic:") {
			return strconv.Quote(strings.TrimSpace(m))
		}
	}
	for i := len(lines) - 1; i >= 0; i-- {
		if l := strings.TrimSpace(lines[i]); l != "" {
			return strconv.Quote(l)
		}
	}
	return ""
}

package pdftext

import (
	"context"
	"encoding/gob"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Isolation. A goroutine cannot be killed: when the PDF library loops
// forever or allocates without end, Extract returns at its deadline but
// the goroutine keeps its CPU and memory until the process exits. For
// untrusted files in bulk, an Isolator runs extractions in child
// processes (this same executable, re-executed with ChildEnv set) whose
// address space is capped with RLIMIT_AS and which are killed, with their
// process group, when a document's time is up. Children serve one
// document after another, so a batch pays for a process start only when
// a child had to be killed.

// ChildEnv is the environment variable that makes RunChild serve
// requests instead of returning.
const ChildEnv = "REFERAT_PDFTEXT_CHILD"

// childMemEnv carries the child's memory limit in bytes.
const childMemEnv = "REFERAT_PDFTEXT_CHILD_MEM"

// DefaultMaxMemory is a child's address-space limit when
// Isolator.MaxMemory is zero. The Go runtime reserves some hundreds of
// megabytes of address space itself; the rest is heap.
const DefaultMaxMemory = 2 << 30

// childGrace is how long past the document's timeout the parent waits
// before it kills the child.
const childGrace = 2 * time.Second

type childRequest struct {
	Data []byte
	Opts Options
}

type childResponse struct {
	Result  *Result
	Err     string
	ErrKind string // "encrypted", "notpdf", "timeout" or ""
}

// childExtraEnv is added to the children's environment (tests use it).
var childExtraEnv []string

// childHook runs in a child before each extraction (tests use it).
var childHook func()

// RunChild serves extraction requests on stdin/stdout and exits when the
// process was started by an Isolator (ChildEnv is set); otherwise it
// returns at once. Call it first thing in main, and in TestMain of
// packages that test isolated extraction.
func RunChild() {
	if os.Getenv(ChildEnv) != "1" {
		return
	}
	if n, err := strconv.ParseInt(os.Getenv(childMemEnv), 10, 64); err == nil && n > 0 {
		if err := limitMemory(n); err != nil {
			fmt.Fprintf(os.Stderr, "pdftext child: %v\n", err)
			os.Exit(1)
		}
	}
	os.Exit(serveChild(os.Stdin, os.Stdout))
}

func serveChild(in io.Reader, out io.Writer) int {
	dec, enc := gob.NewDecoder(in), gob.NewEncoder(out)
	for {
		var req childRequest
		if err := dec.Decode(&req); err != nil {
			if errors.Is(err, io.EOF) {
				return 0
			}
			fmt.Fprintf(os.Stderr, "pdftext child: read request: %v\n", err)
			return 1
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
		if err := enc.Encode(&resp); err != nil {
			fmt.Fprintf(os.Stderr, "pdftext child: write response: %v\n", err)
			return 1
		}
	}
}

// An Isolator extracts documents in child processes. Its zero value is
// ready to use; it is safe for concurrent use, one child per concurrent
// call. Close it to stop the idle children.
type Isolator struct {
	MaxMemory int64 // a child's address-space limit; 0 means DefaultMaxMemory
	MaxIdle   int   // children kept waiting for work; 0 means 4

	mu     sync.Mutex
	idle   []*child
	closed bool
}

type child struct {
	cmd    *exec.Cmd
	stdin  io.WriteCloser
	enc    *gob.Encoder
	dec    *gob.Decoder
	stderr *tailBuffer
}

func (iso *Isolator) spawn() (*child, error) {
	exe, err := os.Executable()
	if err != nil {
		return nil, err
	}
	mem := iso.MaxMemory
	if mem <= 0 {
		mem = DefaultMaxMemory
	}
	cmd := exec.Command(exe)
	cmd.Env = append(append(os.Environ(), ChildEnv+"=1", childMemEnv+"="+strconv.FormatInt(mem, 10), "GOMAXPROCS=1"), childExtraEnv...)
	c := &child{cmd: cmd, stderr: &tailBuffer{max: 2048}}
	cmd.Stderr = c.stderr
	if c.stdin, err = cmd.StdinPipe(); err != nil {
		return nil, err
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	ownGroup(cmd)
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	c.enc, c.dec = gob.NewEncoder(c.stdin), gob.NewDecoder(stdout)
	return c, nil
}

func (c *child) kill() {
	killGroup(c.cmd)
	c.stdin.Close()
	c.cmd.Wait()
}

func (iso *Isolator) get() (*child, error) {
	iso.mu.Lock()
	if n := len(iso.idle); n > 0 {
		c := iso.idle[n-1]
		iso.idle = iso.idle[:n-1]
		iso.mu.Unlock()
		return c, nil
	}
	iso.mu.Unlock()
	return iso.spawn()
}

func (iso *Isolator) put(c *child) {
	iso.mu.Lock()
	defer iso.mu.Unlock()
	maxIdle := iso.MaxIdle
	if maxIdle <= 0 {
		maxIdle = 4
	}
	if iso.closed || len(iso.idle) >= maxIdle {
		c.stdin.Close()
		go c.cmd.Wait()
		return
	}
	iso.idle = append(iso.idle, c)
}

// Close stops the idle children.
func (iso *Isolator) Close() error {
	iso.mu.Lock()
	idle := iso.idle
	iso.idle, iso.closed = nil, true
	iso.mu.Unlock()
	for _, c := range idle {
		c.stdin.Close()
		c.cmd.Wait()
	}
	return nil
}

// Extract is Extract run in a child process with a hard memory limit and
// a kill at the deadline, so that no input can hang or exhaust the
// caller. The executable must call RunChild at the start of main.
func (iso *Isolator) Extract(ctx context.Context, data []byte, opts Options) (*Result, error) {
	if opts.Timeout <= 0 {
		opts.Timeout = DefaultTimeout
	}
	c, err := iso.get()
	if err != nil {
		return nil, fmt.Errorf("extract isolated: start child: %w", err)
	}
	type reply struct {
		resp childResponse
		err  error
	}
	ch := make(chan reply, 1)
	go func() {
		var r reply
		if r.err = c.enc.Encode(childRequest{Data: data, Opts: opts}); r.err == nil {
			r.err = c.dec.Decode(&r.resp)
		}
		ch <- r
	}()
	timer := time.NewTimer(opts.Timeout + childGrace)
	defer timer.Stop()
	var r reply
	select {
	case r = <-ch:
	case <-timer.C:
		c.kill()
		<-ch
		return nil, fmt.Errorf("extract isolated: %w (child killed after %v)", ErrTimeout, opts.Timeout+childGrace)
	case <-ctx.Done():
		c.kill()
		<-ch
		return nil, ctx.Err()
	}
	if r.err != nil {
		c.kill()
		return nil, fmt.Errorf("extract isolated: child failed: %v: %s", r.err, lastLine(c.stderr.String()))
	}
	resp := r.resp
	if resp.ErrKind == "timeout" {
		// the child's own deadline fired: its extraction goroutine may
		// still be running, so the child is not reused
		c.kill()
	} else {
		iso.put(c)
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

var defaultIsolator Isolator

// ExtractIsolated is Extract in a child process of a shared Isolator.
func ExtractIsolated(ctx context.Context, data []byte, opts Options) (*Result, error) {
	return defaultIsolator.Extract(ctx, data, opts)
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
	// running out of memory is the most useful thing to say, wherever the
	// runtime (or the race detector's) said it
	for _, m := range lines {
		if strings.Contains(strings.ToLower(m), "out of memory") {
			return strconv.Quote(strings.TrimSpace(m))
		}
	}
	// else the runtime's own fatal message
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

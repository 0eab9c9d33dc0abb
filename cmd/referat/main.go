// Command referat crawls, ingests, extracts, indexes and searches Danish
// municipal meeting minutes and Ankestyrelsen letters.
//
// Usage:
//
//	referat <command> [flags] [arguments]
//
// Run "referat help" for the list of commands and "referat help <command>"
// for one command's flags.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime/debug"
	"runtime/pprof"
	"syscall"
	"time"

	"referat/ingest/pdftext"
)

func main() {
	pdftext.RunChild() // returns unless this process is a PDF reader child
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	go exitAfterGrace(ctx, stopGrace, os.Stderr)
	stopProfile := startProfile(os.Getenv("REFERAT_CPUPROFILE"))
	err := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stopProfile()
	os.Exit(exitCode(err, os.Stderr))
}

// stopGrace is how long a command may take to stop after SIGINT or
// SIGTERM. Work in progress checks its context between documents and
// batches; what does not stop by then (one long document) is cut short.
const stopGrace = 1500 * time.Millisecond

// exitAfterGrace ends the process when ctx has been cancelled for grace.
// That leaves nothing half written: store files are written aside and
// renamed, the index survives a kill at any moment (TestKilledIngest
// LosesNothing), and the data directory's lock goes with the process.
func exitAfterGrace(ctx context.Context, grace time.Duration, stderr io.Writer) {
	<-ctx.Done()
	time.Sleep(grace)
	fmt.Fprintln(stderr, "referat: interrupted; stopped without finishing the document in progress (a rerun picks it up)")
	os.Exit(1)
}

// memoryBudget is the heap size ingest, reindex and crawl aim to stay
// under: a soft limit (runtime/debug.SetMemoryLimit) that makes the
// garbage collector work harder near it, never a failure. One document
// is bounded by ingest.DefaultMaxBytes and corpus.MaxItems/MaxTextBytes;
// this keeps the garbage between them from doubling the peak.
const memoryBudget = 384 << 20

// limitMemory sets memoryBudget unless $GOMEMLIMIT says otherwise.
func limitMemory() {
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(memoryBudget)
	}
}

// startProfile writes a CPU profile to path (from $REFERAT_CPUPROFILE)
// until the returned function is called; "" profiles nothing.
func startProfile(path string) func() {
	if path == "" {
		return func() {}
	}
	f, err := os.Create(path)
	if err != nil {
		fmt.Fprintf(os.Stderr, "referat: cpu profile: %v\n", err)
		return func() {}
	}
	pprof.StartCPUProfile(f)
	return func() {
		pprof.StopCPUProfile()
		f.Close()
	}
}

// Command is one subcommand of referat.
type Command struct {
	Name      string
	UsageLine string // arguments after the name
	Short     string // one line for the command list
	Long      string // help text
	// Flags registers the command's flags on fs and returns the function
	// that runs it with the remaining arguments.
	Flags func(fs *flag.FlagSet) func(ctx context.Context, args []string, stdout, stderr io.Writer) error
}

// commands is the table of subcommands, in the order help lists them.
var commands []*Command

func init() {
	commands = []*Command{cmdIngest, cmdExtract, cmdSearch, cmdCase, cmdServe, cmdReindex, cmdCrawl, cmdVersions, cmdWatch}
}

// usageError is a mistake in how referat was called; it exits with status 2.
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error { return &usageError{fmt.Sprintf(format, args...)} }

// errSilent marks a failure already reported to the user; exit 1 quietly.
var errSilent = errors.New("failed")

func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		printUsage(stderr)
		return &usageError{}
	}
	name := args[0]
	if name == "help" || name == "-h" || name == "--help" || name == "-help" {
		if len(args) > 1 {
			if c := lookup(args[1]); c != nil {
				fs := flag.NewFlagSet(c.Name, flag.ContinueOnError)
				c.Flags(fs)
				printCommandUsage(stdout, c, fs)
				return nil
			}
			return usagef("unknown command %q", args[1])
		}
		printUsage(stdout)
		return nil
	}
	c := lookup(name)
	if c == nil {
		return usagef("unknown command %q; run 'referat help'", name)
	}
	fs := flag.NewFlagSet(c.Name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	runCmd := c.Flags(fs)
	if err := fs.Parse(interspersed(fs, args[1:])); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			printCommandUsage(stdout, c, fs)
			return nil
		}
		return usagef("%s: %v; run 'referat help %s'", c.Name, err, c.Name)
	}
	return runCmd(ctx, fs.Args(), stdout, stderr)
}

func lookup(name string) *Command {
	for _, c := range commands {
		if c.Name == name {
			return c
		}
	}
	return nil
}

func printUsage(w io.Writer) {
	fmt.Fprintf(w, "referat makes Danish local government searchable.\n\nUsage:\n\n\treferat <command> [flags] [arguments]\n\nCommands:\n\n")
	for _, c := range commands {
		fmt.Fprintf(w, "\t%-8s %s\n", c.Name, c.Short)
	}
	fmt.Fprintf(w, "\nRun 'referat help <command>' for a command's flags.\n")
}

func printCommandUsage(w io.Writer, c *Command, fs *flag.FlagSet) {
	fmt.Fprintf(w, "usage: referat %s %s\n\n%s\n", c.Name, c.UsageLine, c.Long)
	fmt.Fprintf(w, "\nFlags:\n")
	fs.SetOutput(w)
	fs.PrintDefaults()
}

// interspersed reorders args so that flags after positional arguments are
// still parsed ("referat search ledelsestilsyn --json"). A lone "--" ends
// flag parsing as usual.
func interspersed(fs *flag.FlagSet, args []string) []string {
	var flags, pos []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			pos = append(pos, args[i+1:]...)
			break
		}
		if len(a) > 1 && a[0] == '-' && !isNumber(a) {
			name := a[1:]
			if len(name) > 0 && name[0] == '-' {
				name = name[1:]
			}
			if eq := indexByte(name, '='); eq >= 0 {
				name = name[:eq]
			}
			f := fs.Lookup(name)
			if f == nil && name != "h" && name != "help" {
				// Not a flag of this command: an argument such as an
				// excluded search term ("-Lejre").
				pos = append(pos, a)
				continue
			}
			flags = append(flags, a)
			if indexByte(a, '=') >= 0 {
				continue
			}
			if f != nil && !isBoolFlag(f) && i+1 < len(args) {
				flags = append(flags, args[i+1])
				i++
			}
			continue
		}
		pos = append(pos, a)
	}
	return append(flags, append([]string{"--"}, pos...)...)
}

func isNumber(s string) bool {
	for _, c := range s[1:] {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

func indexByte(s string, c byte) int {
	for i := 0; i < len(s); i++ {
		if s[i] == c {
			return i
		}
	}
	return -1
}

func isBoolFlag(f *flag.Flag) bool {
	b, ok := f.Value.(interface{ IsBoolFlag() bool })
	return ok && b.IsBoolFlag()
}

// exitCode reports err and returns the process status: 0 success, 1
// failure, 2 usage.
func exitCode(err error, stderr io.Writer) int {
	if err == nil {
		return 0
	}
	var ue *usageError
	if errors.As(err, &ue) {
		if ue.msg != "" {
			fmt.Fprintf(stderr, "referat: %s\n", ue.msg)
		}
		return 2
	}
	if errors.Is(err, errNewFound) {
		return 3
	}
	if !errors.Is(err, errSilent) {
		fmt.Fprintf(stderr, "referat: %v\n", err)
	}
	return 1
}

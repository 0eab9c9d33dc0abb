package ingest

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"time"
)

// Legacy Word (.doc) files are read by an external converter, Debian's
// antiword or, failing that, catdoc; both are optional, like tesseract.

// ErrNoDocConverter is returned for a legacy Word file when neither
// antiword nor catdoc is installed.
var ErrNoDocConverter = errors.New("legacy Word .doc needs antiword or catdoc installed (apt-get install antiword); or save it as PDF or DOCX")

// docTimeout bounds one conversion: a hostile file must not hang a batch.
const docTimeout = time.Minute

// docConverter is one way of turning a .doc file into UTF-8 text.
type docConverter struct {
	name string
	args func(path string) []string
}

var docConverters = []docConverter{
	// -w 0: paragraphs on one line; -m UTF-8.txt: UTF-8 output.
	{"antiword", func(p string) []string { return []string{"-m", "UTF-8.txt", "-w", "0", p} }},
	// -d utf-8: UTF-8 output; -w: paragraphs on one line.
	{"catdoc", func(p string) []string { return []string{"-d", "utf-8", "-w", p} }},
}

// findDocConverter returns the first converter installed and its path.
func findDocConverter() (docConverter, string, bool) {
	for _, c := range docConverters {
		if p, err := exec.LookPath(c.name); err == nil {
			return c, p, true
		}
	}
	return docConverter{}, "", false
}

// picture is the mark converters leave for an image: "[pic]", "[image]".
var picture = regexp.MustCompile(`(?m)^\s*\[(?:pic|image|picture)\]\s*$`)

// wordDocText reads a legacy Word file through the installed converter.
func wordDocText(ctx context.Context, data []byte) (string, error) {
	conv, bin, ok := findDocConverter()
	if !ok {
		return "", ErrNoDocConverter
	}
	dir, err := os.MkdirTemp("", "referat-doc-")
	if err != nil {
		return "", err
	}
	defer os.RemoveAll(dir)
	in := filepath.Join(dir, "in.doc")
	if err := os.WriteFile(in, data, 0o600); err != nil {
		return "", err
	}
	ctx, cancel := context.WithTimeout(ctx, docTimeout)
	defer cancel()
	var stdout, stderr bytes.Buffer
	cmd := exec.CommandContext(ctx, bin, conv.args(in)...)
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		return "", fmt.Errorf("%s: %v: %s", conv.name, err, strings.TrimSpace(firstLine(stderr.String())))
	}
	return picture.ReplaceAllString(stdout.String(), ""), nil
}

func firstLine(s string) string {
	l, _, _ := strings.Cut(s, "\n")
	return l
}

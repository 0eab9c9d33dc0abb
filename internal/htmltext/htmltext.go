package htmltext

import (
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Text renders the UTF-8 HTML document or fragment read from r as text.
func Text(r io.Reader) (string, error) {
	doc, err := html.Parse(r)
	if err != nil {
		return "", fmt.Errorf("parse html: %w", err)
	}
	return Node(doc), nil
}

// String renders an HTML string as text; it is Text for fragments held in
// memory. The HTML parser never fails on a string, so there is no error.
func String(s string) string {
	t, _ := Text(strings.NewReader(s))
	return t
}

// Node renders the subtree rooted at n as text.
func Node(n *html.Node) string {
	var w writer
	w.node(n)
	return w.finish()
}

// writer accumulates text, tracking pending line and paragraph breaks so
// that nested block elements do not multiply blank lines.
type writer struct {
	b        strings.Builder
	line     strings.Builder // the current line, whitespace already collapsed
	space    bool            // a space is pending before the next word
	breaks   int             // pending newlines: 1 = new line, 2 = new paragraph
	inPre    int
	listNums []int // per open list: 0 for <ul>, next number for <ol>
}

var skipped = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true,
	atom.Head: true, atom.Svg: true, atom.Iframe: true, atom.Object: true,
	atom.Select: true, atom.Input: true, atom.Textarea: true,
}

// paragraphs are blocks set off by a blank line.
var paragraphs = map[atom.Atom]bool{
	atom.P: true, atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true,
	atom.H5: true, atom.H6: true, atom.Table: true, atom.Ul: true, atom.Ol: true,
	atom.Blockquote: true, atom.Pre: true, atom.Dl: true, atom.Figure: true,
	atom.Section: true, atom.Article: true, atom.Header: true, atom.Footer: true,
	atom.Hr: true,
}

// lines are blocks that start on a line of their own.
var lines = map[atom.Atom]bool{
	atom.Div: true, atom.Li: true, atom.Tr: true, atom.Dt: true, atom.Dd: true,
	atom.Address: true, atom.Nav: true, atom.Main: true, atom.Aside: true,
	atom.Caption: true, atom.Figcaption: true, atom.Form: true, atom.Fieldset: true,
	atom.Legend: true, atom.Details: true, atom.Summary: true, atom.Body: true,
	atom.Thead: true, atom.Tbody: true, atom.Tfoot: true,
}

func (w *writer) node(n *html.Node) {
	switch n.Type {
	case html.TextNode:
		w.text(n.Data)
		return
	case html.CommentNode, html.DoctypeNode:
		return
	case html.ElementNode:
		if skipped[n.DataAtom] || isControl(n) {
			return
		}
	}
	a := n.DataAtom
	switch {
	case a == atom.Br:
		w.brk(1)
		return
	case a == atom.Table:
		w.table(n)
		return
	case paragraphs[a]:
		w.brk(2)
	case lines[a]:
		w.brk(1)
	}
	switch a {
	case atom.Pre:
		w.inPre++
	case atom.Ul:
		w.listNums = append(w.listNums, 0)
	case atom.Ol:
		w.listNums = append(w.listNums, 1)
	case atom.Li:
		w.bullet()
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		w.node(c)
	}
	switch a {
	case atom.Pre:
		w.inPre--
	case atom.Ul, atom.Ol:
		w.listNums = w.listNums[:len(w.listNums)-1]
	}
	switch {
	case paragraphs[a]:
		w.brk(2)
	case lines[a]:
		w.brk(1)
	}
}

// layoutCell is the length above which a cell holding several paragraphs
// is taken for page layout rather than a data cell.
const layoutCell = 200

// table renders a table. A table any of whose cells holds several long
// paragraphs is page layout, not data: its cells are rendered as blocks so
// their structure survives. A data table becomes one line per row with
// tab-separated cells; line breaks inside a cell become spaces, and an empty
// cell still counts, so columns stay aligned.
func (w *writer) table(t *html.Node) {
	var rows [][]string
	layout := false
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode || skipped[c.DataAtom] || isControl(c) {
				continue
			}
			switch c.DataAtom {
			case atom.Table:
				continue // a nested table belongs to its cell
			case atom.Tr:
				var cells []string
				for td := c.FirstChild; td != nil; td = td.NextSibling {
					if td.Type != html.ElementNode || (td.DataAtom != atom.Td && td.DataAtom != atom.Th) {
						continue
					}
					text := Node(td)
					if strings.Contains(text, "\n") && utf8.RuneCountInString(text) > layoutCell {
						layout = true
					}
					cells = append(cells, text)
				}
				rows = append(rows, cells)
			default:
				walk(c)
			}
		}
	}
	walk(t)
	w.brk(2)
	for _, cells := range rows {
		if strings.Join(cells, "") == "" {
			continue
		}
		if layout {
			for _, c := range cells {
				w.block(c)
			}
			continue
		}
		for i, c := range cells {
			cells[i] = strings.Join(strings.Fields(c), " ")
		}
		w.brk(1)
		w.flushBreaks()
		w.line.WriteString(strings.Join(cells, "\t"))
		w.brk(1)
	}
	w.brk(2)
}

// block writes already rendered text as a paragraph of its own.
func (w *writer) block(text string) {
	if text == "" {
		return
	}
	w.brk(2)
	w.flushBreaks()
	w.b.WriteString(text)
	w.brk(2)
}

func (w *writer) bullet() {
	w.flushBreaks()
	if len(w.listNums) == 0 {
		w.line.WriteString("- ")
		return
	}
	i := len(w.listNums) - 1
	if w.listNums[i] == 0 {
		w.line.WriteString("- ")
	} else {
		fmt.Fprintf(&w.line, "%d. ", w.listNums[i])
		w.listNums[i]++
	}
	w.space = false
}

func (w *writer) text(s string) {
	if w.inPre > 0 {
		for i, part := range strings.Split(s, "\n") {
			if i > 0 {
				w.brk(1)
			}
			if part != "" {
				w.flushBreaks()
				w.line.WriteString(part)
			}
		}
		return
	}
	s = strings.ReplaceAll(s, "\u00a0", " ")
	if s == "" {
		return
	}
	if isSpace(s[0]) {
		w.space = true
	}
	words := strings.Fields(s)
	for i, word := range words {
		if i > 0 {
			w.space = true
		}
		w.flushBreaks()
		if w.space && w.line.Len() > 0 && !strings.HasSuffix(w.line.String(), "\t") {
			w.line.WriteByte(' ')
		}
		w.space = false
		w.line.WriteString(word)
	}
	if len(words) > 0 && isSpace(s[len(s)-1]) {
		w.space = true
	}
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' }

// brk asks for n newlines before the next text (1: new line, 2: blank line).
func (w *writer) brk(n int) {
	if w.line.Len() > 0 {
		w.b.WriteString(strings.TrimRight(w.line.String(), " "))
		w.line.Reset()
		if w.breaks < 1 {
			w.breaks = 0
		}
	} else if w.b.Len() == 0 {
		return // no breaks at the very start
	}
	w.space = false
	if n > w.breaks {
		w.breaks = n
	}
}

func (w *writer) flushBreaks() {
	if w.breaks > 0 {
		w.b.WriteString(strings.Repeat("\n", w.breaks))
		w.breaks = 0
	}
}

func (w *writer) finish() string {
	if w.line.Len() > 0 {
		w.b.WriteString(strings.TrimRight(w.line.String(), " "))
		w.line.Reset()
	}
	return strings.Trim(w.b.String(), "\n ")
}

// isControl reports whether an element is a user-interface control (a
// button made of a span, a hidden element) rather than document text.
// A button that wraps a heading (an expandable agenda item's title) is
// document text.
func isControl(n *html.Node) bool {
	button := n.DataAtom == atom.Button
	for _, a := range n.Attr {
		switch {
		case a.Key == "role" && a.Val == "button":
			button = true
		case a.Key == "aria-hidden" && a.Val == "true":
			return true
		case a.Key == "hidden":
			return true
		}
	}
	return button && !hasHeading(n)
}

func hasHeading(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch c.DataAtom {
		case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
			return true
		}
		if hasHeading(c) {
			return true
		}
	}
	return false
}

package pdftext

// The content-stream and CMap lexer. The library's own lexer panics on
// things poppler shrugs off (an unknown escape in a string, binary inline
// image data, a stray delimiter), so content streams are tokenized here,
// tolerantly and without allocating per number.

type tokKind uint8

const (
	tkEOF tokKind = iota
	tkNum
	tkStr
	tkName
	tkOp
	tkArrOpen
	tkArrClose
	tkDictOpen
	tkDictClose
	tkProcOpen
	tkProcClose
)

type token struct {
	kind tokKind
	num  float64
	s    string // string bytes, name (without slash) or operator
}

type lexer struct {
	b []byte
	i int
}

func isWhite(c byte) bool {
	switch c {
	case 0, '\t', '\n', '\f', '\r', ' ':
		return true
	}
	return false
}

func isDelimiter(c byte) bool {
	switch c {
	case '(', ')', '<', '>', '[', ']', '{', '}', '/', '%':
		return true
	}
	return false
}

func (l *lexer) skipWhite() {
	for l.i < len(l.b) {
		c := l.b[l.i]
		if isWhite(c) {
			l.i++
			continue
		}
		if c == '%' {
			for l.i < len(l.b) && l.b[l.i] != '\n' && l.b[l.i] != '\r' {
				l.i++
			}
			continue
		}
		return
	}
}

// next returns the next token; it never fails, skipping bytes it cannot
// make sense of.
func (l *lexer) next() token {
	l.skipWhite()
	if l.i >= len(l.b) {
		return token{kind: tkEOF}
	}
	c := l.b[l.i]
	switch c {
	case '(':
		l.i++
		return token{kind: tkStr, s: l.literal()}
	case '<':
		if l.i+1 < len(l.b) && l.b[l.i+1] == '<' {
			l.i += 2
			return token{kind: tkDictOpen}
		}
		l.i++
		return token{kind: tkStr, s: l.hex()}
	case '>':
		l.i++
		if l.i < len(l.b) && l.b[l.i] == '>' {
			l.i++
		}
		return token{kind: tkDictClose}
	case '[':
		l.i++
		return token{kind: tkArrOpen}
	case ']':
		l.i++
		return token{kind: tkArrClose}
	case '{':
		l.i++
		return token{kind: tkProcOpen}
	case '}':
		l.i++
		return token{kind: tkProcClose}
	case ')':
		l.i++ // stray
		return l.next()
	case '/':
		l.i++
		return token{kind: tkName, s: l.name()}
	}
	if c == '+' || c == '-' || c == '.' || (c >= '0' && c <= '9') {
		if t, ok := l.number(); ok {
			return t
		}
	}
	start := l.i
	for l.i < len(l.b) && !isWhite(l.b[l.i]) && !isDelimiter(l.b[l.i]) {
		l.i++
		if l.i-start > 64 { // a run of binary junk is not an operator
			for l.i < len(l.b) && !isWhite(l.b[l.i]) && !isDelimiter(l.b[l.i]) {
				l.i++
			}
			return l.next()
		}
	}
	return token{kind: tkOp, s: string(l.b[start:l.i])}
}

// number parses a PDF number tolerantly (poppler accepts "--5" and "5.3.2"),
// reporting false when the bytes are not a number after all.
func (l *lexer) number() (token, bool) {
	start := l.i
	neg := false
	for l.i < len(l.b) && (l.b[l.i] == '+' || l.b[l.i] == '-') {
		if l.b[l.i] == '-' {
			neg = !neg
		}
		l.i++
	}
	var v float64
	digits := 0
	for l.i < len(l.b) && l.b[l.i] >= '0' && l.b[l.i] <= '9' {
		v = v*10 + float64(l.b[l.i]-'0')
		l.i++
		digits++
	}
	if l.i < len(l.b) && l.b[l.i] == '.' {
		l.i++
		scale := 0.1
		for l.i < len(l.b) && l.b[l.i] >= '0' && l.b[l.i] <= '9' {
			v += float64(l.b[l.i]-'0') * scale
			scale /= 10
			l.i++
			digits++
		}
	}
	if digits == 0 {
		l.i = start
		return token{}, false
	}
	// Swallow what poppler would: trailing junk glued to the number.
	for l.i < len(l.b) && (l.b[l.i] == '.' || (l.b[l.i] >= '0' && l.b[l.i] <= '9')) {
		l.i++
	}
	if neg {
		v = -v
	}
	return token{kind: tkNum, num: v}, true
}

func (l *lexer) literal() string {
	var out []byte
	depth := 1
	start := l.i
	// Fast path: no escapes and no nested parentheses.
	for l.i < len(l.b) {
		c := l.b[l.i]
		if c == ')' {
			s := string(l.b[start:l.i])
			l.i++
			return s
		}
		if c == '\\' || c == '(' || c == '\r' {
			break
		}
		l.i++
	}
	out = append(out, l.b[start:l.i]...)
	for l.i < len(l.b) {
		c := l.b[l.i]
		l.i++
		switch c {
		case '(':
			depth++
			out = append(out, c)
		case ')':
			depth--
			if depth == 0 {
				return string(out)
			}
			out = append(out, c)
		case '\r':
			// end-of-line markers inside strings read as \n
			if l.i < len(l.b) && l.b[l.i] == '\n' {
				l.i++
			}
			out = append(out, '\n')
		case '\\':
			if l.i >= len(l.b) {
				return string(out)
			}
			e := l.b[l.i]
			l.i++
			switch e {
			case 'n':
				out = append(out, '\n')
			case 'r':
				out = append(out, '\r')
			case 't':
				out = append(out, '\t')
			case 'b':
				out = append(out, '\b')
			case 'f':
				out = append(out, '\f')
			case '\r':
				if l.i < len(l.b) && l.b[l.i] == '\n' {
					l.i++
				}
			case '\n':
			case '0', '1', '2', '3', '4', '5', '6', '7':
				x := int(e - '0')
				for k := 0; k < 2 && l.i < len(l.b) && l.b[l.i] >= '0' && l.b[l.i] <= '7'; k++ {
					x = x*8 + int(l.b[l.i]-'0')
					l.i++
				}
				out = append(out, byte(x))
			default:
				// unknown escapes drop the backslash (PDF 32000 7.3.4.2)
				out = append(out, e)
			}
		default:
			out = append(out, c)
		}
	}
	return string(out)
}

func unhexDigit(c byte) int {
	switch {
	case c >= '0' && c <= '9':
		return int(c - '0')
	case c >= 'a' && c <= 'f':
		return int(c-'a') + 10
	case c >= 'A' && c <= 'F':
		return int(c-'A') + 10
	}
	return -1
}

func (l *lexer) hex() string {
	var out []byte
	hi := -1
	for l.i < len(l.b) {
		c := l.b[l.i]
		l.i++
		if c == '>' {
			break
		}
		d := unhexDigit(c)
		if d < 0 {
			continue
		}
		if hi < 0 {
			hi = d
		} else {
			out = append(out, byte(hi<<4|d))
			hi = -1
		}
	}
	if hi >= 0 {
		out = append(out, byte(hi<<4))
	}
	return string(out)
}

func (l *lexer) name() string {
	start := l.i
	esc := false
	for l.i < len(l.b) && !isWhite(l.b[l.i]) && !isDelimiter(l.b[l.i]) {
		if l.b[l.i] == '#' {
			esc = true
		}
		l.i++
	}
	if !esc {
		return string(l.b[start:l.i])
	}
	var out []byte
	for j := start; j < l.i; j++ {
		c := l.b[j]
		if c == '#' && j+2 < l.i {
			h, lo := unhexDigit(l.b[j+1]), unhexDigit(l.b[j+2])
			if h >= 0 && lo >= 0 {
				out = append(out, byte(h<<4|lo))
				j += 2
				continue
			}
		}
		out = append(out, c)
	}
	return string(out)
}

// operand is a parsed operand of a content-stream or CMap operator.
type operand struct {
	kind tokKind // tkNum, tkStr, tkName, tkArrOpen (array) or tkDictOpen (dictionary, contents dropped)
	num  float64
	s    string
	arr  []operand
	dict map[string]operand // entries of a dictionary, where a reader keeps them (readDict)
}

const maxNesting = 32

// readOperand reads the operand that starts with t, parsing arrays and
// dictionaries to their end.
func (l *lexer) readOperand(t token, depth int) operand {
	switch t.kind {
	case tkArrOpen:
		var arr []operand
		for {
			u := l.next()
			if u.kind == tkArrClose || u.kind == tkEOF {
				break
			}
			if u.kind == tkOp || u.kind == tkDictClose || u.kind == tkProcClose {
				continue
			}
			if depth >= maxNesting {
				continue
			}
			arr = append(arr, l.readOperand(u, depth+1))
			if len(arr) > 1<<16 {
				break
			}
		}
		return operand{kind: tkArrOpen, arr: arr}
	case tkDictOpen:
		for n := 0; ; n++ {
			u := l.next()
			if u.kind == tkDictClose || u.kind == tkEOF || n > 1<<16 {
				break
			}
			if (u.kind == tkArrOpen || u.kind == tkDictOpen) && depth < maxNesting {
				l.readOperand(u, depth+1)
			}
		}
		return operand{kind: tkDictOpen}
	}
	return operand{kind: t.kind, num: t.num, s: t.s}
}

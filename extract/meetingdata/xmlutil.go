package meetingdata

import (
	"bytes"
	"io"
	"regexp"
	"strconv"

	"golang.org/x/net/html/charset"
)

// charRef is a numeric character reference.
var charRef = regexp.MustCompile(`&#(x[0-9A-Fa-f]+|[0-9]+);`)

// sanitizeXML makes an export's bytes acceptable to encoding/xml: the
// byte order mark goes, and control characters, raw or as references
// (eDoc writes page breaks as "&#xC;"), become line breaks. XML 1.0
// allows neither.
func sanitizeXML(raw []byte) []byte {
	raw = bytes.TrimPrefix(raw, []byte("\xef\xbb\xbf"))
	raw = charRef.ReplaceAllFunc(raw, func(m []byte) []byte {
		s := string(m[2 : len(m)-1])
		var n uint64
		var err error
		if s[0] == 'x' || s[0] == 'X' {
			n, err = strconv.ParseUint(s[1:], 16, 32)
		} else {
			n, err = strconv.ParseUint(s, 10, 32)
		}
		if err == nil && n < 0x20 && n != '\t' && n != '\n' && n != '\r' {
			return []byte("\n")
		}
		return m
	})
	var out []byte
	for i, c := range raw {
		if c < 0x20 && c != '\t' && c != '\n' && c != '\r' {
			if out == nil {
				out = append([]byte(nil), raw[:i]...)
			}
			out = append(out, '\n')
			continue
		}
		if out != nil {
			out = append(out, c)
		}
	}
	if out == nil {
		return raw
	}
	return out
}

// charsetReader decodes XML declared in a legacy encoding
// (windows-1252, ISO-8859-1) to UTF-8.
func charsetReader(label string, r io.Reader) (io.Reader, error) {
	return charset.NewReaderLabel(label, r)
}

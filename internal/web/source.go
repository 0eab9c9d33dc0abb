package web

import (
	"errors"
	"io/fs"
	"mime"
	"net/http"
	"net/url"
	"os"
	"path"
	"strings"
	"time"
	"unicode"

	"referat/corpus"
)

// contentTypes are the types of the formats ingest detects.
var contentTypes = map[corpus.Format]string{
	corpus.FormatPDF:  "application/pdf",
	corpus.FormatHTML: "text/html; charset=utf-8",
	corpus.FormatText: "text/plain; charset=utf-8",
	corpus.FormatJSON: "application/json",
	corpus.FormatXML:  "application/xml",
	corpus.FormatDOCX: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
	corpus.FormatDOC:  "application/msword",
}

// extensions name a download whose source had no file name.
var extensions = map[string]string{
	"application/pdf":  ".pdf",
	"text/html":        ".html",
	"text/plain":       ".txt",
	"application/json": ".json",
	"application/xml":  ".xml",
	"text/xml":         ".xml",
	"application/vnd.openxmlformats-officedocument.wordprocessingml.document": ".docx",
	"application/msword": ".doc",
}

// source serves the stored bytes of a document. Only a valid id reaches
// the file system, so no request can name a file outside the store. A
// PDF or plain text opens in the browser; anything a browser could run
// (HTML, XML) is a download, and sandboxed besides.
func (s *Server) source(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("record")
	if !corpus.ValidID(id) {
		s.notFound(w, r)
		return
	}
	f, err := os.Open(s.st.RawPath(id))
	if errors.Is(err, fs.ErrNotExist) {
		s.notFound(w, r)
		return
	}
	if err != nil {
		s.internalError(w, r, err)
		return
	}
	defer f.Close()
	var rec *corpus.Record
	if s.st.HasRecord(id) {
		rec, _ = s.st.Record(id) // only names the file; the bytes are served regardless
	}
	head := make([]byte, 512)
	n, _ := f.ReadAt(head, 0)
	ctype := sourceContentType(rec, head[:n])
	base, _, _ := mime.ParseMediaType(ctype)
	disp := "attachment"
	if base == "application/pdf" || base == "text/plain" {
		disp = "inline"
	}
	h := w.Header()
	h.Set("Content-Type", ctype)
	h.Set("Content-Disposition", mime.FormatMediaType(disp, map[string]string{"filename": sourceFileName(rec, id, base)}))
	if base != "application/pdf" {
		// Chromium's PDF viewer does not run in a sandboxed document.
		h.Set("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'; sandbox")
	}
	// The bytes of an id never change.
	h.Set("Cache-Control", "public, max-age=31536000, immutable")
	h.Set("ETag", `"`+id+`"`)
	http.ServeContent(w, r, "", time.Time{}, f)
}

// sourceContentType is the type the source declared, else that of its
// detected format, else what its first bytes look like.
func sourceContentType(rec *corpus.Record, head []byte) string {
	if rec != nil {
		if ct := rec.Source.ContentType; ct != "" {
			if base, params, err := mime.ParseMediaType(ct); err == nil {
				return mime.FormatMediaType(base, params)
			}
		}
		if ct, ok := contentTypes[rec.Format]; ok {
			return ct
		}
	}
	return http.DetectContentType(head)
}

// sourceFileName is the name a download gets: the last element of the
// source's path or URL, else the id with the type's extension.
func sourceFileName(rec *corpus.Record, id, base string) string {
	name := sourceName(rec)
	if name == "" {
		name = id[:16] + extensions[base]
	}
	return name
}

// sourceName is the last element of a record's source path or URL, with
// what could break a header or a path left out; "" when there is none.
func sourceName(rec *corpus.Record) string {
	var name string
	if rec != nil {
		switch {
		case rec.Source.Path != "":
			name = path.Base(strings.ReplaceAll(rec.Source.Path, `\`, "/"))
		case rec.Source.URL != "":
			if u, err := url.Parse(rec.Source.URL); err == nil {
				name = path.Base(u.Path)
			}
		}
	}
	name = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) || r == '"' || r == '/' || r == '\\' {
			return -1
		}
		return r
	}, name)
	if name == "." || name == ".." || name == "/" {
		return ""
	}
	return name
}

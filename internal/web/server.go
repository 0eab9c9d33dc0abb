package web

import (
	"bytes"
	"embed"
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"referat/corpus"
	"referat/index"
)

//go:embed templates/*.html
var templateFS embed.FS

//go:embed static
var staticFS embed.FS

// Options tune a Server.
type Options struct {
	// Log receives one line per request and the details of internal
	// errors (panics with their stack); nil logs nothing.
	Log io.Writer
	// SearchTimeout bounds one search or case lookup; 0 means 10 seconds.
	SearchTimeout time.Duration
}

// Server serves the search page, item/case/letter pages, the JSON API and
// source files.
type Server struct {
	ix      *index.Index
	st      *corpus.Store
	opts    Options
	pages   map[string]*template.Template
	handler http.Handler
	records *recordCache
	// cat is built on the first people or coverage page (see catalog.go).
	cat *catalog

	logMu sync.Mutex
}

// page names, one template file each.
var pageNames = []string{"search", "item", "document", "case", "error", "person", "coverage", "kommuner", "apidoc"}

// New returns a Server searching ix and reading records and source bytes
// from st.
func New(ix *index.Index, st *corpus.Store, opts Options) (*Server, error) {
	if ix == nil || st == nil {
		return nil, fmt.Errorf("web: New needs an index and a store")
	}
	if opts.SearchTimeout <= 0 {
		opts.SearchTimeout = 10 * time.Second
	}
	s := &Server{ix: ix, st: st, opts: opts, pages: map[string]*template.Template{}, records: newRecordCache(recordCacheBytes), cat: &catalog{}}
	for _, name := range pageNames {
		t, err := template.New("layout.html").Funcs(funcs).ParseFS(templateFS, "templates/layout.html", "templates/"+name+".html")
		if err != nil {
			return nil, fmt.Errorf("web: parse template %s: %w", name, err)
		}
		s.pages[name] = t
	}
	static, err := fs.Sub(staticFS, "static")
	if err != nil {
		return nil, fmt.Errorf("web: static files: %w", err)
	}

	// Pages and API answers that search or read records are admitted a
	// few at a time (see admission); source files, static files and the
	// health check are cheap or streamed and go straight through.
	adm := newAdmission(opts.SearchTimeout)
	page := func(h http.HandlerFunc) http.HandlerFunc { return adm.wrap(h, s.busy) }
	api := func(h http.HandlerFunc) http.HandlerFunc { return adm.wrap(h, s.apiBusy) }
	mux := http.NewServeMux()
	mux.HandleFunc("GET /{$}", page(s.searchPage))
	mux.HandleFunc("GET /items/{record}/{number}", page(s.itemPage))
	mux.HandleFunc("GET /documents/{record}", page(s.documentPage))
	mux.HandleFunc("GET /cases/{number...}", page(s.casePage))
	mux.HandleFunc("GET /source/{record}", s.source)
	mux.HandleFunc("GET /feed", page(s.feed))
	mux.HandleFunc("GET /people/{name}", page(s.personPage))
	mux.HandleFunc("GET /coverage", page(s.coveragePage))
	mux.HandleFunc("GET /kommuner", page(s.kommunerPage))
	mux.HandleFunc("GET /api", s.apiDocPage)
	mux.HandleFunc("GET /opensearch.xml", s.openSearch)
	mux.HandleFunc("GET /api/coverage", api(s.apiCoverage))
	mux.HandleFunc("GET /api/people/{name}", api(s.apiPerson))
	mux.HandleFunc("GET /export.csv", page(s.exportCSV))
	mux.HandleFunc("GET /api/search", api(s.apiSearch))
	mux.HandleFunc("GET /api/items/{record}/{number}", api(s.apiItem))
	mux.HandleFunc("GET /api/documents/{record}", api(s.apiDocument))
	mux.HandleFunc("GET /api/cases/{number...}", api(s.apiCase))
	mux.HandleFunc("GET /healthz", s.healthz)
	mux.Handle("GET /static/", http.StripPrefix("/static/", s.staticHandler(static)))
	mux.HandleFunc("GET /favicon.ico", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/static/favicon.svg", http.StatusMovedPermanently)
	})
	mux.HandleFunc("/", s.fallback)
	s.handler = s.logRequests(securityHeaders(s.recoverPanics(mux)))
	return s, nil
}

// ServeHTTP serves one request.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.handler.ServeHTTP(w, r)
}

// fallback answers every path no route claims: 405 for methods other than
// GET and HEAD, else 404.
func (s *Server) fallback(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		s.errorPage(w, r, http.StatusMethodNotAllowed, "Metoden er ikke tilladt her.")
		return
	}
	s.notFound(w, r)
}

// render executes a page template into a buffer first, so a failing
// template gives a clean 500 page instead of half a page.
func (s *Server) render(w http.ResponseWriter, r *http.Request, status int, name string, data any) {
	buf := pageBuffers.Get().(*bytes.Buffer)
	buf.Reset()
	defer func() {
		if buf.Cap() <= 1<<20 {
			pageBuffers.Put(buf)
		}
	}()
	if err := s.pages[name].Execute(buf, data); err != nil {
		s.internalError(w, r, fmt.Errorf("render %s: %w", name, err))
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Content-Length", strconv.Itoa(buf.Len()))
	w.WriteHeader(status)
	if r.Method != http.MethodHead {
		w.Write(buf.Bytes())
	}
}

// pageBuffers keeps the buffers pages are rendered into.
var pageBuffers = sync.Pool{New: func() any { return new(bytes.Buffer) }}

func (s *Server) logf(format string, args ...any) {
	if s.opts.Log == nil {
		return
	}
	s.logMu.Lock()
	defer s.logMu.Unlock()
	fmt.Fprintf(s.opts.Log, format+"\n", args...)
}

// staticHandler serves the embedded stylesheet with a day of caching, and
// no directory listings. A name that is no file of fsys (a directory,
// or a name fs.FS refuses, such as invalid UTF-8) is a 404: the file
// server would answer the refusal with a 500.
func (s *Server) staticHandler(fsys fs.FS) http.Handler {
	files := http.FileServerFS(fsys)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		name := strings.TrimPrefix(r.URL.Path, "/")
		if fi, err := fs.Stat(fsys, name); !utf8.ValidString(name) || err != nil || !fi.Mode().IsRegular() {
			s.notFound(w, r)
			return
		}
		w.Header().Set("Cache-Control", "public, max-age=86400")
		files.ServeHTTP(w, r)
	})
}

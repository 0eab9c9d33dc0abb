package web

import (
	"fmt"
	"io"
	"net/http"

	"referat/corpus"
	"referat/index"
)

// Options tune a Server.
type Options struct {
	// Log receives one line per request and the details of internal
	// errors; nil logs nothing.
	Log io.Writer
}

// Server serves the search page, item/case/letter pages, the JSON API and
// source files.
type Server struct {
	ix   *index.Index
	st   *corpus.Store
	opts Options
	mux  *http.ServeMux
}

// New returns a Server searching ix and reading records and source bytes
// from st.
func New(ix *index.Index, st *corpus.Store, opts Options) (*Server, error) {
	if ix == nil || st == nil {
		return nil, fmt.Errorf("web: New needs an index and a store")
	}
	s := &Server{ix: ix, st: st, opts: opts, mux: http.NewServeMux()}
	return s, nil
}

// ServeHTTP serves one request.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.mux.ServeHTTP(w, r)
}

package web

import (
	"encoding/json"
	"errors"
	"net/http"
	"strings"

	"referat/corpus"
	"referat/index"
)

// The messages of the error pages.
const (
	msgNotFound = "Siden findes ikke. Måske er adressen skrevet forkert, eller dokumentet er fjernet fra samlingen."
	msgInternal = "Der skete en fejl på serveren. Prøv igen om lidt."
	msgBusy     = "Serveren har travlt lige nu. Prøv igen om lidt."
)

// errorData is what the error template shows.
type errorData struct {
	Title   string
	Status  int
	Message string
	Query   string
}

// errorPage writes an HTML error page with status; under /api/ (an
// unknown API route, a wrong method, a panic) the error is JSON, as every
// answer of the API is.
func (s *Server) errorPage(w http.ResponseWriter, r *http.Request, status int, msg string) {
	if isAPI(r) {
		s.jsonError(w, r, status, apiMessage(status))
		return
	}
	title := http.StatusText(status)
	switch status {
	case http.StatusNotFound:
		title = "Ikke fundet"
	case http.StatusBadRequest:
		title = "Ugyldig forespørgsel"
	case http.StatusInternalServerError:
		title = "Serverfejl"
	case http.StatusMethodNotAllowed:
		title = "Metoden er ikke tilladt"
	case http.StatusServiceUnavailable:
		title = "Tjenesten er ikke tilgængelig"
	}
	s.render(w, r, status, "error", errorData{Title: title, Status: status, Message: msg})
}

// busy answers a page request that waited too long to be admitted.
func (s *Server) busy(w http.ResponseWriter, r *http.Request) {
	s.errorPage(w, r, http.StatusServiceUnavailable, msgBusy)
}

// apiBusy is busy for the JSON API.
func (s *Server) apiBusy(w http.ResponseWriter, r *http.Request) {
	s.jsonError(w, r, http.StatusServiceUnavailable, "server busy, retry later")
}

func (s *Server) notFound(w http.ResponseWriter, r *http.Request) {
	s.errorPage(w, r, http.StatusNotFound, msgNotFound)
}

// isAPI reports whether r asks the JSON API.
func isAPI(r *http.Request) bool {
	return r.URL.Path == "/api" || strings.HasPrefix(r.URL.Path, "/api/")
}

// apiMessage is the JSON error message for a status the API answers
// without a more particular one.
func apiMessage(status int) string {
	switch status {
	case http.StatusInternalServerError:
		return "internal error"
	case http.StatusServiceUnavailable:
		return "server busy, retry later"
	}
	return strings.ToLower(http.StatusText(status))
}

// internalError logs err and answers a generic 500 page.
func (s *Server) internalError(w http.ResponseWriter, r *http.Request, err error) {
	s.logf("web: error serving %s %s: %v", r.Method, r.URL.RequestURI(), err)
	if isAPI(r) {
		s.jsonError(w, r, http.StatusInternalServerError, apiMessage(http.StatusInternalServerError))
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(http.StatusInternalServerError)
	// A fixed page: the template machinery may be what failed.
	if r.Method != http.MethodHead {
		w.Write([]byte(internalErrorHTML))
	}
}

const internalErrorHTML = `<!doctype html>
<html lang="da"><head><meta charset="utf-8"><title>Serverfejl · referat</title>
<link rel="stylesheet" href="/static/style.css"></head>
<body><main class="page"><h1>Serverfejl</h1><p>` + msgInternal + `</p><p><a href="/">Til forsiden</a></p></main></body></html>
`

// fail answers err as a page: a 400 for a query the index refused, a 404
// for an unknown id, a 500 for anything else.
func (s *Server) fail(w http.ResponseWriter, r *http.Request, err error) {
	var qe *index.QueryError
	switch {
	case errors.As(err, &qe):
		s.errorPage(w, r, http.StatusBadRequest, "Forespørgslen kunne ikke bruges: "+qe.Msg)
	case errors.Is(err, corpus.ErrNotFound):
		s.notFound(w, r)
	default:
		s.internalError(w, r, err)
	}
}

// apiError is the body of every JSON error.
type apiError struct {
	Error  string `json:"error"`
	Status int    `json:"status"`
}

// writeJSON writes v as indented JSON with status.
func (s *Server) writeJSON(w http.ResponseWriter, r *http.Request, status int, v any) {
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		s.logf("web: encode JSON for %s: %v", r.URL.RequestURI(), err)
		status = http.StatusInternalServerError
		b, _ = json.Marshal(apiError{Error: "internal error", Status: status})
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	if r.Method != http.MethodHead {
		w.Write(append(b, '\n'))
	}
}

func (s *Server) jsonError(w http.ResponseWriter, r *http.Request, status int, msg string) {
	s.writeJSON(w, r, status, apiError{Error: msg, Status: status})
}

// jsonFail is fail for the JSON API.
func (s *Server) jsonFail(w http.ResponseWriter, r *http.Request, err error) {
	var qe *index.QueryError
	switch {
	case errors.As(err, &qe):
		s.jsonError(w, r, http.StatusBadRequest, qe.Msg)
	case errors.Is(err, corpus.ErrNotFound):
		s.jsonError(w, r, http.StatusNotFound, "not found")
	default:
		s.logf("web: error serving %s %s: %v", r.Method, r.URL.RequestURI(), err)
		s.jsonError(w, r, http.StatusInternalServerError, "internal error")
	}
}

package web

import (
	"net/url"
	"strings"
	"testing"
)

// TestEveryPageHasOneH1: a screen reader's "next heading" and a page's
// outline start at its one <h1>; every page has one, and a skip link as
// the first thing in its body.
func TestEveryPageHasOneH1(t *testing.T) {
	f := testServer(t)
	for _, target := range []string{
		"/", "/?q=ledelsestilsyn", "/?q=nosuchwordatall", "/?year=x",
		f.itemURL("004", 2), "/documents/" + f.recs["002"].ID, "/cases/" + url.PathEscape("19/3742"),
		"/people/" + url.PathEscape("Irene Porse"), "/coverage", "/kommuner?q=ledelsestilsyn", "/api", "/nowhere",
	} {
		_, body := get(t, f.srv, target)
		if n := strings.Count(body, "<h1"); n != 1 {
			t.Errorf("%s has %d <h1>; want 1", target, n)
		}
		_, afterBody, _ := strings.Cut(body, "<body>")
		if !strings.HasPrefix(strings.TrimSpace(afterBody), `<a class="skip" href="#`) {
			t.Errorf("%s does not begin with a skip link", target)
		}
	}
	// The results come before the facets in the page.
	_, body := get(t, f.srv, "/?q=ledelsestilsyn")
	if r, fa := strings.Index(body, `<div class="hits" id="hits"`), strings.Index(body, `<aside class="facets"`); r < 0 || fa < r {
		t.Errorf("results at %d, facets at %d; want the results first", r, fa)
	}
	containsAll(t, "results page", body, `<a class="skip" href="#hits">Spring til resultaterne</a>`)
}

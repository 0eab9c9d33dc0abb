package web

import (
	"net/http"
	"net/http/httptest"
	"testing"
)

func benchmarkPage(b *testing.B, target func(f *fixture) string) {
	f := testServer(b)
	u := target(f)
	b.ReportAllocs()
	for b.Loop() {
		rec := httptest.NewRecorder()
		f.srv.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, u, nil))
		if rec.Code != http.StatusOK {
			b.Fatalf("GET %s: %d", u, rec.Code)
		}
	}
}

func BenchmarkSearchPage(b *testing.B) {
	benchmarkPage(b, func(*fixture) string { return "/?q=ledelsestilsyn" })
}

func BenchmarkSearchAPI(b *testing.B) {
	benchmarkPage(b, func(*fixture) string { return "/api/search?q=ledelsestilsyn" })
}

func BenchmarkItemPage(b *testing.B) {
	benchmarkPage(b, func(f *fixture) string { return f.itemURL("004", 12) })
}

func BenchmarkCasePage(b *testing.B) {
	benchmarkPage(b, func(*fixture) string { return "/cases/19%2F3742" })
}

package web

import (
	"context"
	"os"
	"strings"
	"testing"

	"referat/corpus"
	"referat/index"
	"referat/ingest"
	"referat/internal/pipeline"
	"referat/internal/testcorpus"
)

// TestItemPageCitesItsSource ingests the Aarhus Byråd referat PDF as the
// crawler hands it on (with the address it was fetched from) and a Lejre
// referat from a file: the PDF's item page links to that address and
// opens the stored PDF at the page where the item starts (Punkt 5 starts
// on page 10, as pdftotext also says); the text file's source is served
// with its charset, so æøå read right.
func TestItemPageCitesItsSource(t *testing.T) {
	if testing.Short() {
		t.Skip("reads a 28-page PDF")
	}
	ctx := context.Background()
	p, err := pipeline.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	const url = "https://aarhus.dk/media/referat-byraad-2025-08-27.pdf"
	data, err := os.ReadFile(testcorpus.Path("aarhus/aarhus-byraad-referat-2025-08-27.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	doc, err := ingest.Read(ctx, data, corpus.Source{URL: url, ContentType: "application/pdf"}, ingest.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := p.Document(ctx, doc); err != nil {
		t.Fatal(err)
	}
	seed := testcorpus.Path("seeds/000_734b34927aab3490.txt")
	if _, err := p.IngestPaths(ctx, []string{seed}, pipeline.Options{}); err != nil {
		t.Fatal(err)
	}
	srv, err := New(p.Index, p.Store, Options{Log: &syncBuffer{}})
	if err != nil {
		t.Fatal(err)
	}

	target := "/items/" + index.ItemID(doc.ID, 5, 0)
	res, body := get(t, srv, target)
	wantStatus(t, target, res, 200)
	containsAll(t, target, body,
		`href="/source/`+doc.ID+`#page=10"`,
		`<a class="url" href="`+url+`">`+url+`</a>`,
	)
	target = "/api/items/" + index.ItemID(doc.ID, 5, 0)
	_, body = get(t, srv, target)
	containsAll(t, target, body, `"/source/`+doc.ID+`#page=10"`)

	b, _ := os.ReadFile(seed)
	target = "/source/" + corpus.Hash(b)
	res, body = get(t, srv, target)
	wantStatus(t, target, res, 200)
	if ct := res.Header.Get("Content-Type"); ct != "text/plain; charset=utf-8" {
		t.Errorf("%s: Content-Type %q; want text/plain; charset=utf-8", target, ct)
	}
	if !strings.Contains(body, "Udvalget for Børn og Ungdom") {
		t.Errorf("%s: the text is not served as stored", target)
	}
	// A file's item page has no address to link to.
	target = "/items/" + index.ItemID(corpus.Hash(b), 2, 0)
	_, body = get(t, srv, target)
	if strings.Contains(body, "Offentliggjort på") || strings.Contains(body, "#page=") {
		t.Errorf("%s: links an address or a page the text file does not have", target)
	}
}

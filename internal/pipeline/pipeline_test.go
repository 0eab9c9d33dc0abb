package pipeline

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2"
	"golang.org/x/text/encoding/charmap"

	"referat/corpus"
	"referat/index"
	"referat/ingest/pdftext"
	"referat/internal/testcorpus"
	"referat/internal/testpdf"
)

// TestMain lets the test binary serve as the PDF reader child that
// isolated reading starts.
func TestMain(m *testing.M) {
	pdftext.RunChild()
	os.Exit(m.Run())
}

func openTemp(t *testing.T) (*Pipeline, string) {
	t.Helper()
	dir := t.TempDir()
	p, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { p.Close() })
	return p, dir
}

func TestIngestIsIncremental(t *testing.T) {
	p, _ := openTemp(t)
	ctx := context.Background()
	seeds := testcorpus.Path("seeds")
	rep, err := p.IngestPaths(ctx, []string{seeds}, Options{})
	if err != nil {
		t.Fatalf("first ingest: %v (%+v)", err, rep.Failures)
	}
	if rep.Ingested != 5 || rep.Failed != 0 {
		t.Errorf("first ingest report = %+v; want 5 ingested", rep)
	}
	ids, _ := p.Store.RecordIDs()
	if len(ids) != 5 {
		t.Errorf("store holds %d records; want 5", len(ids))
	}
	items, docs, err := p.Index.Count()
	if err != nil || docs != 5 || items == 0 {
		t.Errorf("index counts items %d documents %d err %v; want 5 documents and some items", items, docs, err)
	}

	// Same bytes again, under another name too: nothing is parsed again
	// and nothing is duplicated.
	dup := filepath.Join(t.TempDir(), "copy.txt")
	b, _ := os.ReadFile(filepath.Join(seeds, "000_734b34927aab3490.txt"))
	os.WriteFile(dup, b, 0o644)
	rep, err = p.IngestPaths(ctx, []string{seeds, dup}, Options{})
	if err != nil || rep.Skipped != 6 || rep.Ingested != 0 {
		t.Errorf("second ingest report = %+v, %v; want 6 skipped", rep, err)
	}
	items2, docs2, _ := p.Index.Count()
	if items2 != items || docs2 != docs {
		t.Errorf("re-ingest changed index counts from %d/%d to %d/%d", items, docs, items2, docs2)
	}
	// The copy's path is recorded as a version of its own source.
	if vs, _ := p.Store.Versions(dup); len(vs) != 1 || vs[0].ID != corpus.Hash(b) {
		t.Errorf("versions of %s = %+v", dup, vs)
	}
}

func TestIngestSearchFindsSeeds(t *testing.T) {
	p, _ := openTemp(t)
	ctx := context.Background()
	if _, err := p.IngestPaths(ctx, []string{testcorpus.Path("seeds")}, Options{}); err != nil {
		t.Fatal(err)
	}
	res, err := p.Index.Search(ctx, index.Request{Query: "ledelsestilsyn"})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]bool{}
	for _, h := range res.Hits {
		got[h.RecordID] = true
	}
	// The København item page does not name its municipality, so it is
	// told by its record.
	for _, seed := range []string{"000_734b34927aab3490.txt", "003_b83d5a285e58b211.txt", "001_4ba81b541cf419a1.txt"} {
		b, _ := os.ReadFile(testcorpus.Path("seeds/" + seed))
		if !got[corpus.Hash(b)] {
			t.Errorf("search ledelsestilsyn: no hit in seed %s", seed)
		}
	}
}

// TestBadInputDoesNotStopTheBatch ingests a folder of broken documents
// beside good ones: each bad one fails with its path and a reason, every
// good one arrives.
func TestBadInputDoesNotStopTheBatch(t *testing.T) {
	dir := t.TempDir()
	pdf, err := os.ReadFile(testcorpus.Path("ballerup-edoc-2012-12-04/1552824.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	latin1HTML, _ := charmap.Windows1252.NewEncoder().String("<html><body><h1>Referat</h1><p>Beslutning: Godkendt af Økonomiudvalget.</p></body></html>")
	bad := map[string][]byte{
		"tom.pdf":               nil,
		"skrald.pdf":            bytes.Repeat([]byte{0x00, 0xff, 0x13, 0x37}, 4096),
		"afkortet.pdf":          pdf[:len(pdf)/3],
		"kun-header.pdf":        []byte("%PDF-1.4\n"),
		"krypteret.pdf":         testpdf.Encrypted(),
		"kun-billede.pdf":       testpdf.ImageOnly(),
		"dybt-indlejret.pdf":    testpdf.DeeplyNested(100000),
		"mange-sider.pdf":       testpdf.ManyPages(50000000),
		"odelagt-xref.pdf":      testpdf.CorruptXref(testpdf.Text("Punkt 1: Godkendelse af dagsorden")),
		"pakket-i-sig-selv.pdf": testpdf.PackedObjectStream("Punkt 2: Budget"),
		"forkert-tegnsæt.html":  []byte(latin1HTML),
		"ukendt.bin":            append([]byte("\x89PNG\r\n\x1a\n"), bytes.Repeat([]byte{0, 1, 2}, 100)...),
		"gammelt-word.doc":      append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, bytes.Repeat([]byte{0}, 512)...),
	}
	for name, b := range bad {
		os.WriteFile(filepath.Join(dir, name), b, 0o644)
	}
	good := []string{"seeds/001_4ba81b541cf419a1.txt", "seeds/003_b83d5a285e58b211.txt", "ballerup-edoc-2012-12-04/1552824.pdf"}
	for _, g := range good {
		b, _ := os.ReadFile(testcorpus.Path(g))
		os.WriteFile(filepath.Join(dir, "god-"+filepath.Base(g)), b, 0o644)
	}

	p, _ := openTemp(t)
	// As the CLI reads them: each PDF in a bounded child process.
	opts := Options{}
	opts.Ingest.Isolate = true
	rep, err := p.IngestPaths(context.Background(), []string{dir}, opts)
	if !errors.Is(err, ErrSomeFailed) {
		t.Errorf("error = %v; want ErrSomeFailed", err)
	}
	failed := map[string]string{}
	for _, f := range rep.Failures {
		t.Logf("failed as expected: %s: %s", filepath.Base(f.Path), f.Reason)
	}
	for _, f := range rep.Failures {
		failed[filepath.Base(f.Path)] = f.Reason
	}
	for _, name := range []string{"tom.pdf", "skrald.pdf", "ukendt.bin", "gammelt-word.doc", "kun-header.pdf", "krypteret.pdf"} {
		if failed[name] == "" {
			t.Errorf("%s did not fail; failures %v", name, failed)
		}
	}
	if !strings.Contains(failed["krypteret.pdf"], "encrypted") {
		t.Errorf("encrypted PDF failed with %q; want the reason to say it is encrypted", failed["krypteret.pdf"])
	}
	// The others are read, or fail, but never silently: a record that
	// arrives says what was wrong with it.
	for name, want := range map[string]string{"kun-billede.pdf": "no text layer", "odelagt-xref.pdf": "", "pakket-i-sig-selv.pdf": "repaired cross-reference table", "forkert-tegnsæt.html": ""} {
		if reason, ok := failed[name]; ok {
			t.Errorf("%s failed (%s); want a record", name, reason)
			continue
		}
		b, _ := os.ReadFile(filepath.Join(dir, name))
		rec, err := p.Store.Record(corpus.Hash(b))
		if err != nil {
			t.Errorf("%s: no record: %v", name, err)
			continue
		}
		if want != "" && !strings.Contains(strings.Join(rec.Warnings, "; "), want) {
			t.Errorf("%s: warnings %q; want one saying %q", name, rec.Warnings, want)
		}
		if name == "forkert-tegnsæt.html" && !strings.Contains(rec.Text, "Økonomiudvalget") {
			t.Errorf("windows-1252 page read as %q", rec.Text)
		}
	}
	for name, reason := range failed {
		if strings.HasPrefix(name, "god-") {
			t.Errorf("good document %s failed: %s", name, reason)
		}
	}
	// A truncated PDF may still yield its first pages; either way it is
	// reported or stored, never lost silently.
	if rep.Ingested+rep.Failed != rep.Total {
		t.Errorf("report does not add up: %+v", rep)
	}
	for _, g := range good {
		b, _ := os.ReadFile(testcorpus.Path(g))
		id := corpus.Hash(b)
		if !p.Store.HasRecord(id) {
			t.Errorf("good document %s not stored", g)
		}
		if ok, _ := p.Index.Has(id); !ok {
			t.Errorf("good document %s not indexed", g)
		}
	}
}

// TestReindexRebuildsFromStore drops the index and rebuilds it without the
// source files.
func TestReindexRebuildsFromStore(t *testing.T) {
	p, dir := openTemp(t)
	ctx := context.Background()
	src := t.TempDir()
	for _, g := range []string{"seeds/000_734b34927aab3490.txt", "seeds/002_1f9e0adde186f6aa.txt"} {
		b, _ := os.ReadFile(testcorpus.Path(g))
		os.WriteFile(filepath.Join(src, filepath.Base(g)), b, 0o644)
	}
	if _, err := p.IngestPaths(ctx, []string{src}, Options{}); err != nil {
		t.Fatal(err)
	}
	items, docs, _ := p.Index.Count()
	p.Close()
	os.RemoveAll(src) // reindex must not need the sources

	// Make one record look as if an older extractor made it.
	ids, _ := p.Store.RecordIDs()
	old, _ := p.Store.Record(ids[0])
	old.ExtractorVersion = -1
	old.Items = nil
	p.Store.PutRecord(old)

	rep, err := Reindex(ctx, dir, Options{})
	if err != nil {
		t.Fatalf("reindex: %v %+v", err, rep)
	}
	if rep.Ingested != 1 || rep.Indexed != 1 {
		t.Errorf("reindex report = %+v; want 1 re-extracted, 1 indexed as stored", rep)
	}
	q, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer q.Close()
	items2, docs2, _ := q.Index.Count()
	if items2 != items || docs2 != docs {
		t.Errorf("after reindex %d items %d docs; want %d and %d", items2, docs2, items, docs)
	}
	if r, _ := q.Store.Record(ids[0]); r.ExtractorVersion == -1 {
		t.Errorf("outdated record was not re-extracted")
	}
}

// TestOpenRebuildsAnOutdatedIndex replaces the index with one of another
// mapping version: Open rebuilds it from the store instead of refusing.
func TestOpenRebuildsAnOutdatedIndex(t *testing.T) {
	p, dir := openTemp(t)
	ctx := context.Background()
	if _, err := p.IngestPaths(ctx, []string{testcorpus.Path("seeds/000_734b34927aab3490.txt")}, Options{}); err != nil {
		t.Fatal(err)
	}
	items, docs, _ := p.Index.Count()
	p.Close()
	// What an older referat leaves: its own mapping version.
	bi, err := bleve.Open(IndexDir(dir))
	if err != nil {
		t.Fatal(err)
	}
	if err := bi.SetInternal([]byte("referat.mapping"), []byte("referat-index-0")); err != nil {
		t.Fatal(err)
	}
	bi.Close()
	if ix, err := index.Open(IndexDir(dir)); !errors.Is(err, index.ErrIncompatible) {
		t.Fatalf("index.Open after the version change: %v; want ErrIncompatible", err)
	} else if ix != nil {
		ix.Close()
	}
	q, err := Open(dir)
	if err != nil {
		t.Fatalf("Open of an outdated index: %v", err)
	}
	defer q.Close()
	if q.Rebuilt == nil {
		t.Errorf("Open did not report a rebuild")
	}
	items2, docs2, _ := q.Index.Count()
	if items2 != items || docs2 != docs {
		t.Errorf("rebuilt index has %d items %d docs; want %d and %d", items2, docs2, items, docs)
	}
}

// TestReindexRefusesWhileServing: a process holding the index for writing
// (serve) makes reindex refuse rather than swap the index underneath it.
func TestReindexRefusesWhileServing(t *testing.T) {
	p, dir := openTemp(t) // holds the index open for writing, as serve does
	if _, err := p.IngestPaths(context.Background(), []string{testcorpus.Path("seeds/003_b83d5a285e58b211.txt")}, Options{}); err != nil {
		t.Fatal(err)
	}
	_, err := Reindex(context.Background(), dir, Options{})
	if err == nil || !strings.Contains(err.Error(), "in use") {
		t.Errorf("Reindex while the index is held: %v; want a refusal", err)
	}
	if items, _, _ := p.Index.Count(); items != 2 {
		t.Errorf("the held index has %d items after the refused reindex; want 2", items)
	}
}

// TestFolderNotesAreNotDocuments ingests a folder holding the sample
// corpus's PROVENANCE.md, a README and a LICENSE beside a minutes file:
// only the minutes become a record, and the report names each note as
// skipped. A note named on its own is read like any file.
func TestFolderNotesAreNotDocuments(t *testing.T) {
	dir := t.TempDir()
	prov, err := os.ReadFile(testcorpus.Path("PROVENANCE.md"))
	if err != nil {
		t.Fatal(err)
	}
	seed, err := os.ReadFile(testcorpus.Path("seeds/000_734b34927aab3490.txt"))
	if err != nil {
		t.Fatal(err)
	}
	os.Mkdir(filepath.Join(dir, "sub"), 0o755)
	notes := []string{filepath.Join(dir, "PROVENANCE.md"), filepath.Join(dir, "sub", "readme"), filepath.Join(dir, "LICENSE.txt")}
	for _, n := range notes {
		os.WriteFile(n, prov, 0o644)
	}
	os.WriteFile(filepath.Join(dir, "sub", "referat.txt"), seed, 0o644)

	p, _ := openTemp(t)
	rep, err := p.IngestPaths(context.Background(), []string{dir}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Total != 1 || rep.Ingested != 1 {
		t.Errorf("report = %+v; want the one minutes file ingested", rep)
	}
	ids, _ := p.Store.RecordIDs()
	if len(ids) != 1 || ids[0] != corpus.Hash(seed) {
		t.Errorf("store holds %v; want only the minutes", ids)
	}
	slices.Sort(notes)
	if got := slices.Sorted(slices.Values(rep.NotDocuments)); !slices.Equal(got, notes) {
		t.Errorf("report names as skipped %q; want %q", got, notes)
	}
	var sum bytes.Buffer
	rep.WriteSummary(&sum)
	if !strings.Contains(sum.String(), "skipped: "+notes[0]) {
		t.Errorf("summary does not name %s as skipped:\n%s", notes[0], sum.String())
	}

	rep, err = p.IngestPaths(context.Background(), []string{notes[0]}, Options{})
	if err != nil || rep.Ingested != 1 || len(rep.NotDocuments) != 0 {
		t.Errorf("ingesting %s by name: report %+v, %v; want it ingested", notes[0], rep, err)
	}
}

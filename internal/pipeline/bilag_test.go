package pipeline

import (
	"context"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"referat/corpus"
	"referat/index"
	"referat/internal/testcorpus"
)

// The Ballerup eDoc meeting of 4 December 2012 as published: the
// publication XML naming each item's attachments ("Bilag") by title, and
// a bilag folder with some of them as PDFs named after those titles, as
// file systems save them ("KL's proces ..." as "KLs proces ....pdf",
// "... sammen?" as "... sammen.pdf"). testdata/corpus holds three of the
// meeting's seven bilag files; the shared corpus all seven.
const ballerupEDoc = "ballerup-edoc-2012-12-04"

// ballerupBilag maps each attachment name of the meeting whose file
// testdata/corpus holds to that file's name.
var ballerupBilag = map[string]string{
	"KL's proces vedrørende det nære sundhedsvæsen":                 "KLs proces vedrørende det nære sundhedsvæsen.pdf",
	"Hvordan udvikler vi det nære sundhedsvæsen sammen?":            "Hvordan udvikler vi det nære sundhedsvæsen sammen.pdf",
	"Forslag til takstreduktion aflastningstilbuddet Torvevej 2013": "Forslag til takstreduktion aflastningstilbuddet Torvevej 2013.pdf",
}

// copyTree copies the files of src (and of its folders) to dst.
func copyTree(t *testing.T, src, dst string) {
	t.Helper()
	err := filepath.WalkDir(src, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(dst, rel), 0o755)
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dst, rel), b, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// ingestAll ingests paths, failing the test on any failure.
func ingestAll(t *testing.T, p *Pipeline, paths ...string) {
	t.Helper()
	rep, err := p.IngestPaths(context.Background(), paths, Options{})
	if err != nil {
		t.Fatalf("ingest %v: %v (%+v)", paths, err, rep.Failures)
	}
}

// newest returns the stored record of a source path's newest version.
func newest(t *testing.T, p *Pipeline, path string) *corpus.Record {
	t.Helper()
	vs, err := p.Store.Versions(path)
	if err != nil || len(vs) == 0 {
		t.Fatalf("versions of %s: %v, %d", path, err, len(vs))
	}
	rec, err := p.Store.Record(vs[len(vs)-1].ID)
	if err != nil {
		t.Fatal(err)
	}
	return rec
}

// links returns, for every attachment name of every item of the agenda,
// the file names of the records it links to (nil for none), and for
// every record linked, the ids of the items AttachedTo gives.
func links(t *testing.T, p *Pipeline, agenda *corpus.Record) (map[string][]string, map[string][]string) {
	t.Helper()
	ctx := context.Background()
	out := map[string][]string{}
	back := map[string][]string{}
	for i := range agenda.Items {
		ls, err := p.Index.Attachments(ctx, agenda, i)
		if err != nil {
			t.Fatal(err)
		}
		if len(ls) != len(agenda.Items[i].Attachments) {
			t.Fatalf("item %d: %d links for %d attachments", agenda.Items[i].Number, len(ls), len(agenda.Items[i].Attachments))
		}
		for _, l := range ls {
			if _, ok := out[l.Name]; !ok {
				out[l.Name] = []string{}
			}
			for _, d := range l.Documents {
				rec, err := p.Store.Record(d.RecordID)
				if err != nil {
					t.Fatal(err)
				}
				out[l.Name] = append(out[l.Name], filepath.Base(rec.Source.Path))
				if _, done := back[rec.Source.Path]; done {
					continue
				}
				items, err := p.Index.AttachedTo(ctx, rec)
				if err != nil {
					t.Fatal(err)
				}
				back[rec.Source.Path] = []string{}
				for _, h := range items {
					back[rec.Source.Path] = append(back[rec.Source.Path], h.ID)
				}
			}
		}
	}
	return out, back
}

// checkBallerupLinks checks that each attachment name of the meeting
// whose file was ingested links to that file's record, and to nothing
// else, that every other name links to nothing, and that each file's
// record links back to the item naming it.
func checkBallerupLinks(t *testing.T, p *Pipeline, agenda *corpus.Record, files map[string]string) {
	t.Helper()
	got, back := links(t, p, agenda)
	names := 0
	for i, it := range agenda.Items {
		for _, a := range it.Attachments {
			names++
			want := []string(nil)
			if f, ok := files[a]; ok {
				want = []string{f}
			}
			if g := got[a]; !slices.Equal(g, want) && !(len(g) == 0 && len(want) == 0) {
				t.Errorf("item %d attachment %q links to %q; want %q", it.Number, a, g, want)
			}
			if f, ok := files[a]; ok {
				bilag := filepath.Join(filepath.Dir(agenda.Source.Path), "bilag", f)
				id := itemIDOf(agenda, i)
				if !slices.Contains(back[bilag], id) {
					t.Errorf("%s links back to %q; want %s (item %d %q)", f, back[bilag], id, it.Number, it.Title)
				}
			}
		}
	}
	if len(files) == 0 || names < len(files)+3 {
		t.Fatalf("the agenda names %d attachments; want the %d with files and more without", names, len(files))
	}
}

// itemIDOf is the index id of the i-th item of rec.
func itemIDOf(rec *corpus.Record, i int) string {
	seen := 0
	for _, it := range rec.Items[:i] {
		if it.Number == rec.Items[i].Number {
			seen++
		}
	}
	if seen == 0 {
		return rec.ID + "/" + itoa(rec.Items[i].Number)
	}
	return rec.ID + "/" + itoa(rec.Items[i].Number) + "." + itoa(seen)
}

// meetingCopy copies the testdata Ballerup meeting into a new folder and
// returns its path.
func meetingCopy(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "ballerup")
	copyTree(t, testcorpus.Path(ballerupEDoc), dir)
	return dir
}

func TestBilagLinkInOneRun(t *testing.T) {
	p, _ := openTemp(t)
	dir := meetingCopy(t)
	ingestAll(t, p, dir)
	checkBallerupLinks(t, p, newest(t, p, filepath.Join(dir, "eDocAgendaPublishing.xml")), ballerupBilag)
}

func TestBilagLinkAcrossRuns(t *testing.T) {
	for _, order := range []string{"agenda first", "bilag first"} {
		t.Run(order, func(t *testing.T) {
			p, _ := openTemp(t)
			dir := meetingCopy(t)
			xml, bilag := filepath.Join(dir, "eDocAgendaPublishing.xml"), filepath.Join(dir, "bilag")
			if order == "agenda first" {
				ingestAll(t, p, xml)
				ingestAll(t, p, bilag)
			} else {
				ingestAll(t, p, bilag)
				ingestAll(t, p, xml)
			}
			checkBallerupLinks(t, p, newest(t, p, xml), ballerupBilag)
		})
	}
}

func TestBilagLinkSurvivesReindex(t *testing.T) {
	p, data := openTemp(t)
	dir := meetingCopy(t)
	ingestAll(t, p, dir)
	if err := p.Close(); err != nil {
		t.Fatal(err)
	}
	if rep, err := Reindex(context.Background(), data, Options{Force: true}); err != nil {
		t.Fatalf("reindex: %v (%+v)", err, rep.Failures)
	}
	p2, err := Open(data)
	if err != nil {
		t.Fatal(err)
	}
	defer p2.Close()
	checkBallerupLinks(t, p2, newest(t, p2, filepath.Join(dir, "eDocAgendaPublishing.xml")), ballerupBilag)
}

// A file named as an attachment but lying outside the agenda's folder
// (another meeting's, another publication's) is not its attachment.
func TestBilagLinkStaysInItsFolder(t *testing.T) {
	p, _ := openTemp(t)
	root := t.TempDir()
	meeting := filepath.Join(root, "meeting")
	os.MkdirAll(meeting, 0o755)
	b, err := os.ReadFile(testcorpus.Path(ballerupEDoc + "/eDocAgendaPublishing.xml"))
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(meeting, "eDocAgendaPublishing.xml"), b, 0o644)
	elsewhere := filepath.Join(root, "elsewhere")
	os.MkdirAll(elsewhere, 0o755)
	for _, f := range ballerupBilag {
		b, err := os.ReadFile(testcorpus.Path(ballerupEDoc + "/bilag/" + f))
		if err != nil {
			t.Fatal(err)
		}
		os.WriteFile(filepath.Join(elsewhere, f), b, 0o644)
	}
	ingestAll(t, p, meeting, elsewhere)
	agenda := newest(t, p, filepath.Join(meeting, "eDocAgendaPublishing.xml"))
	got, _ := links(t, p, agenda)
	for name, files := range got {
		if len(files) > 0 {
			t.Errorf("attachment %q links to %q in another folder; want nothing", name, files)
		}
	}
	for _, f := range ballerupBilag {
		items, err := p.Index.AttachedTo(context.Background(), newest(t, p, filepath.Join(elsewhere, f)))
		if err != nil || len(items) > 0 {
			t.Errorf("%s in another folder is attached to %v (%v); want nothing", f, items, err)
		}
	}
}

// TestBilagLinkSharedCorpus runs the one-run check on the meeting as the
// shared corpus holds it, with all seven bilag files.
func TestBilagLinkSharedCorpus(t *testing.T) {
	src := filepath.Join(testcorpus.Shared(t), ballerupEDoc)
	files, err := os.ReadDir(filepath.Join(src, "bilag"))
	if err != nil {
		t.Skipf("no bilag folder in the shared corpus: %v", err)
	}
	p, _ := openTemp(t)
	dir := filepath.Join(t.TempDir(), "ballerup")
	copyTree(t, src, dir)
	ingestAll(t, p, dir)
	agenda := newest(t, p, filepath.Join(dir, "eDocAgendaPublishing.xml"))
	// Every bilag file is named by an item, under the name it was
	// published with: the title the file name was made from.
	got, back := links(t, p, agenda)
	var linked []string
	for _, fs := range got {
		linked = append(linked, fs...)
	}
	sort.Strings(linked)
	var want []string
	for _, f := range files {
		want = append(want, f.Name())
		if items := back[filepath.Join(dir, "bilag", f.Name())]; len(items) != 1 || !strings.HasPrefix(items[0], agenda.ID+"/") {
			t.Errorf("%s links back to %q; want one item of the agenda", f.Name(), items)
		}
	}
	sort.Strings(want)
	if !slices.Equal(linked, want) {
		t.Errorf("attachments link to %q; want each bilag file once: %q", linked, want)
	}
	for _, none := range []string{"Bygningsliste og prioriteringssystem", "Det nære sundhedsvæsen - KL", "Forebyggelse af ulighed i sundhedsvæsenet"} {
		if fs, ok := got[none]; !ok || len(fs) > 0 {
			t.Errorf("attachment %q (no file) links to %q, named %v; want named and linked to nothing", none, fs, ok)
		}
	}
}

// attachmentLink returns the link of the attachment named name on an
// item of rec, and that item's index.
func attachmentLink(t *testing.T, p *Pipeline, rec *corpus.Record, name string) (index.AttachmentLink, int) {
	t.Helper()
	for i, it := range rec.Items {
		if !slices.Contains(it.Attachments, name) {
			continue
		}
		ls, err := p.Index.Attachments(context.Background(), rec, i)
		if err != nil {
			t.Fatal(err)
		}
		for _, l := range ls {
			if l.Name == name {
				return l, i
			}
		}
	}
	t.Fatalf("no item of %s names the attachment %q", rec.ID, name)
	return index.AttachmentLink{}, 0
}

// linkedRecords returns the record ids of a link's documents.
func linkedRecords(l index.AttachmentLink) []string {
	var out []string
	for _, d := range l.Documents {
		out = append(out, d.RecordID)
	}
	return out
}

// An SBSYS publication names each enclosure's file (Enclosures\1.pdf):
// ingested with its folder, the enclosure is joined with the
// publication's record and the attachment links to its stored bytes;
// ingested apart, later, it links to the enclosure's own record, which
// links back.
func TestSBSYSEnclosureLinks(t *testing.T) {
	const name = "Brev fra KL til Kommunalbestyrelsen vedr Monopolbrud"
	enclosure, err := os.ReadFile(testcorpus.Path("ballerup-sbsys-2013/Enclosures/1.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	t.Run("joined", func(t *testing.T) {
		p, _ := openTemp(t)
		dir := filepath.Join(t.TempDir(), "sbsys")
		copyTree(t, testcorpus.Path("ballerup-sbsys-2013"), dir)
		ingestAll(t, p, dir)
		l, _ := attachmentLink(t, p, newest(t, p, filepath.Join(dir, "Publication32.xml")), name)
		if l.Part != corpus.Hash(enclosure) || len(l.Documents) > 0 {
			t.Errorf("%q links to part %q and records %q; want the part %s", name, l.Part, linkedRecords(l), corpus.Hash(enclosure))
		}
	})
	t.Run("later", func(t *testing.T) {
		p, _ := openTemp(t)
		dir := filepath.Join(t.TempDir(), "sbsys")
		os.MkdirAll(filepath.Join(dir, "Enclosures"), 0o755)
		xml, _ := os.ReadFile(testcorpus.Path("ballerup-sbsys-2013/Publication32.xml"))
		os.WriteFile(filepath.Join(dir, "Publication32.xml"), xml, 0o644)
		ingestAll(t, p, dir)
		agenda := newest(t, p, filepath.Join(dir, "Publication32.xml"))
		if l, _ := attachmentLink(t, p, agenda, name); l.Part != "" || len(l.Documents) > 0 {
			t.Errorf("before its file was ingested %q links to %q %q; want nothing", name, l.Part, linkedRecords(l))
		}
		os.WriteFile(filepath.Join(dir, "Enclosures", "1.pdf"), enclosure, 0o644)
		ingestAll(t, p, filepath.Join(dir, "Enclosures"))
		l, i := attachmentLink(t, p, agenda, name)
		if got := linkedRecords(l); !slices.Equal(got, []string{corpus.Hash(enclosure)}) {
			t.Errorf("%q links to %q; want the enclosure's record %s", name, got, corpus.Hash(enclosure))
		}
		rec, err := p.Store.Record(corpus.Hash(enclosure))
		if err != nil {
			t.Fatal(err)
		}
		items, err := p.Index.AttachedTo(context.Background(), rec)
		if err != nil || len(items) != 1 || items[0].ID != itemIDOf(agenda, i) {
			t.Errorf("the enclosure is attached to %v (%v); want %s", items, err, itemIDOf(agenda, i))
		}
	})
}

// A crawl of a First Agenda portal joins a meeting's Bilag with the
// meeting (its API JSON, or its web page), by id: the attachment links
// to its stored bytes. A Bilag the crawl took as a document of its own
// (from a page whose meeting it did not know) links as a record, and
// back. A Bilag not crawled links to nothing.
func TestFirstAgendaBilagLinks(t *testing.T) {
	type bilag struct{ name, id string }
	for _, c := range []struct {
		what, file, url, contentType string
		joined, own, none            bilag
	}{
		{"Greve API JSON", "greve-firstagenda-api/greve_Kultur-_og_Fritidsudvalget_2024-03-20.json",
			"https://dagsordener.greve.dk/api/agenda/dagsorden/4242", "application/json",
			bilag{"Bilag 1_personlige henvendelser i Borgerserivce i 2023", "b533e4f2-db17-4859-b4cc-30f8b7550197"},
			bilag{"Bilag 2_Opgaver i Borgerservice uden krav om personligt fremmøde", "a9aeab9c-99f3-4520-b7a8-f3023814318a"},
			bilag{"Bilag 3_Udtalelse fra CenterMED", ""}},
		{"Aarhus web page", "aarhus/aarhus-byraad-dagsorden-2025-10-08.html",
			"https://dagsordener.aarhus.dk/vis?id=4242", "text/html; charset=utf-8",
			bilag{"Bilag 2: Ændringsforslag fra V og KF", "44408836-8610-4a7a-a801-907c5cfa68f8"},
			bilag{"Bilag 2: Eksempel på omkostninger forbundet med lejrskole", "14052075-3249-4fa0-b3f0-e847f51db82e"},
			bilag{"Byrådsdebat 25.06.2025", ""}},
	} {
		t.Run(c.what, func(t *testing.T) {
			p, _ := openTemp(t)
			ctx := context.Background()
			s := p.CrawlSink(nil)
			u, err := url.Parse(c.url)
			if err != nil {
				t.Fatal(err)
			}
			host := u.Scheme + "://" + u.Host
			meeting := fetched(t, c.file, c.url, c.contentType)
			if err := s.Take(ctx, meeting); err != nil {
				t.Fatal(err)
			}
			// Any real PDF serves as a Bilag's bytes.
			joined := fetched(t, "ballerup-edoc-2012-12-04/bilag/KLs proces vedrørende det nære sundhedsvæsen.pdf", host+"/Vis/Pdf/bilag/"+c.joined.id, "application/pdf")
			joined.Parent, joined.Ref = meeting.URL, c.joined.id
			if err := s.Take(ctx, joined); err != nil {
				t.Fatal(err)
			}
			if err := s.Flush(ctx); err != nil {
				t.Fatal(err)
			}
			own := fetched(t, "ballerup-edoc-2012-12-04/bilag/Hvordan udvikler vi det nære sundhedsvæsen sammen.pdf", host+"/Vis/Pdf/bilag/"+c.own.id, "application/pdf")
			if err := s.Take(ctx, own); err != nil {
				t.Fatal(err)
			}
			if s.Failed > 0 {
				t.Fatalf("crawl failures: %+v", s.Failures)
			}
			rec := newest(t, p, meeting.URL)
			if l, _ := attachmentLink(t, p, rec, c.joined.name); l.Part != joined.Hash {
				t.Errorf("the joined Bilag links to part %q, records %q; want part %s", l.Part, linkedRecords(l), joined.Hash)
			}
			l, i := attachmentLink(t, p, rec, c.own.name)
			if got := linkedRecords(l); !slices.Equal(got, []string{own.Hash}) {
				t.Errorf("the Bilag crawled on its own links to %q; want its record %s", got, own.Hash)
			}
			bilag, err := p.Store.Record(own.Hash)
			if err != nil {
				t.Fatal(err)
			}
			items, err := p.Index.AttachedTo(ctx, bilag)
			if err != nil || len(items) != 1 || items[0].ID != itemIDOf(rec, i) {
				t.Errorf("the Bilag is attached to %v (%v); want %s", items, err, itemIDOf(rec, i))
			}
			if l, _ := attachmentLink(t, p, rec, c.none.name); l.Part != "" || len(l.Documents) > 0 {
				t.Errorf("a Bilag not crawled links to %q %q; want nothing", l.Part, linkedRecords(l))
			}
		})
	}
}

// The Aarhus City Council's agenda page names a dozen items'
// recommendations "Indstilling", each its own file: a file called
// Indstilling.pdf beside the page is none of theirs, while a file named
// as one item's attachment alone is that item's.
func TestSharedAttachmentNameDoesNotLink(t *testing.T) {
	p, _ := openTemp(t)
	dir := filepath.Join(t.TempDir(), "aarhus")
	os.MkdirAll(dir, 0o755)
	copyFile := func(src, name string) string {
		b, err := os.ReadFile(testcorpus.Path(src))
		if err != nil {
			t.Fatal(err)
		}
		dst := filepath.Join(dir, name)
		if err := os.WriteFile(dst, b, 0o644); err != nil {
			t.Fatal(err)
		}
		return dst
	}
	page := copyFile("aarhus/aarhus-byraad-dagsorden-2025-10-08.html", "dagsorden.html")
	// Any real PDFs serve as the files' bytes.
	shared := copyFile("ballerup-edoc-2012-12-04/bilag/KLs proces vedrørende det nære sundhedsvæsen.pdf", "Indstilling.pdf")
	const own = "Bilag 2: Eksempel på omkostninger forbundet med lejrskole"
	ownFile := copyFile("ballerup-edoc-2012-12-04/bilag/Hvordan udvikler vi det nære sundhedsvæsen sammen.pdf", own+".pdf")
	ingestAll(t, p, dir)
	agenda := newest(t, p, page)
	named := 0
	for _, it := range agenda.Items {
		if slices.Contains(it.Attachments, "Indstilling") {
			named++
		}
	}
	if named < 2 {
		t.Fatalf("%d items name Indstilling; the page has a dozen", named)
	}
	ctx := context.Background()
	if items, err := p.Index.AttachedTo(ctx, newest(t, p, shared)); err != nil || len(items) > 0 {
		t.Errorf("Indstilling.pdf is attached to %v (%v); want none of the %d items naming their own Indstilling", items, err, named)
	}
	l, i := attachmentLink(t, p, agenda, own)
	if got := linkedRecords(l); !slices.Equal(got, []string{newest(t, p, ownFile).ID}) {
		t.Errorf("%q links to %q; want the file of that name", own, got)
	}
	if items, err := p.Index.AttachedTo(ctx, newest(t, p, ownFile)); err != nil || len(items) != 1 || items[0].ID != itemIDOf(agenda, i) {
		t.Errorf("%s is attached to %v (%v); want %s", filepath.Base(ownFile), items, err, itemIDOf(agenda, i))
	}
}

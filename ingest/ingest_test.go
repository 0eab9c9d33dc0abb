package ingest

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"

	"referat/corpus"
	"referat/internal/testcorpus"
)

func TestDetect(t *testing.T) {
	tests := []struct {
		file string
		want corpus.Format
	}{
		{"seeds/000_734b34927aab3490.txt", corpus.FormatText},
		{"aarhus/aarhus-byraad-referat-2025-08-27.pdf", corpus.FormatPDF},
		{"aarhus/aarhus-byraad-dagsorden-2025-10-08.html", corpus.FormatHTML},
		{"greve-firstagenda-api/greve_Kultur-_og_Fritidsudvalget_2024-03-20.json", corpus.FormatJSON},
		{"ballerup-edoc-2012-12-04/eDocAgendaPublishing.xml", corpus.FormatXML},
		{"ballerup-sbsys-2013/Publication32.xml", corpus.FormatXML}, // starts with a BOM
		{"middelfart-edoc-2017/2017-04-21_12.00.48_41a93779-8b2a-414b-9f87-691e24f8f40a.html", corpus.FormatHTML},
		{"ankestyrelsen/dk-retsinfo-2013-9724-principafgoerelse.lexdania.xml", corpus.FormatXML},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			b, err := os.ReadFile(testcorpus.Path(tt.file))
			if err != nil {
				t.Fatal(err)
			}
			got, err := Detect(b)
			if err != nil || got != tt.want {
				t.Errorf("Detect(%s) = %q, %v; want %q", tt.file, got, err, tt.want)
			}
		})
	}
}

func TestDetectRejects(t *testing.T) {
	junk := make([]byte, 4096)
	for i := range junk {
		junk[i] = byte(i*7919 + i/3)
	}
	tests := []struct {
		name string
		in   []byte
		want error
	}{
		{"zero bytes", nil, ErrEmpty},
		{"whitespace", []byte(" \n\t "), ErrEmpty},
		{"byte-order mark only", []byte("\xef\xbb\xbf\n"), ErrEmpty},
		{"binary junk", junk, ErrUnknownFormat},
		{"png", append([]byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), junk...), ErrUnknownFormat},
		{"ole file without a Word stream", append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0}, junk...), ErrUnknownFormat},
		{"zip not docx", append([]byte("PK\x03\x04"), junk...), ErrUnknownFormat},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Detect(tt.in)
			if !errors.Is(err, tt.want) {
				t.Errorf("Detect = %q, %v; want error %v", got, err, tt.want)
			}
		})
	}
}

func TestReadLegacyCharsets(t *testing.T) {
	ctx := context.Background()
	text := "Udvalget for Børn og Ungdom\nMødested: Rådhuset, værelse 8\n"
	latin1, err := charmap.Windows1252.NewEncoder().String(text)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := Read(ctx, []byte(latin1), corpus.Source{Path: "x.txt"}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if doc.Text != strings.TrimSpace(text) {
		t.Errorf("windows-1252 text decoded as %q; want %q", doc.Text, text)
	}
	if len(doc.Warnings) == 0 {
		t.Errorf("no warning that the text was not UTF-8")
	}

	page := "<html><head><meta charset=\"iso-8859-1\"></head><body><p>Beslutning</p><p>Godkendt af udvalget for Børn & Læring</p></body></html>"
	encoded, _ := charmap.ISO8859_1.NewEncoder().String(page)
	doc, err = Read(ctx, []byte(encoded), corpus.Source{Path: "x.html"}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if want := "Beslutning\n\nGodkendt af udvalget for Børn & Læring"; doc.Text != want {
		t.Errorf("iso-8859-1 page read as %q; want %q", doc.Text, want)
	}
	// A server's header names the charset when the page does not.
	bare, _ := charmap.Windows1252.NewEncoder().String("<html><body><p>Økonomi og Ældre</p></body></html>")
	doc, err = Read(ctx, []byte(bare), corpus.Source{URL: "http://x/", ContentType: "text/html; charset=windows-1252"}, Options{})
	if err != nil || doc.Text != "Økonomi og Ældre" {
		t.Errorf("page with charset in header read as %q, %v", doc.Text, err)
	}
}

func TestReadNormalizesToNFC(t *testing.T) {
	decomposed := "Mo\u0308de i a\u030ar" // "Møde i år" is not this, but ö/å decomposed must compose
	doc, err := Read(context.Background(), []byte(decomposed), corpus.Source{}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if want := "Möde i år"; doc.Text != want {
		t.Errorf("text = %q; want NFC %q", doc.Text, want)
	}
}

func TestReadSeed(t *testing.T) {
	path := testcorpus.Path("seeds/003_b83d5a285e58b211.txt")
	doc, err := ReadFile(context.Background(), path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	raw, _ := os.ReadFile(path)
	if doc.ID != corpus.Hash(raw) || doc.Format != corpus.FormatText || doc.Source.Path != path {
		t.Errorf("doc = id %s format %s source %+v", doc.ID, doc.Format, doc.Source)
	}
	if !strings.Contains(doc.Text, "Punkt 64:") {
		t.Errorf("seed text lost its items")
	}
}

func TestReadErrorsNameTheFile(t *testing.T) {
	dir := t.TempDir()
	empty := filepath.Join(dir, "tom.pdf")
	os.WriteFile(empty, nil, 0o644)
	_, err := ReadFile(context.Background(), empty, Options{})
	if err == nil || !strings.Contains(err.Error(), empty) || !errors.Is(err, ErrEmpty) {
		t.Errorf("ReadFile(empty) error = %v; want ErrEmpty naming %s", err, empty)
	}
	big := filepath.Join(dir, "stor.txt")
	os.WriteFile(big, []byte(strings.Repeat("x", 2000)), 0o644)
	_, err = ReadFile(context.Background(), big, Options{MaxBytes: 1000})
	if err == nil || !strings.Contains(err.Error(), "over the limit") {
		t.Errorf("ReadFile(too big) error = %v; want a size error", err)
	}
}

func TestPlanJoinsPublications(t *testing.T) {
	jobs, errs := Plan([]string{testcorpus.Path("ballerup-edoc-2012-12-04"), testcorpus.Path("ballerup-sbsys-2013"), testcorpus.Path("seeds")})
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	var edoc, sbsys *Job
	for i, j := range jobs {
		switch filepath.Base(j.Path) {
		case "eDocAgendaPublishing.xml":
			edoc = &jobs[i]
		case "Publication32.xml":
			sbsys = &jobs[i]
		}
		// The eDoc meeting's bilag folder holds attachments the XML names
		// by title, not by file: they are documents of their own (which
		// the index links to the items naming them).
		inBilag := filepath.Base(filepath.Dir(j.Path)) == "bilag"
		if strings.HasSuffix(strings.ToLower(j.Path), ".pdf") && strings.Contains(j.Path, "ballerup") && !inBilag {
			t.Errorf("PDF named by a publication XML is planned on its own: %s", j.Path)
		}
	}
	if edoc == nil || len(edoc.Attachments) != 9 {
		t.Fatalf("eDoc XML job = %+v; want it joined with the 9 PDFs it names", edoc)
	}
	if p := edoc.Attachments["1552823.PDF"]; filepath.Base(p) != "1552823.pdf" {
		t.Errorf("eDoc reference 1552823.PDF resolved to %q; want the file 1552823.pdf", p)
	}
	if sbsys == nil || sbsys.Attachments[`Enclosures\1.pdf`] == "" {
		t.Errorf("SBSYS job = %+v; want it joined with Enclosures\\1.pdf", sbsys)
	}
	seeds := 0
	for _, j := range jobs {
		if strings.Contains(j.Path, "seeds") {
			seeds++
		}
	}
	if seeds != 5 {
		t.Errorf("planned %d seed files; want 5", seeds)
	}
}

func TestPlanSkipsHiddenAndReportsMissing(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "a.txt"), []byte("a"), 0o644)
	os.WriteFile(filepath.Join(dir, ".hidden.txt"), []byte("b"), 0o644)
	os.Mkdir(filepath.Join(dir, ".git"), 0o755)
	os.WriteFile(filepath.Join(dir, ".git", "c.txt"), []byte("c"), 0o644)
	jobs, errs := Plan([]string{dir, filepath.Join(dir, "findes-ikke.pdf")})
	if len(jobs) != 1 || filepath.Base(jobs[0].Path) != "a.txt" {
		t.Errorf("jobs = %+v; want only a.txt", jobs)
	}
	if len(errs) != 1 || !strings.Contains(errs[0].Error(), "findes-ikke.pdf") {
		t.Errorf("errs = %v; want one naming the missing file", errs)
	}
}

func FuzzDetectAndRead(f *testing.F) {
	for _, p := range []string{"seeds/001_4ba81b541cf419a1.txt", "middelfart-edoc-2017/2017-04-21_12.00.48_41a93779-8b2a-414b-9f87-691e24f8f40a.html"} {
		b, err := os.ReadFile(testcorpus.Path(p))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b[:min(len(b), 4096)])
	}
	f.Add([]byte("{\"a\":1}"))
	f.Add([]byte("PK\x03\x04word/document.xml"))
	f.Fuzz(func(t *testing.T, data []byte) {
		format, err := Detect(data)
		if err != nil || format == corpus.FormatPDF {
			return // the PDF layer has its own fuzz target
		}
		doc, err := Read(context.Background(), data, corpus.Source{}, Options{})
		if err == nil && strings.ContainsRune(doc.Text, '\r') {
			t.Errorf("text keeps carriage returns: %q", doc.Text)
		}
	})
}

func TestFolderNote(t *testing.T) {
	for name, want := range map[string]bool{
		"README.md": true, "readme": true, "LICENSE.txt": true, "Provenance.MD": true, "licence": true,
		"1552816.pdf": false, "readme-til-udvalget.pdf": false, "licensering.pdf": false, "README_1.pdf": false,
	} {
		if got := FolderNote(name); got != want {
			t.Errorf("FolderNote(%q) = %v; want %v", name, got, want)
		}
	}
}

// TestReadRefusesBeforeReading: a 3 GB (sparse) file is refused by its
// size, before a byte is read; the refusal costs no memory.
func TestReadRefusesBeforeReading(t *testing.T) {
	big := filepath.Join(t.TempDir(), "stor.pdf")
	f, err := os.Create(big)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(3 << 30); err != nil {
		t.Skipf("no sparse 3 GB file here: %v", err)
	}
	f.Close()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	_, err = ReadFile(context.Background(), big, Options{})
	runtime.ReadMemStats(&after)
	if err == nil || !strings.Contains(err.Error(), "over the limit") || !strings.Contains(err.Error(), big) {
		t.Errorf("ReadFile(3 GB) error = %v; want a size error naming the file", err)
	}
	if grew := after.TotalAlloc - before.TotalAlloc; grew > 1<<20 {
		t.Errorf("refusing a 3 GB file allocated %d bytes", grew)
	}
	if _, _, err := ReadRegularFile(t.TempDir(), 100); !errors.Is(err, ErrNotRegular) {
		t.Errorf("ReadRegularFile(folder) error = %v; want ErrNotRegular", err)
	}
}

// TestReadKeepsTheCharset checks that a text or HTML source's content type
// names the charset its bytes were read in, so /source serves æøå as
// they were published: the Lejre seed as UTF-8, the same text and the
// Middelfart page re-encoded in windows-1252 (the page declaring it only
// in a <meta>), and a declared charset left as declared.
func TestReadKeepsTheCharset(t *testing.T) {
	seed, err := os.ReadFile(testcorpus.Path("seeds/000_734b34927aab3490.txt"))
	if err != nil {
		t.Fatal(err)
	}
	page, err := os.ReadFile(testcorpus.Path("middelfart-edoc-2017/2017-04-21_12.00.48_41a93779-8b2a-414b-9f87-691e24f8f40a.html"))
	if err != nil {
		t.Fatal(err)
	}
	latin := func(b []byte) []byte {
		out, err := encoding.ReplaceUnsupported(charmap.Windows1252.NewEncoder()).Bytes(b)
		if err != nil {
			t.Fatal(err)
		}
		return out
	}
	metaPage := bytes.Replace(latin(bytes.TrimPrefix(page, utf8BOM)), []byte("<head>"), []byte(`<head><meta http-equiv="Content-Type" content="text/html; charset=windows-1252">`), 1)
	for _, tc := range []struct {
		name     string
		data     []byte
		declared string
		want     string
	}{
		{"utf-8 text", seed, "", "text/plain; charset=utf-8"},
		{"windows-1252 text", latin(seed), "", "text/plain; charset=windows-1252"},
		{"utf-8 page", page, "", "text/html; charset=utf-8"},
		{"windows-1252 page", metaPage, "", "text/html; charset=windows-1252"},
		{"declared", latin(seed), "text/plain; charset=ISO-8859-1", "text/plain; charset=ISO-8859-1"},
	} {
		doc, err := Read(context.Background(), tc.data, corpus.Source{ContentType: tc.declared}, Options{})
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		if doc.Source.ContentType != tc.want {
			t.Errorf("%s: content type %q; want %q", tc.name, doc.Source.ContentType, tc.want)
		}
		if !strings.Contains(doc.Text, "ø") {
			t.Errorf("%s: text lost its ø", tc.name)
		}
	}
}

// TestReadCutsHugeText: a text of more than corpus.MaxTextBytes is cut at
// a line end with a warning, before it is cleaned and extracted.
func TestReadCutsHugeText(t *testing.T) {
	data := []byte(strings.Repeat("Æblerne på vejen blev godkendt.\n", corpus.MaxTextBytes/16))
	doc, err := Read(context.Background(), data, corpus.Source{Path: "stor.txt"}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Text) > corpus.MaxTextBytes || !strings.HasSuffix(doc.Text, "godkendt.") {
		t.Errorf("text of %d bytes ending %q; want at most %d, cut at a line end", len(doc.Text), doc.Text[len(doc.Text)-10:], corpus.MaxTextBytes)
	}
	if len(doc.Warnings) != 1 || !strings.Contains(doc.Warnings[0], "only the first") {
		t.Errorf("warnings %q; want one saying the text was cut", doc.Warnings)
	}
	if doc.ID != corpus.Hash(data) || len(doc.Raw) != len(data) {
		t.Errorf("the raw bytes are not kept whole")
	}
}

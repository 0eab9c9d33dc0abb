package ingest

import (
	"bytes"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"

	"referat/corpus"
)

// Job is one document to ingest: a file, and the files published with it
// that it names (the item PDFs of an eDoc meeting, the enclosures of an
// SBSYS publication), keyed by the reference as the document writes it.
type Job struct {
	Path        string
	Attachments map[string]string
}

// Plan expands files and folders into jobs. Hidden files and folders are
// skipped. A publication XML file takes the files it names as attachments;
// those files are then not ingested on their own, so a meeting is one
// record, not one per PDF. Paths that cannot be read are returned as errors
// naming them; the rest of the plan stands.
func Plan(paths []string) ([]Job, []error) {
	var files []string
	var errs []error
	seen := map[string]bool{}
	for _, p := range paths {
		err := filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				errs = append(errs, fmt.Errorf("plan %s: %w", path, err))
				return nil
			}
			if path != p && strings.HasPrefix(d.Name(), ".") {
				if d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			if d.IsDir() || !d.Type().IsRegular() && d.Type()&fs.ModeSymlink == 0 {
				return nil
			}
			if abs, err := filepath.Abs(path); err == nil && !seen[abs] {
				seen[abs] = true
				files = append(files, path)
			}
			return nil
		})
		if err != nil {
			errs = append(errs, fmt.Errorf("plan %s: %w", p, err))
		}
	}
	sort.Strings(files)

	attached := map[string]bool{}
	jobs := make([]Job, 0, len(files))
	for _, f := range files {
		att := publicationAttachments(f)
		for _, a := range att {
			attached[a] = true
		}
		jobs = append(jobs, Job{Path: f, Attachments: att})
	}
	out := jobs[:0]
	for _, j := range jobs {
		if !attached[j.Path] || len(j.Attachments) > 0 {
			out = append(out, j)
		}
	}
	return out, errs
}

// fileRef matches a file name with a document extension as written inside
// an XML file, with or without folders (eDoc "1552823.PDF", SBSYS
// "Enclosures\1.pdf").
var fileRef = regexp.MustCompile(`(?i)[^<>"'\[\]\r\n]*\.(?:pdf|docx|html?|txt)\b`)

// publicationAttachments returns the files beside the XML file at path that
// it names, keyed by the name as written. Files that are not XML name none.
func publicationAttachments(path string) map[string]string {
	f, err := os.Open(path)
	if err != nil {
		return nil
	}
	defer f.Close()
	head := make([]byte, 1024)
	n, _ := io.ReadFull(f, head)
	if format, err := Detect(head[:n]); err != nil || format != corpus.FormatXML {
		return nil
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil
	}
	dir := filepath.Dir(path)
	names := listDir(dir)
	out := map[string]string{}
	for _, m := range fileRef.FindAll(data, -1) {
		ref := string(bytes.TrimSpace(m))
		rel := filepath.FromSlash(strings.ReplaceAll(ref, `\`, "/"))
		if filepath.IsAbs(rel) || strings.Contains(rel, ":") || strings.Contains(rel, "..") {
			continue // a path on the publishing server, or outside the folder
		}
		if p := resolveRef(names, strings.ToLower(rel)); p != "" && p != path {
			out[ref] = p
		}
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

// listDir maps the lower-cased relative paths of the files under dir (two
// levels deep, enough for an Enclosures folder) to their paths.
func listDir(dir string) map[string]string {
	names := map[string]string{}
	ents, _ := os.ReadDir(dir)
	for _, e := range ents {
		p := filepath.Join(dir, e.Name())
		if !e.IsDir() {
			names[strings.ToLower(e.Name())] = p
			continue
		}
		sub, _ := os.ReadDir(p)
		for _, s := range sub {
			if !s.IsDir() {
				names[strings.ToLower(filepath.Join(e.Name(), s.Name()))] = filepath.Join(p, s.Name())
			}
		}
	}
	return names
}

// resolveRef finds the file a lower-cased reference names: the file of that
// name, or else the one file whose name extends the reference's stem with a
// separator (1552814.PDF saved as 1552814_Aabent-referat.pdf), as happens
// when a publication is downloaded and its files given readable names.
func resolveRef(names map[string]string, ref string) string {
	if p, ok := names[ref]; ok {
		return p
	}
	ext := filepath.Ext(ref)
	stem := strings.TrimSuffix(ref, ext)
	if stem == "" {
		return ""
	}
	found := ""
	for name, p := range names {
		if strings.HasSuffix(name, ext) && len(name) > len(stem) && strings.HasPrefix(name, stem) && strings.ContainsRune("_- .", rune(name[len(stem)])) {
			if found != "" {
				return "" // ambiguous
			}
			found = p
		}
	}
	return found
}

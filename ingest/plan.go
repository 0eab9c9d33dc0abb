package ingest

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
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

// Plan expands files and folders into jobs; see Walk. It holds every job
// in memory: batches of unbounded size use Walk.
// Folder notes (see FolderNote) are left out.
func Plan(paths []string) ([]Job, []error) {
	var jobs []Job
	var errs []error
	Walk(paths, func(j Job) error {
		jobs = append(jobs, j)
		return nil
	}, func(err error) { errs = append(errs, err) }, nil)
	return jobs, errs
}

// folderNotes are the names (before any extension, lower-cased) of the
// files a collection keeps beside its documents to describe them.
var folderNotes = map[string]bool{
	"readme": true, "provenance": true, "license": true, "licence": true,
	"copying": true, "notice": true,
}

// FolderNote reports whether the file name is a note about a folder
// (README, PROVENANCE, LICENSE, in any case and with any extension:
// README.md, LICENSE.txt) rather than a document of it.
func FolderNote(name string) bool {
	stem, _, _ := strings.Cut(filepath.Base(name), ".")
	return folderNotes[strings.ToLower(stem)]
}

// Walk calls fn with the job of every file under paths, folder by folder
// in lexical order, without holding the whole list: memory does not grow
// with the number of files. Hidden files and folders are skipped. A
// publication XML file takes the files it names as attachments; those
// files are then not ingested on their own, so a meeting is one record,
// not one per PDF. A path that cannot be read is passed to onErr, naming
// it, and the walk goes on. Folder notes (see FolderNote) found in a
// folder are not documents: they are passed to onNote, when it is not
// nil, instead of fn; a note named on its own is a document like any
// other. Walk stops with the first error fn returns.
func Walk(paths []string, fn func(Job) error, onErr func(error), onNote func(path string)) error {
	if onNote == nil {
		onNote = func(string) {}
	}
	w := walker{fn: fn, onErr: onErr, onNote: onNote, attached: map[string]bool{}}
	for i, p := range paths {
		fi, err := os.Stat(p)
		if err != nil {
			onErr(fmt.Errorf("plan %s: %w", p, err))
			continue
		}
		if covered(p, paths[:i]) {
			continue // named twice, or inside a folder already named
		}
		if !fi.IsDir() {
			if err := w.files(filepath.Dir(p), []string{p}); err != nil {
				return err
			}
			continue
		}
		if err := w.dir(p); err != nil {
			return err
		}
	}
	return nil
}

// Count returns how many files Walk would consider under paths, without
// reading them: an upper bound of its jobs (folder notes left out), for a
// progress bar.
func Count(paths []string) int {
	n := 0
	for i, p := range paths {
		if covered(p, paths[:i]) {
			continue
		}
		filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			switch {
			case err != nil:
			case path != p && strings.HasPrefix(d.Name(), "."):
				if d.IsDir() {
					return filepath.SkipDir
				}
			case !d.IsDir() && (path == p || !FolderNote(d.Name())):
				n++
			}
			return nil
		})
	}
	return n
}

// covered reports whether path is one of, or lies inside one of, earlier.
func covered(path string, earlier []string) bool {
	abs, err := filepath.Abs(path)
	if err != nil {
		return false
	}
	for _, e := range earlier {
		ea, err := filepath.Abs(e)
		if err == nil && (abs == ea || strings.HasPrefix(abs, ea+string(filepath.Separator))) {
			return true
		}
	}
	return false
}

type walker struct {
	fn     func(Job) error
	onErr  func(error)
	onNote func(string)
	// attached holds files named by a publication in a folder above that
	// the walk has not reached yet; each is forgotten once passed.
	attached map[string]bool
}

func (w *walker) dir(dir string) error {
	ents, err := os.ReadDir(dir)
	if err != nil {
		w.onErr(fmt.Errorf("plan %s: %w", dir, err))
	}
	var files, subdirs []string
	for _, e := range ents {
		if strings.HasPrefix(e.Name(), ".") {
			continue
		}
		p := filepath.Join(dir, e.Name())
		switch t := e.Type(); {
		case t.IsDir():
			subdirs = append(subdirs, p)
		case FolderNote(e.Name()):
			w.onNote(p)
		default:
			// Pipes, devices and sockets too: their jobs fail with a
			// reason naming them (ReadRegularFile), never read.
			files = append(files, p)
		}
	}
	if err := w.files(dir, files); err != nil {
		return err
	}
	for _, d := range subdirs {
		if err := w.dir(d); err != nil {
			return err
		}
	}
	return nil
}

// files hands on the jobs of files in one folder. The attachments of the
// folder's publications are found first, so a PDF that sorts before the
// XML naming it is not ingested on its own.
func (w *walker) files(dir string, files []string) error {
	jobs := make([]Job, 0, len(files))
	for _, f := range files {
		att := publicationAttachments(f)
		for _, a := range att {
			w.attached[a] = true
		}
		jobs = append(jobs, Job{Path: f, Attachments: att})
	}
	for _, j := range jobs {
		if w.attached[j.Path] && len(j.Attachments) == 0 {
			delete(w.attached, j.Path)
			continue
		}
		if err := w.fn(j); err != nil {
			return err
		}
	}
	return nil
}

// fileRef matches a file name with a document extension as written inside
// an XML file, with or without folders (eDoc "1552823.PDF", SBSYS
// "Enclosures\1.pdf").
var fileRef = regexp.MustCompile(`(?i)[^<>"'\[\]\r\n]*\.(?:pdf|docx?|html?|txt)\b`)

// publicationAttachments returns the files beside the XML file at path that
// it names, keyed by the name as written. Files that are not XML name none.
func publicationAttachments(path string) map[string]string {
	head, err := readHead(path, 1024)
	if err != nil {
		return nil // the job's own read says why
	}
	if format, err := Detect(head); err != nil || format != corpus.FormatXML {
		return nil
	}
	data, _, err := ReadRegularFile(path, DefaultMaxBytes)
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

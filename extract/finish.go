package extract

import (
	"fmt"
	"slices"
	"strings"

	"referat/corpus"
	"referat/extract/danish"
	"referat/extract/minutes"
)

// finish fills the fields every record shares and redacts CPR numbers.
func finish(rec *corpus.Record, doc corpus.Document) {
	rec.Schema = corpus.SchemaVersion
	rec.ID = doc.ID
	if rec.ID == "" && doc.Raw != nil {
		rec.ID = corpus.Hash(doc.Raw)
	}
	rec.Source = doc.Source
	rec.Format = doc.Format
	rec.ExtractorVersion = Version
	if rec.Kind == "" {
		rec.Kind = corpus.KindUnknown
	}
	if rec.Text == "" {
		rec.Text = minutes.CleanText(doc.Text)
	}
	rec.Committee = danish.CommitteeName(rec.Committee)
	rec.Municipality = municipality(rec)
	rec.Warnings = append(append([]string(nil), doc.Warnings...), rec.Warnings...)
	bound(rec)
	if rec.Items == nil {
		rec.Items = []corpus.Item{}
	}
	itemOutcomes(rec)
	if rec.Warnings == nil {
		rec.Warnings = []string{}
	}
	if rec.Meeting.Participants == nil {
		rec.Meeting.Participants = []string{}
	}
	if rec.Meeting.Absent == nil {
		rec.Meeting.Absent = []string{}
	}
	redactRecord(rec)
}

// bound cuts a record to corpus.MaxItems items and corpus.MaxTextBytes
// of text, with a warning each, so that storing and indexing it takes
// bounded memory. Readers that build items one by one stop at the bound
// themselves (they set the warning); this catches the rest.
func bound(rec *corpus.Record) {
	if n := len(rec.Items); n > corpus.MaxItems {
		rec.Items = slices.Clip(rec.Items[:corpus.MaxItems])
		rec.Warnings = append(rec.Warnings, fmt.Sprintf("%d items; only the first %d are kept", n, corpus.MaxItems))
	}
	if n := len(rec.Text); n > corpus.MaxTextBytes {
		rec.Text = corpus.CutText(rec.Text, corpus.MaxTextBytes)
		rec.Warnings = append(rec.Warnings, fmt.Sprintf("text of %d bytes; only the first %d are kept", n, corpus.MaxTextBytes))
	}
}

// redactRecord replaces CPR numbers in every text of a record.
func redactRecord(rec *corpus.Record) {
	r := danish.RedactCPR
	// The source's name too: a file or URL may be named by the person it
	// concerns. The store's list of versions keeps the name as fetched.
	rec.Source.Path, rec.Source.URL = r(rec.Source.Path), r(rec.Source.URL)
	rec.Title = r(rec.Title)
	rec.Committee = r(rec.Committee)
	rec.Text = r(rec.Text)
	redactAll(rec.Warnings)
	m := &rec.Meeting
	m.Location = r(m.Location)
	redactAll(m.Participants)
	redactAll(m.Absent)
	for i := range rec.Items {
		it := &rec.Items[i]
		it.Title = r(it.Title)
		it.Competence = r(it.Competence)
		for j := range it.CaseNumbers {
			it.CaseNumbers[j].Raw = r(it.CaseNumbers[j].Raw)
		}
		for j := range it.Sections {
			it.Sections[j].Heading = r(it.Sections[j].Heading)
			it.Sections[j].Text = r(it.Sections[j].Text)
		}
		for j := range it.Decisions {
			d := &it.Decisions[j]
			d.Body, d.Text = r(d.Body), r(d.Text)
			if d.Votes != nil {
				redactAll(d.Votes.For)
				redactAll(d.Votes.Against)
				redactAll(d.Votes.Reserved)
				redactAll(d.Votes.Absent)
			}
		}
		redactAll(it.Recommendations)
		redactAll(it.Attachments)
		if len(it.AttachmentFiles) > 0 {
			files := make(map[string]string, len(it.AttachmentFiles))
			for name, file := range it.AttachmentFiles {
				files[r(name)] = r(file)
			}
			it.AttachmentFiles = files
		}
		redactAll(it.Absent)
		redactAll(it.History)
		for j := range it.Tables {
			t := &it.Tables[j]
			t.Caption = r(t.Caption)
			redactAll(t.Header)
			for _, row := range t.Rows {
				redactAll(row)
			}
		}
	}
	if l := rec.Letter; l != nil {
		l.Sender, l.Recipient, l.Subject = r(l.Sender), r(l.Recipient), r(l.Subject)
		l.Conclusion, l.SignedBy, l.Number = r(l.Conclusion), r(l.SignedBy), r(l.Number)
		redactAll(l.JournalNumbers)
		redactAll(l.LawsCited)
		redactAll(l.CopyTo)
		for j := range l.CaseNumbers {
			l.CaseNumbers[j].Raw = r(l.CaseNumbers[j].Raw)
		}
	}
}

func redactAll(ss []string) {
	for i, s := range ss {
		if strings.ContainsAny(s, "0123456789") {
			ss[i] = danish.RedactCPR(s)
		}
	}
}

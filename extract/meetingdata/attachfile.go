package meetingdata

import (
	"strings"

	"referat/corpus"
)

// attachmentFile records in it.AttachmentFiles the file of the attachment
// it names name, from refs, the ways the publication names the file (a
// download address, a path relative to the publication, a file name):
// the name of the part joined with doc where one of refs is joined (so
// the link goes to the bytes stored with the record), else the first ref
// as published. The first file recorded for a name stays.
func attachmentFile(it *corpus.Item, name string, doc corpus.Document, refs ...string) {
	if name == "" {
		return
	}
	if _, ok := it.AttachmentFiles[name]; ok {
		return
	}
	file, _, ok := joined(doc, refs...)
	for _, r := range refs {
		if ok {
			break
		}
		if r = strings.TrimSpace(r); r != "" {
			file, ok = r, true
		}
	}
	if !ok {
		return
	}
	if it.AttachmentFiles == nil {
		it.AttachmentFiles = map[string]string{}
	}
	it.AttachmentFiles[name] = file
}

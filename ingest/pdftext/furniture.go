package pdftext

import "strings"

// removeFurniture returns the document text without page furniture.
func removeFurniture(pages []Page) string {
	texts := make([]string, len(pages))
	for i, p := range pages {
		texts[i] = p.Text
	}
	return strings.Join(texts, "\f")
}

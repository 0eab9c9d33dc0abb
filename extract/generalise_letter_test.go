package extract

import (
	"strings"
	"testing"

	"referat/corpus"
)

// Metamorphic tests of letters: another municipality, date, journal-number
// scheme and label, signer, closing, and the other parties' case numbers.

var letterDocs = []string{
	"seeds/002_1f9e0adde186f6aa.txt",
	"aarhus/aarhus-borgerhenvendelse-2025-08-26.pdf",
	"other/aarhus_2018-vvm-tilladelse-bering-beder-vejen.pdf",
	"other/aarhus_2023-10-MTM-svar-til-giber-ringvej-gruppen.pdf",
	"ballerup-sbsys-2013/Enclosures/1.pdf",
}

// TestMetamorphicLetters varies letters given as text.
func TestMetamorphicLetters(t *testing.T) {
	docs := loadMetamorphic(t, letterDocs)
	vs := []variation{
		{"letter/municipality", varMunicipality},
		{"letter/passing", varPassingMention},
		{"letter/date", varLetterDate},
		{"letter/signer", varLetterReplace(func(v mview) string { return v.Letter.Signer }, "Jens Peter Hansen", func(w *mview) { w.Letter.Signer = "Jens Peter Hansen" })},
		{"letter/closing", varLetterReplace(func(mview) string { return "Venlig hilsen" }, "Med venlig hilsen", func(*mview) {})},
		{"pages/header", varPages(true, false)},
		{"pages/footer", varPages(false, true)},
	}
	for _, j := range []struct{ label, number string }{
		{"J.nr. ", "2019-423-0208"},
		{"Journalnummer: ", "6400220-12"},
		{"Sag: ", "13/011760-1053"},
		{"Vores ref.: ", "24/12345"},
		{"Sagsnr.: ", "S2024-1234"},
	} {
		j := j
		vs = append(vs, variation{"letter/journal/" + j.label + j.number, varJournal(j.label, j.number)})
	}
	for _, c := range []string{"24/12345", "EMN-2024-001234", "2024-012345"} {
		c := c
		vs = append(vs, variation{"letter/party-case/" + c, varPartyCase(c)})
	}
	runVariations(t, docs, vs, nil)
}

func varLetterDate(d mdoc) (corpus.Document, mview, bool) {
	if d.view.Letter == nil || d.view.Letter.Date == "" {
		return corpus.Document{}, mview{}, false
	}
	dv := d
	dv.view.Date = d.view.Letter.Date
	doc, _, ok := varDate(2025, 3, 5)(dv)
	if !ok {
		return corpus.Document{}, mview{}, false
	}
	want := d.view.clone()
	want.Letter.Date = "2025-03-05"
	return doc, want, true
}

func varLetterReplace(old func(mview) string, to string, edit func(*mview)) func(d mdoc) (corpus.Document, mview, bool) {
	return func(d mdoc) (corpus.Document, mview, bool) {
		if d.view.Letter == nil || old(d.view) == "" || !strings.Contains(d.doc.Text, old(d.view)) {
			return corpus.Document{}, mview{}, false
		}
		want := d.view.clone()
		edit(&want)
		return d.withText(strings.ReplaceAll(d.doc.Text, old(d.view), to)), want, true
	}
}

// varJournal prints the letter's journal number in another scheme, under
// another label.
func varJournal(label, number string) func(d mdoc) (corpus.Document, mview, bool) {
	return func(d mdoc) (corpus.Document, mview, bool) {
		if d.view.Letter == nil || len(d.view.Letter.Journal) != 1 {
			return corpus.Document{}, mview{}, false
		}
		j := d.view.Letter.Journal[0]
		re := mustRe(`(?i)(?:j\.?\s?nr|journalnummer|sagsnr|sag)\s?\.?\s?:?\s*` + strings.ReplaceAll(regexpQuote(j), ` `, `\s?`))
		text := re.ReplaceAllString(d.doc.Text, label+number)
		if text == d.doc.Text {
			return corpus.Document{}, mview{}, false
		}
		want := d.view.clone()
		want.Letter.Journal = []string{number}
		return d.withText(text), want, true
	}
}

// varPartyCase prints the municipality's case number in another scheme.
func varPartyCase(number string) func(d mdoc) (corpus.Document, mview, bool) {
	return func(d mdoc) (corpus.Document, mview, bool) {
		if d.view.Letter == nil {
			return corpus.Document{}, mview{}, false
		}
		for i, c := range d.view.Letter.Cases {
			old := "kommunens sagsnr. " + c
			if !strings.Contains(d.doc.Text, old) {
				continue
			}
			want := d.view.clone()
			want.Letter.Cases[i] = number
			return d.withText(strings.ReplaceAll(d.doc.Text, old, "kommunens sagsnr. "+number)), want, true
		}
		return corpus.Document{}, mview{}, false
	}
}

func regexpQuote(s string) string {
	var b strings.Builder
	for _, r := range s {
		if strings.ContainsRune(`\.+*?()|[]{}^$`, r) {
			b.WriteRune('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

package extract_test

import (
	"fmt"

	"referat/corpus"
	"referat/extract"
)

func ExampleRecord() {
	text := `REFERAT Udvalget for Børn og Ungdom - 2022-2025 d. 06-02-2024

Mødedato Tirsdag d. 06. februar 2024 kl. 16:30

Mødested Mødelokale 4, Allerslev

Punkt 2: BU - Ny Børne- og Ungepolitik i Lejre Kommune - anden drøftelse

23-002364

Beslutning

Drøftet.

Indstilling

Direktionen indstiller:

1. at udvalget drøfter udkast til ny Børne- og Ungepolitik.

Sagsfremstilling

Borger med CPR-nr. 010160-1234 har skrevet til udvalget.
`
	rec := extract.Record(corpus.Document{Format: corpus.FormatText, Text: text})
	it := rec.Items[0]
	fmt.Println(rec.Kind, "|", rec.Municipality, "|", rec.Committee, "|", rec.Meeting.Date, rec.Meeting.Time)
	fmt.Println(it.Number, it.Prefix, "|", it.Title)
	fmt.Println(it.CaseNumbers[0].Raw, it.CaseNumbers[0].Scheme)
	fmt.Println(it.Decisions[0].Outcome, "|", it.Decisions[0].Body, it.Decisions[0].Date)
	fmt.Println(it.Recommendations[0])
	fmt.Println(it.Sections[2].Text)
	// Output:
	// referat | Lejre Kommune | Udvalget for Børn og Ungdom | 2024-02-06 16:30
	// 2 BU | Ny Børne- og Ungepolitik i Lejre Kommune - anden drøftelse
	// 23-002364 year-serial
	// discussed | Udvalget for Børn og Ungdom 2024-02-06
	// at udvalget drøfter udkast til ny Børne- og Ungepolitik.
	// Borger med CPR-nr. XXXXXX-XXXX har skrevet til udvalget.
}

func ExampleRecord_unknown() {
	rec := extract.Record(corpus.Document{Format: corpus.FormatText, Text: "Juridisk notat\n\n1. Indledning\n\nFormålet med dette notat er at beskrive rammerne for Aarhus Kommunes finansiering."})
	// A note naming a municipality in a sentence is not from it.
	fmt.Printf("%s %d %q\n", rec.Kind, len(rec.Items), rec.Municipality)
	fmt.Println(rec.Warnings[len(rec.Warnings)-1])
	// Output:
	// unknown 0 ""
	// not recognised as minutes, an agenda or a letter: text kept, no structure
}

package extract

import (
	"encoding/json"
	"fmt"
	"html"
	"testing"

	"referat/corpus"
	"referat/extract/danish"
)

// outcomeWordings are decisions as the minutes of several systems print
// them, the first one the phrasing the web and API readers once mapped
// on their own.
var outcomeWordings = []string{
	"Magistraten kunne enstemmigt tiltræde indstillingen.",
	"Magistraten kunne tiltræde indstillingen.",
	"Udvalget tiltrådte indstillingen.",
	"Godkendt.",
	"Indstillingen anbefales.",
	"Taget til efterretning.",
	"Drøftet.",
	"Udsat.",
	"Ikke godkendt.",
	"Intet under dette punkt.",
	"Fremsendes til Teknisk Udvalg til behandling.",
	"Udvalget besøgte skolen.",
}

// TestOutcomeSameAcrossFormats checks that a decision's wording gives the
// same outcome whether it is printed in minutes text, a First Agenda API
// meeting (JSON) or a First Agenda web page (HTML): one table decides.
func TestOutcomeSameAcrossFormats(t *testing.T) {
	formats := []struct {
		name string
		doc  func(decision string) corpus.Document
	}{
		{"text", textMeeting},
		{"json", jsonMeeting},
		{"html", webMeeting},
	}
	for _, w := range outcomeWordings {
		want := danish.Outcome(w)
		for _, f := range formats {
			rec := Record(f.doc(w))
			if len(rec.Items) != 1 || len(rec.Items[0].Decisions) != 1 {
				t.Errorf("%s %q: got %d items, decisions %v; want one item with one decision", f.name, w, len(rec.Items), decisionsOf(rec))
				continue
			}
			if got := rec.Items[0].Decisions[0].Outcome; got != want {
				t.Errorf("%s %q: outcome %q; want %q (danish.Outcome)", f.name, w, got, want)
			}
		}
	}
	if got := danish.Outcome(outcomeWordings[0]); got != corpus.OutcomeApproved {
		t.Errorf("Outcome(%q) = %q; want approved", outcomeWordings[0], got)
	}
}

func decisionsOf(rec corpus.Record) []corpus.Decision {
	var ds []corpus.Decision
	for _, it := range rec.Items {
		ds = append(ds, it.Decisions...)
	}
	return ds
}

func textMeeting(decision string) corpus.Document {
	text := fmt.Sprintf(`REFERAT Magistraten d. 06-02-2024

Mødedato Tirsdag d. 06. februar 2024 kl. 16:30

Punkt 2: Budgetopfølgning

23-002364

Beslutning

%s

Indstilling

Direktionen indstiller, at budgetopfølgningen godkendes.
`, decision)
	return corpus.Document{Format: corpus.FormatText, Text: text}
}

func jsonMeeting(decision string) corpus.Document {
	m := map[string]any{
		"Udvalg": map[string]any{"Navn": "Magistraten"},
		"Moede":  map[string]any{"Dato": "2024-02-06T16:30:00", "Afsluttet": true},
		"Dagsordenpunkter": []any{map[string]any{
			"Punktnummer": "2",
			"Navn":        "Budgetopfølgning",
			"SagsNummer":  "23-002364",
			"Felter": []any{
				map[string]any{"Navn": "Beslutning", "Html": "<h3>Beslutning</h3><p>" + html.EscapeString(decision) + "</p>"},
				map[string]any{"Navn": "Indstilling", "Html": "<h3>Indstilling</h3><p>Direktionen indstiller, at budgetopfølgningen godkendes.</p>"},
			},
		}},
	}
	raw, err := json.Marshal(m)
	if err != nil {
		panic(err)
	}
	return corpus.Document{Format: corpus.FormatJSON, Raw: raw}
}

func webMeeting(decision string) corpus.Document {
	page := `<!DOCTYPE html><html><head><meta charset="utf-8"><title>FirstAgenda</title></head><body>
<h1>Referat</h1>
<table class="dagsordeninfo">
<tr><td>Udvalg:</td><td>Magistraten</td></tr>
<tr><td>Mødedato:</td><td>tirsdag den 6. februar 2024 kl. 16.30</td></tr>
</table>
<table>
<tr class="punktrow"><td>2</td><td><span class="overskrift">Budgetopfølgning</span>
<span class="sagsnummer">23-002364</span>
<div class="punkt"><h3>Beslutning</h3><p>` + html.EscapeString(decision) + `</p>
<h3>Indstilling</h3><p>Direktionen indstiller, at budgetopfølgningen godkendes.</p></div></td></tr>
</table></body></html>`
	return corpus.Document{Format: corpus.FormatHTML, Raw: []byte(page)}
}

package web

import "regexp"

// warningsDa are the extraction warnings a reader of the page can act
// on, each with its Danish wording ($1... the pattern's groups). The
// warnings are written in English for the logs and the JSON; the page
// shows a warning in Danish or not at all (a parser's error text is no
// reading for a citizen).
var warningsDa = []struct {
	re *regexp.Regexp
	da string
}{
	{regexp.MustCompile(`^not recognised as minutes, an agenda or a letter`), "Dokumentet er ikke genkendt som referat, dagsorden eller brev: teksten er gemt, men ikke opdelt."},
	{regexp.MustCompile(`^no agenda points found$`), "Der blev ikke fundet nogen dagsordenspunkter."},
	{regexp.MustCompile(`^meeting date not found$`), "Mødedatoen blev ikke fundet."},
	{regexp.MustCompile(`^committee not found$`), "Udvalget blev ikke fundet."},
	{regexp.MustCompile(`^committee inferred from the recommendations: (.+)$`), "Udvalget ($1) er udledt af indstillingen, ikke læst i mødets hoved."},
	{regexp.MustCompile(`^table of contents lists "(.+)", not found as an agenda point$`), "Indholdsfortegnelsen nævner »$1«, som ikke blev fundet som punkt."},
	{regexp.MustCompile(`^agenda point (\d+) "(.+)" is not in the table of contents$`), "Punkt $1 »$2« står ikke i indholdsfortegnelsen."},
	{regexp.MustCompile(`^letter: no recipient found$`), "Brevets modtager blev ikke fundet."},
	{regexp.MustCompile(`^no text found$`), "Dokumentet indeholder ingen tekst."},
	{regexp.MustCompile(`^page (\d+): no text layer \(image only\)$`), "Side $1 er kun et billede uden tekst."},
	{regexp.MustCompile(`^page (\d+): no text layer$`), "Side $1 har ingen tekst."},
	{regexp.MustCompile(`^page (\d+): undecodable glyphs \((\d+) of (\d+)\)$`), "Side $1: $2 af $3 tegn kunne ikke læses."},
	{regexp.MustCompile(`^page (\d+): text from ocr$`), "Teksten på side $1 er læst maskinelt fra et billede (OCR) og kan indeholde fejl."},
	{regexp.MustCompile(`^first agenda: item (\d+) has no number; its position is used$`), "Punkt nr. $1 i rækkefølgen har intet nummer; det er nummereret efter sin plads."},
	{regexp.MustCompile(`^edoc: an item without a number`), "Et punkt uden nummer er nummereret efter sin plads."},
	{regexp.MustCompile(`^first agenda: the meeting has no items$`), "Mødet har ingen punkter."},
	{regexp.MustCompile(`^(?:first agenda|edoc): the (?:page|export) says neither Dagsorden nor Referat`), "Dokumentet siger hverken dagsorden eller referat; det er læst som dagsorden."},
	{regexp.MustCompile(`^edoc: the meeting state .* says neither dagsorden nor referat`), "Dokumentet siger hverken dagsorden eller referat; det er læst som dagsorden."},
	{regexp.MustCompile(`^sbsys: the publication holds (\d+) agendas; the first is read$`), "Udgivelsen rummer $1 dagsordener; kun den første er læst."},
	{regexp.MustCompile(`^first agenda: a collection of (\d+) questions and answers`), "En samling af $1 spørgsmål og svar, ikke et møde: teksten er gemt uden punkter."},
}

// danishWarnings returns the warnings a page shows: those with a Danish
// wording, in it, each once.
func danishWarnings(ws []string) []string {
	var out []string
	seen := map[string]bool{}
	for _, w := range ws {
		for _, d := range warningsDa {
			if m := d.re.FindStringSubmatchIndex(w); m != nil {
				da := string(d.re.ExpandString(nil, d.da, w, m))
				if !seen[da] {
					seen[da] = true
					out = append(out, da)
				}
				break
			}
		}
	}
	return out
}

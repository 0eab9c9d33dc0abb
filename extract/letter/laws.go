package letter

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

var (
	// lawStart is where the title of a law or regulation begins in a list
	// of the rules a decision rests on.
	lawStart = regexp.MustCompile(`(?:^|[\s.;])((?:Lov(?:bekendtgørelse)?\s+(?:om|nr\.)|Bekendtgørelse\s+(?:af\s+lov\s+)?(?:om|nr\.)|Forordning|Europa-Parlamentets\s+og\s+Rådets\s+(?:forordning|direktiv)|Databeskyttelses(?:forordningen|loven)|Barnets\s+lov|Forvaltningsloven|Offentlighedsloven|Kommunestyrelsesloven|Retssikkerhedsloven|Serviceloven|Grundloven|Cirkulære\s+(?:om|nr\.)|Vejledning\s+(?:om|nr\.)))`)
	// A paragraph sign and what precedes it: "2024 § 32", ". §§ 109",
	// " - § 2", "servicelovens §§ 109" (the last is part of a title).
	paragraphSign = regexp.MustCompile(`(\S*)\s*(?:[-–,.]\s*)?§+`)
	// lawWord is a statute named in running text: "kommunestyrelsesloven",
	// "servicelovens", "databeskyttelsesforordningen".
	lawWord = regexp.MustCompile(`\b(\p{Ll}{3,}(?:loven|forordningen))s?\b`)
)

// lawsIn splits a list of rules ("Lov om social service (serviceloven),
// senest bekendtgjort i lovbekendtgørelse nr. 1129 af 22. september 2025.
// §§ 109 og 110 om ...") into the titles of the laws, without the
// paragraphs cited from them.
func lawsIn(s string) []string {
	s = strings.Join(strings.Fields(s), " ")
	locs := lawStart.FindAllStringSubmatchIndex(s, -1)
	var out []string
	seen := map[string]bool{}
	for k, loc := range locs {
		end := len(s)
		if k+1 < len(locs) {
			end = locs[k+1][2]
		}
		law := cutParagraphs(s[loc[2]:end])
		law = strings.TrimSpace(strings.TrimRight(strings.TrimSpace(law), ".,;:-–"))
		if utf8.RuneCountInString(law) < 6 || seen[strings.ToLower(law)] {
			continue
		}
		seen[strings.ToLower(law)] = true
		out = append(out, law)
	}
	return out
}

// cutParagraphs cuts a law's title before the paragraphs cited from it,
// keeping a paragraph the title itself names ("... efter servicelovens
// §§ 109 og 110").
func cutParagraphs(law string) string {
	for _, m := range paragraphSign.FindAllStringSubmatchIndex(law, -1) {
		prev := law[m[2]:m[3]]
		if strings.HasSuffix(prev, "s") && !strings.HasSuffix(prev, ".") {
			continue // a genitive: "servicelovens §§ 109 og 110"
		}
		if m[3] > m[2] && strings.HasSuffix(prev, ",") {
			return law[:m[3]-1]
		}
		return law[:m[3]]
	}
	return law
}

// lawsNamed returns the statutes a text names in passing
// ("kommunestyrelsesloven", "servicelovens § 110" gives "serviceloven"),
// in order of first mention.
func lawsNamed(s string) []string {
	var out []string
	seen := map[string]bool{}
	for _, m := range lawWord.FindAllStringSubmatch(s, -1) {
		w := m[1]
		if !seen[w] {
			seen[w] = true
			out = append(out, w)
		}
	}
	return out
}

// lawsFromLines reads the laws listed under a heading such as "Vi har
// anvendt:" or "Love og bekendtgørelser", up to the next heading.
func lawsFromLines(ls []line) []string {
	for i, l := range ls {
		if l.blank || l.furniture {
			continue
		}
		m := lawHeading.FindStringSubmatch(l.text)
		if m == nil {
			continue
		}
		parts := []string{m[1]}
		for j := i + 1; j < len(ls); j++ {
			if ls[j].furniture || ls[j].blank {
				continue
			}
			if isHeading(ls, j) && !lawStart.MatchString(" "+ls[j].text) || closing.MatchString(ls[j].text) || copyHeading.MatchString(ls[j].text) && strings.HasSuffix(ls[j].text, ":") {
				break
			}
			parts = append(parts, ls[j].text)
		}
		if laws := lawsIn(joinLines(parts)); len(laws) > 0 {
			return laws
		}
	}
	return nil
}

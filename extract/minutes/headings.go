package minutes

import (
	"regexp"
	"strings"
	"unicode"

	"referat/extract/danish"
)

// role is what a heading starts.
type role int

const (
	roleText        role = iota // an ordinary section
	roleDecision                // a decision: "Beslutning", "Beslutning <udvalg> den <dato>"
	roleAttachments             // "Bilag"
	roleHistory                 // "Sagens forløb", "Sagsforløb"
	roleCompetence              // "Beslutningskompetence", "Beslutningen træffes af"
	roleRecommend               // "Indstilling", "Beslutningspunkter"
	roleAbsent                  // "Afbud:", "Følgende deltog ikke i behandlingen af punktet:"
	roleSummary                 // a point's summary printed under an empty heading (see splitSummaries)
)

// knownHeadings are the section headings of Danish minutes, lower-cased,
// learnt from the corpus (Lejre, Frederiksberg, København, Aarhus,
// Ballerup, Greve, Middelfart) and from the usual templates.
var knownHeadings = map[string]role{
	"beslutning":                              roleDecision,
	"beslutninger":                            roleDecision,
	"udvalgets beslutning":                    roleDecision,
	"afgørelse":                               roleDecision,
	"bilag":                                   roleAttachments,
	"bilagsfortegnelse":                       roleAttachments,
	"sagens forløb":                           roleHistory,
	"sagsforløb":                              roleHistory,
	"tidligere beslutninger":                  roleHistory,
	"tidligere behandling":                    roleHistory,
	"beslutningskompetence":                   roleCompetence,
	"beslutningen træffes af":                 roleCompetence,
	"kompetence":                              roleCompetence,
	"indstilling":                             roleRecommend,
	"indstillinger":                           roleRecommend,
	"beslutningspunkter":                      roleRecommend,
	"forvaltningens indstilling":              roleRecommend,
	"administrationens indstilling":           roleRecommend,
	"direktionens indstilling":                roleRecommend,
	"forvaltningen foreslår":                  roleRecommend,
	"forvaltningen indstiller":                roleRecommend,
	"resumé":                                  roleText,
	"resume":                                  roleText,
	"sammendrag":                              roleText,
	"sagsfremstilling":                        roleText,
	"supplerende sagsfremstilling":            roleText,
	"sagsbeskrivelse":                         roleText,
	"problemstilling":                         roleText,
	"løsning":                                 roleText,
	"økonomi":                                 roleText,
	"økonomi og finansiering":                 roleText,
	"økonomiske konsekvenser":                 roleText,
	"økonomiske konsekvenser og finansiering": roleText,
	"bevillingsmæssige konsekvenser":          roleText,
	"personalemæssige konsekvenser":           roleText,
	"videre proces":                           roleText,
	"den videre proces":                       roleText,
	"behandling":                              roleText,
	"borgmesterpåtegning":                     roleText,
	"borgmesterens afdelings påtegning":       roleText,
	"administrationens vurdering":             roleText,
	"forvaltningens vurdering":                roleText,
	"vurdering":                               roleText,
	"handicappolitik":                         roleText,
	"baggrund":                                roleText,
	"formål":                                  roleText,
	"høring":                                  roleText,
	"høringssvar":                             roleText,
	"kommunikation":                           roleText,
	"lovgrundlag":                             roleText,
	"retsgrundlag":                            roleText,
	"lovgivning":                              roleText,
	"tidsplan":                                roleText,
	"miljøvurdering":                          roleText,
	"klimakonsekvenser":                       roleText,
	"klima":                                   roleText,
	"alternativer":                            roleText,
	"risikovurdering":                         roleText,
	"finansiering":                            roleText,
	"bemærkninger":                            roleText,
	"præsentation":                            roleText,
	"indledning":                              roleText,
	"beslutningsforslag":                      roleText,
	"begrundelse":                             roleText,
	"konsekvenser":                            roleText,
	"politisk behandling":                     roleText,
	"sagen":                                   roleText,
	// Headings of other municipalities' templates.
	"sagens indhold":                 roleText,
	"sagens baggrund":                roleText,
	"beskrivelse":                    roleText,
	"fakta":                          roleText,
	"videre forløb":                  roleText,
	"det videre forløb":              roleText,
	"opfølgning":                     roleText,
	"supplerende oplysninger":        roleText,
	"administrationens bemærkninger": roleText,
	"forvaltningens bemærkninger":    roleText,
	"juridiske forhold":              roleText,
	"juridiske konsekvenser":         roleText,
	"økonomi og personale":           roleText,
	"økonomiske og personalemæssige konsekvenser": roleText,
	"konsekvenser for borgerne":                   roleText,
	"borgerinddragelse":                           roleText,
	"høring og inddragelse":                       roleText,
	"inddragelse":                                 roleText,
	"bæredygtighed":                               roleText,
	"verdensmål":                                  roleText,
	"forslag":                                     roleText,
	"indstillingen":                               roleRecommend,
	"direktørens indstilling":                     roleRecommend,
	"byrådets beslutning":                         roleDecision,
	"kommunalbestyrelsens beslutning":             roleDecision,
	"beslutning truffet":                          roleDecision,
	"bilagsliste":                                 roleAttachments,
	"vedlagte bilag":                              roleAttachments,
	"beslutningsproces":                           roleText,
	// Section labels of internal minutes (SBSYS, Word templates).
	"oplæg":                 roleText,
	"konklusion":            roleText,
	"drøftelse":             roleText,
	"opfølgning på referat": roleText,
}

// labelHeadings are the section labels of internal minutes, printed with a
// colon and often their text on the same line: "Oplæg: ...", "Referat:
// ...". "Referat" counts only with its colon; alone on a line it is a
// document's title.
var labelHeadings = map[string]bool{"oplæg": true, "referat": true, "konklusion": true, "drøftelse": true}

var (
	// "Beslutning Udvalget for Job & Arbejdsmarked den 08-05-2019",
	// "Beslutning i Økonomiudvalget den 12. marts 2024".
	decisionBodyDate = regexp.MustCompile(`^Beslutning(?:er)?(?: i| på| fra| af)?\s+(.+?)\s+(?:den|d\.)\s+(.+?)\.?$`)
	// "Sundheds- og Forebyggelsesudvalgets beslutning den 04.12.2012 Punkt 2",
	// "Økonomiudvalgets beslutning den 12. marts 2024".
	bodyDecisionDate = regexp.MustCompile(`^(.+?)s\s+beslutning\s+(?:den|d\.)\s+(.+?)(?:\s+[Pp]unkt\s+\d+)?\.?$`)
	// "Følgende deltog ikke i behandlingen af punktet:", "Afbud:",
	// "Fraværende:", "Afbud/Fraværende".
	absentHeading = regexp.MustCompile(`(?i)^(?:(?:afbud|fraværende|fravær)(?: fra)?|afbud/fraværende|afbud og fraværende|følgende deltog ikke.*?|ikke til ?stede)\s*:?\s*$`)
)

// heading is a recognised heading line.
type heading struct {
	text string // as printed, without a trailing colon
	role role
	body string // for decisions: the deciding body as printed, "" if none
	date string // for decisions: YYYY-MM-DD, "" if none
}

// parseHeading recognises a line as a section heading.
func parseHeading(line string) (heading, bool) {
	if line == "" || runeLen(line) > 160 || strings.ContainsRune(line, '\t') {
		return heading{}, false
	}
	t := strings.TrimSpace(strings.TrimSuffix(line, ":"))
	if t == "" {
		return heading{}, false // ":" alone
	}
	low := strings.ToLower(t)
	if low == "referat" && strings.HasSuffix(line, ":") {
		return heading{text: t, role: roleText}, true
	}
	if r, ok := knownHeadings[low]; ok {
		if r == roleAbsent {
			return heading{}, false
		}
		return heading{text: t, role: r}, true
	}
	if (low[0] == 'a' || low[0] == 'f' || low[0] == 'i') && absentHeading.MatchString(line) {
		return heading{text: t, role: roleAbsent}, true
	}
	if !strings.HasPrefix(t, "Beslutning") && !strings.Contains(t, "beslutning") {
		if isCapsHeading(t) {
			return heading{text: t, role: roleText}, true
		}
		return heading{}, false
	}
	if m := decisionBodyDate.FindStringSubmatch(t); m != nil {
		if d, ok := danish.ParseDate(m[2]); ok {
			return heading{text: t, role: roleDecision, body: strings.TrimSpace(m[1]), date: d}, true
		}
	}
	if m := bodyDecisionDate.FindStringSubmatch(t); m != nil && runeLen(m[1]) < 80 {
		if d, ok := danish.ParseDate(m[2]); ok {
			return heading{text: t, role: roleDecision, body: strings.TrimSpace(m[1]), date: d}, true
		}
	}
	// "Økonomiudvalgets beslutning", "Beslutning i Byrådet": a body and no
	// date.
	if m := bodyDecision.FindStringSubmatch(t); m != nil {
		body := firstNonEmpty(m[1], m[2])
		if danish.LooksLikeCommittee(body) || danish.LooksLikeCommittee(body+"s") {
			return heading{text: t, role: roleDecision, body: strings.TrimSpace(body)}, true
		}
	}
	if isCapsHeading(t) {
		return heading{text: t, role: roleText}, true
	}
	return heading{}, false
}

// bodyDecision is a decision heading naming its body only.
var bodyDecision = regexp.MustCompile(`^(?:(\S.{1,78}?)s\s+beslutning(?:er)?|Beslutning(?:er)?\s+(?:i|på|fra|af)\s+(\S.{1,78}))$`)

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if s != "" {
			return s
		}
	}
	return ""
}

// parseInlineHeading recognises a heading printed with its text on one
// line: "Beslutning: Godkendt.", "Beslutningskompetence: Økonomiudvalget",
// "Bilag: Kort over området". Only headings whose text is short by
// nature are read this way, and the section labels of internal minutes
// ("Oplæg:", "Referat:", "Indstilling:"); a heading that is ordinary text ("Baggrund:
// ...") stays text, and so does "Afbud: ..." inside a decision, which
// reports another meeting's absentees.
func parseInlineHeading(line string) (heading, string, bool) {
	i := strings.Index(line, ": ")
	if i <= 0 || i > 120 || strings.ContainsRune(line, '\t') {
		return heading{}, "", false
	}
	rest := strings.TrimSpace(line[i+2:])
	if rest == "" {
		return heading{}, "", false
	}
	if label := strings.TrimSpace(line[:i]); labelHeadings[strings.ToLower(label)] {
		return heading{text: label, role: roleText}, rest, true
	}
	h, ok := parseHeading(line[:i])
	if !ok {
		return heading{}, "", false
	}
	switch h.role {
	case roleDecision, roleCompetence, roleAttachments, roleRecommend:
		return h, rest, true
	}
	return heading{}, "", false
}

// isCapsHeading reports whether a line is an all-capitals heading such as
// "BESLUTNINGSFORSLAG FRA DD": two words at least, eight letters at least,
// no lower-case letter, not ending like a sentence.
func isCapsHeading(t string) bool {
	letters, words := 0, len(strings.Fields(t))
	if words < 2 || strings.ContainsAny(t, "|<>") || strings.HasSuffix(t, ".") || strings.HasSuffix(t, ",") {
		return false
	}
	for _, r := range t {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters >= 8 && letters*2 > runeLen(t)
}

package danish

import (
	"regexp"
	"slices"
	"strings"

	"referat/corpus"
)

// Vote phrasings. The voters stand before the verb ("V, C og O stemte
// for", "Socialdemokratiet tog forbehold", "Jesper Kjeldsen deltog ikke",
// Aarhus' "X, Y og Z kunne tiltræde indstillingen", "M kunne ikke
// tiltræde", "L var forhindret i at deltage") or after a label ("Imod
// stemte: Ø", "For stemte 7: A, F og B", "Fraværende: Martin Stokholm
// (A)"). A pattern that could take the one before it comes after it
// ("kunne ikke tiltræde" before "kunne tiltræde").
var (
	votesBefore = []struct {
		kind string
		re   *regexp.Regexp
	}{
		{"against", regexp.MustCompile(`(?i)^(.+?)\s+(?:kunne|kan|ville)\s+ikke\s+(?:tiltræde|godkende|anbefale|støtte|stemme for)\b`)},
		{"for", regexp.MustCompile(`(?i)^(.+?)\s+(?:kunne|kan)\s+(?:enstemmigt\s+|fortsat\s+)?(?:tiltræde|godkende|anbefale|støtte)\b`)},
		{"for", regexp.MustCompile(`(?i)^(.+?)\s+(?:stemte|stemmer|har stemt)\s+for\b`)},
		{"against", regexp.MustCompile(`(?i)^(.+?)\s+(?:stemte|stemmer|har stemt)\s+(?:imod|mod|nej)\b`)},
		{"reserved", regexp.MustCompile(`(?i)^(.+?)\s+(?:tog|tager|har taget)\s+(?:\w+\s+)?forbehold\b`)},
		{"reserved", regexp.MustCompile(`(?i)^(.+?)\s+(?:undlod|undlader)\s+at\s+stemme\b`)},
		{"absent", regexp.MustCompile(`(?i)^(.+?)\s+(?:deltog|deltager)\s+ikke\b`)},
		{"absent", regexp.MustCompile(`(?i)^(.+?)\s+(?:var|er)\s+(?:fraværende|forhindret)\b`)},
		{"absent", regexp.MustCompile(`(?i)^(.+?)\s+(?:havde|har|var)\s+meldt\s+afbud\b`)},
	}
	votesAfter = []struct {
		kind string
		re   *regexp.Regexp
	}{
		{"for", regexp.MustCompile(`(?i)^for\s+stemte(?:\s+\d+)?\s*[:.]?\s*(.+)$`)},
		{"against", regexp.MustCompile(`(?i)^imod\s+stemte(?:\s+\d+)?\s*[:.]?\s*(.+)$`)},
		{"reserved", regexp.MustCompile(`(?i)^(?:undlod at stemme|hverken for eller imod|forbehold)(?:\s+\d+)?\s*:\s*(.+)$`)},
		{"absent", regexp.MustCompile(`(?i)^(?:fraværende|afbud|afbud/fraværende|fravær)\s*:\s*(.+)$`)},
	}
	// voterLead is the part of a subject that is not a voter: "Et flertal
	// bestående af", "Et mindretal (", "Medlemmerne", "Følgende".
	voterLead = regexp.MustCompile(`(?i)^(?:et\s+)?(?:flertal|mindretal)(?:\s+(?:bestående af|på \d+))?\s*|^(?:følgende|medlemmerne|partierne|byrådsmedlem(?:merne)?|rådmand)\s+`)
	// notVoters is a subject that names the deciding body or a part of
	// it, not who voted: "Magistraten kunne tiltræde", "Et flertal i
	// udvalget kunne tiltræde", "Udvalget kunne enstemmigt tiltræde".
	notVoters = regexp.MustCompile(`(?i)^(?:et\s+)?(?:enigt\s+|samlet\s+)?(?:(?:flertal|mindretal)\s+(?:i|af)\s+)?(?:hele\s+)?(?:udvalget|byrådet|magistraten|kommunalbestyrelsen|regionsrådet|rådet|forvaltningen|administrationen|direktionen)$`)
	// groupSuffix ends a list of party groups: "Radikale Venstres og
	// Alternativets byrådsgrupper" are Radikale Venstre and Alternativet.
	groupSuffix = regexp.MustCompile(`(?i)s\s+(?:byråds|kommunalbestyrelses|regionsråds)?grupper?$`)
)

// Votes returns who the decision text says voted for, against, reserved
// their position (or abstained) or was absent, or nil when it names no
// one.
func Votes(text string) *corpus.Votes {
	var v corpus.Votes
	found := false
	for _, sent := range splitSentences(strings.ReplaceAll(text, "\r", "")) {
		sent = strings.TrimSpace(sent)
		kind, names := voteSentence(sent)
		if kind == "" || len(names) == 0 {
			continue
		}
		found = true
		switch kind {
		case "for":
			v.For = appendNew(v.For, names...)
		case "against":
			v.Against = appendNew(v.Against, names...)
		case "reserved":
			v.Reserved = appendNew(v.Reserved, names...)
		case "absent":
			v.Absent = appendNew(v.Absent, names...)
		}
	}
	if !found {
		return nil
	}
	return &v
}

func voteSentence(sent string) (string, []string) {
	for _, p := range votesAfter {
		if m := p.re.FindStringSubmatch(sent); m != nil {
			return p.kind, SplitNames(m[1])
		}
	}
	for _, p := range votesBefore {
		if m := p.re.FindStringSubmatch(sent); m != nil {
			subj := m[1]
			if i := strings.IndexByte(subj, '('); i >= 0 && voterLead.MatchString(subj) {
				if j := strings.IndexByte(subj[i:], ')'); j > 0 {
					subj = subj[i+1 : i+j]
				}
			}
			if notVoters.MatchString(strings.TrimSpace(subj)) || LooksLikeCommittee(subj) {
				return "", nil
			}
			subj = voterLead.ReplaceAllString(subj, "")
			if len(subj) > 200 { // not a list of voters but a sentence
				return "", nil
			}
			return p.kind, groupNames(SplitNames(subj))
		}
	}
	return "", nil
}

// groupNames turns the party groups of a list into their parties:
// ["Socialistisk Folkepartis", "Enhedslisten de Rød-Grønnes byrådsgrupper",
// "Viggo Jonasen"] is ["Socialistisk Folkeparti", "Enhedslisten de
// Rød-Grønne", "Viggo Jonasen"]: the genitive of every name up to the
// one the suffix ends goes with it.
func groupNames(names []string) []string {
	last := -1
	for i, n := range names {
		if groupSuffix.MatchString(n) {
			last = i
		}
	}
	for i := 0; i <= last; i++ {
		n := groupSuffix.ReplaceAllString(names[i], "")
		if n != names[i] {
			names[i] = n
		} else if strings.HasSuffix(n, "s") {
			names[i] = strings.TrimSuffix(n, "s")
		}
	}
	return names
}

// SplitNames splits a printed list of people or parties ("Carsten Helles
// Rasmussen, Irene Porse og Henning Nielsen", "V, C og O") into its
// members, keeping what is in parentheses ("Jens Jensen (A, formand)")
// with its person.
func SplitNames(list string) []string {
	list = strings.TrimSpace(strings.Trim(list, " .:;"))
	var out []string
	add := func(p string) {
		if p = strings.TrimSpace(strings.Trim(p, " .:;-–")); p != "" {
			out = append(out, p)
		}
	}
	depth, last := 0, 0
	for i := 0; i < len(list); i++ {
		switch list[i] {
		case '(':
			depth++
		case ')':
			if depth > 0 {
				depth--
			}
		case ',', ';', '&', '\n':
			if depth == 0 {
				add(list[last:i])
				last = i + 1
			}
		case ' ':
			if depth != 0 {
				break
			}
			for _, w := range []string{" og ", " samt "} {
				if strings.HasPrefix(list[i:], w) {
					add(list[last:i])
					last = i + len(w)
					i = last - 1
					break
				}
			}
		}
	}
	add(list[last:])
	return out
}

// appendNew appends the names list does not hold yet.
func appendNew(list []string, names ...string) []string {
	for _, n := range names {
		if !slices.Contains(list, n) {
			list = append(list, n)
		}
	}
	return list
}

package danish

import (
	"regexp"
	"strings"
)

// partyParen is a person's party letter(s) in parentheses at the end of a
// name, optionally followed by a role: "Irene Porse (F)", "Lolan Ottesen
// (A) - formand", "Viggo Jonasen (UFP)".
var partyParen = regexp.MustCompile(`^(.+?)\s*\(([A-ZÆØÅ]{1,4})\)\s*(?:[-–,]\s*(.*))?$`)

// Party splits a participant as printed into name and party letters:
// "Irene Porse (F)" -> "Irene Porse", "F". A name without party letters
// comes back whole with party "". A role after the party ("- formand")
// is dropped from the name.
func Party(participant string) (name, party string) {
	participant = strings.TrimSpace(participant)
	if m := partyParen.FindStringSubmatch(participant); m != nil {
		return strings.TrimSpace(m[1]), m[2]
	}
	return participant, ""
}

// absentMark is what a participant list appends to someone who sent
// apologies: "Martin Stokholm (Afbud)", "Jens Hansen (fraværende)".
var absentMark = regexp.MustCompile(`(?i)\s*\((?:afbud|fraværende|fravær|forhindret|syg)\)\s*$`)

// AbsentMarked reports whether a participant as printed carries an
// apology mark, and returns the name without it.
func AbsentMarked(participant string) (string, bool) {
	if loc := absentMark.FindStringIndex(participant); loc != nil {
		return strings.TrimSpace(participant[:loc[0]]), true
	}
	return participant, false
}

// partyWord matches a word that only a party's or a group's name holds:
// Danish party names are built from these (Socialdemokratiet, Venstre,
// Radikale Venstre, Det Konservative Folkeparti, Socialistisk Folkeparti,
// Enhedslisten, Liberal Alliance, Alternativet, Danmarksdemokraterne,
// Moderaterne, Nye Borgerlige, Kristendemokraterne, Frie Grønne), and so
// are local lists ("Lokallisten", "Liste L") and council groups
// ("V-gruppen", "Byrådsgruppen").
var partyWord = regexp.MustCompile(`(?i)(?:^|[\s-])(?:\p{L}*parti(?:et)?|\p{L}*listen?|venstre|socialdemokrat\p{L}*|konservative|\p{L}*demokraterne|alliance|alternativet|moderaterne|borgerlige|grønne|\p{L}*gruppen?)(?:$|[\s,.])`)

// partyLettersOnly is a vote cast in a party's name by its letters alone:
// "A", "SF", "Ø", "UFP".
var partyLettersOnly = regexp.MustCompile(`^[A-ZÆØÅ]{1,4}$`)

// IsParty reports whether a name in a vote or a participant list is a
// party or a council group rather than a person: "Radikale Venstre",
// "Enhedslisten de Rød-Grønne", "SF". Minutes often record votes by party.
func IsParty(name string) bool {
	name = strings.TrimSpace(name)
	return partyLettersOnly.MatchString(name) || partyWord.MatchString(name)
}

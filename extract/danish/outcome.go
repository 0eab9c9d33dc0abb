package danish

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"referat/corpus"
)

// outcomePhrases are the phrasings of each outcome. In one sentence the
// phrase printed first wins ("Anbefales godkendt" is a recommendation),
// so negations are whole phrases that start before the word they negate.
// Discussion is weak: "Drøftet og godkendt" is an approval.
var outcomePhrases = []struct {
	outcome corpus.Outcome
	re      *regexp.Regexp
}{
	{corpus.OutcomeRejected, regexp.MustCompile(`\b(?:ikke (?:godkendt|godkendes|godkende|tiltræde|tiltrådt|tiltrådte|tiltrådes|vedtaget|anbefalet|anbefales|imødekommet)|afvist|afviste|afvises|afslået|afslag|forkastet|forkastes|nedstemt|bortfaldt|forslaget faldt|faldt forslaget|kunne ikke anbefale|anbefaler ikke)\b`)},
	{corpus.OutcomePostponed, regexp.MustCompile(`\b(?:udsat|udsættes|udsætte|udsatte|udskudt|udskydes|sagen trukket|trukket af dagsordenen|tages op (?:igen|på et senere))\b`)},
	{corpus.OutcomeRecommended, regexp.MustCompile(`\b(?:anbefales|anbefalet|anbefaler|anbefalede|indstilles (?:til|over for))\b`)},
	{corpus.OutcomeApproved, regexp.MustCompile(`\b(?:godkendt|godkendes|godkendte|godkender|godkendelse givet|tiltrådt|tiltrådte|tiltrædes|tiltræder|(?:kan|kunne)\s+(?:enstemmigt\s+)?(?:tiltræde|godkende)|vedtaget|vedtages|vedtog|bevilget|bevilges|indstillingen følges|indstillingen blev fulgt|følger indstillingen|imødekommet)\b`)},
	{corpus.OutcomeNoted, regexp.MustCompile(`\b(?:til efterretning|til orientering|orienteringen taget|efterretning|noteret|blev orienteret|tog orienteringen)\b`)},
	{corpus.OutcomeDiscussed, regexp.MustCompile(`\b(?:drøftet|drøftede|drøftes|drøftelse|debatteret|behandlet uden)\b`)},
}

// referredPhrase sends a case on to another body without deciding it:
// "Fremsendes til Teknisk Udvalg til behandling", "Oversendes til
// Økonomiudvalget", "Henvist til budgetforhandlingerne", "Udvalget
// sender sagen tilbage til administrationen"; not "der er fremsendt et
// tilbud", which tells what someone else sent. It is weaker than the other outcomes in its sentence:
// "Fremsendes til Aarhus Byråd med bemærkning, at Magistraten anbefaler
// ..." is a recommendation.
var referredPhrase = regexp.MustCompile(`\b(?:fremsendes|oversendes|videresendes|sendes (?:videre|tilbage)|henvises|sagen (?:blev |er )?(?:fremsendt|oversendt|videresendt|henvist|sendt (?:videre|tilbage))|sender sagen (?:videre|tilbage))\b|^henvist\b`)

// referred reports whether a sentence refers the case on; "der henvises
// til bilag 2" points the reader to a text instead.
func referred(sent string) bool {
	for _, loc := range referredPhrase.FindAllStringIndex(sent, -1) {
		if !strings.HasSuffix(sent[:loc[0]], "der ") {
			return true
		}
	}
	return false
}

// noneSentence is a whole sentence saying nothing was decided: "Intet.",
// "Intet under dette punkt.", "Der var intet under Eventuelt.", "Ingen
// bemærkninger".
var noneSentence = regexp.MustCompile(`^(?:der var )?(?:intet|ingen|ikke noget)(?: (?:under|til|at bemærke|bemærkninger|punkter|sager|meddelelser)(?: .*)?)?$`)

var sentenceEnd = regexp.MustCompile(`[.!?;]\s+|[.!?;]$|\n+`)

// Outcome maps a decision text to the closed vocabulary of DESIGN.md:
// "Godkendt" and "Indstillingen tiltrådt" are approved, "Indstillingen
// anbefales" recommended, "Taget til efterretning/orientering" noted,
// "Drøftet" discussed, "Udsat" postponed, "Afvist" rejected, "Intet under
// dette punkt" none, "Fremsendes til ... til behandling" referred,
// anything else other. The first sentence that says one of these
// decides, but a discussion is only what happened before the decision's
// effect: "Udvalget drøftede sagen. Udvalget besluttede herefter at
// udsætte den." is postponed, as a later referral is referred. An empty
// text has no outcome: "".
func Outcome(text string) corpus.Outcome {
	text = strings.TrimSpace(text)
	if text == "" {
		return ""
	}
	discussed := false // an earlier sentence said the case was discussed
	for _, sent := range splitSentences(text) {
		sent = strings.ToLower(sent)
		if !discussed && noneSentence.MatchString(strings.Trim(sent, " .:,")) {
			return corpus.OutcomeNone
		}
		best, bestPos := corpus.Outcome(""), len(sent)+1
		postponed, discussion := false, false
		for _, p := range outcomePhrases {
			loc := p.re.FindStringIndex(sent)
			if loc == nil {
				continue
			}
			switch p.outcome {
			case corpus.OutcomeDiscussed:
				discussion = true
				continue
			case corpus.OutcomePostponed:
				postponed = true
			}
			if loc[0] < bestPos {
				best, bestPos = p.outcome, loc[0]
			}
		}
		if discussed {
			// After a discussion only the decision's effect counts: a
			// later "Udvalget besluttede at udsætte" or a referral, not
			// the votes and remarks that follow.
			switch {
			case postponed:
				return corpus.OutcomePostponed
			case referred(sent) && best != "":
				return best
			case referred(sent):
				return corpus.OutcomeReferred
			}
			continue
		}
		switch {
		case best != "":
			return best
		case referred(sent):
			return corpus.OutcomeReferred
		case discussion:
			discussed = true
		}
	}
	if discussed {
		return corpus.OutcomeDiscussed
	}
	return corpus.OutcomeOther
}

// splitSentences splits a text at sentence ends: a full stop, question or
// exclamation mark or semicolon before space, and every line break. A full
// stop followed by a lower-case word ends no sentence: "den 2. september",
// "jf. bilag", "1. tekniske behandling".
func splitSentences(s string) []string {
	var out []string
	last := 0
	for _, m := range sentenceEnd.FindAllStringIndex(s, -1) {
		if s[m[0]] == '.' && m[1] < len(s) && s[m[1]-1] == ' ' {
			if r, _ := utf8.DecodeRuneInString(s[m[1]:]); unicode.IsLower(r) {
				continue
			}
		}
		if sent := strings.TrimSpace(s[last:m[0]]); sent != "" {
			out = append(out, sent)
		}
		last = m[1]
	}
	if sent := strings.TrimSpace(s[last:]); sent != "" {
		out = append(out, sent)
	}
	return out
}

package danish

import (
	"regexp"
	"strings"

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

// noneSentence is a whole sentence saying nothing was decided: "Intet.",
// "Intet under dette punkt.", "Der var intet under Eventuelt.", "Ingen
// bemærkninger".
var noneSentence = regexp.MustCompile(`^(?:der var )?(?:intet|ingen|ikke noget)(?: (?:under|til|at bemærke|bemærkninger|punkter|sager|meddelelser)(?: .*)?)?$`)

var sentenceEnd = regexp.MustCompile(`[.!?;]\s+|[.!?;]$|\n+`)

// Outcome maps a decision text to the closed vocabulary of DESIGN.md:
// "Godkendt" and "Indstillingen tiltrådt" are approved, "Indstillingen
// anbefales" recommended, "Taget til efterretning/orientering" noted,
// "Drøftet" discussed, "Udsat" postponed, "Afvist" rejected, "Intet under
// dette punkt" none, anything else other. The first sentence that says
// one of these decides. An empty text has no outcome: "".
func Outcome(text string) corpus.Outcome {
	text = strings.TrimSpace(text)
	if text == "" {
		return ""
	}
	lower := strings.ToLower(text)
	weak := corpus.Outcome("")
	for _, sent := range splitSentences(lower) {
		if noneSentence.MatchString(strings.Trim(sent, " .:,")) {
			return corpus.OutcomeNone
		}
		best, bestPos := corpus.Outcome(""), len(sent)+1
		for _, p := range outcomePhrases {
			loc := p.re.FindStringIndex(sent)
			if loc == nil {
				continue
			}
			if p.outcome == corpus.OutcomeDiscussed {
				if weak == "" && best == "" {
					weak = p.outcome
				}
				continue
			}
			if loc[0] < bestPos {
				best, bestPos = p.outcome, loc[0]
			}
		}
		if best != "" {
			return best
		}
		if weak != "" {
			return weak
		}
	}
	return corpus.OutcomeOther
}

func splitSentences(s string) []string {
	var out []string
	last := 0
	for _, m := range sentenceEnd.FindAllStringIndex(s, -1) {
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

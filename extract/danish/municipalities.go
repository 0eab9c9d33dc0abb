package danish

import (
	"strings"
	"unicode"
)

// municipalities are the 98 Danish municipalities by official name, with
// the stem their name is printed with before "Kommune" and other
// spellings seen in documents.
var municipalities = []struct {
	name  string
	stems []string
}{
	{"Albertslund Kommune", []string{"Albertslund"}},
	{"Allerød Kommune", []string{"Allerød"}},
	{"Assens Kommune", []string{"Assens"}},
	{"Ballerup Kommune", []string{"Ballerup"}},
	{"Billund Kommune", []string{"Billund"}},
	{"Bornholms Regionskommune", []string{"Bornholms", "Bornholm"}},
	{"Brøndby Kommune", []string{"Brøndby"}},
	{"Brønderslev Kommune", []string{"Brønderslev"}},
	{"Dragør Kommune", []string{"Dragør"}},
	{"Egedal Kommune", []string{"Egedal"}},
	{"Esbjerg Kommune", []string{"Esbjerg"}},
	{"Fanø Kommune", []string{"Fanø"}},
	{"Favrskov Kommune", []string{"Favrskov"}},
	{"Faxe Kommune", []string{"Faxe"}},
	{"Fredensborg Kommune", []string{"Fredensborg"}},
	{"Fredericia Kommune", []string{"Fredericia"}},
	{"Frederiksberg Kommune", []string{"Frederiksberg"}},
	{"Frederikshavn Kommune", []string{"Frederikshavn"}},
	{"Frederikssund Kommune", []string{"Frederikssund"}},
	{"Furesø Kommune", []string{"Furesø"}},
	{"Faaborg-Midtfyn Kommune", []string{"Faaborg-Midtfyn", "Fåborg-Midtfyn"}},
	{"Gentofte Kommune", []string{"Gentofte"}},
	{"Gladsaxe Kommune", []string{"Gladsaxe"}},
	{"Glostrup Kommune", []string{"Glostrup"}},
	{"Greve Kommune", []string{"Greve"}},
	{"Gribskov Kommune", []string{"Gribskov"}},
	{"Guldborgsund Kommune", []string{"Guldborgsund"}},
	{"Haderslev Kommune", []string{"Haderslev"}},
	{"Halsnæs Kommune", []string{"Halsnæs"}},
	{"Hedensted Kommune", []string{"Hedensted"}},
	{"Helsingør Kommune", []string{"Helsingør"}},
	{"Herlev Kommune", []string{"Herlev"}},
	{"Herning Kommune", []string{"Herning"}},
	{"Hillerød Kommune", []string{"Hillerød"}},
	{"Hjørring Kommune", []string{"Hjørring"}},
	{"Holbæk Kommune", []string{"Holbæk"}},
	{"Holstebro Kommune", []string{"Holstebro"}},
	{"Horsens Kommune", []string{"Horsens"}},
	{"Hvidovre Kommune", []string{"Hvidovre"}},
	{"Høje-Taastrup Kommune", []string{"Høje-Taastrup", "Høje Taastrup"}},
	{"Hørsholm Kommune", []string{"Hørsholm"}},
	{"Ikast-Brande Kommune", []string{"Ikast-Brande"}},
	{"Ishøj Kommune", []string{"Ishøj"}},
	{"Jammerbugt Kommune", []string{"Jammerbugt"}},
	{"Kalundborg Kommune", []string{"Kalundborg"}},
	{"Kerteminde Kommune", []string{"Kerteminde"}},
	{"Kolding Kommune", []string{"Kolding"}},
	{"Københavns Kommune", []string{"Københavns", "København"}},
	{"Køge Kommune", []string{"Køge"}},
	{"Langeland Kommune", []string{"Langeland"}},
	{"Lejre Kommune", []string{"Lejre"}},
	{"Lemvig Kommune", []string{"Lemvig"}},
	{"Lolland Kommune", []string{"Lolland"}},
	{"Lyngby-Taarbæk Kommune", []string{"Lyngby-Taarbæk", "Lyngby Taarbæk"}},
	{"Læsø Kommune", []string{"Læsø"}},
	{"Mariagerfjord Kommune", []string{"Mariagerfjord"}},
	{"Middelfart Kommune", []string{"Middelfart"}},
	{"Morsø Kommune", []string{"Morsø"}},
	{"Norddjurs Kommune", []string{"Norddjurs"}},
	{"Nordfyns Kommune", []string{"Nordfyns", "Nordfyn"}},
	{"Nyborg Kommune", []string{"Nyborg"}},
	{"Næstved Kommune", []string{"Næstved"}},
	{"Odder Kommune", []string{"Odder"}},
	{"Odense Kommune", []string{"Odense"}},
	{"Odsherred Kommune", []string{"Odsherred"}},
	{"Randers Kommune", []string{"Randers"}},
	{"Rebild Kommune", []string{"Rebild"}},
	{"Ringkøbing-Skjern Kommune", []string{"Ringkøbing-Skjern"}},
	{"Ringsted Kommune", []string{"Ringsted"}},
	{"Roskilde Kommune", []string{"Roskilde"}},
	{"Rudersdal Kommune", []string{"Rudersdal"}},
	{"Rødovre Kommune", []string{"Rødovre"}},
	{"Samsø Kommune", []string{"Samsø"}},
	{"Silkeborg Kommune", []string{"Silkeborg"}},
	{"Skanderborg Kommune", []string{"Skanderborg"}},
	{"Skive Kommune", []string{"Skive"}},
	{"Slagelse Kommune", []string{"Slagelse"}},
	{"Solrød Kommune", []string{"Solrød"}},
	{"Sorø Kommune", []string{"Sorø"}},
	{"Stevns Kommune", []string{"Stevns"}},
	{"Struer Kommune", []string{"Struer"}},
	{"Svendborg Kommune", []string{"Svendborg"}},
	{"Syddjurs Kommune", []string{"Syddjurs"}},
	{"Sønderborg Kommune", []string{"Sønderborg"}},
	{"Thisted Kommune", []string{"Thisted"}},
	{"Tønder Kommune", []string{"Tønder"}},
	{"Tårnby Kommune", []string{"Tårnby"}},
	{"Vallensbæk Kommune", []string{"Vallensbæk"}},
	{"Varde Kommune", []string{"Varde"}},
	{"Vejen Kommune", []string{"Vejen"}},
	{"Vejle Kommune", []string{"Vejle"}},
	{"Vesthimmerlands Kommune", []string{"Vesthimmerlands", "Vesthimmerland"}},
	{"Viborg Kommune", []string{"Viborg"}},
	{"Vordingborg Kommune", []string{"Vordingborg"}},
	{"Ærø Kommune", []string{"Ærø"}},
	{"Aabenraa Kommune", []string{"Aabenraa", "Åbenrå"}},
	{"Aalborg Kommune", []string{"Aalborg", "Ålborg"}},
	{"Aarhus Kommune", []string{"Aarhus", "Århus"}},
}

var (
	stemToName   map[string]string // stem as printed -> official name
	lowerToName  map[string]string // lower-cased stem -> official name
	bodyMentions = map[string]string{
		// Bodies only one municipality has.
		"Borgerrepræsentationen": "Københavns Kommune",
	}
	// mentionWords are the words a municipality's name stands before:
	// "Lejre Kommune(s)", "Aarhus Byråd", "Ballerup Rådhus".
	mentionWords = []string{"Kommune", "kommune", "Byråd", "Kommunalbestyrelse", "Rådhus", "Regionskommune"}
	// mentionLeads are the words it stands after: "Kommunalbestyrelsen i
	// Lejre", "Byrådet i Syddjurs".
	mentionLeads = []string{"Kommunalbestyrelsen i ", "Byrådet i "}
)

func init() {
	stemToName = make(map[string]string)
	lowerToName = make(map[string]string)
	for _, m := range municipalities {
		for _, s := range m.stems {
			stemToName[s] = m.name
			lowerToName[strings.ToLower(s)] = m.name
		}
	}
}

// Municipalities returns the official names of the 98 municipalities.
func Municipalities() []string {
	out := make([]string, len(municipalities))
	for i, m := range municipalities {
		out[i] = m.name
	}
	return out
}

// MunicipalityName returns the official name of the municipality s names
// ("Lejre", "lejre kommune", "Københavns Kommune", "Århus"), or "".
func MunicipalityName(s string) string {
	s = strings.TrimSpace(s)
	low := strings.ToLower(s)
	for _, suf := range []string{" regionskommune", " kommune", " byråd"} {
		low = strings.TrimSuffix(low, suf)
	}
	if n, ok := lowerToName[low]; ok {
		return n
	}
	if n, ok := lowerToName[strings.TrimSuffix(low, "s")]; ok {
		return n
	}
	return ""
}

// MunicipalityMentions counts the mentions of each municipality in s:
// "Lejre Kommune(s)", "Aarhus Byråd", "Ballerup Rådhus", "Kommunalbestyrelsen
// i Lejre", and bodies only one municipality has (Borgerrepræsentationen).
// It scans for the few words around a name rather than matching a
// 98-way alternation, which is slow on long text.
func MunicipalityMentions(s string) map[string]int {
	counts := map[string]int{}
	for _, w := range mentionWords {
		for off := 0; ; {
			i := strings.Index(s[off:], w)
			if i < 0 {
				break
			}
			i += off
			off = i + len(w)
			if i == 0 || s[i-1] != ' ' {
				continue
			}
			if n := stemBefore(s[:i-1]); n != "" {
				counts[n]++
			}
		}
	}
	for _, lead := range mentionLeads {
		for off := 0; ; {
			i := strings.Index(s[off:], lead)
			if i < 0 {
				break
			}
			off = i + off + len(lead)
			if n := stemAfter(s[off:]); n != "" {
				counts[n]++
			}
		}
	}
	for body, n := range bodyMentions {
		if c := strings.Count(s, body); c > 0 {
			counts[n] += c
		}
	}
	return counts
}

// stemBefore returns the municipality whose name ends s: the last word
// ("Lejre", genitive "Nordfyns"), or the last two ("Høje Taastrup").
func stemBefore(s string) string {
	j := strings.LastIndexAny(s, " \n\t(\"'“”,;:")
	w := s[j+1:]
	if n := stemToName[w]; n != "" {
		return n
	}
	if n := stemToName[strings.TrimSuffix(w, "s")]; n != "" && len(w) > 1 {
		return n
	}
	if j > 0 && s[j] == ' ' {
		k := strings.LastIndexAny(s[:j], " \n\t(\"'“”,;:")
		if n := stemToName[s[k+1:]]; n != "" {
			return n
		}
	}
	return ""
}

// stemAfter returns the municipality whose name starts s.
func stemAfter(s string) string {
	end := strings.IndexFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && r != '-' })
	if end < 0 {
		end = len(s)
	}
	return stemToName[s[:end]]
}

// FindMunicipality returns the municipality a document is most likely
// from: the one mentioned most, where mentions in the head (the first
// headLen bytes: letterhead, meeting header) count three times, provided
// it clearly dominates: twice the score of any other. It returns "" when
// no municipality is mentioned or none dominates.
func FindMunicipality(s string, headLen int) string {
	return DominantMunicipality(s, headLen, 1)
}

// DominantMunicipality is FindMunicipality with a least score: a
// document that is not minutes (a circular, a note) names municipalities
// in passing, so one mention in its body (score 1) says little, while one
// in its head (score 3) or two in its body do.
func DominantMunicipality(s string, headLen, least int) string {
	if headLen > len(s) {
		headLen = len(s)
	}
	for headLen > 0 && headLen < len(s) && s[headLen]&0xC0 == 0x80 {
		headLen-- // stay on a rune boundary
	}
	score := MunicipalityMentions(s)
	for n, c := range MunicipalityMentions(s[:headLen]) {
		score[n] += 2 * c
	}
	best, bestN, second := "", 0, 0
	for n, c := range score {
		switch {
		case c > bestN || c == bestN && n < best:
			second = max(second, bestN)
			best, bestN = n, c
		default:
			second = max(second, c)
		}
	}
	if bestN < least || bestN < 2*second {
		return ""
	}
	return best
}

package minutes

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"referat/corpus"
	"referat/extract/danish"
)

// inferCommittee is where the committee of minutes that do not print it
// in a header is inferred (the header's, read by parseHeader, comes
// first); extract.finish only normalises the name (danish.CommitteeName).
// Decisions that name no body get the inferred committee, as decisions
// under a meeting's header get the header's.
func inferCommittee(m *Minutes) {
	// Points printed without the meeting's header (an eDoc item PDF) may
	// name their meeting only in their decisions: "<udvalg>s beslutning
	// den <dato>". When every point's last decision names the same body
	// and date, that is the meeting.
	if m.Committee == "" {
		if body, date, ok := sharedDecider(m.Items); ok {
			m.Committee = body
			if m.Meeting.Date == "" {
				m.Meeting.Date = date
			}
			nameDecider(m.Items, body, m.Meeting.Date)
		}
	}
	// A point published alone (a København item page) may name its
	// committee only as the body its recommendations address: "at
	// Socialudvalget tager ... til efterretning", "indstiller over for
	// Økonomiudvalget". When they all address one committee, that is the
	// meeting's; the record says it was inferred.
	if m.Committee == "" {
		if body, ok := addressedCommittee(m.Items); ok {
			m.Committee = body
			m.Warnings = append(m.Warnings, "committee inferred from the recommendations: "+body)
			nameDecider(m.Items, body, "")
		}
	}
}

// sharedDecider returns the body and date that the last decision of
// every point names, when they all name the same.
func sharedDecider(items []corpus.Item) (body, date string, ok bool) {
	for _, it := range items {
		ds := it.Decisions
		if len(ds) == 0 {
			continue
		}
		d := ds[len(ds)-1]
		if d.Body == "" {
			return "", "", false
		}
		if body == "" {
			body, date = d.Body, d.Date
			continue
		}
		if danish.CommitteeKey(d.Body) != danish.CommitteeKey(body) || d.Date != date {
			return "", "", false
		}
	}
	return body, date, body != ""
}

// overFor finds the body a recommendation is put before: "Socialforvaltningen
// indstiller over for Socialudvalget,".
var overFor = regexp.MustCompile(`\bindstiller\s+over\s+for\s+(\p{Lu}[^,.:;]{2,80})`)

// addressedCommittee returns the committee that every point's
// recommendations address, by the first committee-like name after "at"
// or "indstiller over for"; ok is false when none does or they differ.
// Recommendations that name no committee ("at udvalget drøfter ...") do
// not count either way.
func addressedCommittee(items []corpus.Item) (body string, ok bool) {
	agree := func(name string) bool {
		if body == "" {
			body = name
			return true
		}
		return danish.CommitteeKey(name) == danish.CommitteeKey(body)
	}
	for _, it := range items {
		for _, sec := range it.Sections {
			for _, m := range overFor.FindAllStringSubmatch(sec.Text, -1) {
				if name := leadingCommittee(m[1]); name != "" && !agree(name) {
					return "", false
				}
			}
		}
		for _, r := range it.Recommendations {
			rest, found := strings.CutPrefix(r, "at ")
			if !found {
				continue
			}
			if name := leadingCommittee(rest); name != "" && !agree(name) {
				return "", false
			}
		}
	}
	return body, body != ""
}

// leadingCommittee returns the committee-like name s starts with, or ""
// when s starts otherwise. Three shapes: one word ("Socialudvalget",
// "Borgerrepræsentationen"); compound words joined by "og"
// ("Børne- og Skoleudvalget", "Kultur-, Sports- og Fritidsudvalget");
// "Udvalget for" and the capitalised words, commas and connectives after
// it ("Udvalget for Klima, Natur og Miljø").
func leadingCommittee(s string) string {
	f := strings.Fields(s)
	if len(f) == 0 || !startsUpper(f[0]) {
		return ""
	}
	trim := func(w string) string { return strings.TrimRight(w, ",") }
	// Compounds: "Børne-" "og" "Skoleudvalget".
	i := 0
	for i < len(f) && strings.HasSuffix(trim(f[i]), "-") {
		i++
	}
	if i > 0 && i+1 < len(f) && (f[i] == "og" || f[i] == "&") {
		if last := trim(f[i+1]); danish.LooksLikeCommittee(last) && !strings.HasPrefix(strings.ToLower(last), "udvalg") {
			return strings.Join(append(f[:i+1:i+1], last), " ")
		}
		return ""
	}
	first := trim(f[0])
	if !strings.EqualFold(first, "Udvalget") && !strings.EqualFold(first, "Udvalg") {
		if danish.LooksLikeCommittee(first) {
			return first
		}
		return ""
	}
	if len(f) < 3 || f[1] != "for" {
		return "" // "Udvalget" alone: which one is not said
	}
	name := []string{first, "for"}
	for j := 2; j < len(f); j++ {
		w, core := f[j], trim(f[j])
		if !startsUpper(core) && core != "og" && core != "&" && core != "i" && !strings.HasSuffix(core, "-") {
			break
		}
		name = append(name, w)
		if w != core && (j+1 == len(f) || !startsUpper(f[j+1])) {
			break // a comma that ends the name
		}
	}
	for len(name) > 2 {
		last := trim(name[len(name)-1])
		if last != "og" && last != "&" && last != "i" && !strings.HasSuffix(last, "-") {
			break
		}
		name = name[:len(name)-1]
	}
	if len(name) == 2 {
		return ""
	}
	name[len(name)-1] = trim(name[len(name)-1])
	return strings.Join(name, " ")
}

func startsUpper(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

// nameDecider gives the decisions that name no body the meeting's
// committee, as decisions under a meeting's header get it, and those that
// name no date either the meeting's date, when date is given.
func nameDecider(items []corpus.Item, body, date string) {
	for i := range items {
		for j := range items[i].Decisions {
			d := &items[i].Decisions[j]
			if d.Body != "" {
				continue
			}
			if d.Date == "" && date != "" {
				d.Date = date
			}
			d.Body = body
		}
	}
}

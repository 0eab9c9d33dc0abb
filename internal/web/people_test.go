package web

import (
	"encoding/json"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"referat/corpus"
	"referat/index"
)

func TestPersonName(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"Martin Stokholm (A)", "Martin Stokholm"},
		{"Martin Stokholm", "Martin Stokholm"},
		{"  Bjørn Lykke  Sørensen (C) ", "Bjørn Lykke Sørensen"},
		{"Jens Hansen, formand", "Jens Hansen"},
		{"Irene Porse (F) (stedfortræder)", "Irene Porse"},
		{"(A)", ""},
	} {
		if got := personName(c.in); got != c.want {
			t.Errorf("personName(%q) = %q; want %q", c.in, got, c.want)
		}
	}
}

// peopleServer serves a store of the 2019 Lejre meeting (seed 004), a
// later Lejre meeting of the same committee, copied from it, where Martin
// Stokholm (A) attended and voted for item 1, and the same meeting held in
// another municipality, where a Martin Stokholm sent apologies.
func peopleServer(t *testing.T) *Server {
	t.Helper()
	f := testServer(t)
	dir := t.TempDir()
	st, err := corpus.OpenStore(filepath.Join(dir, "store"))
	if err != nil {
		t.Fatal(err)
	}
	base := f.recs["004"]
	put := func(r *corpus.Record, salt string) {
		raw, err := f.store.Raw(base.ID)
		if err != nil {
			t.Fatal(err)
		}
		if r.ID, err = st.PutRaw(append(raw, salt...)); err != nil {
			t.Fatal(err)
		}
		if err := st.PutRecord(r); err != nil {
			t.Fatal(err)
		}
	}
	copyOf := func() *corpus.Record {
		b, _ := json.Marshal(base)
		var r corpus.Record
		json.Unmarshal(b, &r)
		return &r
	}
	put(copyOf(), "")
	later := copyOf()
	later.Meeting.Date = "2020-06-03"
	later.Meeting.Absent = nil
	later.Items = later.Items[:1]
	later.Items[0].Absent = nil
	later.Items[0].Decisions[0].Date = "2020-06-03"
	later.Items[0].Decisions[0].Votes = &corpus.Votes{For: []string{"Martin Stokholm (A)", "Steen Hansen"}, Against: []string{"Christian Plank"}}
	put(later, "later")
	other := copyOf()
	other.Municipality = "Roskilde Kommune"
	other.Meeting.Participants = []string{"Martin Stokholm"}
	other.Meeting.Absent = []string{"Martin Stokholm (V)"}
	other.Items = nil
	put(other, "roskilde")
	ix, err := index.Open(filepath.Join(dir, "index"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close(); os.RemoveAll(dir) })
	srv, err := New(ix, st, Options{})
	if err != nil {
		t.Fatal(err)
	}
	return srv
}

func TestPeopleAcrossMeetingsAndMunicipalities(t *testing.T) {
	srv := peopleServer(t)
	var got apiPeople
	target := "/api/people/" + url.PathEscape("Martin Stokholm")
	res, body := get(t, srv, target)
	wantStatus(t, target, res, 200)
	if err := json.Unmarshal([]byte(body), &got); err != nil {
		t.Fatal(err)
	}
	// Two municipalities, two people.
	if len(got.People) != 2 || got.People[0].Municipality != "Lejre Kommune" || got.People[1].Municipality != "Roskilde Kommune" {
		t.Fatalf("%s: %d people %+v; want Lejre's and Roskilde's", target, len(got.People), got.People)
	}
	lejre := got.People[0]
	// With and without party letters: one person.
	if names := slices.Sorted(slices.Values(lejre.NamesWritten)); strings.Join(names, "|") != "Martin Stokholm|Martin Stokholm (A)" {
		t.Errorf("Lejre's Martin Stokholm written as %q; want both forms", lejre.NamesWritten)
	}
	if len(lejre.Attended) != 1 || lejre.Attended[0].Date != "2020-06-03" {
		t.Errorf("attended %+v; want the 2020 meeting", lejre.Attended)
	}
	if len(lejre.Absences) != 1 || lejre.Absences[0].Detail != "Afbud" || lejre.Absences[0].Date != "2019-05-08" {
		t.Errorf("absences %+v; want the 2019 apologies once (not again at each item)", lejre.Absences)
	}
	if len(lejre.Votes) != 1 || lejre.Votes[0].Kind != evFor || lejre.Votes[0].ItemNumber != 1 || !strings.HasPrefix(lejre.Votes[0].URL, "/items/") {
		t.Errorf("votes %+v; want for item 1", lejre.Votes)
	}
	if r := got.People[1]; len(r.Attended) != 0 || len(r.Absences) != 1 {
		t.Errorf("Roskilde's Martin Stokholm %+v; want one absence and no meeting attended", r)
	}

	// The municipality parameter picks one of them; the page has both.
	target = "/api/people/" + url.PathEscape("Martin Stokholm") + "?municipality=" + url.QueryEscape("Roskilde Kommune")
	_, body = get(t, srv, target)
	got = apiPeople{}
	json.Unmarshal([]byte(body), &got)
	if len(got.People) != 1 || got.People[0].Municipality != "Roskilde Kommune" {
		t.Errorf("%s: %+v; want Roskilde's only", target, got.People)
	}
	res, page := get(t, srv, "/people/"+url.PathEscape("Martin Stokholm (A)"))
	wantStatus(t, "/people/Martin Stokholm (A)", res, 200)
	containsAll(t, "person page", page, "<h1>Martin Stokholm</h1>", "Martin Stokholm · Lejre Kommune", "Martin Stokholm · Roskilde Kommune", "Stemte for", "Afbud", "3. juni 2020")
	if strings.Index(page, "Stemte for") > strings.Index(page, "Afbud") {
		t.Errorf("votes after absences on the person page")
	}

	// Newest first within a list: Christian Plank attended both Lejre
	// meetings (and is not named in Roskilde's).
	_, body = get(t, srv, "/api/people/"+url.PathEscape("Christian Plank"))
	got = apiPeople{}
	json.Unmarshal([]byte(body), &got)
	if len(got.People) != 1 || len(got.People[0].Attended) != 2 || got.People[0].Attended[0].Date != "2020-06-03" || got.People[0].Votes[0].Kind != evAgainst {
		t.Errorf("Christian Plank %+v; want Lejre's two meetings newest first and a vote against", got.People)
	}

	for _, target := range []string{"/people/Nobody%20Here", "/api/people/Martin%20Stokholm?municipality=Aarhus+Kommune"} {
		if res, _ := get(t, srv, target); res.StatusCode != http.StatusNotFound {
			t.Errorf("GET %s: %d; want 404", target, res.StatusCode)
		}
	}
}

// TestPeopleFromRealMinutes: the names the real extractor finds in the
// bundled corpus (participants, "deltog ikke under dette punkt", votes in
// Aarhus decisions) reach the person pages, and item and meeting pages
// link to them.
func TestPeopleFromRealMinutes(t *testing.T) {
	rf := realServer(t)
	var got apiPeople
	_, body := get(t, rf.srv, "/api/people/"+url.PathEscape("Irene Porse"))
	json.Unmarshal([]byte(body), &got)
	if len(got.People) != 1 {
		t.Fatalf("Irene Porse: %s", body)
	}
	p := got.People[0]
	if p.Municipality != "Lejre Kommune" || len(p.Attended) == 0 || len(p.Absences) == 0 || p.Absences[0].Detail != "Deltog ikke under punktet" {
		t.Errorf("Irene Porse %+v; want Lejre meetings attended and an item she left", p)
	}
	// The item page she left names her, linking to her page.
	res, page := get(t, rf.srv, p.Absences[0].URL)
	wantStatus(t, p.Absences[0].URL, res, 200)
	if !strings.Contains(page, `<a class="person" href="/people/Irene%20Porse?municipality=Lejre&#43;Kommune">Irene Porse (F)</a>`) {
		t.Errorf("item %s does not link Irene Porse (F) to her page", p.Absences[0].URL)
	}
	// The meeting page lists her among the participants, linked.
	_, page = get(t, rf.srv, p.Attended[0].URL)
	if !strings.Contains(page, `href="/people/Irene%20Porse?municipality=Lejre&#43;Kommune">Irene Porse</a>`) {
		t.Errorf("meeting %s does not link its participant Irene Porse", p.Attended[0].URL)
	}

	// A vote named in an Aarhus decision.
	got = apiPeople{}
	_, body = get(t, rf.srv, "/api/people/"+url.PathEscape("Jakob Søgaard Clausen"))
	json.Unmarshal([]byte(body), &got)
	if len(got.People) != 1 || len(got.People[0].Votes) == 0 || got.People[0].Municipality != "Aarhus Kommune" {
		t.Errorf("Jakob Søgaard Clausen: %s; want an Aarhus vote", body)
	}

	// The same council's votes by party: "Radikale Venstre" voted against
	// beside Viggo Jonasen, a person. The party is no person: no page, no
	// link on the item, while he has both.
	got = apiPeople{}
	_, body = get(t, rf.srv, "/api/people/"+url.PathEscape("Viggo Jonasen"))
	json.Unmarshal([]byte(body), &got)
	if len(got.People) != 1 || len(got.People[0].Votes) == 0 || got.People[0].Votes[0].Kind != evAgainst {
		t.Fatalf("Viggo Jonasen: %s; want a vote against", body)
	}
	item := got.People[0].Votes[0].URL
	_, page = get(t, rf.srv, item)
	if !strings.Contains(page, ">Viggo Jonasen</a>") || !strings.Contains(page, "Radikale Venstre") || strings.Contains(page, "/people/Radikale") {
		t.Errorf("item %s: want Viggo Jonasen linked and Radikale Venstre named without a person link", item)
	}
	for _, party := range []string{"Radikale Venstre", "Socialistisk Folkeparti", "Enhedslisten de Rød-Grønne"} {
		res, body := get(t, rf.srv, "/api/people/"+url.PathEscape(party))
		got = apiPeople{}
		json.Unmarshal([]byte(body), &got)
		if res.StatusCode == 200 && len(got.People) > 0 {
			t.Errorf("the party %q has a person page: %s", party, body)
		}
	}
}

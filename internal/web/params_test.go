package web

import (
	"net/url"
	"reflect"
	"strconv"
	"testing"

	"referat/index"
)

func TestSearchStateURLRoundTrip(t *testing.T) {
	for _, raw := range []string{
		"",
		"q=ledelsestilsyn",
		"q=%22kvalitet+i+sagsbehandlingen%22&municipality=Lejre+Kommune&municipality=K%C3%B8benhavns+Kommune&year=2024&kind=referat&outcome=approved&from=2019-01-01&to=2024-12-31&sort=-date&page=3&size=50&type=item",
		"committee=Udvalget+for+Job+%26+Arbejdsmarked",
	} {
		v, _ := url.ParseQuery(raw)
		st, err := parseSearch(v)
		if err != nil {
			t.Fatalf("parse %q: %v", raw, err)
		}
		u, _ := url.Parse(st.URL())
		back, err := parseSearch(u.Query())
		if err != nil || !reflect.DeepEqual(st, back) {
			t.Errorf("%q -> %s -> %+v (%v); want %+v", raw, st.URL(), back, err, st)
		}
		if raw != "" && st.URL() != "/?"+v.Encode() {
			t.Errorf("URL of %q is %s; want the same parameters", raw, st.URL())
		}
	}
}

func TestFacetLinksAddAndRemove(t *testing.T) {
	st, _ := parseSearch(url.Values{"q": {"budget"}, "year": {"2024"}, "page": {"4"}})
	with := st.with("municipality", "Lejre Kommune")
	if got, want := with.URL(), "/?municipality=Lejre+Kommune&q=budget&year=2024"; got != want {
		t.Errorf("with: got %s; want %s (page reset to 1)", got, want)
	}
	if got, want := with.without("year", "2024").URL(), "/?municipality=Lejre+Kommune&q=budget"; got != want {
		t.Errorf("without: got %s; want %s", got, want)
	}
	if len(st.Municipality) != 0 {
		t.Errorf("with changed the state it was called on: %+v", st)
	}
}

// FuzzParseSearch checks that any query string either is refused with a
// message or parses to a state whose URL parses back to the same state.
func FuzzParseSearch(f *testing.F) {
	for _, s := range []string{
		"q=ledelsestilsyn&municipality=Lejre+Kommune",
		"q=19%2F3742&sort=date&page=2",
		"q=%22kvalitet+i%22&from=2020-09-21&to=2020-09-21&kind=referat&outcome=noted",
		"q=kommune%3A%22Lejre+Kommune%22+-budget&year=2019&year=2024&size=100",
		"page=0&size=-1&year=abcd",
		"q=%ff%fe&committee=%00",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		v, err := url.ParseQuery(raw)
		if err != nil {
			return
		}
		st, perr := parseSearch(v)
		if perr != nil {
			if perr.msg == "" {
				t.Fatalf("%q: empty error message", raw)
			}
			return
		}
		u, err := url.Parse(st.URL())
		if err != nil {
			t.Fatalf("%q: state URL %q does not parse: %v", raw, st.URL(), err)
		}
		back, perr := parseSearch(u.Query())
		if perr != nil || !reflect.DeepEqual(st, back) {
			t.Fatalf("%q -> %s -> %+v (%v); want %+v", raw, st.URL(), back, perr, st)
		}
		if got, want := st.URL(), refURL(st); got != want {
			t.Fatalf("%q: URL %s; url.Values encode it as %s", raw, got, want)
		}
		_ = st.request()
	})
}

// refURL is searchState.URL through url.Values, as it was written first.
func refURL(st searchState) string {
	v := url.Values{}
	if st.Q != "" {
		v.Set("q", st.Q)
	}
	for _, p := range filterParams {
		for _, val := range *st.list(p) {
			v.Add(p, val)
		}
	}
	for k, val := range map[string]string{"from": st.From, "to": st.To, "sort": st.Sort, "type": st.Type} {
		if val != "" {
			v.Set(k, val)
		}
	}
	if st.Page > 1 {
		v.Set("page", strconv.Itoa(st.Page))
	}
	if st.Size > 0 && st.Size != index.DefaultPageSize {
		v.Set("size", strconv.Itoa(st.Size))
	}
	if e := v.Encode(); e != "" {
		return "/?" + e
	}
	return "/"
}

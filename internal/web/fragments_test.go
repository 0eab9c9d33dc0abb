package web

import (
	"html/template"
	"strings"
	"testing"

	"referat/corpus"
)

// escapeRef writes s as text, as an attribute value and as a URL
// attribute with html/template, the reference fragments.go must match.
var escapeRef = template.Must(template.New("ref").Parse(`<a href="{{.}}" title="{{.}}">{{.}}</a>`))

func escapeBoth(t testing.TB, s string) (got, want string) {
	t.Helper()
	var b strings.Builder
	if err := escapeRef.Execute(&b, s); err != nil {
		t.Fatal(err)
	}
	w := newHTMLWriter()
	w.raw(`<a href="`)
	w.url(s)
	w.raw(`" title="`)
	w.text(s)
	w.raw(`">`)
	w.text(s)
	w.raw(`</a>`)
	return string(w.html()), b.String()
}

var escapeSeeds = []string{
	"", "Godkendt", "Social- og Sundhedsudvalget", "Ærø Kommune", scriptPayload,
	`"quoted" & 'single' <b>+</b>`, "nul\x00byte", "ikke\ufdd0tegn\uffff", "ugyldig \xff utf-8",
	"/?q=b%C3%B8rn&municipality=Aarhus+Kommune", "/?q=børn og unge", "/cases/19%2F3742", "/items/0be3/12",
	"javascript:alert(1)", "JavaScript:alert(1)", "https://example.org/a b", "mailto:x@example.org",
	"data:text/html,x", "/a:b", "100%", "%zz", "#frag", "a\tb\nc",
}

func TestFragmentEscaping(t *testing.T) {
	for _, s := range escapeSeeds {
		if got, want := escapeBoth(t, s); got != want {
			t.Errorf("fragment of %q =\n%s\nhtml/template writes\n%s", s, got, want)
		}
	}
}

func FuzzFragmentEscaping(f *testing.F) {
	for _, s := range escapeSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := escapeBoth(t, s); got != want {
			t.Errorf("fragment of %q =\n%s\nhtml/template writes\n%s", s, got, want)
		}
	})
}

// fragmentRefs are the templates the fragments replaced: each fragment
// must write what its template wrote.
var fragmentRefs = template.Must(template.New("refs").Funcs(funcs).Parse(`
{{define "hitmeta"}}<div class="meta">{{if .Municipality}}<span>{{.Municipality}}</span>{{end}}{{if .Committee}}<span>{{.Committee}}</span>{{end}}{{if .Date}}<span>{{date .Date}}</span>{{end}}{{if eq .Type "item"}}{{if .ItemNumber}}<span>Punkt {{.ItemNumber}}</span>{{end}}{{else}}<span>{{kind .Kind}}</span>{{end}}</div>{{end}}
{{define "outcomeBadge"}}{{if .}}<span class="badge o-{{.}}">{{outcome .}}</span>{{end}}{{end}}
{{define "snippet"}}{{if .}}<p class="snippet">{{range .}}{{if .Match}}<mark>{{.Text}}</mark>{{else}}{{.Text}}{{end}}{{end}}</p>{{end}}{{end}}
{{define "facetvalues"}}{{range .}}<li{{if .Selected}} class="sel"{{end}}><a href="{{.URL}}" title="{{if .Selected}}Fjern filteret: {{end}}{{.Label}}"><span class="fv">{{.Label}}</span>{{if .Selected}} <span class="x" aria-hidden="true">×</span>{{else}} <span class="n">{{.Count}}</span>{{end}}</a></li>{{end}}{{end}}
{{define "facetsections"}}{{range .}}<section class="facet" id="facet-{{.Name}}">
<h2>{{.Label}}</h2>
<ul>{{template "facetvalues" .Top}}</ul>
{{if .More}}<details><summary>Flere ({{len .More}})</summary><ul>{{template "facetvalues" .More}}</ul></details>{{end}}
</section>
{{end}}{{end}}
{{define "hitarticles"}}{{range .}}<article class="hit">
{{template "hitmeta" .Hit}}
<h3><a href="{{.URL}}">{{if .Title}}{{.Title}}{{else}}(uden titel){{end}}</a></h3>
{{template "outcomeBadge" .Outcome}}
{{template "snippet" .Snippet}}
{{if .Cases}}<p class="cases">Sag {{range $i, $c := .Cases}}{{if $i}}, {{end}}<a href="{{$c.URL}}">{{$c.Label}}</a>{{end}}</p>{{end}}
</article>
{{end}}{{end}}
`))

func refFragment(t *testing.T, name string, data any) string {
	t.Helper()
	var b strings.Builder
	if err := fragmentRefs.ExecuteTemplate(&b, name, data); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// TestFragments renders the hits and facets of searches on the test
// corpus (the planted markup included) with the fragments and with the
// templates they replaced.
func TestFragments(t *testing.T) {
	f := testServer(t)
	for _, q := range []string{"ledelsestilsyn", "alert", "kommune", "", "19/3742"} {
		for _, filter := range []string{"", "municipality"} {
			st := searchState{Q: q}
			res, err := f.ix.Search(t.Context(), st.request())
			if err != nil {
				t.Fatal(err)
			}
			if filter != "" && len(res.Facets[filter]) > 0 {
				st.Municipality = []string{res.Facets[filter][0].Value}
				if res, err = f.ix.Search(t.Context(), st.request()); err != nil {
					t.Fatal(err)
				}
			}
			for _, h := range res.Hits {
				check := func(name string, got template.HTML, data any) {
					t.Helper()
					if want := refFragment(t, name, data); string(got) != want {
						t.Errorf("%s of hit %s (search %q) =\n%s\ntemplate\n%s", name, h.ID, q, got, want)
					}
				}
				check("hitmeta", hitMeta(h), h)
				check("outcomeBadge", outcomeBadge(h.Outcome), h.Outcome)
				check("snippet", snippetHTML(h.Snippet), h.Snippet)
			}
			var views []hitView
			for _, h := range res.Hits {
				views = append(views, newHitView(h))
			}
			if got, want := string(hitArticles(views)), refFragment(t, "hitarticles", views); got != want {
				t.Errorf("hits of search %q =\n%s\ntemplate\n%s", q, got, want)
			}
			fvs := facets(st, res.Facets)
			if got, want := string(facetSections(fvs)), refFragment(t, "facetsections", fvs); got != want {
				t.Errorf("facets of search %q =\n%s\ntemplate\n%s", q, got, want)
			}
			for _, fv := range fvs {
				for _, vs := range [][]facetValue{fv.Top, fv.More} {
					if got, want := string(facetValues(vs)), refFragment(t, "facetvalues", vs); got != want {
						t.Errorf("facet %s values (search %q) =\n%s\ntemplate\n%s", fv.Name, q, got, want)
					}
				}
			}
		}
	}
	for _, o := range []any{"", "approved", corpus.OutcomeRejected, "ukendt<&>"} {
		if got, want := string(outcomeBadge(o)), refFragment(t, "outcomeBadge", o); got != want {
			t.Errorf("outcomeBadge(%q) = %s; template %s", o, got, want)
		}
	}
}

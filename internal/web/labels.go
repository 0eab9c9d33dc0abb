package web

import (
	"html/template"
	"net/url"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// funcs are the template functions. Those returning template.HTML are
// the fragments of fragments.go, which escape what they print; the others
// return text, which the templates escape.
var funcs = template.FuncMap{
	"hitmeta":        hitMeta,
	"outcomeBadge":   outcomeBadge,
	"itemOutcome":    itemOutcome,
	"danishWarnings": danishWarnings,
	"snippet":        snippetHTML,
	"facetValues":    facetValues,
	"facetSections":  facetSections,
	"hitArticles":    hitArticles,
	"outcome":        outcomeLabel,
	"kind":           kindLabel,
	"date":           danishDate,
	"caseURL":        caseURL,
	"paragraphs":     paragraphs,
	"oneLine":        oneLine,
	"numeric":        numeric,
	"people":         peopleLinks,
	"webURL":         webURL,
}

var outcomeLabels = map[string]string{
	"approved":    "Godkendt",
	"recommended": "Anbefalet",
	"noted":       "Taget til efterretning",
	"discussed":   "Drøftet",
	"rejected":    "Afvist",
	"postponed":   "Udsat",
	"referred":    "Sendt videre",
	"none":        "Intet under punktet",
	"other":       "Anden beslutning",
}

// outcomeLabel names a decision outcome in Danish.
func outcomeLabel(o any) string { return named(outcomeLabels, toString(o)) }

var kindLabels = map[string]string{
	"referat":           "Referat",
	"dagsorden":         "Dagsorden",
	"letter":            "Brev",
	"principmeddelelse": "Principmeddelelse",
	"unknown":           "Andet dokument",
}

// kindLabel names a document kind in Danish.
func kindLabel(k any) string { return named(kindLabels, toString(k)) }

var facetLabels = map[string]string{
	"municipality": "Kommune",
	"committee":    "Udvalg",
	"year":         "År",
	"outcome":      "Udfald",
	"kind":         "Dokumenttype",
}

// facetLabel names a facet in Danish.
func facetLabel(name string) string { return named(facetLabels, name) }

// named is the Danish name of key in names, or key itself when names
// has none: a value newer than the page is shown as it is, not hidden.
func named(names map[string]string, key string) string {
	if l, ok := names[key]; ok {
		return l
	}
	return key
}

// valueLabel is how a facet value is shown.
func valueLabel(facet, value string) string {
	switch facet {
	case "outcome":
		return outcomeLabel(value)
	case "kind":
		return kindLabel(value)
	}
	return value
}

func toString(v any) string {
	switch v := v.(type) {
	case string:
		return v
	case interface{ String() string }:
		return v.String()
	}
	// Named string types (corpus.Outcome, corpus.Kind).
	return reflectString(v)
}

var months = [...]string{"januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september", "oktober", "november", "december"}

// danishDate writes YYYY-MM-DD as "6. februar 2024"; anything else is
// returned as given.
func danishDate(s string) string {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return s
	}
	return strconv.Itoa(t.Day()) + ". " + months[t.Month()-1] + " " + strconv.Itoa(t.Year())
}

// caseURL is the address of a case's page. Case numbers may hold slashes
// and spaces ("19/3742", "2023 - 9318"): they are escaped as one segment.
func caseURL(number string) string {
	return "/cases/" + url.PathEscape(strings.TrimSpace(number))
}

var blankLines = regexp.MustCompile(`\n[ \t\f\r]*\n\s*`)

// paragraphs splits text at blank lines; the stylesheet keeps the line
// breaks inside a paragraph.
func paragraphs(s string) []string {
	s = strings.TrimSpace(strings.ReplaceAll(s, "\r\n", "\n"))
	if s == "" {
		return nil
	}
	return blankLines.Split(s, -1)
}

// reflectString returns the value of a named string type, "" for others.
func reflectString(v any) string {
	rv := reflect.ValueOf(v)
	if rv.Kind() == reflect.String {
		return rv.String()
	}
	return ""
}

func itoa(n int) string { return strconv.Itoa(n) }

func ftoa(f float64) string { return strconv.FormatFloat(f, 'f', 1, 64) }

// oneLine joins the lines of a short field ("Beslutningskompetence"
// naming several bodies) with semicolons.
func oneLine(s string) string {
	var parts []string
	for _, l := range strings.Split(s, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			parts = append(parts, strings.TrimSuffix(l, "."))
		}
	}
	return strings.Join(parts, "; ")
}

var numericCell = regexp.MustCompile(`^[-+−]?[\d.,  ]*\d\s*%?$`)

// numeric reports whether a table cell holds a number, to align it right.
func numeric(s string) bool {
	return numericCell.MatchString(strings.TrimSpace(s))
}

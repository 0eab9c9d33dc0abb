package web

import (
	"encoding/xml"
	"net/http"
	"strconv"
)

// apiRoute documents one route of the JSON API (and the feeds and files
// beside it) on the /api page.
type apiRoute struct {
	Path    string
	What    string
	Params  []apiParam
	Example string // a request that works on the bundled sample corpus
}

type apiParam struct{ Name, What string }

// searchParams are the parameters every search route takes: those of /.
var searchParams = []apiParam{
	{"q", "søgningen i forespørgselssproget: ord, \"fraser\", -uden, felt:værdi (kommune:, udvalg:, udfald:, år:, sag:, …)"},
	{"municipality", "kun denne kommune (kan gentages)"},
	{"committee", "kun dette udvalg (kan gentages)"},
	{"year", "kun dette år, ÅÅÅÅ (kan gentages)"},
	{"kind", "referat, dagsorden, letter, principmeddelelse, unknown (kan gentages)"},
	{"outcome", "approved, recommended, noted, discussed, rejected, postponed, referred, none, other (kan gentages)"},
	{"from, to", "mødedato fra og til, ÅÅÅÅ-MM-DD, begge med"},
	{"sort", "relevance, -date (nyeste først) eller date"},
	{"page, size", "side (fra 1) og resultater pr. side (højst 100)"},
	{"type", "item (punkter) eller document (hele dokumenter); standard: punkter og dokumenter uden punkter"},
}

// apiRoutes are the documented routes; the test requests every example.
var apiRoutes = []apiRoute{
	{"/api/search", "Søgeresultater med facetter, uddrag og næste side (next).", searchParams, "/api/search?q=ledelsestilsyn&year=2024"},
	{"/api/items/{record}/{number}", "Ét dagsordenspunkt: mødet, beslutninger, afsnit, sagsnumre og mødets øvrige punkter; attachment_links er punktets bilag, hvert med record_id og url på bilagets eget dokument, når det er indlæst, ellers part_id og url på filen, når den er gemt med mødet; meeting_forms er mødets andre udgaver (fx dets HTML og XML), hver med record_id, url, source_url og listed, og form_of er den udgave, søgningen viser, når punktets egen udgave ikke er den. Id'et står i søgeresultatets id.", nil, ""},
	{"/api/documents/{record}", "Hele dokumentets record efter skemaet i DESIGN.md; attached_to er de punkter, der har dokumentet som bilag.", nil, ""},
	{"/api/cases/{number}", "En sag på tværs af møder: punkterne der nævner sagsnummeret, beslutningerne som én tidslinje (timeline: hver beslutning én gang, fra mødet der traf den) og de tilknyttede breve.", nil, "/api/cases/19%2F3742"},
	{"/api/people/{name}", "En politikers møder, fravær og stemmer, nyeste først; én person pr. kommune.", []apiParam{{"municipality", "kun personen i denne kommune"}}, "/api/people/Irene%20Porse"},
	{"/api/coverage", "Hvad samlingen rummer pr. kommune og udvalg, og hvad seneste indlæsning og crawl ikke kunne tage med.", nil, "/api/coverage"},
	{"/feed", "Søgningen som Atom-feed, nyeste møder først (50 poster).", searchParams, "/feed?q=ledelsestilsyn"},
	{"/export.csv", "Alle resultater som CSV (UTF-8 med BOM, semikolon), højst 10.000 rækker.", searchParams, "/export.csv?q=ledelsestilsyn"},
	{"/healthz", "Svarer serveren, og hvor mange punkter og dokumenter indekset har.", nil, "/healthz"},
}

type apiDocData struct {
	Title  string
	Routes []apiRoute
}

func (s *Server) apiDocPage(w http.ResponseWriter, r *http.Request) {
	s.render(w, r, http.StatusOK, "apidoc", apiDocData{Title: "API", Routes: apiRoutes})
}

// openSearch is an OpenSearch 1.1 description: it lets a browser add the
// search.
type openSearch struct {
	XMLName       xml.Name      `xml:"http://a9.com/-/spec/opensearch/1.1/ OpenSearchDescription"`
	ShortName     string        `xml:"ShortName"`
	Description   string        `xml:"Description"`
	InputEncoding string        `xml:"InputEncoding"`
	Language      string        `xml:"Language"`
	URLs          []openSearchU `xml:"Url"`
}

type openSearchU struct {
	Type     string `xml:"type,attr"`
	Rel      string `xml:"rel,attr,omitempty"`
	Template string `xml:"template,attr"`
}

func (s *Server) openSearch(w http.ResponseWriter, r *http.Request) {
	site := siteURL(r)
	d := openSearch{
		ShortName:     "referat",
		Description:   "Søg i kommunernes mødereferater og Ankestyrelsens breve",
		InputEncoding: "UTF-8",
		Language:      "da",
		URLs: []openSearchU{
			{Type: "text/html", Template: site + "/?q={searchTerms}"},
			{Type: "application/atom+xml", Template: site + "/feed?q={searchTerms}"},
			{Type: "application/json", Template: site + "/api/search?q={searchTerms}&page={startPage?}"},
			{Type: "application/opensearchdescription+xml", Rel: "self", Template: site + "/opensearch.xml"},
		},
	}
	b, err := xml.MarshalIndent(d, "", " ")
	if err != nil {
		s.internalError(w, r, err)
		return
	}
	b = append([]byte(xml.Header), append(b, '\n')...)
	w.Header().Set("Content-Type", "application/opensearchdescription+xml; charset=utf-8")
	w.Header().Set("Content-Length", strconv.Itoa(len(b)))
	if r.Method != http.MethodHead {
		w.Write(b)
	}
}

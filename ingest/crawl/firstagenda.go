package crawl

import (
	"encoding/json"
	"fmt"
	"net/url"
	"regexp"
	"strings"
	"time"

	"github.com/PuerkitoBio/goquery"
)

// The First Agenda publication portals (dagsordener.<kommune>.dk) render
// their pages in the browser from a JSON API, so the crawler reads the API:
//
//	/api/agenda/udvalgsliste        committees by election period, each
//	                                with its meetings (Id, Navn, Dato)
//	/api/agenda/dagsorden/{id}      one meeting: Udvalg, Moede,
//	                                Dagsordenpunkter[] with Felter[].Html
//	                                and Bilag[] (the document handed on)
//	/Vis/Pdf/bilag/{id}             one attachment as PDF
//
// A saved listing page links meetings as /vis?<slug>&id=<meeting id>; its
// agenda page links attachments as /vis/pdf/bilag/<id>/?redirectDirectlyToPdf=false.

var (
	guidRE     = regexp.MustCompile(`^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}$`)
	bilagRE    = regexp.MustCompile(`(?i)^/vis/pdf/bilag/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})/?$`)
	slugDateRE = regexp.MustCompile(`-d\.(\d\d)-(\d\d)-(\d{4})`)
)

const zeroGUID = "00000000-0000-0000-0000-000000000000"

func validGUID(s string) bool { return guidRE.MatchString(s) && s != zeroGUID }

func firstAgendaStartRole(u *url.URL) role {
	if strings.HasPrefix(strings.ToLower(u.Path), "/api/agenda/dagsorden/") {
		return roleDocument
	}
	return rolePage
}

// firstAgendaMeetingID returns the meeting id of a portal meeting link
// (/vis?<slug>&id=<guid>), or "".
func firstAgendaMeetingID(u *url.URL) string {
	if !strings.EqualFold(strings.TrimSuffix(u.Path, "/"), "/vis") {
		return ""
	}
	id := u.Query().Get("id")
	if !validGUID(id) {
		return ""
	}
	return strings.ToLower(id)
}

// firstAgendaSlugDate reads the meeting date from a meeting link's slug
// ("Referat-Magistraten-d.07-10-2025-kl.08.30").
func firstAgendaSlugDate(u *url.URL) (time.Time, bool) {
	m := slugDateRE.FindStringSubmatch(u.RawQuery)
	if m == nil {
		return time.Time{}, false
	}
	t, err := time.Parse("02-01-2006", m[1]+"-"+m[2]+"-"+m[3])
	return t, err == nil
}

func firstAgendaAPIURL(host *url.URL, meetingID string) string {
	return host.Scheme + "://" + host.Host + "/api/agenda/dagsorden/" + meetingID
}

// firstAgendaBilagURL is the form the API itself uses in Felter[].Link.
func firstAgendaBilagURL(host *url.URL, id string) string {
	return host.Scheme + "://" + host.Host + "/Vis/Pdf/bilag/" + strings.ToLower(id)
}

// firstAgendaPageLinks turns meeting links into API documents. Attachment
// links are followed only on a page whose meeting is unknown, since the
// meeting's API document names its attachments with their titles.
func firstAgendaPageLinks(src *source, page *url.URL, doc *goquery.Document) []task {
	var out []task
	own := firstAgendaMeetingID(page)
	if own != "" {
		out = append(out, task{URL: firstAgendaAPIURL(page, own), Source: src.Name, Role: roleDocument,
			Title: strings.TrimSpace(doc.Find("title").First().Text())})
	}
	for _, l := range allLinks(doc, baseURL(doc, page)) {
		if id := firstAgendaMeetingID(l.URL); id != "" && id != own {
			if d, ok := firstAgendaSlugDate(l.URL); ok && !src.since.IsZero() && d.Before(src.since) {
				continue
			}
			out = append(out, task{URL: firstAgendaAPIURL(l.URL, id), Source: src.Name, Role: roleDocument, Title: l.Text})
			continue
		}
		if m := bilagRE.FindStringSubmatch(l.URL.Path); m != nil && own == "" && !src.SkipAttachments {
			out = append(out, task{URL: firstAgendaBilagURL(l.URL, m[1]), Source: src.Name, Role: roleDocument,
				Parent: page.String(), Ref: strings.ToLower(m[1]), Title: l.Text})
		}
	}
	return out
}

type faCommittee struct {
	ID     string      `json:"Id"`
	Navn   string      `json:"Navn"`
	Moeder []faMeeting `json:"Moeder"`
}

type faMeeting struct {
	ID   string `json:"Id"`
	Navn string `json:"Navn"`
	Dato string `json:"Dato"`
}

// firstAgendaCommitteeList reads /api/agenda/udvalgsliste: {"Udvalg":
// {"<period>": [committee...]}}, each committee with its Moeder.
func firstAgendaCommitteeList(src *source, page *url.URL, resp *response) ([]task, error) {
	var top struct {
		Udvalg json.RawMessage `json:"Udvalg"`
	}
	if err := json.Unmarshal(resp.Body, &top); err != nil {
		return nil, fmt.Errorf("committee list: %w", err)
	}
	if len(top.Udvalg) == 0 {
		return nil, fmt.Errorf("committee list: no \"Udvalg\" field")
	}
	var committees []faCommittee
	var periods map[string][]faCommittee
	if err := json.Unmarshal(top.Udvalg, &periods); err == nil {
		for _, cs := range periods {
			committees = append(committees, cs...)
		}
	} else if err := json.Unmarshal(top.Udvalg, &committees); err != nil {
		return nil, fmt.Errorf("committee list: \"Udvalg\" is neither a map of periods nor a list: %w", err)
	}
	var out []task
	for _, c := range committees {
		for _, m := range c.Moeder {
			if !validGUID(m.ID) {
				continue
			}
			date := m.Dato
			if len(date) >= 10 {
				date = date[:10]
			}
			if d, err := time.Parse(time.DateOnly, date); err == nil && !src.since.IsZero() && d.Before(src.since) {
				continue
			}
			title := strings.Join(strings.Fields(c.Navn+" "+m.Navn+" "+date), " ")
			out = append(out, task{URL: firstAgendaAPIURL(page, strings.ToLower(m.ID)), Source: src.Name, Role: roleDocument, Title: title})
		}
	}
	return out, nil
}

// firstAgendaBilag lists the attachments (Bilag) of a meeting document.
// Felter[].DocumentId PDFs are left out: they render the same case text
// the document holds in Felter[].Html.
func firstAgendaBilag(src *source, doc *url.URL, body []byte, _ string) ([]task, error) {
	var m struct {
		Dagsordenpunkter []struct {
			Bilag []struct {
				ID   string `json:"Id"`
				Navn string `json:"Navn"`
				// HarPdfVersion is "true", true or absent on every
				// attachment seen; "false" means there is no PDF.
				HarPdfVersion json.RawMessage `json:"HarPdfVersion"`
			} `json:"Bilag"`
		} `json:"Dagsordenpunkter"`
	}
	if err := json.Unmarshal(body, &m); err != nil {
		return nil, fmt.Errorf("meeting document: %w", err)
	}
	var out []task
	for _, p := range m.Dagsordenpunkter {
		for _, b := range p.Bilag {
			if !validGUID(b.ID) || strings.Trim(string(b.HarPdfVersion), `"`) == "false" {
				continue
			}
			out = append(out, task{URL: firstAgendaBilagURL(doc, b.ID), Source: src.Name, Role: roleDocument,
				Parent: doc.String(), Ref: strings.ToLower(b.ID), Title: strings.TrimSpace(b.Navn)})
		}
	}
	return out, nil
}

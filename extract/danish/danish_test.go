package danish

import (
	"reflect"
	"strings"
	"testing"

	"referat/corpus"
)

func TestFindDate(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"REFERAT Udvalget for Børn og Ungdom - 2022-2025 d. 06-02-2024", "2024-02-06"},
		{"Dato: 04.12.2012", "2012-12-04"},
		{"Mødedato: 20.11.2019, kl. 17:00", "2019-11-20"},
		{"Mødedato Tirsdag d. 06. februar 2024 kl. 16:30", "2024-02-06"},
		{"Mødedato: onsdag den 1. oktober 2025 kl. 15.45", "2025-10-01"},
		{"29. januar 2025", "2025-01-29"},
		{"Moede.Dato 2024-03-20T16:30:00", "2024-03-20"},
		{"den 6. maj 2019 kl. 8-12.30", "2019-05-06"},
		{"6. sept. 2021", "2021-09-06"},
		{"31-02-2024 is no date", ""},
		{"Sagsnr. 13/04.05.2012-3", ""},
		{"2014-2016", ""},
		{"1.514 kr.", ""},
		{"7. martin 2020", ""},
	}
	for _, tt := range tests {
		got, _ := FindDate(tt.in)
		if got != tt.want {
			t.Errorf("FindDate(%q) = %q; want %q", tt.in, got, tt.want)
		}
	}
}

func TestFindDatesAdjacent(t *testing.T) {
	ds := FindDates("06-05-2019 07-05-2019, 08.05.2019")
	var got []string
	for _, d := range ds {
		got = append(got, d.ISO)
	}
	want := []string{"2019-05-06", "2019-05-07", "2019-05-08"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("FindDates = %v; want %v", got, want)
	}
}

func TestParseDate(t *testing.T) {
	tests := []struct {
		in, want string
		ok       bool
	}{
		{"Tirsdag d. 06. februar 2024", "2024-02-06", true},
		{"06-02-2024", "2024-02-06", true},
		{"den 1. oktober 2025", "2025-10-01", true},
		{"Udvalget for Job & Arbejdsmarked den 08-05-2019", "", false},
		{"23-002364", "", false},
	}
	for _, tt := range tests {
		got, ok := ParseDate(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("ParseDate(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func TestFindTime(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Tirsdag d. 06. februar 2024 kl. 16:30", "16:30"},
		{"onsdag den 1. oktober 2025 kl. 15.45", "15:45"},
		{"Mødedato: 20.11.2019, kl. 17:00", "17:00"},
		{"tirsdag den 4. december 2012, kl. 13:00", "13:00"},
		{"kl. 9", "09:00"},
		{"Mødetidspunkt 08:15", "08:15"},
		{"Dato: 04.12.2012", ""},
		{"kl. 25:00", ""},
	}
	for _, tt := range tests {
		got, _ := FindTime(tt.in)
		if got != tt.want {
			t.Errorf("FindTime(%q) = %q; want %q", tt.in, got, tt.want)
		}
	}
}

func TestParseCaseNumber(t *testing.T) {
	tests := []struct {
		in, scheme string // scheme "" means not a case number
	}{
		{"23-002364", corpus.SchemeYearSerial},
		{"24-10910", corpus.SchemeYearSerial},
		{"2011-29298", corpus.SchemeYearSerial},
		{"19/3742", corpus.SchemeSlash},
		{"18/13722", corpus.SchemeSlash},
		{"13/011760-1053", corpus.SchemeSlash},
		{"S2024-19207", corpus.SchemePrefixed},
		{"EMN-2025-003383", corpus.SchemePrefixed},
		{"00.01.00-P20-104-19", corpus.SchemeKLE},
		{"00.01.00-A00-1-19", corpus.SchemeKLE},
		{"2023 - 9318", corpus.SchemeMinistry},
		{"2023 – 9318", corpus.SchemeMinistry},
		{"2019-423-0208", corpus.SchemeYearSerial},
		{"6400220-12", corpus.SchemeYearSerial},
		{"24/12345", corpus.SchemeSlash},
		{"S2024-1234", corpus.SchemePrefixed},
		{"2024-012345", corpus.SchemeYearSerial},
		{"2014-2016-2018", ""},
		{"2024-02-06", ""},
		{"06-02-2024", ""},
		{"04.12.2012", ""},
		{"2014-2016", ""},
		{"2019/2020", ""},
		{"2019/20", ""},
		{"12/2019", ""},
		{"15-30", ""},
		{"1.514", ""},
		{"33 92 33 92", ""},
		{"3", ""},
		{"Side 3", ""},
		{"BF-2024-2027", ""},
		{"+45 72 26 50 00", ""},
		{"1.316.000 kr.", ""},
	}
	for _, tt := range tests {
		c, ok := ParseCaseNumber(tt.in)
		if tt.scheme == "" {
			if ok {
				t.Errorf("ParseCaseNumber(%q) = %+v; want none", tt.in, c)
			}
			continue
		}
		if !ok || c.Scheme != tt.scheme || c.Raw != tt.in {
			t.Errorf("ParseCaseNumber(%q) = %+v, %v; want scheme %s", tt.in, c, ok, tt.scheme)
		}
	}
}

func TestKLESubject(t *testing.T) {
	c, ok := ParseCaseNumber("00.01.00-P20-104-19")
	if !ok || c.KLE != "00.01.00" || c.Subject != "Kommunens styrelse i almindelighed" {
		t.Errorf("ParseCaseNumber(KLE) = %+v", c)
	}
	if got := KLESubject("99.99.99"); got != "" {
		t.Errorf("KLESubject(99.99.99) = %q; want \"\"", got)
	}
}

func TestFindCaseNumbers(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"Nyborg Kommunes sagsbehandling (ministeriets sagsnr. 2023 – 9318)", []string{"2023 – 9318"}},
		{"Kommune (kommunens sagsnr. S2024-19207)\nJ.nr. 24-10910", []string{"S2024-19207", "24-10910"}},
		{"J.nr . 24-10910", []string{"24-10910"}},
		{"Sagsnr.: 2011-29298\nDok.nr.: 2012-202935", []string{"2011-29298"}},
		{"Punkt 2: Svar\nEMN-2025-003383\n", []string{"EMN-2025-003383"}},
		{"i perioden 2014-2016 steg tallet fra 19/20 til 1.514, tlf. 72 26 50 00", nil},
		{"sag nr. 3, fik udvalget", nil},
		{"Sagsnr. 13/011760-1053", []string{"13/011760-1053"}},
		{"Sag: 13/011760-1053", []string{"13/011760-1053"}},
		{"Journalnummer: 2019-423-0208", []string{"2019-423-0208"}},
		{"J.nr.: 6400220-12", []string{"6400220-12"}},
		{"Jnr. 24-10910, Sags-id: 2024-012345", []string{"24-10910", "2024-012345"}},
		{"Deres ref.: 24/12345", []string{"24/12345"}},
		{"jf. sag 24/1234 og mødet 2019-04-08", nil},
		{"Sagsnr.: 2019-04-08", nil},
	}
	for _, tt := range tests {
		var got []string
		for _, c := range FindCaseNumbers(tt.in) {
			got = append(got, c.Raw)
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("FindCaseNumbers(%q) = %q; want %q", tt.in, got, tt.want)
		}
	}
}

func TestOutcome(t *testing.T) {
	tests := []struct {
		in   string
		want corpus.Outcome
	}{
		{"Godkendt.", corpus.OutcomeApproved},
		{"Godkendt", corpus.OutcomeApproved},
		{"Indstillingerne tiltrådt.", corpus.OutcomeApproved},
		{"Magistraten kunne tiltræde indstillingen med en række tekniske ændringer.", corpus.OutcomeApproved},
		{"Økonomiudvalget kan tiltræde indstillingen.", corpus.OutcomeApproved},
		{"Magistraten kunne enstemmigt tiltræde indstillingen.", corpus.OutcomeApproved},
		{"Udvalget kunne ikke tiltræde indstillingen.", corpus.OutcomeRejected},
		{"Indstillingen tiltrådt med den tilføjelse, at ansvarligt center udvides.", corpus.OutcomeApproved},
		{"Indstillingen anbefales.\n\nIrene Porse (F) deltog ikke under dette punkt.", corpus.OutcomeRecommended},
		{"Anbefales godkendt.", corpus.OutcomeRecommended},
		{"Taget til efterretning.", corpus.OutcomeNoted},
		{"Taget til orientering.", corpus.OutcomeNoted},
		{"Drøftet.", corpus.OutcomeDiscussed},
		{"Udvalget drøftede temaet.", corpus.OutcomeDiscussed},
		{"Drøftet og godkendt.", corpus.OutcomeApproved},
		{"Intet under dette punkt.", corpus.OutcomeNone},
		{"Der var intet under Eventuelt.", corpus.OutcomeNone},
		{"Intet.", corpus.OutcomeNone},
		{"Udsat.", corpus.OutcomePostponed},
		{"Sagens behandling blev udsat i byrådets møde den 26. marts 2025.", corpus.OutcomePostponed},
		{"Ikke godkendt.", corpus.OutcomeRejected},
		{"Forslaget blev forkastet.", corpus.OutcomeRejected},
		{"Konstitueret borgercenterchef Lise Stidsen Vandahl deltog under punktets behandling.\n\nPunktet blev behandlet sammen med punkt 5.\n\nIndstillingen blev taget til efterretning.", corpus.OutcomeNoted},
		{"Socialudvalget tog vedlagte opfølgning på redegørelse til efterretning.\n\nUdvalget noterer sig med tilfredshed revisors redegørelse.", corpus.OutcomeNoted},
		{"Udvalget godkendte programmet.", corpus.OutcomeApproved},
		// Referred: sent on to another body without a decision.
		{"Fremsendes til Teknisk Udvalg til behandling.", corpus.OutcomeReferred},
		{"Fremsendes til 1. tekniske behandling i Magistraten efter behandling i byrådets møde den 10. september 2025.\nSagen blev behandlet sammen med sagerne 3-8.", corpus.OutcomeReferred},
		{"Fremsendes med ændringsforslaget fra det Konservative Folkepartis byrådsgruppe til Teknisk Udvalg til behandling i henhold til beslutning i byrådets møde den 27. august 2025.", corpus.OutcomeReferred},
		{"Oversendes til Økonomiudvalget.", corpus.OutcomeReferred},
		{"Henvist til budgetforhandlingerne.\nThure Hastrup deltog ikke i sagens behandling.", corpus.OutcomeReferred},
		{"Udvalget drøftede sagen. Sagen oversendes til byrådet.", corpus.OutcomeReferred},
		// A referral carrying a recommendation is a recommendation, also
		// across "den 2. september" (no sentence ends there).
		{"Fremsendes til Aarhus Byråd med bemærkning, at Magistraten i mødet den 2. september 2025 anbefaler, at byrådet tiltræder Borgmesterens Afdelings indstilling af 22. august 2025.", corpus.OutcomeRecommended},
		{"Tilbagesendes Borgmesterens Afdeling med bemærkning, at byrådet i sit møde den 27. august 2025 har vedtaget Magistratens foranstående indstilling af 19. august 2025.", corpus.OutcomeApproved},
		{"Godkendt. Der henvises til bilag 2.", corpus.OutcomeApproved},
		{"Der henvises til sagsfremstillingen.", corpus.OutcomeOther},
		// The decision's effect wins over the discussion before it.
		{"Udvalget drøftede sagen og besluttede herefter at udsætte den.", corpus.OutcomePostponed},
		{"Udvalget drøftede sagen. Udvalget besluttede herefter at udsætte sagens behandling.", corpus.OutcomePostponed},
		{"Der var foretræde til sagen. Udvalget stillede spørgsmål, hvorefter udvalget besluttede at udsætte sagens behandling.", corpus.OutcomePostponed},
		// A discussion followed by votes stays a discussion.
		{"Drøftet.\nSolveig Munk kunne ikke tiltræde indstillingen.", corpus.OutcomeDiscussed},
		{"", ""},
	}
	for _, tt := range tests {
		if got := Outcome(tt.in); got != tt.want {
			t.Errorf("Outcome(%q) = %q; want %q", tt.in, got, tt.want)
		}
	}
}

func TestVotes(t *testing.T) {
	tests := []struct {
		in   string
		want *corpus.Votes
	}{
		{"Godkendt.", nil},
		{"Godkendt.\nSocialdemokratiet tog forbehold.\nJesper Kjeldsen deltog ikke i sagens behandling.",
			&corpus.Votes{Reserved: []string{"Socialdemokratiet"}, Absent: []string{"Jesper Kjeldsen"}}},
		{"Socialdemokratiet, det Konservative Folkeparti og Venstre tog forbehold.",
			&corpus.Votes{Reserved: []string{"Socialdemokratiet", "det Konservative Folkeparti", "Venstre"}}},
		{"V, C og O stemte for. Imod stemte: A og Ø.",
			&corpus.Votes{For: []string{"V", "C", "O"}, Against: []string{"A", "Ø"}}},
		{"Et mindretal (F og Ø) stemte imod.", &corpus.Votes{Against: []string{"F", "Ø"}}},
		{"Fraværende: Martin Stokholm (A), Bjørn Lykke Sørensen (C)", &corpus.Votes{Absent: []string{"Martin Stokholm (A)", "Bjørn Lykke Sørensen (C)"}}},
		{"Irene Porse (F) deltog ikke under dette punkt.", &corpus.Votes{Absent: []string{"Irene Porse (F)"}}},
		// Aarhus prints votes in prose (Teknisk Udvalg, 1 October 2025).
		{"Et flertal i udvalget kunne tiltræde indstillingen i overensstemmelse med Magistratens anbefaling.\nJesper Kjeldsen, Steffen Wich, Gert Bjerregaard og Metin Lindved Aydin kunne tiltræde indstillingen.\nJakob Søgaard Clausen tog forbehold.\nSolveig Munk kunne ikke tiltræde indstillingen.\nLiv Gro Jensen var forhindret i at deltage i udvalgets behandling af sagen.",
			&corpus.Votes{For: []string{"Jesper Kjeldsen", "Steffen Wich", "Gert Bjerregaard", "Metin Lindved Aydin"}, Against: []string{"Solveig Munk"}, Reserved: []string{"Jakob Søgaard Clausen"}, Absent: []string{"Liv Gro Jensen"}}},
		{"Et flertal i udvalget kunne tiltræde indstillingen med den ændring, som er beskrevet i notat af 17. september 2025 fra Magistratsafdelingen for Teknik og Miljø.\nJesper Kjeldsen, Steffen Wich, Liv Gro Jensen, Gert Bjerregaard kunne tiltræde indstillingen med den ændring, som er beskrevet i notat af 17. september 2025.\nMetin Lindved Aydin tog forbehold.",
			&corpus.Votes{For: []string{"Jesper Kjeldsen", "Steffen Wich", "Liv Gro Jensen", "Gert Bjerregaard"}, Reserved: []string{"Metin Lindved Aydin"}}},
		{"Tilbagesendes Magistratsafdelingen for Teknik og Miljø med bemærkning, at byrådet i sit møde den 27. august 2025 har vedtaget Magistratens foranstående indstilling af 19. august 2025.\nSocialistisk Folkepartis og Enhedslisten de Rød-Grønnes byrådsgrupper og Viggo Jonasen kunne ikke tiltræde indstillingens beslutningspunkter 1 og 2.\nRadikale Venstres og Alternativets byrådsgrupper kunne ikke tiltræde indstillingen.",
			&corpus.Votes{Against: []string{"Socialistisk Folkeparti", "Enhedslisten de Rød-Grønne", "Viggo Jonasen", "Radikale Venstre", "Alternativet"}}},
		{"Rådmand Nicolaj Bang var forhindret i at deltage i sagens behandling.", &corpus.Votes{Absent: []string{"Nicolaj Bang"}}},
		// The deciding body is no voter.
		{"Magistraten kunne tiltræde indstillingen.", nil},
		{"Udvalget kunne enstemmigt tiltræde indstillingen.", nil},
		{"Økonomiudvalget kan tiltræde indstillingen.", nil},
	}
	for _, tt := range tests {
		if got := Votes(tt.in); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Votes(%q) = %+v; want %+v", tt.in, got, tt.want)
		}
	}
}

func TestParty(t *testing.T) {
	tests := []struct{ in, name, party string }{
		{"Irene Porse (F)", "Irene Porse", "F"},
		{"Lolan Ottesen (A) - formand", "Lolan Ottesen", "A"},
		{"Carsten Helles Rasmussen", "Carsten Helles Rasmussen", ""},
		{"Martin Stokholm (Afbud)", "Martin Stokholm (Afbud)", ""},
	}
	for _, tt := range tests {
		n, p := Party(tt.in)
		if n != tt.name || p != tt.party {
			t.Errorf("Party(%q) = %q, %q; want %q, %q", tt.in, n, p, tt.name, tt.party)
		}
	}
	if n, ok := AbsentMarked("Martin Stokholm (Afbud)"); !ok || n != "Martin Stokholm" {
		t.Errorf("AbsentMarked = %q, %v", n, ok)
	}
}

func TestRedactCPR(t *testing.T) {
	tests := []struct{ in, want string }{
		{"CPR-nr. 010160-1234 er oplyst", "CPR-nr. XXXXXX-XXXX er oplyst"},
		{"Sagsnr. 13/011760-1053", "Sagsnr. 13/011760-1053"},
		{"310299-1234", "310299-1234"}, // 31 February
		{"290200-1234", "XXXXXX-XXXX"}, // 29 February 2000
		{"tlf. 123456-7890", "tlf. 123456-7890"},
		{"023-002364", "023-002364"},
		{"(121212-1212)", "(XXXXXX-XXXX)"},
		// Glued to the word that names it.
		{"CPR-070991-7890", "CPR-XXXXXX-XXXX"},
		{"nr.081092-8901", "nr.XXXXXX-XXXX"},
		{"cpr140198-6789 oplyst", "cprXXXXXX-XXXX oplyst"},
		{"personnummer:010160-1234", "personnummer:XXXXXX-XXXX"},
		{"CPR-nr.010160–1234", "CPR-nr.XXXXXX-XXXX"},
		// Ten digits after the word.
		{"CPR 0305873456", "CPR XXXXXX-XXXX"},
		{"cpr.nr. 0305873456.", "cpr.nr. XXXXXX-XXXX."},
		{"CPR-nr.: 0305873456", "CPR-nr.: XXXXXX-XXXX"},
		{"personnummer 0305873456 og", "personnummer XXXXXX-XXXX og"},
		{"cpr0305873456", "cprXXXXXX-XXXX"},
		{"afgoerelse_cpr_0305873456.pdf", "afgoerelse_cpr_XXXXXX-XXXX.pdf"},      // a file name
		{"/sager/070991-7890/afgørelse.pdf", "/sager/XXXXXX-XXXX/afgørelse.pdf"}, // a path or URL
		{"https://x.dk/borger?cpr=0305873456&id=2", "https://x.dk/borger?cpr=XXXXXX-XXXX&id=2"},
		// Not CPR numbers.
		{"CPR 3202873456", "CPR 3202873456"},   // 32 February
		{"EAN 0305873456", "EAN 0305873456"},   // ten digits, no CPR word
		{"CPR 03058734567", "CPR 03058734567"}, // eleven digits
		{"Sag 2011-29298", "Sag 2011-29298"},   // year-serial case number
		{"KLE 00.01.00-P20-104-19", "KLE 00.01.00-P20-104-19"},
		{"journalnr.13/011760-1053", "journalnr.13/011760-1053"},
		{"Beløb 010160-1234kr", "Beløb 010160-1234kr"},
		{"Ansøgning010160-1234", "Ansøgning010160-1234"}, // a long word glued: not a CPR word
	}
	for _, tt := range tests {
		if got := RedactCPR(tt.in); got != tt.want {
			t.Errorf("RedactCPR(%q) = %q; want %q", tt.in, got, tt.want)
		}
	}
}

func TestMunicipalities(t *testing.T) {
	if n := len(Municipalities()); n != 98 {
		t.Errorf("len(Municipalities()) = %d; want 98", n)
	}
	seen := map[string]bool{}
	for _, m := range Municipalities() {
		if seen[m] {
			t.Errorf("duplicate municipality %q", m)
		}
		seen[m] = true
	}
	tests := []struct{ in, want string }{
		{"Lejre Kommune skal have en ny politik. Lejre Kommunes borgere. Roskilde Kommune.", "Lejre Kommune"},
		{"REFERAT Aarhus Byråd d. 27-08-2025", "Aarhus Kommune"},
		{"i Mødecenter C, Lokale 32 på Ballerup Rådhus", "Ballerup Kommune"},
		{"Samspil med Frederiksberg Kommunes borgerrådgiver", "Frederiksberg Kommune"},
		{"Lyngby-Taarbæk Kommune", "Lyngby-Taarbæk Kommune"},
		{"Lotte\nGreve, Nanna Lohman", ""},
		{"Greve Kommune og Roskilde Kommune har aftalt", ""},
		{"Greve Kommune og Roskilde Kommune har aftalt. Greve Kommune betaler. Greve Kommune ejer.", "Greve Kommune"},
	}
	for _, tt := range tests {
		if got := FindMunicipality(tt.in, 200); got != tt.want {
			t.Errorf("FindMunicipality(%q) = %q; want %q", tt.in, got, tt.want)
		}
	}
	for _, tt := range []struct {
		in    string
		least int
		want  string
	}{
		{"KL\n\nOm betaling for ophold. " + strings.Repeat("Tekst. ", 100) + "Det gælder fx i Greve Kommune.", 2, ""},
		{"KL\n\nOm betaling for ophold. " + strings.Repeat("Tekst. ", 100) + "Det gælder fx i Greve Kommune.", 1, "Greve Kommune"},
		{"Greve Kommune\nCenter for Teknik\n\nOm betaling for ophold.", 2, "Greve Kommune"},
	} {
		if got := DominantMunicipality(tt.in, 100, tt.least); got != tt.want {
			t.Errorf("DominantMunicipality(%.30q, %d) = %q; want %q", tt.in, tt.least, got, tt.want)
		}
	}
	if got := MunicipalityName("københavns kommune"); got != "Københavns Kommune" {
		t.Errorf("MunicipalityName = %q", got)
	}
}

func TestCommittee(t *testing.T) {
	tests := []struct{ in, name, key string }{
		{"Udvalget for Børn og Ungdom - 2022-2025", "Udvalget for Børn og Ungdom", "Udvalget for Børn og Ungdom"},
		{"Udvalget for Børn & Ungdom", "Udvalget for Børn & Ungdom", "Udvalget for Børn og Ungdom"},
		{"Udvalget For Børn & Ungdom", "Udvalget For Børn & Ungdom", "Udvalget for Børn og Ungdom"},
		{"Socialudvalget_2018-21", "Socialudvalget", "Socialudvalget"},
		{"Udvalget for Social, Sundhed og Ældre - 2022 - 2025", "Udvalget for Social, Sundhed og Ældre", "Udvalget for Social, Sundhed og Ældre"},
	}
	for _, tt := range tests {
		if got := CommitteeName(tt.in); got != tt.name {
			t.Errorf("CommitteeName(%q) = %q; want %q", tt.in, got, tt.name)
		}
		if got := CommitteeKey(tt.in); got != tt.key {
			t.Errorf("CommitteeKey(%q) = %q; want %q", tt.in, got, tt.key)
		}
	}
}

func TestSplitNames(t *testing.T) {
	got := SplitNames("Carsten Helles Rasmussen, Irene Porse, Henning Nielsen, Lotte Greve, Nanna Lohman, Bente Blumensaat")
	if len(got) != 6 || got[3] != "Lotte Greve" {
		t.Errorf("SplitNames = %q", got)
	}
	got = SplitNames("Jens Jensen (A, formand) og Hans Hansen (V)")
	if !reflect.DeepEqual(got, []string{"Jens Jensen (A, formand)", "Hans Hansen (V)"}) {
		t.Errorf("SplitNames = %q", got)
	}
	_ = strings.TrimSpace
}

func TestLooksLikeCommittee(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want bool
	}{
		{"Børne- og Skoleudvalget", true},
		{"Udvalget for Klima, Natur og Miljø", true},
		{"Udvalget for Børn og Ungdom - 2022-2025", true},
		{"Aarhus Byråd", true},
		{"Kommunalbestyrelsen", true},
		{"Ældrerådet", true},
		{"Godkendelse af dagsorden", false},
		{"Sjette afrapportering på ledelsestilsyn i Borgercenter Børn og Unge", false},
		{"Sagen behandles i udvalget.", false},
		{"Mødedato: 20.11.2019", false},
	} {
		if got := LooksLikeCommittee(tt.in); got != tt.want {
			t.Errorf("LooksLikeCommittee(%q) = %v; want %v", tt.in, got, tt.want)
		}
	}
}

// TestIsParty: the parties of the Aarhus city council's votes (27 August
// 2025) and party letters are parties; the people the corpus's minutes
// name, with their party letters and roles, are not.
func TestIsParty(t *testing.T) {
	for _, name := range []string{
		"Socialistisk Folkeparti", "Enhedslisten de Rød-Grønne", "Radikale Venstre", "Alternativet",
		"Socialdemokratiet", "Danmarksdemokraterne", "Det Konservative Folkeparti", "Venstre",
		"Liberal Alliance", "Nye Borgerlige", "Lokallisten", "V-gruppen", "SF", "Ø", "A",
	} {
		if !IsParty(name) {
			t.Errorf("IsParty(%q) = false; want true", name)
		}
	}
	for _, name := range []string{
		"Viggo Jonasen", "Jakob Søgaard Clausen", "Irene Porse (F)", "Martin Stokholm (A)",
		"Bjørn Lykke Sørensen (C)", "Lolan Ottesen (A) - formand", "Anders Winnerskjold", "Ib", "Kirsten Lister",
	} {
		if IsParty(name) {
			t.Errorf("IsParty(%q) = true; want false", name)
		}
	}
}

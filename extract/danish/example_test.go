package danish_test

import (
	"fmt"
	"strings"

	"referat/extract/danish"
)

func ExampleParseCaseNumber() {
	for _, s := range []string{"00.01.00-P20-104-19", "19/3742", "EMN-2025-003383", "06-02-2024", "2014-2016"} {
		c, ok := danish.ParseCaseNumber(s)
		fmt.Println(strings.TrimSpace(fmt.Sprintf("%s %v %s %s %s", s, ok, c.Scheme, c.KLE, c.Subject)))
	}
	// Output:
	// 00.01.00-P20-104-19 true kle 00.01.00 Kommunens styrelse i almindelighed
	// 19/3742 true slash
	// EMN-2025-003383 true prefixed
	// 06-02-2024 false
	// 2014-2016 false
}

func ExampleFindDate() {
	d, _ := danish.FindDate("Mødedato: onsdag den 1. oktober 2025 kl. 15.45")
	t, _ := danish.FindTime("Mødedato: onsdag den 1. oktober 2025 kl. 15.45")
	fmt.Println(d, t)
	// Output: 2025-10-01 15:45
}

func ExampleOutcome() {
	for _, s := range []string{"Godkendt.", "Indstillingen anbefales.", "Taget til efterretning.", "Drøftet.", "Udsat.", "Intet under dette punkt."} {
		fmt.Println(danish.Outcome(s))
	}
	// Output:
	// approved
	// recommended
	// noted
	// discussed
	// postponed
	// none
}

func ExampleVotes() {
	v := danish.Votes("Godkendt. V, C og O stemte for. Imod stemte: Ø. Socialdemokratiet tog forbehold.")
	fmt.Println(v.For, v.Against, v.Reserved)
	// Output: [V C O] [Ø] [Socialdemokratiet]
}

func ExampleRedactCPR() {
	fmt.Println(danish.RedactCPR("CPR 010160-1234, sag 13/011760-1053"))
	// Output: CPR XXXXXX-XXXX, sag 13/011760-1053
}

func ExampleCommitteeKey() {
	fmt.Println(danish.CommitteeName("Udvalget for Børn og Ungdom - 2022-2025"))
	fmt.Println(danish.CommitteeKey("Udvalget for Børn & Ungdom"))
	// Output:
	// Udvalget for Børn og Ungdom
	// Udvalget for Børn og Ungdom
}

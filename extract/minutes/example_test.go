package minutes_test

import (
	"fmt"

	"referat/corpus"
	"referat/extract/minutes"
)

func ExampleParse() {
	m := minutes.Parse(`REFERAT Udvalget for Job & Arbejdsmarked d. 08-05-2019

Punkt 7: BU - 10 mål for social mobilitet

19/3533

Beslutning Udvalget for Børn & Ungdom den 07-05-2019

Taget til efterretning.

Beslutning Udvalget for Job & Arbejdsmarked den 08-05-2019

Indstillingen tiltrådt.

Afbud:

Martin Stokholm (A)
`)
	for _, d := range m.Items[0].Decisions {
		fmt.Println(d.Body, d.Date, d.Outcome)
	}
	fmt.Println(m.Items[0].Absent)
	// Output:
	// Udvalget for Børn & Ungdom 2019-05-07 noted
	// Udvalget for Job & Arbejdsmarked 2019-05-08 approved
	// [Martin Stokholm (A)]
}

func ExampleItem() {
	// A First Agenda field's HTML rendered as text, read into a point.
	var it corpus.Item
	minutes.Item(&it, "Indstilling\nForvaltningen indstiller, at udvalget godkender planen.\n\nBeslutning\nGodkendt.\n\nBilag\nPlan 2024.pdf", minutes.Context{Committee: "Kultur- og Fritidsudvalget", Date: "2024-03-20"})
	fmt.Println(it.Recommendations, it.Decisions[0].Body, it.Decisions[0].Outcome, it.Attachments)
	// Output: [at udvalget godkender planen.] Kultur- og Fritidsudvalget approved [Plan 2024.pdf]
}

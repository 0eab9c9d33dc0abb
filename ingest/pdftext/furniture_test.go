package pdftext

import "testing"

func TestJoinHyphenated(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Ballerup Kom-\nmune modtager", "Ballerup Kommune\nmodtager"},
		{"Sundheds-\nog Forebyggelsesudvalget", "Sundheds-\nog Forebyggelsesudvalget"},
		{"EU-\nborgere", "EU-borgere\n"},
		{"støjafskærmende foran-\n13. april", "støjafskærmende foran-\n13. april"},
		{"i kommu-\t13. april 2023\nnalfuldmagtens regler", "i kommunalfuldmagtens\t13. april 2023\nregler"},
		{"perioden 2024-\n2028 med", "perioden 2024-2028\nmed"},
	}
	for _, tt := range tests {
		if got := joinHyphenated(tt.in); got != tt.want {
			t.Errorf("joinHyphenated(%q) = %q; want %q", tt.in, got, tt.want)
		}
	}
}

func TestRepairLetterSpacing(t *testing.T) {
	vocab := map[string]bool{"ankestyrelsen": true, "statsservice": true, "i": true, "mod": true, "imod": true, "og": true}
	tests := []struct{ in, want string }{
		{"A nk estyrelsen", "Ankestyrelsen"},
		{"7998 S tatsservice", "7998 Statsservice"},
		{"J.nr . 24-10910", "J.nr. 24-10910"},
		{"i mod forslaget", "i mod forslaget"},
		{"Bilag A og B", "Bilag A og B"},
	}
	for _, tt := range tests {
		if got := repairLetterSpacing(tt.in, vocab); got != tt.want {
			t.Errorf("repairLetterSpacing(%q) = %q; want %q", tt.in, got, tt.want)
		}
	}
}

func TestRemoveFurniture(t *testing.T) {
	pages := []Page{
		{Text: "SOU, Alm.del - 2024-25 - Endeligt svar på spørgsmål 488\n3010349_0001.png\nNyborg Kommune\nKonklusion\n1"},
		{Text: "SOU, Alm.del - 2024-25 - Endeligt svar på spørgsmål 488\n3010349_0002.png\nSagens oplysnin-\nger er disse.\nSide 2 af 3"},
		{Text: "SOU, Alm.del - 2024-25 - Endeligt svar på spørgsmål 488\nVenlig hilsen\n3"},
	}
	want := "SOU, Alm.del - 2024-25 - Endeligt svar på spørgsmål 488\nNyborg Kommune\nKonklusion" +
		"\fSagens oplysninger\ner disse." +
		"\fVenlig hilsen"
	if got := removeFurniture(pages); got != want {
		t.Errorf("removeFurniture = %q; want %q", got, want)
	}
}

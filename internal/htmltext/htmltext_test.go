package htmltext

import (
	"os"
	"strings"
	"testing"

	"referat/internal/testcorpus"
)

func TestString(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"paragraphs", "<p>Godkendt.</p><p>Taget til\n efterretning.</p>", "Godkendt.\n\nTaget til efterretning."},
		{"heading and span", "<div><h3>Beslutning</h3>\r\n<span>Godkendt.<br></span></div>", "Beslutning\n\nGodkendt."},
		{"inline keeps spaces", "<p>Udvalget for <b>Børn</b> &amp; Ungdom</p>", "Udvalget for Børn & Ungdom"},
		{"no space invented", "<p>Redegør<i>else</i></p>", "Redegørelse"},
		{"lists", "<ul><li>en</li><li>to</li></ul><ol><li>at A</li><li>at B</li></ol>", "- en\n- to\n\n1. at A\n2. at B"},
		{"table", "<table><tr><th></th><th>2020</th><th>2023</th></tr><tr><td>Allerslev Skole</td><td>3,7</td><td>3,6</td></tr></table>", "\t2020\t2023\nAllerslev Skole\t3,7\t3,6"},
		{"cell with paragraphs", "<table><tr><td><p>a</p><p>b</p></td><td>c</td></tr></table>", "a b\tc"},
		{"layout table", "<table><tr><td>1</td><td><h2>Titel</h2><p>" + strings.Repeat("lang tekst ", 30) + "</p></td></tr></table>", "1\n\nTitel\n\n" + strings.TrimSpace(strings.Repeat("lang tekst ", 30))},
		{"button around heading", "<button role='button'><h2>Godkendelse af dagsorden</h2></button><span role='button'>PDF</span><a>Bilag 1</a>", "Godkendelse af dagsorden\n\nBilag 1"},
		{"script dropped", "<p>x</p><script>alert(1)</script><style>p{}</style><p>y</p>", "x\n\ny"},
		{"nbsp", "<p>kl.&nbsp;17:00</p>", "kl. 17:00"},
		{"br inside paragraph", "<p>Mødedato: 20.11.2019<br>Mødested: Rådhuset</p>", "Mødedato: 20.11.2019\nMødested: Rådhuset"},
		{"pre", "<pre>a  b\nc</pre>", "a  b\nc"},
		{"broken html", "<p>åben <b>fed<p>næste", "åben fed\n\nnæste"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := String(tt.in); got != tt.want {
				t.Errorf("String(%q) = %q; want %q", tt.in, got, tt.want)
			}
		})
	}
}

// TestAarhusAgendaPage renders a real First Agenda web page and checks that
// the agenda's words arrive and that scripts and styles do not.
func TestAarhusAgendaPage(t *testing.T) {
	b, err := os.ReadFile(testcorpus.Path("aarhus/aarhus-byraad-dagsorden-2025-10-08.html"))
	if err != nil {
		t.Fatal(err)
	}
	got := String(string(b))
	for _, want := range []string{"Mødedato", "Beslutning"} {
		if !strings.Contains(got, want) {
			t.Errorf("rendered page lacks %q", want)
		}
	}
	for _, bad := range []string{"function(", "<div", "{display"} {
		if strings.Contains(got, bad) {
			t.Errorf("rendered page contains markup or script %q", bad)
		}
	}
	if strings.Contains(got, "\n\n\n") {
		t.Errorf("rendered page has runs of blank lines")
	}
}

func FuzzString(f *testing.F) {
	f.Add("<p>Godkendt.</p>")
	f.Add("<table><tr><td>a<td>b</table>")
	f.Add("<ol><li><ul><li>x</ul></ol><pre>\n</pre>")
	f.Fuzz(func(t *testing.T, s string) {
		out := String(s)
		if strings.Contains(out, "\n\n\n") {
			t.Errorf("String(%q) has three newlines in a row: %q", s, out)
		}
	})
}

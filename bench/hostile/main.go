// Command hostile writes the documents of issue 14's memory cases: an
// SBSYS publication XML with very many tiny agenda items, and a very
// large plain text. bench/hostile.sh ingests them and measures.
//
//	go run ./bench/hostile -items 200000 -out /tmp/many.xml
//	go run ./bench/hostile -text-mb 200 -out /tmp/big.txt
package main

import (
	"bufio"
	"flag"
	"fmt"
	"log"
	"os"
)

func main() {
	items := flag.Int("items", 0, "write an SBSYS publication with this many items")
	textMB := flag.Int("text-mb", 0, "write a plain text of this many MB")
	out := flag.String("out", "", "file to write")
	flag.Parse()
	if *out == "" || (*items == 0) == (*textMB == 0) {
		log.Fatal("usage: hostile (-items N | -text-mb N) -out FILE")
	}
	f, err := os.Create(*out)
	if err != nil {
		log.Fatal(err)
	}
	w := bufio.NewWriterSize(f, 1<<20)
	if *items > 0 {
		writeItems(w, *items)
	} else {
		writeText(w, int64(*textMB)<<20)
	}
	if err := w.Flush(); err != nil {
		log.Fatal(err)
	}
	if err := f.Close(); err != nil {
		log.Fatal(err)
	}
}

// writeItems writes one SBSYS meeting with n items of one decision each,
// about 200 bytes an item.
func writeItems(w *bufio.Writer, n int) {
	fmt.Fprint(w, `<?xml version="1.0" encoding="utf-8"?>
<Publication><PublicationTypeAsEnum>Final</PublicationTypeAsEnum><Agendas><Agenda>
<Name>Referat</Name><Meeting><When>2013-05-07T16:00:00</When><Where>Rådhuset</Where></Meeting>
<Committee><Name>Økonomiudvalget</Name></Committee><Items>
`)
	for i := 1; i <= n; i++ {
		fmt.Fprintf(w, "<Item><Number>%d</Number><Caption>Punkt %d om vej %d</Caption><IsPublic>true</IsPublic><Fields><ItemField><Caption>Beslutning</Caption><Content>Godkendt.</Content><Index>1</Index></ItemField></Fields></Item>\n", i, i, i)
	}
	fmt.Fprint(w, "</Items></Agenda></Agendas></Publication>\n")
}

// writeText writes size bytes of Danish-looking minutes text: numbered
// points with sections, so extraction has structure to find.
func writeText(w *bufio.Writer, size int64) {
	var n int64
	p := 0
	for n < size {
		p++
		k, _ := fmt.Fprintf(w, "Punkt %d: Vejbelysning på strækning %d\n\nSagsfremstilling\nKommunen har modtaget en ansøgning om ny belysning på strækning %d. Forvaltningen anbefaler at udvalget godkender projektet inden for den afsatte ramme.\n\nBeslutning\nGodkendt.\n\n", p, p, p)
		n += int64(k)
	}
}

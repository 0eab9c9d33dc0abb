package index_test

import (
	"context"
	"errors"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"strings"

	"referat/corpus"
	"referat/index"
)

// exampleRecord is item 2 of seed 004, the Lejre minutes of Udvalget for
// Job & Arbejdsmarked on 8 May 2019, shortened.
func exampleRecord() *corpus.Record {
	return &corpus.Record{
		Schema:       corpus.SchemaVersion,
		ID:           strings.Repeat("4", 64),
		Kind:         corpus.KindReferat,
		Municipality: "Lejre Kommune",
		Committee:    "Udvalget for Job & Arbejdsmarked",
		Meeting:      corpus.Meeting{Date: "2019-05-08"},
		Items: []corpus.Item{{
			Number:      2,
			Prefix:      "JA",
			Title:       "Dialogmøde Virksomhedsservice",
			CaseNumbers: []corpus.CaseNumber{{Raw: "19/3742", Scheme: corpus.SchemeSlash}},
			Sections:    []corpus.Section{{Heading: "Resumé", Text: "På mødet fremlægges Jobcenterets indsatser omkring virksomhedsservice."}},
			Decisions: []corpus.Decision{{
				Body: "Udvalget for Job & Arbejdsmarked", Date: "2019-05-08",
				Text: "Udvalget drøftede temaet.", Outcome: corpus.OutcomeDiscussed,
			}},
			Outcome: corpus.OutcomeDiscussed, // the meeting's own decision's (extract fills it)
		}},
	}
}

func Example() {
	dir, err := os.MkdirTemp("", "referat-index-example")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(dir)

	ctx := context.Background()
	x, err := index.Open(filepath.Join(dir, "index"))
	if err != nil {
		log.Fatal(err)
	}
	defer x.Close()
	if err := x.Index(ctx, []*corpus.Record{exampleRecord()}); err != nil {
		log.Fatal(err)
	}

	res, err := x.Search(ctx, index.Request{Query: "jobcenterets virksomhedsservice"})
	if err != nil {
		log.Fatal(err)
	}
	for _, h := range res.Hits {
		fmt.Printf("%s | %s | %s | %d %s | %s\n", h.Municipality, h.Committee, h.Date, h.ItemNumber, h.Title, h.Outcome)
		for _, s := range h.Snippet {
			if s.Match {
				fmt.Printf("[%s]", s.Text)
			} else {
				fmt.Print(s.Text)
			}
		}
		fmt.Println()
	}
	fmt.Println("municipalities:", res.Facets["municipality"])
	// Output:
	// Lejre Kommune | Udvalget for Job & Arbejdsmarked | 2019-05-08 | 2 Dialogmøde Virksomhedsservice | discussed
	// Udvalget drøftede temaet. På mødet fremlægges [Jobcenterets] indsatser omkring [virksomhedsservice].
	// municipalities: [{Lejre Kommune 1}]
}

// A case number typed as printed, or with another separator, finds its
// items; the timeline lists each decision once, with the item it is
// shown from.
func ExampleIndex_Case() {
	dir, err := os.MkdirTemp("", "referat-index-example")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(dir)

	ctx := context.Background()
	x, err := index.Open(filepath.Join(dir, "index"))
	if err != nil {
		log.Fatal(err)
	}
	defer x.Close()
	if err := x.Index(ctx, []*corpus.Record{exampleRecord()}); err != nil {
		log.Fatal(err)
	}
	h, err := x.Case(ctx, "19-3742")
	if err != nil {
		log.Fatal(err)
	}
	for _, it := range h.Items {
		fmt.Println(it.Date, it.Committee, it.Title)
	}
	for _, d := range h.Timeline {
		fmt.Printf("  %s %s: %s (%s) <- item %d of %s\n", d.Date, d.Body, d.Text, d.Outcome, d.Item.ItemNumber, d.Item.Date)
	}
	// Output:
	// 2019-05-08 Udvalget for Job & Arbejdsmarked Dialogmøde Virksomhedsservice
	//   2019-05-08 Udvalget for Job & Arbejdsmarked: Udvalget drøftede temaet. (discussed) <- item 2 of 2019-05-08
}

// A malformed query is a *index.QueryError with a one-line message.
func ExampleParseQuery() {
	_, err := index.ParseQuery(`kommune:lejre "kvalitet i sagsbehandlingen`)
	var qe *index.QueryError
	if errors.As(err, &qe) {
		fmt.Println(qe.Msg)
	}
	q, _ := index.ParseQuery(`kommune:lejre -udsat 2023 - 9318 "anden drøftelse"`)
	fmt.Println(q)
	// Output:
	// et citat begynder med " men slutter aldrig
	// municipality:lejre -udsat 2023-9318 "anden drøftelse"
}

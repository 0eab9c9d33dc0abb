package crawl_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"

	"referat/ingest/crawl"
	"referat/internal/testcorpus"
)

// ExampleRun crawls a SBSYS publication (served here from the real
// Ballerup export) and prints what the sink is handed: the XML, then the
// enclosure it names.
func ExampleRun() {
	xml, _ := os.ReadFile(testcorpus.Path("ballerup-sbsys-2013/Publication32.xml"))
	pdf, _ := os.ReadFile(testcorpus.Path("ballerup-sbsys-2013/Enclosures/1.pdf"))
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/Publication32/Publication32.xml":
			w.Header().Set("Content-Type", "application/xml")
			w.Write(xml)
		case "/Publication32/Enclosures/1.pdf":
			w.Header().Set("Content-Type", "application/pdf")
			w.Write(pdf)
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()

	cfg, err := crawl.ParseConfig([]byte(`{
		"contact": "https://example.org/referat",
		"rate_per_second": 100,
		"sources": [{"name": "ballerup-sbsys", "municipality": "Ballerup Kommune", "profile": "sbsys",
		             "start_urls": ["` + srv.URL + `/Publication32/Publication32.xml"]}]}`))
	if err != nil {
		fmt.Println(err)
		return
	}
	sink := func(ctx context.Context, f crawl.Fetched) error {
		fmt.Printf("%s %s %q parent=%s\n", strings.TrimPrefix(f.URL, srv.URL), f.ContentType, f.Title, strings.TrimPrefix(f.Parent, srv.URL))
		return nil
	}
	rep, err := crawl.Run(context.Background(), cfg, sink, nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%d new, %d failed\n", rep.New, rep.Failed)
	// Output:
	// /Publication32/Publication32.xml application/xml "" parent=
	// /Publication32/Enclosures/1.pdf application/pdf "Brev fra KL til Kommunalbestyrelsen vedr Monopolbrud" parent=/Publication32/Publication32.xml
	// 2 new, 0 failed
}

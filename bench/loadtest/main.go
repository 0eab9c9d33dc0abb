// Command loadtest drives a running `referat serve` with concurrent clients
// that mix searches, facet clicks and item pages, as people do, and
// reports requests per second, latency percentiles and errors.
//
//	go run ./bench/loadtest -url http://127.0.0.1:8080 -clients 50 -duration 30s
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"net/url"
	"os"
	"sort"
	"sync"
	"time"
)

func main() {
	base := flag.String("url", "http://127.0.0.1:8080", "the server")
	clients := flag.Int("clients", 50, "concurrent clients")
	duration := flag.Duration("duration", 30*time.Second, "how long to run")
	flag.Parse()
	if err := run(*base, *clients, *duration); err != nil {
		fmt.Fprintln(os.Stderr, "loadtest:", err)
		os.Exit(1)
	}
}

var words = []string{"ledelsestilsyn", "afgørelse", "budget", "godkendelse", "orientering", "politik", "børn", "ungdom", "økonomi", "handicap", "skole", "beskæftigelse", "social", "mobilitet", "tilsyn", "dagsorden", "tegnsprog", "kvalitet", "familiehuset", "eventuelt"}

type searchResult struct {
	Hits []struct {
		ID string `json:"id"`
	} `json:"hits"`
	Facets map[string][]struct {
		Value string `json:"value"`
	} `json:"facets"`
}

func run(base string, clients int, d time.Duration) error {
	// Learn real item ids and facet values first.
	var sr searchResult
	if err := getJSON(base+"/api/search?q=ledelsestilsyn", &sr); err != nil {
		return err
	}
	var ids, municipalities []string
	for _, h := range sr.Hits {
		ids = append(ids, h.ID)
	}
	for _, f := range sr.Facets["municipality"] {
		municipalities = append(municipalities, f.Value)
	}
	if len(ids) == 0 || len(municipalities) == 0 {
		return fmt.Errorf("the server at %s has no hits for ledelsestilsyn; serve a data directory with items", base)
	}

	var mu sync.Mutex
	var lat []time.Duration
	errs := map[string]int{}
	deadline := time.Now().Add(d)
	client := &http.Client{Timeout: 10 * time.Second, Transport: &http.Transport{MaxIdleConnsPerHost: clients}}
	var wg sync.WaitGroup
	for c := 0; c < clients; c++ {
		wg.Add(1)
		go func(seed uint64) {
			defer wg.Done()
			rng := rand.New(rand.NewPCG(seed, seed))
			for time.Now().Before(deadline) {
				var u string
				switch k := rng.IntN(10); {
				case k < 5: // a search, sometimes on a later page
					u = fmt.Sprintf("%s/?q=%s&page=%d", base, url.QueryEscape(words[rng.IntN(len(words))]), 1+rng.IntN(3))
				case k < 8: // a facet click
					u = fmt.Sprintf("%s/?q=%s&municipality=%s", base, url.QueryEscape(words[rng.IntN(len(words))]), url.QueryEscape(municipalities[rng.IntN(len(municipalities))]))
				default: // an item page
					u = fmt.Sprintf("%s/items/%s", base, ids[rng.IntN(len(ids))])
				}
				t := time.Now()
				resp, err := client.Get(u)
				el := time.Since(t)
				mu.Lock()
				lat = append(lat, el)
				switch {
				case err != nil:
					errs[err.Error()]++
				case resp.StatusCode != 200:
					errs[fmt.Sprintf("status %d", resp.StatusCode)]++
				}
				mu.Unlock()
				if resp != nil {
					io.Copy(io.Discard, resp.Body)
					resp.Body.Close()
				}
			}
		}(uint64(c))
	}
	wg.Wait()
	sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
	nerr := 0
	for _, n := range errs {
		nerr += n
	}
	fmt.Printf("%d clients for %s: %d requests, %.0f requests/s, p50 %s, p99 %s, max %s, %d errors\n",
		clients, d, len(lat), float64(len(lat))/d.Seconds(),
		lat[len(lat)/2].Round(time.Microsecond), lat[len(lat)*99/100].Round(time.Microsecond), lat[len(lat)-1].Round(time.Microsecond), nerr)
	for e, n := range errs {
		fmt.Printf("  %6d  %s\n", n, e)
	}
	if nerr > 0 {
		return fmt.Errorf("%d errors", nerr)
	}
	return nil
}

func getJSON(u string, v any) error {
	resp, err := http.Get(u)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != 200 {
		return fmt.Errorf("GET %s: %s", u, resp.Status)
	}
	return json.NewDecoder(resp.Body).Decode(v)
}

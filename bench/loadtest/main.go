// Command loadtest drives a running `referat serve` with concurrent clients
// that mix searches, facet clicks and item pages, and reports requests per
// second, latency percentiles (overall and per kind of request) and errors.
//
//	go run ./bench/loadtest -url http://127.0.0.1:8080 -clients 50 -duration 30s
//	go run ./bench/loadtest -url http://127.0.0.1:8080 -clients 50 -duration 30s -think 1s
//
// Two modes answer two questions:
//
//   - closed loop (-think 0, the default): each client sends its next
//     request as soon as the last one is answered, so the clients together
//     keep the server saturated. Requests/s is the server's capacity; the
//     latency is mostly time queued behind the other clients.
//   - person-like (-think D): each client waits a random time between D/2
//     and 3D/2 after every answer, as a person reads a page before the next
//     click. Requests/s is then set by the clients; the latency is what a
//     person waits while the others are also using the server.
//
// A warm-up (-warmup, same mix, not counted) comes first, as for a server
// that has been up a while. With -pid (Linux), the server's own CPU time
// over the counted run is reported per request.
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
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
)

type options struct {
	base     string
	clients  int
	duration time.Duration
	think    time.Duration
	warmup   time.Duration
	pid      int
	label    string
}

func main() {
	var o options
	flag.StringVar(&o.base, "url", "http://127.0.0.1:8080", "the server")
	flag.IntVar(&o.clients, "clients", 50, "concurrent clients")
	flag.DurationVar(&o.duration, "duration", 30*time.Second, "how long to run (after the warm-up)")
	flag.DurationVar(&o.think, "think", 0, "mean pause of a client between requests (uniform in [think/2, 3·think/2]); 0: closed loop, no pause")
	flag.DurationVar(&o.warmup, "warmup", 3*time.Second, "run this long first without counting")
	flag.IntVar(&o.pid, "pid", 0, "process id of the server, to report its CPU time per request (Linux)")
	flag.StringVar(&o.label, "label", "", "name of the run in the report (default: the mode)")
	flag.Parse()
	if err := run(o); err != nil {
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

// kinds of request, as reported.
const (
	kSearch = iota
	kFacet
	kItem
	nKinds
)

var kindNames = [nKinds]string{"search", "facet click", "item page"}

// sample is one answered (or failed) request.
type sample struct {
	kind int
	lat  time.Duration
}

// stats collects the samples of the counted run.
type stats struct {
	mu      sync.Mutex
	samples []sample
	errs    map[string]int
}

func (s *stats) add(kind int, lat time.Duration, err string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.samples = append(s.samples, sample{kind, lat})
	if err != "" {
		s.errs[err]++
	}
}

func run(o options) error {
	// Learn real item ids and facet values first.
	var sr searchResult
	if err := getJSON(o.base+"/api/search?q=ledelsestilsyn", &sr); err != nil {
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
		return fmt.Errorf("the server at %s has no hits for ledelsestilsyn; serve a data directory with items", o.base)
	}
	next := func(rng *rand.Rand) (int, string) {
		switch k := rng.IntN(10); {
		case k < 5: // a search, sometimes on a later page
			return kSearch, fmt.Sprintf("%s/?q=%s&page=%d", o.base, url.QueryEscape(words[rng.IntN(len(words))]), 1+rng.IntN(3))
		case k < 8: // a facet click
			return kFacet, fmt.Sprintf("%s/?q=%s&municipality=%s", o.base, url.QueryEscape(words[rng.IntN(len(words))]), url.QueryEscape(municipalities[rng.IntN(len(municipalities))]))
		default: // an item page
			return kItem, fmt.Sprintf("%s/items/%s", o.base, ids[rng.IntN(len(ids))])
		}
	}

	client := &http.Client{Timeout: 10 * time.Second, Transport: &http.Transport{MaxIdleConnsPerHost: o.clients}}
	st := &stats{errs: map[string]int{}}
	start := time.Now()
	countFrom := start.Add(o.warmup)
	deadline := countFrom.Add(o.duration)
	var cpuFrom time.Duration
	var cpuErr error
	cpuTimer := time.AfterFunc(o.warmup, func() {
		if o.pid > 0 {
			cpuFrom, cpuErr = processCPU(o.pid)
		}
	})
	defer cpuTimer.Stop()
	var wg sync.WaitGroup
	for c := 0; c < o.clients; c++ {
		wg.Add(1)
		go func(seed uint64) {
			defer wg.Done()
			rng := rand.New(rand.NewPCG(seed, seed))
			if o.think > 0 {
				// People do not all click at the same instant.
				time.Sleep(time.Duration(rng.Int64N(int64(o.think))))
			}
			for {
				t := time.Now()
				if !t.Before(deadline) {
					return
				}
				kind, u := next(rng)
				resp, err := client.Get(u)
				msg := ""
				switch {
				case err != nil:
					msg = err.Error()
				case resp.StatusCode != http.StatusOK:
					msg = fmt.Sprintf("status %d", resp.StatusCode)
				}
				if resp != nil {
					io.Copy(io.Discard, resp.Body)
					resp.Body.Close()
				}
				if el := time.Since(t); !t.Before(countFrom) {
					st.add(kind, el, msg)
				}
				if o.think > 0 {
					time.Sleep(o.think/2 + time.Duration(rng.Int64N(int64(o.think))))
				}
			}
		}(uint64(c))
	}
	wg.Wait()
	elapsed := time.Since(countFrom)
	var cpu time.Duration
	if o.pid > 0 && cpuErr == nil {
		var to time.Duration
		if to, cpuErr = processCPU(o.pid); cpuErr == nil {
			cpu = to - cpuFrom
		}
	}
	return report(os.Stdout, o, st, elapsed, cpu, cpuErr)
}

func report(w io.Writer, o options, st *stats, elapsed, cpu time.Duration, cpuErr error) error {
	label := o.label
	if label == "" {
		label = "closed loop (no pause between a client's requests)"
		if o.think > 0 {
			label = fmt.Sprintf("person-like (%s ± %s pause between a client's requests)", o.think, o.think/2)
		}
	}
	n := len(st.samples)
	if n == 0 {
		return fmt.Errorf("no request was answered in %s", o.duration)
	}
	nerr := 0
	for _, c := range st.errs {
		nerr += c
	}
	all := make([]time.Duration, 0, n)
	per := make([][]time.Duration, nKinds)
	for _, s := range st.samples {
		all = append(all, s.lat)
		per[s.kind] = append(per[s.kind], s.lat)
	}
	fmt.Fprintf(w, "%s, %d clients, %s counted after a %s warm-up:\n", label, o.clients, o.duration, o.warmup)
	fmt.Fprintf(w, "  %d requests, %.0f requests/s, p50 %s, p99 %s, max %s, %d errors\n",
		n, float64(n)/elapsed.Seconds(), ms(pct(all, 50)), ms(pct(all, 99)), ms(pct(all, 100)), nerr)
	for k, l := range per {
		if len(l) > 0 {
			fmt.Fprintf(w, "  %-12s %6d requests, p50 %s, p99 %s\n", kindNames[k], len(l), ms(pct(l, 50)), ms(pct(l, 99)))
		}
	}
	switch {
	case cpuErr != nil:
		fmt.Fprintf(w, "  server CPU: %v\n", cpuErr)
	case o.pid > 0:
		fmt.Fprintf(w, "  server CPU %.2f ms per request (%.2f of the machine's cores busy with the server)\n",
			float64(cpu.Microseconds())/1000/float64(n), cpu.Seconds()/elapsed.Seconds())
	}
	for e, c := range st.errs {
		fmt.Fprintf(w, "  %6d  %s\n", c, e)
	}
	if nerr > 0 {
		return fmt.Errorf("%d errors", nerr)
	}
	return nil
}

// pct returns the p-th percentile of ls (sorting it).
func pct(ls []time.Duration, p int) time.Duration {
	slices.Sort(ls)
	i := min(len(ls)-1, len(ls)*p/100)
	return ls[i]
}

func ms(d time.Duration) string {
	return strconv.FormatFloat(float64(d.Microseconds())/1000, 'f', 1, 64) + " ms"
}

// processCPU returns the user and system CPU time process pid has used,
// from /proc/pid/stat.
func processCPU(pid int) (time.Duration, error) {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return 0, fmt.Errorf("cpu time of process %d: %w", pid, err)
	}
	// The command name (field 2) may hold spaces; fields after it are
	// counted from its closing parenthesis: utime and stime are 14 and 15.
	s := string(b)
	f := strings.Fields(s[strings.LastIndexByte(s, ')')+1:])
	if len(f) < 13 {
		return 0, fmt.Errorf("cpu time of process %d: short /proc stat", pid)
	}
	u, err1 := strconv.ParseInt(f[11], 10, 64)
	k, err2 := strconv.ParseInt(f[12], 10, 64)
	if err1 != nil || err2 != nil {
		return 0, fmt.Errorf("cpu time of process %d: malformed /proc stat", pid)
	}
	const tick = 10 * time.Millisecond // USER_HZ is 100 on Linux
	return time.Duration(u+k) * tick, nil
}

func getJSON(u string, v any) error {
	resp, err := http.Get(u)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("GET %s: %s", u, resp.Status)
	}
	return json.NewDecoder(resp.Body).Decode(v)
}

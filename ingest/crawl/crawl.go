package crawl

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"referat/corpus"
)

// saveEvery and saveInterval bound the work lost when a crawl is killed
// without a chance to save.
const (
	saveEvery    = 25
	saveInterval = 5 * time.Second
)

// Run crawls every source of cfg and hands each new or changed document to
// sink, logging one line per event to log (nil discards). It returns when
// the frontier is empty or ctx ends; either way the state in cfg.StateDir
// is saved, and a later Run resumes an interrupted crawl where it stopped.
// The report is returned with a nil error, with ctx's error when the crawl
// was interrupted, or with nil and an error when the configuration or state
// is unusable. Fetch failures do not stop the crawl; they are in the report.
func Run(ctx context.Context, cfg *Config, sink Sink, log io.Writer) (*Report, error) {
	if sink == nil {
		return nil, errors.New("crawl: nil sink")
	}
	if err := cfg.Validate(); err != nil {
		return nil, fmt.Errorf("crawl: %w", err)
	}
	if log == nil {
		log = io.Discard
	}
	c := cfg.withDefaults()
	cr := &crawler{cfg: c, sink: sink, log: log, sources: map[string]*source{}}
	for _, s := range c.Sources {
		cs, err := newSource(s)
		if err != nil {
			return nil, fmt.Errorf("crawl: %w", err)
		}
		cr.sources[s.Name] = cs
		cr.order = append(cr.order, cs)
	}
	counting := &countingTransport{next: c.Transport}
	if counting.next == nil {
		counting.next = http.DefaultTransport
	}
	c.Transport = counting
	cr.f = newFetcher(c, cr.logf)
	// Some portals hand out a session cookie on the first request and
	// expect it back.
	cr.f.client.Jar, _ = cookiejar.New(nil)

	st, err := loadState(c.StateDir, cr.logf)
	if err != nil {
		return nil, fmt.Errorf("crawl: %w", err)
	}
	report := &Report{Started: c.Now()}
	err = cr.run(ctx, st, report)
	report.Requests = int(counting.n.Load())
	report.Finished = c.Now()
	cr.logf("%s after %s: %d new, %d changed, %d not modified, %d unchanged, %d fresh, %d skipped, %d failed; %d pages, %d requests",
		map[bool]string{true: "interrupted", false: "done"}[ctx.Err() != nil],
		report.Finished.Sub(report.Started).Round(time.Millisecond),
		report.New, report.Changed, report.NotModified, report.Unchanged, report.Fresh,
		report.Skipped, report.Failed, report.Pages, report.Requests)
	return report, err
}

// crawler is one Run.
type crawler struct {
	cfg     *Config
	sink    Sink
	sinkMu  sync.Mutex
	log     io.Writer
	logMu   sync.Mutex
	sources map[string]*source
	order   []*source
	f       *fetcher
	// reached holds the sources that answered anything but a failure or
	// a skip (of the run loop only).
	reached map[string]bool
}

// ErrNoSource is returned (wrapped) by Run when every URL of every source
// failed or was skipped (robots.txt, a 429, a site down): the crawl did
// nothing, and says so by failing.
var ErrNoSource = errors.New("no source could be crawled")

func (cr *crawler) logf(format string, args ...any) {
	cr.logMu.Lock()
	defer cr.logMu.Unlock()
	fmt.Fprintf(cr.log, "crawl: "+format+"\n", args...)
}

type outcome int

const (
	outNone outcome = iota
	outNew
	outChanged
	outNotModified
	outUnchanged
	outFresh
	outSkipped
	outFailed
)

// work is a task handed to a worker with what the state knows of its URL.
type work struct {
	t    task
	prev *docState // a copy; nil when the URL is not known
}

// result is what a worker reports back to the coordinator, which alone
// touches the state.
type result struct {
	t       task
	requeue bool // interrupted: back into the frontier
	page    bool // a page was read
	kind    outcome
	status  int
	reason  string
	doc     *docState // the URL's new state; nil keeps the old
	found   []task
}

// run is the coordinator: it feeds workers from the frontier, applies their
// results to the state and report, and saves the state now and then.
func (cr *crawler) run(ctx context.Context, st *state, report *Report) error {
	seen := map[string]bool{}
	var pending []task
	pages := map[string]int{}
	enqueue := func(t task) {
		u, err := url.Parse(t.URL)
		if err != nil {
			return
		}
		src := cr.sources[t.Source]
		if src == nil || !src.allowedHost(u) {
			return
		}
		t.URL = canonical(u).String()
		if seen[t.URL] {
			return
		}
		seen[t.URL] = true
		pending = append(pending, t)
	}
	if st.Run != nil {
		report.Resumed = true
		for _, s := range st.Run.Seen {
			seen[s] = true
		}
		for _, t := range st.Run.Frontier {
			if cr.sources[t.Source] != nil {
				pending = append(pending, t)
			}
		}
		for k, v := range st.Run.Pages {
			pages[k] = v
		}
		cr.logf("resuming the crawl begun %s: %d URLs left, %d seen", st.Run.Started, len(pending), len(seen))
	} else {
		st.Run = &runState{Started: cr.cfg.Now().UTC().Format(time.RFC3339)}
		for _, s := range cr.order {
			for _, t := range s.startTasks() {
				enqueue(t)
			}
		}
	}

	works := make(chan work)
	results := make(chan result)
	var wg sync.WaitGroup
	for range cr.cfg.Workers {
		wg.Go(func() {
			for w := range works {
				results <- cr.process(ctx, w)
			}
		})
	}

	inflight := map[string]task{}
	busyHosts := map[string]int{} // in-flight tasks per host
	limitLogged := map[string]bool{}
	sinceSave, lastSave := 0, time.Now()
	snapshot := func() {
		frontier := make([]task, 0, len(inflight)+len(pending))
		for _, t := range inflight {
			frontier = append(frontier, t)
		}
		frontier = append(frontier, pending...)
		st.Run.Frontier = frontier
		st.Run.Seen = st.Run.Seen[:0]
		for s := range seen {
			st.Run.Seen = append(st.Run.Seen, s)
		}
		st.Run.Pages = pages
	}
	save := func() error {
		snapshot()
		sinceSave, lastSave = 0, time.Now()
		return st.save(cr.cfg.StateDir)
	}

	handle := func(r result) {
		delete(inflight, r.t.URL)
		if h := hostOf(r.t.URL); busyHosts[h] > 1 {
			busyHosts[h]--
		} else {
			delete(busyHosts, h)
		}
		if r.requeue {
			pending = append([]task{r.t}, pending...)
			return
		}
		cr.apply(st, report, r)
		for _, t := range r.found {
			enqueue(t)
		}
		sinceSave++
		if ctx.Err() == nil && (sinceSave >= saveEvery || time.Since(lastSave) >= saveInterval) {
			if err := save(); err != nil {
				cr.logf("%v", err)
			}
		}
	}

	for {
		// Pick the next task to send, skipping pages over the limit.
		var next *work
		nextAt := -1
		for next == nil && len(pending) > 0 && ctx.Err() == nil {
			i := pickTask(pending, busyHosts)
			t := pending[i]
			if t.Role != roleDocument {
				src := cr.sources[t.Source]
				if pages[t.Source] >= src.MaxPages {
					pending = slices.Delete(pending, i, i+1)
					report.Skipped++
					if !limitLogged[t.Source] {
						limitLogged[t.Source] = true
						cr.logf("%s: page limit of %d reached; further pages skipped", t.Source, src.MaxPages)
					}
					continue
				}
			}
			w := work{t: t}
			if ds := st.Documents[t.URL]; ds != nil {
				c := *ds
				w.prev = &c
			}
			next, nextAt = &w, i
		}
		if next == nil && len(inflight) == 0 {
			break
		}
		var send chan work // nil blocks: nothing to send
		var sendWork work
		if next != nil {
			send, sendWork = works, *next
		}
		select {
		case send <- sendWork:
			pending = slices.Delete(pending, nextAt, nextAt+1)
			inflight[sendWork.t.URL] = sendWork.t
			busyHosts[hostOf(sendWork.t.URL)]++
			if sendWork.t.Role != roleDocument {
				pages[sendWork.t.Source]++
			}
		case r := <-results:
			handle(r)
		case <-ctx.Done():
			// Stop sending and wait for the workers, which end promptly
			// since their requests, rate-limit waits and backoffs share ctx.
			if len(inflight) > 0 {
				handle(<-results)
			}
		}
		if ctx.Err() != nil && len(inflight) == 0 {
			break
		}
	}
	close(works)
	wg.Wait()

	if ctx.Err() != nil {
		if err := save(); err != nil {
			return fmt.Errorf("crawl interrupted: %w (and %v)", ctx.Err(), err)
		}
		cr.logf("interrupted; %d URLs left for the next run", len(st.Run.Frontier))
		return fmt.Errorf("crawl interrupted: %w", ctx.Err())
	}
	st.Run = nil
	if err := st.save(cr.cfg.StateDir); err != nil {
		return fmt.Errorf("crawl: %w", err)
	}
	if len(cr.reached) == 0 && report.Failed+report.Skipped > 0 {
		return fmt.Errorf("crawl: %w: %d URLs failed, %d skipped (see the log)", ErrNoSource, report.Failed, report.Skipped)
	}
	return nil
}

// pickScan bounds how far into the frontier pickTask looks.
const pickScan = 1000

// pickTask returns the index of the first pending task whose host has no
// fetch in flight, or 0: workers then spread over hosts instead of queuing
// at one host's rate limiter while others idle.
func pickTask(pending []task, busy map[string]int) int {
	if len(busy) == 0 {
		return 0
	}
	for i, t := range pending[:min(len(pending), pickScan)] {
		if busy[hostOf(t.URL)] == 0 {
			return i
		}
	}
	return 0
}

func hostOf(raw string) string {
	if u, err := url.Parse(raw); err == nil {
		return u.Host
	}
	return ""
}

// apply adds a result to the report and the state.
func (cr *crawler) apply(st *state, report *Report, r result) {
	if r.page {
		report.Pages++
	}
	if r.kind != outSkipped && r.kind != outFailed {
		if cr.reached == nil {
			cr.reached = map[string]bool{}
		}
		cr.reached[r.t.Source] = true
	}
	switch r.kind {
	case outNew:
		report.New++
		report.Fetched++
	case outChanged:
		report.Changed++
		report.Fetched++
	case outNotModified:
		report.NotModified++
	case outUnchanged:
		report.Unchanged++
	case outFresh:
		report.Fresh++
	case outSkipped:
		report.Skipped++
	case outFailed:
		report.Failed++
		report.Failures = append(report.Failures, Failure{URL: r.t.URL, Source: r.t.Source, Status: r.status, Reason: r.reason})
	}
	if r.doc != nil {
		st.Documents[r.t.URL] = r.doc
	}
}

// process fetches one task's URL and does what its role asks.
func (cr *crawler) process(ctx context.Context, w work) result {
	t := w.t
	r := result{t: t}
	src := cr.sources[t.Source]
	u, err := url.Parse(t.URL)
	if err != nil {
		return cr.fail(r, 0, fmt.Sprintf("bad URL: %v", err))
	}
	if !src.allowedHost(u) {
		return cr.skip(r, "host not allowed")
	}
	ok, why := cr.f.robots.allowed(ctx, u)
	if ctx.Err() != nil {
		r.requeue = true
		return r
	}
	if !ok {
		return cr.skip(r, why)
	}
	if t.Role == roleDocument {
		return cr.document(ctx, src, u, w.prev, r)
	}
	return cr.page(ctx, src, u, w.prev, r)
}

func (cr *crawler) skip(r result, why string) result {
	cr.logf("%s: skip %s: %s", r.t.Source, r.t.URL, why)
	r.kind, r.reason = outSkipped, why
	return r
}

func (cr *crawler) fail(r result, status int, why string) result {
	cr.logf("%s: fail %s: %s", r.t.Source, r.t.URL, why)
	r.kind, r.status, r.reason = outFailed, status, why
	return r
}

// fetchFailed turns a fetch error into a failed or (when ctx ended) a
// requeued result.
func (cr *crawler) fetchFailed(ctx context.Context, r result, err error) result {
	if ctx.Err() != nil {
		r.requeue = true
		return r
	}
	var fe *fetchError
	if errors.As(err, &fe) {
		return cr.fail(r, fe.Status, fe.Reason)
	}
	return cr.fail(r, 0, err.Error())
}

// page reads a listing or meeting page for links.
func (cr *crawler) page(ctx context.Context, src *source, u *url.URL, prev *docState, r result) result {
	t := r.t
	accept := src.prof.pageTypes
	handOn := t.Role == roleMeeting && src.MeetingPagesAreDocuments
	// A meeting page handed on as a document is revalidated as documents
	// are: with the validators it was stored with. Listing pages are read
	// whole every crawl, for their new links.
	var v validators
	if handOn && prev != nil {
		v = validators{ETag: prev.ETag, LastModified: prev.LastModified}
	}
	resp, err := cr.f.get(ctx, src, u, v, accept)
	if err != nil {
		return cr.fetchFailed(ctx, r, err)
	}
	r.page = true
	if resp.Status == http.StatusNotModified {
		if prev == nil {
			return cr.fail(r, resp.Status, "304 Not Modified to an unconditional request")
		}
		ns := *prev
		ns.CheckedAt = cr.cfg.Now().UTC().Format(time.RFC3339)
		r.kind, r.doc, r.found = outNotModified, &ns, prev.Children
		cr.logf("%s: not modified %s", src.Name, t.URL)
		return r
	}
	if !accepted(resp.MediaType, htmlTypes) {
		if src.prof.pageData == nil {
			return cr.fail(r, resp.Status, fmt.Sprintf("content type %s is not a page", resp.MediaType))
		}
		found, err := src.prof.pageData(src, resp.URL, resp)
		if err != nil {
			return cr.fail(r, resp.Status, err.Error())
		}
		cr.logf("%s: page %s: %d links", src.Name, t.URL, len(found))
		r.found = found
		return r
	}
	doc, err := parseHTML(resp.Body, resp.ContentType)
	if err != nil {
		return cr.fail(r, resp.Status, err.Error())
	}
	base := baseURL(doc, resp.URL)
	var found, children []task
	add := func(ls []link, rl role, parent string) {
		for _, l := range ls {
			nt := task{URL: l.URL.String(), Source: src.Name, Role: rl, Title: l.Text, Parent: parent}
			if parent != "" {
				children = append(children, nt)
			} else {
				found = append(found, nt)
			}
		}
	}
	switch t.Role {
	case rolePage:
		add(pickLinks(doc, base, src.meetings), roleMeeting, "")
		add(pickLinks(doc, base, src.documents), roleDocument, "")
		add(pickLinks(doc, base, src.next), rolePage, "")
		if src.prof.walkDirs {
			for _, d := range subdirLinks(doc, resp.URL) {
				found = append(found, task{URL: d.String(), Source: src.Name, Role: rolePage})
			}
		}
	case roleMeeting:
		parent := ""
		if handOn {
			parent = t.URL
		}
		add(pickLinks(doc, base, src.documents), roleDocument, parent)
	}
	if src.prof.pageLinks != nil {
		found = append(found, src.prof.pageLinks(src, resp.URL, doc)...)
	}
	cr.logf("%s: page %s: %d links", src.Name, t.URL, len(found)+len(children))
	r.found = found
	if !handOn {
		r.found = append(r.found, children...)
		return r
	}
	d := cr.deliver(ctx, src, u, resp, prev, r, children)
	d.page = true
	d.found = append(found, d.found...)
	return d
}

// document fetches a document conditionally and hands it on when new or
// changed; the attachments it names follow it.
func (cr *crawler) document(ctx context.Context, src *source, u *url.URL, prev *docState, r result) result {
	now := cr.cfg.Now()
	if prev != nil && cr.cfg.RevalidateAfter > 0 {
		if checked, err := time.Parse(time.RFC3339, prev.CheckedAt); err == nil && now.Sub(checked) < cr.cfg.RevalidateAfter {
			r.kind = outFresh
			return r
		}
	}
	var v validators
	if prev != nil {
		v = validators{ETag: prev.ETag, LastModified: prev.LastModified}
	}
	resp, err := cr.f.get(ctx, src, u, v, src.docTypes)
	if err != nil {
		return cr.fetchFailed(ctx, r, err)
	}
	if resp.Status == http.StatusNotModified {
		if prev == nil {
			return cr.fail(r, resp.Status, "304 Not Modified to an unconditional request")
		}
		ns := *prev
		ns.CheckedAt = now.UTC().Format(time.RFC3339)
		r.kind, r.doc, r.found = outNotModified, &ns, prev.Children
		cr.logf("%s: not modified %s", src.Name, r.t.URL)
		return r
	}
	var children []task
	if src.prof.attachments != nil && !src.SkipAttachments && accepted(resp.MediaType, src.prof.containerTypes) {
		children, err = src.prof.attachments(src, u, resp.Body, resp.ContentType)
		if err != nil {
			cr.logf("%s: attachments of %s unreadable: %v", src.Name, r.t.URL, err)
		}
	}
	return cr.deliver(ctx, src, u, resp, prev, r, children)
}

// deliver hands a fetched body to the sink unless its hash is the one
// handed on before, and records the URL's new state. children are queued
// only after the sink took the document.
func (cr *crawler) deliver(ctx context.Context, src *source, u *url.URL, resp *response, prev *docState, r result, children []task) result {
	now := cr.cfg.Now()
	stamp := now.UTC().Format(time.RFC3339)
	hash := corpus.Hash(resp.Body)
	ns := &docState{
		Source:       src.Name,
		Hash:         hash,
		ETag:         resp.Header.Get("ETag"),
		LastModified: resp.Header.Get("Last-Modified"),
		ContentType:  resp.ContentType,
		FetchedAt:    stamp,
		CheckedAt:    stamp,
		Children:     children,
	}
	if prev != nil && prev.Hash == hash {
		ns.FetchedAt = prev.FetchedAt
		r.kind, r.doc, r.found = outUnchanged, ns, children
		cr.logf("%s: unchanged %s", src.Name, r.t.URL)
		return r
	}
	f := Fetched{
		URL:          r.t.URL,
		FinalURL:     resp.URL.String(),
		Body:         resp.Body,
		Hash:         hash,
		ContentType:  resp.ContentType,
		FetchedAt:    now,
		ETag:         ns.ETag,
		LastModified: ns.LastModified,
		Source:       src.Name,
		Municipality: src.Municipality,
		Profile:      src.Profile,
		Title:        r.t.Title,
		Parent:       r.t.Parent,
		Ref:          r.t.Ref,
	}
	if prev != nil {
		f.PreviousHash = prev.Hash
	}
	cr.sinkMu.Lock()
	err := cr.sink(ctx, f)
	cr.sinkMu.Unlock()
	if err != nil {
		if ctx.Err() != nil {
			r.requeue = true
			return r
		}
		return cr.fail(r, resp.Status, fmt.Sprintf("sink: %v", err))
	}
	r.kind = outNew
	verb := "new"
	if prev != nil {
		r.kind, verb = outChanged, "changed"
	}
	cr.logf("%s: %s %s (%s, %d bytes)", src.Name, verb, r.t.URL, resp.MediaType, len(resp.Body))
	r.doc, r.found = ns, children
	return r
}

// countingTransport counts requests for the report.
type countingTransport struct {
	next http.RoundTripper
	n    atomic.Int64
}

func (c *countingTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	c.n.Add(1)
	return c.next.RoundTrip(req)
}

// String names an outcome in tests' failure messages.
func (o outcome) String() string {
	return [...]string{"none", "new", "changed", "not modified", "unchanged", "fresh", "skipped", "failed"}[o]
}

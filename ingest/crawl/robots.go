package crawl

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/temoto/robotstxt"
	"golang.org/x/time/rate"
)

// maxRobotsBytes bounds a robots.txt body; Google reads 500 KiB.
const maxRobotsBytes = 512 << 10

// hostLimits holds one rate limiter per host, shared by all workers.
type hostLimits struct {
	mu    sync.Mutex
	limit rate.Limit
	m     map[string]*rate.Limiter
}

func newHostLimits(perSecond float64) *hostLimits {
	return &hostLimits{limit: rate.Limit(perSecond), m: map[string]*rate.Limiter{}}
}

func (h *hostLimits) get(host string) *rate.Limiter {
	h.mu.Lock()
	defer h.mu.Unlock()
	l, ok := h.m[host]
	if !ok {
		// Burst 1: requests to a host are spaced evenly, never bunched.
		l = rate.NewLimiter(h.limit, 1)
		h.m[host] = l
	}
	return l
}

func (h *hostLimits) wait(ctx context.Context, host string) error {
	return h.get(host).Wait(ctx)
}

// slowDown lowers host's rate to one request per delay (a robots.txt
// Crawl-delay) when that is slower than the configured rate.
func (h *hostLimits) slowDown(host string, delay time.Duration) {
	if delay <= 0 {
		return
	}
	l := h.get(host)
	if r := rate.Every(delay); r < l.Limit() {
		l.SetLimit(r)
	}
}

// robotsCache fetches each host's robots.txt once per crawl.
type robotsCache struct {
	f  *fetcher
	mu sync.Mutex
	m  map[string]*robotsEntry
}

type robotsEntry struct {
	ready chan struct{}
	group *robotstxt.Group // nil with allowAll or why set
	all   bool             // allow everything
	why   string           // why everything is disallowed
}

func newRobotsCache(f *fetcher) *robotsCache {
	return &robotsCache{f: f, m: map[string]*robotsEntry{}}
}

// allowed reports whether robots.txt of u's host lets the crawler fetch
// u, and if not, why.
func (c *robotsCache) allowed(ctx context.Context, u *url.URL) (bool, string) {
	key := u.Scheme + "://" + u.Host
	c.mu.Lock()
	e, ok := c.m[key]
	if !ok {
		e = &robotsEntry{ready: make(chan struct{})}
		c.m[key] = e
		c.mu.Unlock()
		c.load(ctx, key, u.Host, e)
		close(e.ready)
	} else {
		c.mu.Unlock()
		select {
		case <-e.ready:
		case <-ctx.Done():
			return false, ctx.Err().Error()
		}
	}
	switch {
	case e.all:
		return true, ""
	case e.group == nil:
		return false, e.why
	}
	path := robotsPath(u)
	if !e.group.Test(path) {
		return false, "robots.txt disallows it"
	}
	return true, ""
}

func (c *robotsCache) load(ctx context.Context, key, host string, e *robotsEntry) {
	u, _ := url.Parse(key + "/robots.txt")
	status, body, err := c.fetch(ctx, u)
	if err != nil {
		// Like a 5xx: the site may be down; do not crawl it this time.
		e.why = fmt.Sprintf("robots.txt unreadable (%v), host skipped", err)
		c.f.logf("robots %s: %s", key, e.why)
		return
	}
	data, err := robotstxt.FromStatusAndBytes(status, body)
	if err != nil {
		// A robots.txt the parser rejects states no rule it can apply;
		// Google's spec says to crawl as without one.
		c.f.logf("robots %s: unparsable, crawling as if absent: %v", key, err)
		e.all = true
		return
	}
	if !data.TestAgent("/", "*") && status >= 500 {
		e.why = fmt.Sprintf("robots.txt answered HTTP %d, host skipped", status)
		c.f.logf("robots %s: %s", key, e.why)
		return
	}
	e.group = data.FindGroup(c.f.cfg.robotsAgent())
	if e.group.CrawlDelay > 0 {
		c.f.limits.slowDown(host, e.group.CrawlDelay)
		c.f.logf("robots %s: crawl-delay %s", key, e.group.CrawlDelay)
	}
}

// fetch gets robots.txt with the crawler's retries, rate limit and
// User-Agent; its body is read through an io.LimitReader.
func (c *robotsCache) fetch(ctx context.Context, u *url.URL) (int, []byte, error) {
	f := c.f
	for attempt := 0; ; attempt++ {
		if err := f.limits.wait(ctx, u.Host); err != nil {
			return 0, nil, err
		}
		if err := f.restingError(u.Host); err != nil {
			return 0, nil, err
		}
		status, body, err := c.once(ctx, u)
		if err == nil && status == http.StatusTooManyRequests {
			f.rest(u.Host, fmt.Sprintf("HTTP %d to robots.txt", status))
			return 0, nil, f.restingError(u.Host)
		}
		var fe *fetchError
		if err == nil && status < 500 {
			return status, body, nil
		}
		if err != nil && (!errors.As(err, &fe) || !fe.Retry) || ctx.Err() != nil {
			return 0, nil, err
		}
		if attempt >= f.cfg.Retries {
			if err != nil {
				return 0, nil, err
			}
			return status, body, nil
		}
		wait := f.backoff(attempt, 0)
		f.logf("retry %s in %s", u, wait.Round(time.Millisecond))
		if err := sleep(ctx, wait); err != nil {
			return 0, nil, err
		}
	}
}

func (c *robotsCache) once(ctx context.Context, u *url.URL) (int, []byte, error) {
	ctx, cancel := context.WithTimeout(ctx, c.f.cfg.Timeout)
	defer cancel()
	// Redirects of robots.txt itself are not checked against robots.txt,
	// which would wait for this very load.
	ctx = context.WithValue(ctx, sourceKey, (*source)(nil))
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return 0, nil, err
	}
	req.Header.Set("User-Agent", c.f.cfg.userAgent())
	resp, err := c.f.client.Do(req)
	if err != nil {
		return 0, nil, c.f.transportError(ctx, err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, maxRobotsBytes))
	if err != nil {
		return 0, nil, c.f.transportError(ctx, err)
	}
	return resp.StatusCode, body, nil
}

// robotsPath is the path and query of u as robots.txt rules are matched
// against it (RFC 9309, 2.2.2): percent-escapes of unreserved characters
// decoded, so "/%70rivate/" is "/private/", and other escapes kept with
// upper-case hex, as a rule writes them.
func robotsPath(u *url.URL) string {
	p := u.EscapedPath()
	if u.RawQuery != "" {
		p += "?" + u.RawQuery
	}
	if !strings.Contains(p, "%") {
		return p
	}
	var b strings.Builder
	for i := 0; i < len(p); i++ {
		if p[i] == '%' && i+2 < len(p) && isHex(p[i+1]) && isHex(p[i+2]) {
			c := unhex(p[i+1])<<4 | unhex(p[i+2])
			if isUnreserved(c) {
				b.WriteByte(c)
			} else {
				b.WriteString(strings.ToUpper(p[i : i+3]))
			}
			i += 2
			continue
		}
		b.WriteByte(p[i])
	}
	return b.String()
}

func isUnreserved(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '.' || c == '_' || c == '~'
}

func isHex(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}

func unhex(c byte) byte {
	switch {
	case c >= 'a':
		return c - 'a' + 10
	case c >= 'A':
		return c - 'A' + 10
	}
	return c - '0'
}

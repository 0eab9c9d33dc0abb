package crawl

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"mime"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"
)

// fetcher sends polite GET requests: rate-limited per host, robots.txt
// checked (by the caller and on every redirect), retried with backoff on
// timeouts and 5xx, bounded in size and time.
type fetcher struct {
	cfg    *Config
	client *http.Client
	limits *hostLimits
	robots *robotsCache
	logf   func(format string, args ...any)
	// resting holds the hosts that answered 429 Too Many Requests: they
	// get no further request in this crawl (host -> reason).
	resting sync.Map
}

// rest leaves host alone until the next crawl, for why.
func (f *fetcher) rest(host, why string) {
	if _, loaded := f.resting.LoadOrStore(host, why); !loaded {
		f.logf("%s: %s; no more requests to it until the next crawl", host, why)
	}
}

// restingError is the error of a request to a resting host, or nil.
func (f *fetcher) restingError(host string) error {
	if why, ok := f.resting.Load(host); ok {
		return &fetchError{Reason: fmt.Sprintf("%s asked to wait (%s); left until the next crawl", host, why), Status: http.StatusTooManyRequests}
	}
	return nil
}

// response is a completed fetch.
type response struct {
	URL         *url.URL // after redirects
	Status      int      // 200..299 or 304
	Header      http.Header
	Body        []byte
	ContentType string // as sent, or sniffed when missing or generic
	MediaType   string // ContentType without parameters, lower case
}

// validators are what a conditional GET sends back.
type validators struct {
	ETag, LastModified string
}

// fetchError ends one fetch; Reason is what the log and report say.
type fetchError struct {
	Reason     string
	Status     int
	Retry      bool          // a timeout or a 5xx: worth another try
	RetryAfter time.Duration // from a Retry-After header
}

func (e *fetchError) Error() string { return e.Reason }

type ctxKey int

const sourceKey ctxKey = iota

func newFetcher(cfg *Config, logf func(string, ...any)) *fetcher {
	f := &fetcher{cfg: cfg, limits: newHostLimits(cfg.RatePerSecond), logf: logf}
	f.robots = newRobotsCache(f)
	tr := cfg.Transport
	if tr == nil {
		tr = http.DefaultTransport
	}
	f.client = &http.Client{Transport: tr, CheckRedirect: f.checkRedirect}
	return f
}

// checkRedirect ends redirect loops and chains, and keeps redirects on
// allowed hosts and robots-allowed paths; a redirect waits its turn at the
// host's rate limiter like any request.
func (f *fetcher) checkRedirect(req *http.Request, via []*http.Request) error {
	if len(via) > f.cfg.MaxRedirects {
		return &fetchError{Reason: fmt.Sprintf("more than %d redirects", f.cfg.MaxRedirects)}
	}
	to := canonical(req.URL).String()
	for _, v := range via {
		if canonical(v.URL).String() == to {
			return &fetchError{Reason: fmt.Sprintf("redirect loop at %s after %d redirects", to, len(via))}
		}
	}
	if req.URL.Scheme != "http" && req.URL.Scheme != "https" {
		return &fetchError{Reason: fmt.Sprintf("redirect to %s: not http(s)", req.URL)}
	}
	ctx := req.Context()
	if src, _ := ctx.Value(sourceKey).(*source); src != nil {
		if !src.allowedHost(req.URL) {
			return &fetchError{Reason: fmt.Sprintf("redirect to %s: host not allowed", to)}
		}
		if ok, why := f.robots.allowed(ctx, req.URL); !ok {
			return &fetchError{Reason: fmt.Sprintf("redirect to %s: %s", to, why)}
		}
	}
	if err := f.limits.wait(ctx, req.URL.Host); err != nil {
		return err
	}
	return nil
}

// get fetches u, retrying timeouts and 5xx with exponential backoff; a
// 429 leaves the host until the next crawl (fetcher.rest).
// accept lists the media types wanted ("type/*" allowed); another type ends
// the fetch without retry. src (may be nil) limits redirects.
func (f *fetcher) get(ctx context.Context, src *source, u *url.URL, v validators, accept []string) (*response, error) {
	if src != nil {
		ctx = context.WithValue(ctx, sourceKey, src)
	}
	for attempt := 0; ; attempt++ {
		if err := f.restingError(u.Host); err != nil {
			return nil, err
		}
		if err := f.limits.wait(ctx, u.Host); err != nil {
			return nil, err
		}
		resp, err := f.once(ctx, u, v, accept)
		if err == nil {
			return resp, nil
		}
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		var fe *fetchError
		if !errors.As(err, &fe) || !fe.Retry || attempt >= f.cfg.Retries {
			if fe != nil && fe.Retry && attempt > 0 {
				fe.Reason = fmt.Sprintf("%s (after %d tries)", fe.Reason, attempt+1)
			}
			return nil, err
		}
		wait := f.backoff(attempt, fe.RetryAfter)
		f.logf("retry %s in %s: %s", u, wait.Round(time.Millisecond), fe.Reason)
		if err := sleep(ctx, wait); err != nil {
			return nil, err
		}
	}
}

// backoff is the wait before retry number attempt+1: Backoff doubled per
// attempt with ±20% jitter, or a longer Retry-After, never over MaxBackoff.
func (f *fetcher) backoff(attempt int, retryAfter time.Duration) time.Duration {
	d := f.cfg.Backoff << min(attempt, 20)
	d = time.Duration(float64(d) * (0.8 + 0.4*rand.Float64()))
	d = max(d, retryAfter)
	return min(d, f.cfg.MaxBackoff)
}

func (f *fetcher) once(ctx context.Context, u *url.URL, v validators, accept []string) (*response, error) {
	ctx, cancel := context.WithTimeout(ctx, f.cfg.Timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, &fetchError{Reason: fmt.Sprintf("request: %v", err)}
	}
	req.Header.Set("User-Agent", f.cfg.userAgent())
	if len(accept) > 0 {
		req.Header.Set("Accept", strings.Join(accept, ", ")+", */*;q=0.1")
	}
	if v.ETag != "" {
		req.Header.Set("If-None-Match", v.ETag)
	}
	if v.LastModified != "" {
		req.Header.Set("If-Modified-Since", v.LastModified)
	}
	resp, err := f.client.Do(req)
	if err != nil {
		return nil, f.transportError(ctx, err)
	}
	defer resp.Body.Close()
	out := &response{URL: canonical(resp.Request.URL), Status: resp.StatusCode, Header: resp.Header}
	switch {
	case resp.StatusCode == http.StatusNotModified:
		return out, nil
	case resp.StatusCode == http.StatusTooManyRequests:
		// The one 4xx retried, and later: the server asks for less, so
		// the host is left until the next crawl, whatever Retry-After
		// says (a day is common), rather than asked again in seconds.
		why := "HTTP " + resp.Status
		if ra := resp.Header.Get("Retry-After"); ra != "" {
			why += ", Retry-After " + ra
		}
		f.rest(u.Host, why)
		return nil, f.restingError(u.Host)
	case resp.StatusCode >= 500:
		return nil, &fetchError{
			Reason:     "HTTP " + resp.Status,
			Status:     resp.StatusCode,
			Retry:      true,
			RetryAfter: retryAfter(resp.Header.Get("Retry-After"), f.cfg.Now()),
		}
	case resp.StatusCode < 200 || resp.StatusCode > 299:
		return nil, &fetchError{Reason: "HTTP " + resp.Status, Status: resp.StatusCode}
	}
	out.ContentType = resp.Header.Get("Content-Type")
	out.MediaType = mediaType(out.ContentType)
	sniff := out.MediaType == "" || out.MediaType == "application/octet-stream" || out.MediaType == "binary/octet-stream"
	if !sniff && !accepted(out.MediaType, accept) {
		return nil, &fetchError{Reason: fmt.Sprintf("content type %s, want %s", out.MediaType, strings.Join(accept, " or ")), Status: resp.StatusCode}
	}
	if resp.ContentLength > f.cfg.MaxBodyBytes {
		return nil, &fetchError{Reason: fmt.Sprintf("body of %d bytes over the limit of %d", resp.ContentLength, f.cfg.MaxBodyBytes), Status: resp.StatusCode}
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, f.cfg.MaxBodyBytes+1))
	if err != nil {
		return nil, f.transportError(ctx, err)
	}
	if int64(len(body)) > f.cfg.MaxBodyBytes {
		return nil, &fetchError{Reason: fmt.Sprintf("body over the limit of %d bytes", f.cfg.MaxBodyBytes), Status: resp.StatusCode}
	}
	out.Body = body
	if sniff {
		out.ContentType = sniffType(body)
		out.MediaType = mediaType(out.ContentType)
		if !accepted(out.MediaType, accept) {
			return nil, &fetchError{Reason: fmt.Sprintf("content type %s (sniffed), want %s", out.MediaType, strings.Join(accept, " or ")), Status: resp.StatusCode}
		}
	}
	return out, nil
}

// transportError classifies a failed request or body read: timeouts and
// broken connections are worth a retry, a refused redirect is not.
func (f *fetcher) transportError(ctx context.Context, err error) error {
	var fe *fetchError
	if errors.As(err, &fe) {
		return fe
	}
	if errors.Is(err, context.Canceled) {
		return err
	}
	var ne net.Error
	if errors.Is(err, context.DeadlineExceeded) || errors.As(err, &ne) && ne.Timeout() || ctx.Err() != nil {
		return &fetchError{Reason: fmt.Sprintf("timeout after %s", f.cfg.Timeout), Retry: true}
	}
	var ue *url.Error
	if errors.As(err, &ue) {
		err = ue.Err
	}
	return &fetchError{Reason: err.Error(), Retry: true}
}

// retryAfter reads a Retry-After header: seconds or an HTTP date.
func retryAfter(h string, now time.Time) time.Duration {
	if h == "" {
		return 0
	}
	if s, err := strconv.Atoi(strings.TrimSpace(h)); err == nil && s >= 0 {
		return time.Duration(s) * time.Second
	}
	if t, err := http.ParseTime(h); err == nil && t.After(now) {
		return t.Sub(now)
	}
	return 0
}

func mediaType(contentType string) string {
	mt, _, err := mime.ParseMediaType(contentType)
	if err != nil {
		mt, _, _ = strings.Cut(contentType, ";")
	}
	return strings.ToLower(strings.TrimSpace(mt))
}

// accepted reports whether media type mt is in the accept list, which may
// hold "type/*" wildcards; an empty list accepts everything.
func accepted(mt string, accept []string) bool {
	if len(accept) == 0 {
		return true
	}
	for _, a := range accept {
		if a == mt || strings.HasSuffix(a, "/*") && strings.HasPrefix(mt, strings.TrimSuffix(a, "*")) {
			return true
		}
	}
	return false
}

// sniffType guesses the type of a body served without a useful
// Content-Type, recognising JSON, which http.DetectContentType does not.
func sniffType(body []byte) string {
	trimmed := bytes.TrimLeft(bytes.TrimPrefix(body, []byte("\xef\xbb\xbf")), " \t\r\n")
	if len(trimmed) > 0 && (trimmed[0] == '{' || trimmed[0] == '[') {
		return "application/json"
	}
	return http.DetectContentType(body)
}

// sleep waits d or until ctx ends.
func sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

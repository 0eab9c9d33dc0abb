package web

import (
	"context"
	"net/http"
	"net/http/httptest"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// TestAdmission checks the three things admission promises: no more than
// n requests run at once, waiting requests run in arrival order, and one
// that waits too long is answered busy.
func TestAdmission(t *testing.T) {
	const n = 2
	a := newAdmissionN(n, time.Minute)
	release := make(chan struct{})
	var running, most atomic.Int32
	var orderMu sync.Mutex
	var order []string
	h := a.wrap(func(w http.ResponseWriter, r *http.Request) {
		orderMu.Lock()
		order = append(order, r.URL.Query().Get("id"))
		orderMu.Unlock()
		now := running.Add(1)
		for {
			m := most.Load()
			if now <= m || most.CompareAndSwap(m, now) {
				break
			}
		}
		<-release
		running.Add(-1)
	}, func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusServiceUnavailable) })

	ids := []string{"a", "b", "c", "d", "e", "f"}
	var wg sync.WaitGroup
	for i, id := range ids {
		wg.Add(1)
		go func() {
			defer wg.Done()
			h(httptest.NewRecorder(), httptest.NewRequest("GET", "/?id="+id, nil))
		}()
		// Let request i reach the handler or the queue before i+1 arrives.
		waitFor(t, func() bool { return len(a.slots) == min(i+1, n) && (i < n || queued() >= i+1-n) })
	}
	// Free one slot at a time, letting the request it admits start before
	// the next is freed, so that the order seen is the admission order.
	for k := range ids {
		release <- struct{}{}
		waitFor(t, func() bool {
			orderMu.Lock()
			defer orderMu.Unlock()
			return len(order) == min(n+k+1, len(ids))
		})
	}
	wg.Wait()
	if m := most.Load(); m != n {
		t.Errorf("at most %d requests ran at once; want %d", m, n)
	}
	orderMu.Lock()
	defer orderMu.Unlock()
	for i := n; i < len(ids); i++ { // the first n start together, in any order
		if order[i] != ids[i] {
			t.Errorf("run order %v; want the queued requests in arrival order %v", order, ids)
			break
		}
	}

	// Busy: one slot held, a request that may wait 10 ms gets 503.
	b := newAdmissionN(1, 10*time.Millisecond)
	b.slots <- struct{}{}
	rec := httptest.NewRecorder()
	b.wrap(func(w http.ResponseWriter, r *http.Request) { t.Error("a request ran without a slot") },
		func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusServiceUnavailable) })(rec, httptest.NewRequest("GET", "/", nil))
	if rec.Code != http.StatusServiceUnavailable || rec.Header().Get("Retry-After") == "" {
		t.Errorf("waited too long: status %d, Retry-After %q; want 503 with Retry-After", rec.Code, rec.Header().Get("Retry-After"))
	}

	// A client that has gone stops waiting without an answer.
	c := newAdmissionN(1, time.Minute)
	c.slots <- struct{}{}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	rec = httptest.NewRecorder()
	c.wrap(func(w http.ResponseWriter, r *http.Request) { t.Error("a request ran without a slot") },
		func(w http.ResponseWriter, r *http.Request) { t.Error("a gone client was answered busy") })(rec, httptest.NewRequest("GET", "/", nil).WithContext(ctx))
}

// queued is how many requests are parked waiting for a slot: goroutines
// the runtime shows blocked in wrap's select. (Those holding a slot are
// blocked elsewhere, in the handler.)
func queued() int {
	buf := make([]byte, 1<<20)
	buf = buf[:runtime.Stack(buf, true)]
	parked := 0
	for _, g := range strings.Split(string(buf), "\n\n") {
		if strings.Contains(g, "[select") && strings.Contains(g, "(*admission).wrap") {
			parked++
		}
	}
	return parked
}

func waitFor(t *testing.T, cond func() bool) {
	t.Helper()
	for deadline := time.Now().Add(10 * time.Second); !cond(); {
		if time.Now().After(deadline) {
			t.Fatal("condition not reached in 10 s")
		}
		time.Sleep(time.Millisecond)
	}
}

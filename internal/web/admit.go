package web

import (
	"net/http"
	"runtime"
	"time"
)

// Admission. Left to themselves, concurrent requests share the cores
// evenly, so under load every request is slowed by every other and an
// expensive one (a phrase over common words, a long document page) is
// slowed the most: latency grows with the number of clients, and its tail
// far faster than its median. Admitting a few requests at a time, in
// arrival order, makes each wait for the ones before it and then run at
// full speed: the median stays where it was and the tail comes close to
// it (bench/load.sh measures both).

// admission lets at most a fixed number of requests do their work at once
// and queues the rest in arrival order (a Go channel wakes its waiting
// senders first come, first served).
type admission struct {
	slots   chan struct{}
	maxWait time.Duration
}

// newAdmission admits one request per core (two per core measured a p99
// half as long again in bench/load.sh, for no more requests per second).
func newAdmission(maxWait time.Duration) *admission {
	return newAdmissionN(runtime.GOMAXPROCS(0), maxWait)
}

// newAdmissionN admits n requests at a time.
func newAdmissionN(n int, maxWait time.Duration) *admission {
	return &admission{slots: make(chan struct{}, max(1, n)), maxWait: maxWait}
}

// wrap admits each request to next in turn. A request that waits longer
// than maxWait is answered by busy (a 503); one whose client has gone is
// dropped without an answer.
func (a *admission) wrap(next, busy http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		select {
		case a.slots <- struct{}{}:
		default:
			t := time.NewTimer(a.maxWait)
			defer t.Stop()
			select {
			case a.slots <- struct{}{}:
			case <-t.C:
				w.Header().Set("Retry-After", "1")
				busy(w, r)
				return
			case <-r.Context().Done():
				return
			}
		}
		defer func() { <-a.slots }()
		next(w, r)
	}
}

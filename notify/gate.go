package notify

import (
	"math/rand/v2"
	"sync"
	"time"
)

// gate makes every sender of this process back off together while the mail server
// is down (connection refused, 4xx to everything): one probe per backoff period
// instead of thousands of failing attempts, and deliveries that were never tried keep
// their attempt count. The backoff doubles from 1 s to at most 30 s, so sending
// resumes within about 30 s of the server coming back, however long it was away.
type gate struct {
	mu       sync.Mutex
	until    time.Time
	failures int
}

const (
	gateFirst = time.Second
	gateLimit = 30 * time.Second
)

func newGate() *gate { return &gate{} }

// closedUntil is the zero time when senders may go ahead.
func (g *gate) closedUntil() time.Time {
	g.mu.Lock()
	defer g.mu.Unlock()
	if time.Now().Before(g.until) {
		return g.until
	}
	return time.Time{}
}

// trip records a server-wide failure and returns when to try again, and whether
// this failure closed the gate. Failures of sends that were already in flight when
// the gate closed do not lengthen it.
func (g *gate) trip() (until time.Time, closed bool) {
	g.mu.Lock()
	defer g.mu.Unlock()
	if now := time.Now(); now.After(g.until) {
		g.failures++
		g.until = now.Add(backoff(g.failures, gateFirst, gateLimit))
		closed = true
	}
	return g.until, closed
}

// ok records a successful send.
func (g *gate) ok() {
	g.mu.Lock()
	g.failures = 0
	g.mu.Unlock()
}

// backoff is base·2^(attempt-1), capped at limit, then scaled by a random 0.75–1.25
// so that processes and deliveries do not retry in step.
func backoff(attempt int, base, limit time.Duration) time.Duration {
	d := limit
	if attempt < 1 {
		attempt = 1
	}
	if attempt < 30 {
		if e := base << (attempt - 1); e > 0 && e < limit {
			d = e
		}
	}
	return time.Duration(float64(d) * (0.75 + rand.Float64()/2)) //nolint:gosec // jitter, not a secret
}

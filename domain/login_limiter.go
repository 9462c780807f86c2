package domain

import (
	"sync"
	"time"
)

// loginLimiter slows down password guessing: after accountLimit failed sign-ins for one
// account, or addressLimit from one client address, within limitWindow, further
// attempts are refused until the oldest failure leaves the window. Only failures
// count, so a team signing in from one office address is never locked out.
type loginLimiter struct {
	mu       sync.Mutex
	failures map[string][]time.Time // key → failure times, oldest first, within the window
	swept    time.Time
}

const (
	accountLimit = 5
	addressLimit = 20
	limitWindow  = 15 * time.Minute
)

func newLoginLimiter() *loginLimiter {
	return &loginLimiter{failures: map[string][]time.Time{}}
}

// blocked reports whether a sign-in for account from address must be refused now.
func (l *loginLimiter) blocked(account, address string, now time.Time) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	return len(l.recent("account:"+account, now)) >= accountLimit ||
		len(l.recent("address:"+address, now)) >= addressLimit
}

// failed records a failed sign-in.
func (l *loginLimiter) failed(account, address string, now time.Time) {
	l.mu.Lock()
	defer l.mu.Unlock()
	for _, key := range []string{"account:" + account, "address:" + address} {
		l.failures[key] = append(l.recent(key, now), now)
	}
	if now.Sub(l.swept) > limitWindow {
		for key := range l.failures {
			if len(l.recent(key, now)) == 0 {
				delete(l.failures, key)
			}
		}
		l.swept = now
	}
}

// succeeded forgets an account's failures once its owner signs in.
func (l *loginLimiter) succeeded(account string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	delete(l.failures, "account:"+account)
}

// recent drops the failures of key that left the window and returns the rest.
func (l *loginLimiter) recent(key string, now time.Time) []time.Time {
	times := l.failures[key]
	i := 0
	for i < len(times) && now.Sub(times[i]) >= limitWindow {
		i++
	}
	times = times[i:]
	if len(times) == 0 {
		delete(l.failures, key)
		return nil
	}
	l.failures[key] = times
	return times
}

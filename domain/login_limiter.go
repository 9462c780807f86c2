package domain

import (
	"sync"
	"time"

	"golang.org/x/time/rate"
)

// loginLimiter slows down password guessing: each account and each client address
// gets a small burst of attempts, then one every few seconds.
type loginLimiter struct {
	mu       sync.Mutex
	limiters map[string]*rate.Limiter
	swept    time.Time
}

const (
	accountBurst = 5
	addressBurst = 20
	refillEvery  = 6 * time.Second
)

func newLoginLimiter() *loginLimiter {
	return &loginLimiter{limiters: map[string]*rate.Limiter{}, swept: time.Now()}
}

func (l *loginLimiter) allow(account, address string) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	if time.Since(l.swept) > 10*time.Minute {
		// Drop limiters that have refilled completely; they carry no state worth keeping.
		for k, lim := range l.limiters {
			if lim.Tokens() >= float64(lim.Burst()) {
				delete(l.limiters, k)
			}
		}
		l.swept = time.Now()
	}
	acc := l.get("account:"+account, accountBurst)
	addr := l.get("address:"+address, addressBurst)
	// Take from both only when both have a token, so one cannot drain the other.
	now := time.Now()
	if acc.TokensAt(now) < 1 || addr.TokensAt(now) < 1 {
		return false
	}
	return acc.AllowN(now, 1) && addr.AllowN(now, 1)
}

func (l *loginLimiter) get(key string, burst int) *rate.Limiter {
	lim, ok := l.limiters[key]
	if !ok {
		lim = rate.NewLimiter(rate.Every(refillEvery), burst)
		l.limiters[key] = lim
	}
	return lim
}

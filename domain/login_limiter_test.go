package domain

import (
	"testing"
	"time"
)

func TestLoginLimiter(t *testing.T) {
	l := newLoginLimiter()
	t0 := time.Date(2026, 1, 1, 9, 0, 0, 0, time.UTC)
	for i := 0; i < accountLimit; i++ {
		if l.blocked("ada", "10.0.0.1", t0) {
			t.Fatalf("blocked after %d failures, want %d allowed", i, accountLimit)
		}
		l.failed("ada", "10.0.0.1", t0.Add(time.Duration(i)*time.Second))
	}
	if !l.blocked("ada", "10.0.0.2", t0.Add(time.Minute)) {
		t.Fatal("the account is not blocked after 5 failures (from any address)")
	}
	if l.blocked("bo", "10.0.0.1", t0.Add(time.Minute)) {
		t.Fatal("another account from the same address is blocked after only 5 failures")
	}
	if l.blocked("ada", "10.0.0.1", t0.Add(limitWindow+5*time.Second)) {
		t.Fatal("still blocked after the failures left the window")
	}
	// Many accounts from one address: the address limit.
	for i := 0; i < addressLimit; i++ {
		l.failed(string(rune('a'+i)), "10.9.9.9", t0)
	}
	if !l.blocked("someone-new", "10.9.9.9", t0.Add(time.Second)) {
		t.Fatal("the address is not blocked after 20 failures")
	}
	// A success forgets the account's failures.
	l.failed("cy", "10.0.0.3", t0)
	l.succeeded("cy")
	if got := len(l.recent("account:cy", t0)); got != 0 {
		t.Fatalf("failures after success = %d, want 0", got)
	}
}

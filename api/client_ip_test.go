package api

import (
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// TestForwardedForCountsOnlyFromTrustedProxies: the per-address sign-in limit sees the
// address that connected, unless that is a proxy listed in TrustedProxies; then it sees
// the client the proxy names (X-Forwarded-For, else X-Real-IP). Before, any client could
// name itself a new address per attempt and never reach the limit, or name a victim's
// address and lock it out.
func TestForwardedForCountsOnlyFromTrustedProxies(t *testing.T) {
	env := newTestAPI(t)
	_, proxies, _ := net.ParseCIDR("192.0.2.0/28")
	quiet := slog.New(slog.NewTextHandler(io.Discard, nil))
	direct := New(Deps{Service: env.svc, Log: quiet})
	behindProxy := New(Deps{Service: env.svc, Log: quiet, TrustedProxies: []*net.IPNet{proxies}})
	n := 0
	// failSignIn sends one wrong sign-in (for a new account each time, so only the
	// per-address limit can refuse it) and returns the status.
	failSignIn := func(srv *Server, peer string, headers ...string) int {
		n++
		body := fmt.Sprintf(`{"email":"nobody%d@example.com","password":"wrong password"}`, n)
		req := httptest.NewRequest("POST", "/api/v1/session", strings.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		req.RemoteAddr = peer + ":40000"
		for i := 0; i+1 < len(headers); i += 2 {
			req.Header.Set(headers[i], headers[i+1])
		}
		rec := httptest.NewRecorder()
		srv.Handler().ServeHTTP(rec, req)
		return rec.Code
	}
	limitReached := func(name string, attempt func(i int) int) {
		t.Helper()
		for i := 0; i < 20; i++ {
			if got := attempt(i); got != http.StatusUnauthorized {
				t.Fatalf("%s: attempt %d answered %d, want 401", name, i+1, got)
			}
		}
		if got := attempt(20); got != http.StatusTooManyRequests {
			t.Errorf("%s: the 21st failure answered %d, want 429", name, got)
		}
	}

	// No trusted proxies (the default): the headers change nothing.
	limitReached("direct client naming a new X-Forwarded-For each time", func(i int) int {
		return failSignIn(direct, "198.51.100.7", "X-Forwarded-For", fmt.Sprintf("203.0.113.%d", i))
	})
	if got := failSignIn(direct, "198.51.100.7", "X-Real-IP", "203.0.113.99"); got != http.StatusTooManyRequests {
		t.Errorf("the same client naming itself in X-Real-IP: %d, want 429", got)
	}
	// Nor does a client that is not one of the trusted proxies.
	limitReached("untrusted peer behind a configured proxy list", func(i int) int {
		return failSignIn(behindProxy, "198.51.100.9", "X-Forwarded-For", fmt.Sprintf("203.0.113.%d", i))
	})
	// From a trusted proxy, the client it names is the address: each has its own limit.
	limitReached("one client through a trusted proxy", func(int) int {
		return failSignIn(behindProxy, "192.0.2.3", "X-Forwarded-For", "203.0.113.50")
	})
	for _, tt := range []struct {
		name    string
		headers []string
		want    int
	}{
		{"another client through the same proxy", []string{"X-Forwarded-For", "203.0.113.51"}, http.StatusUnauthorized},
		{"the limited client through the proxy in X-Real-IP", []string{"X-Real-IP", "203.0.113.50"}, http.StatusTooManyRequests},
		{"another client in X-Real-IP", []string{"X-Real-IP", "203.0.113.52"}, http.StatusUnauthorized},
		// A client cannot hide behind hops it writes itself: the nearest untrusted address counts.
		{"the limited client behind hops it wrote", []string{"X-Forwarded-For", "10.1.0.1, 198.18.0.1, 203.0.113.50"}, http.StatusTooManyRequests},
		{"X-Forwarded-For wins over X-Real-IP", []string{"X-Forwarded-For", "203.0.113.50", "X-Real-IP", "203.0.113.53"}, http.StatusTooManyRequests},
	} {
		if got := failSignIn(behindProxy, "192.0.2.3", tt.headers...); got != tt.want {
			t.Errorf("%s: %d, want %d", tt.name, got, tt.want)
		}
	}
}

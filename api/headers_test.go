package api

import (
	"io"
	"log/slog"
	"maps"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/closeloop/closeloop/domain"
)

// TestAPIAnswersAreNeverStored: every /api/v1 answer, success or failure, carries
// Cache-Control: no-store (they hold people's names, addresses and quotes, and a shared
// or browser cache must keep none of them).
func TestAPIAnswersAreNeverStored(t *testing.T) {
	env := newTestAPI(t)
	f := newFixtures(t, env)
	table := authzTable()
	tried := 0
	for _, key := range slices.Sorted(maps.Keys(table)) {
		row := table[key]
		if !strings.Contains(key, " /api/v1/") {
			continue
		}
		for _, role := range []domain.Role{"", domain.RoleViewer, domain.RoleAdmin} {
			req := row.prepare(f).build(t)
			if role != "" {
				req.Header.Set("Authorization", "Bearer "+env.tokens[role])
			}
			rec := env.serve(t, req)
			tried++
			if got := rec.Header().Get("Cache-Control"); got != "no-store" {
				t.Errorf("%s as %q → %d: Cache-Control %q, want no-store", key, role, rec.Code, got)
			}
		}
	}
	for _, path := range []string{"/api/v1/nope", "/api/v1/boards/not-a-uuid"} {
		status, _ := env.call(t, domain.RoleViewer, "GET", path, nil)
		rec := env.serve(t, httptest.NewRequest("GET", path, nil))
		if got := rec.Header().Get("Cache-Control"); got != "no-store" {
			t.Errorf("GET %s → %d: Cache-Control %q, want no-store", path, status, got)
		}
	}
	if tried < 60 {
		t.Fatalf("only %d answers checked", tried)
	}
}

// TestHSTSOnlyForHTTPSInstalls: with an https base URL every answer tells browsers to
// use HTTPS from now on; a plain-http install (a laptop, a test) never does, since a
// browser would then refuse it.
func TestHSTSOnlyForHTTPSInstalls(t *testing.T) {
	quiet := slog.New(slog.NewTextHandler(io.Discard, nil))
	for _, tt := range []struct {
		https bool
		want  string
	}{{true, "max-age=31536000"}, {false, ""}} {
		srv := New(Deps{Log: quiet, HSTS: tt.https})
		for _, path := range []string{"/healthz", "/", "/api/v1/session", "/robots.txt"} {
			rec := httptest.NewRecorder()
			srv.Handler().ServeHTTP(rec, httptest.NewRequest("GET", path, nil))
			if got := rec.Header().Get("Strict-Transport-Security"); got != tt.want {
				t.Errorf("HSTS %v, GET %s: Strict-Transport-Security %q, want %q", tt.https, path, got, tt.want)
			}
		}
	}
}

// TestRobotsTxt: crawlers are told to stay out of everything but the public roadmaps.
func TestRobotsTxt(t *testing.T) {
	env := newTestAPI(t)
	status, body := env.call(t, "", "GET", "/robots.txt", nil)
	mustStatus(t, status, http.StatusOK, body)
	lines := strings.Split(strings.TrimSpace(string(body)), "\n")
	var rules []string
	for _, l := range lines {
		if l = strings.TrimSpace(l); l != "" && !strings.HasPrefix(l, "#") {
			rules = append(rules, l)
		}
	}
	if want := []string{"User-agent: *", "Allow: /roadmap/", "Disallow: /"}; !slices.Equal(rules, want) {
		t.Fatalf("robots.txt rules %q, want %q", rules, want)
	}
	rec := env.serve(t, httptest.NewRequest("GET", "/robots.txt", nil))
	if ct := rec.Header().Get("Content-Type"); !strings.HasPrefix(ct, "text/plain") {
		t.Errorf("Content-Type %q, want text/plain", ct)
	}
}

// TestMetricsLabelsStayBounded: requests with 1,000 random 10 kB method names, and as
// many random paths, add a handful of series to /metrics, not one each.
func TestMetricsLabelsStayBounded(t *testing.T) {
	reg := prometheus.NewRegistry()
	srv := New(Deps{Log: slog.New(slog.NewTextHandler(io.Discard, nil)), Registry: reg})
	letters := "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
	for i := 0; i < 1000; i++ {
		var b strings.Builder
		for b.Len() < 10<<10 {
			b.WriteByte(letters[rand.IntN(len(letters))])
		}
		paths := []string{"/healthz", "/api/v1/boards", "/api/v1/x" + b.String()[:40], "/" + b.String()[:40]}
		rec := httptest.NewRecorder()
		srv.Handler().ServeHTTP(rec, httptest.NewRequest(b.String(), paths[i%len(paths)], nil))
	}
	for _, m := range []string{"GET", "HEAD", "POST"} {
		rec := httptest.NewRecorder()
		srv.Handler().ServeHTTP(rec, httptest.NewRequest(m, "/healthz", nil))
	}
	families, err := reg.Gather()
	if err != nil {
		t.Fatal(err)
	}
	series, methods := 0, map[string]bool{}
	for _, fam := range families {
		for _, m := range fam.GetMetric() {
			series++
			for _, l := range m.GetLabel() {
				if l.GetName() == "method" {
					methods[l.GetValue()] = true
				}
				if len(l.GetValue()) > 100 {
					t.Errorf("%s has a label %s of %d bytes", fam.GetName(), l.GetName(), len(l.GetValue()))
				}
			}
		}
	}
	if series > 40 {
		t.Errorf("%d series after 1,000 requests with random methods, want a bounded handful", series)
	}
	if !methods["other"] || !methods["GET"] || !methods["HEAD"] || len(methods) > 8 {
		t.Errorf("method labels %v, want the fixed set with \"other\" for the rest", slices.Sorted(maps.Keys(methods)))
	}
}

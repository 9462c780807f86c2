package api

import (
	"bufio"
	"io"
	"maps"
	"net"
	"net/http"
	"net/http/httptest"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/closeloop/closeloop/domain"
)

// volatileHeaders differ between any two answers.
var volatileHeaders = []string{"Date", "X-Request-Id"}

var nonce = regexp.MustCompile(`nonce-[A-Za-z0-9+/=_-]+`)

// TestHeadAnswersEveryGetRoute: HEAD on every GET route the server registers answers
// what GET answers (status and headers) with no body, as link checkers and mail
// scanners expect. It runs over a real HTTP server, which is what drops the body.
func TestHeadAnswersEveryGetRoute(t *testing.T) {
	env := newTestAPI(t)
	f := newFixtures(t, env)
	ts := httptest.NewServer(env.srv.Handler())
	defer ts.Close()
	table := authzTable()
	tried := 0
	for _, r := range env.srv.Routes() {
		if r.Method != http.MethodGet {
			continue
		}
		key := r.Method + " " + r.Path
		row, ok := table[key]
		if !ok {
			t.Errorf("%s: no row in authzTable to build a request from", key)
			continue
		}
		req := row.prepare(f)
		var headers []string
		if row.least != "" {
			headers = []string{"Authorization", "Bearer " + env.tokens[domain.RoleAdmin]}
		}
		get := do(t, ts.URL, "GET", req.path, headers...)
		head := rawHead(t, ts.Listener.Addr().String(), req.path, headers...)
		tried++
		if head.StatusCode != get.StatusCode {
			t.Errorf("%s: HEAD %s answers %d, GET %d", key, req.path, head.StatusCode, get.StatusCode)
			continue
		}
		ignore := volatileHeaders
		switch key {
		case "GET /metrics":
			ignore = append(ignore, "Content-Length") // each request changes what it counts
		case "GET /api/v1/boards/:id/export.json", "GET /api/v1/requesters/:id/export":
			ignore = append(ignore, "Content-Length") // it says when it was made (RFC 3339 drops trailing zeros)
		}
		// A public page's CSP carries a fresh nonce each time; the rest must match.
		for _, h := range []http.Header{get.Header, head.Header} {
			h.Set("Content-Security-Policy", nonce.ReplaceAllString(h.Get("Content-Security-Policy"), "nonce-…"))
		}
		if diff := headerDiff(get.Header, head.Header, ignore); diff != "" {
			t.Errorf("%s: HEAD %s headers differ from GET: %s", key, req.path, diff)
		}
	}
	if tried < 15 {
		t.Fatalf("only %d GET routes tried", tried)
	}
}

// TestHeadOnTheWebApp: the SPA and its hashed, gzipped assets answer HEAD like GET.
func TestHeadOnTheWebApp(t *testing.T) {
	ts := httptest.NewServer(uiServer(true).Handler())
	defer ts.Close()
	for _, path := range []string{"/", "/boards/0192/settings", "/assets/app-1a2b.js", "/assets/gone-9z.js", "/robots.txt"} {
		for _, enc := range []string{"", "gzip"} {
			get := do(t, ts.URL, "GET", path, "Accept-Encoding", enc)
			head := rawHead(t, ts.Listener.Addr().String(), path, "Accept-Encoding", enc)
			if head.StatusCode != get.StatusCode {
				t.Errorf("HEAD %s (Accept-Encoding %q): %d, GET %d", path, enc, head.StatusCode, get.StatusCode)
			}
			if diff := headerDiff(get.Header, head.Header, volatileHeaders); diff != "" {
				t.Errorf("HEAD %s (Accept-Encoding %q): headers differ from GET: %s", path, enc, diff)
			}
		}
	}
}

// TestMethodsNotAllowed: a known path answers 405 with Allow (HEAD listed wherever GET
// is) to a method it does not take; an unknown path under /api/ is 404 for every method,
// so the web app's catch-all never turns it into a 405 or a page.
func TestMethodsNotAllowed(t *testing.T) {
	env := newTestAPI(t)
	f := newFixtures(t, env)
	ts := httptest.NewServer(env.srv.Handler())
	defer ts.Close()
	card := "/api/v1/cards/" + f.card.ID.String()
	tests := []struct {
		method, path string
		want         int
		allow        string
	}{
		{"PUT", "/healthz", 405, "GET, HEAD"},
		{"POST", "/u/some-token", 404, ""}, // POST is allowed there; the token is forged
		{"PUT", "/u/some-token", 405, "GET, HEAD, POST"},
		{"GET", card + "/move", 405, "POST"},
		{"HEAD", card + "/move", 405, "POST"},
		{"PUT", card, 405, "DELETE, GET, HEAD, PATCH"},
		{"PROPFIND", "/api/v1/boards", 405, "GET, HEAD, POST"},
		{"POST", "/boards/x", 405, "GET, HEAD"},
	}
	for _, method := range []string{"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "BREW"} {
		for _, path := range []string{"/api/v1/nope", "/api/nope", "/api/v1/cards/" + f.card.ID.String() + "/nope", "/api/v2/boards"} {
			tests = append(tests, struct {
				method, path string
				want         int
				allow        string
			}{method, path, 404, ""})
		}
	}
	for _, tt := range tests {
		res := do(t, ts.URL, tt.method, tt.path, "Authorization", "Bearer "+env.tokens[domain.RoleAdmin])
		if res.StatusCode != tt.want {
			t.Errorf("%s %s: status %d, want %d", tt.method, tt.path, res.StatusCode, tt.want)
			continue
		}
		if got := sortedAllow(res.Header.Get("Allow")); got != tt.allow {
			t.Errorf("%s %s: Allow %q, want %q", tt.method, tt.path, got, tt.allow)
		}
	}
}

func sortedAllow(allow string) string {
	var out []string
	for _, m := range strings.Split(allow, ",") {
		if m = strings.TrimSpace(m); m != "" && m != "OPTIONS" {
			out = append(out, m)
		}
	}
	slices.Sort(out)
	return strings.Join(out, ", ")
}

// do sends one request with the Go client (no transparent gzip) and reads the body.
func do(t *testing.T, base, method, path string, headers ...string) *http.Response {
	t.Helper()
	req, err := http.NewRequest(method, base+path, nil)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i+1 < len(headers); i += 2 {
		if headers[i+1] != "" {
			req.Header.Set(headers[i], headers[i+1])
		}
	}
	res, err := (&http.Client{Transport: &http.Transport{DisableCompression: true}}).Do(req)
	if err != nil {
		t.Fatal(err)
	}
	io.Copy(io.Discard, res.Body) //nolint:errcheck // only the status and headers are compared
	res.Body.Close()
	return res
}

// rawHead sends HEAD and then GET /healthz on one connection and reads both answers: if
// the HEAD answer carried a body, the second answer would not parse.
func rawHead(t *testing.T, addr, path string, headers ...string) *http.Response {
	t.Helper()
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	var b strings.Builder
	b.WriteString("HEAD " + path + " HTTP/1.1\r\nHost: " + addr + "\r\n")
	for i := 0; i+1 < len(headers); i += 2 {
		if headers[i+1] != "" {
			b.WriteString(headers[i] + ": " + headers[i+1] + "\r\n")
		}
	}
	b.WriteString("\r\nGET /healthz HTTP/1.1\r\nHost: " + addr + "\r\nConnection: close\r\n\r\n")
	if _, err := io.WriteString(conn, b.String()); err != nil {
		t.Fatal(err)
	}
	br := bufio.NewReader(conn)
	headReq, _ := http.NewRequest("HEAD", "http://"+addr+path, nil)
	res, err := http.ReadResponse(br, headReq)
	if err != nil {
		t.Fatalf("HEAD %s: %v", path, err)
	}
	next, err := http.ReadResponse(br, nil)
	if err != nil {
		t.Fatalf("HEAD %s: the answer after it does not parse (did HEAD send a body?): %v", path, err)
	}
	body, _ := io.ReadAll(next.Body)
	if next.StatusCode != 200 || !strings.Contains(string(body), `"ok"`) {
		t.Fatalf("HEAD %s: the answer after it is %d %q (did HEAD send a body?)", path, next.StatusCode, body)
	}
	return res
}

// headerDiff lists headers whose values differ, but for those in ignore.
func headerDiff(a, b http.Header, ignore []string) string {
	var diffs []string
	keys := slices.Sorted(maps.Keys(a))
	for k := range b {
		if !slices.Contains(keys, k) {
			keys = append(keys, k)
		}
	}
	for _, k := range keys {
		if slices.Contains(ignore, k) {
			continue
		}
		if va, vb := strings.Join(a.Values(k), ", "), strings.Join(b.Values(k), ", "); va != vb {
			diffs = append(diffs, k+": GET "+va+" / HEAD "+vb)
		}
	}
	return strings.Join(diffs, "; ")
}

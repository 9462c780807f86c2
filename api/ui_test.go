package api

import (
	"compress/gzip"
	"io"
	"io/fs"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"testing/fstest"
)

func uiServer(built bool) *Server {
	ui := fstest.MapFS{
		"index.html":         {Data: []byte(`<!doctype html><head><title>Closeloop</title></head><div id="root"></div>`)},
		"assets/app-1a2b.js": {Data: []byte(strings.Repeat("console.log('closeloop');\n", 200))},
	}
	var f fs.FS = ui
	return New(Deps{UI: f, UIBuilt: built, Log: slog.New(slog.NewTextHandler(io.Discard, nil))})
}

func TestServeUI(t *testing.T) {
	tests := []struct {
		name, path     string
		built          bool
		wantStatus     int
		wantCache      string
		wantBodyPrefix string
	}{
		{"hashed asset cached for a year", "/assets/app-1a2b.js", true, 200, "public, max-age=31536000, immutable", "console.log"},
		{"index never cached", "/", true, 200, "no-cache", "<!doctype html>"},
		{"client route falls back to index", "/boards/0192/settings", true, 200, "no-cache", "<!doctype html>"},
		{"missing asset is a 404, not index", "/assets/gone-9z.js", true, 404, "", `{"error"`},
		{"unknown API path is a JSON 404", "/api/v1/nope", true, 404, "no-store", `{"error"`},
		{"not built: explains how to build", "/boards/x", false, 200, "no-cache", "<!doctype html>"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := httptest.NewRecorder()
			uiServer(tt.built).Handler().ServeHTTP(rec, httptest.NewRequest(http.MethodGet, tt.path, nil))
			if got := rec.Code; got != tt.wantStatus {
				t.Fatalf("status: got %d, want %d (body %q)", got, tt.wantStatus, rec.Body.String())
			}
			if got := rec.Header().Get("Cache-Control"); got != tt.wantCache {
				t.Errorf("Cache-Control: got %q, want %q", got, tt.wantCache)
			}
			if got := rec.Body.String(); !strings.HasPrefix(got, tt.wantBodyPrefix) {
				t.Errorf("body: got %.60q, want prefix %q", got, tt.wantBodyPrefix)
			}
			if !tt.built && !strings.Contains(rec.Body.String(), "make build") {
				t.Errorf("the not-built page should say how to build the UI")
			}
		})
	}
}

func TestServeUIPreloadsTheBoard(t *testing.T) {
	const link = `<link rel="preload" href="/api/v1/boards/0192f3a4-5b6c-7d8e-9fa0-b1c2d3e4f5a6" as="fetch" crossorigin />`
	tests := []struct {
		name, path string
		want       bool
	}{
		{"a board's address", "/boards/0192F3A4-5b6c-7d8e-9fa0-b1c2d3e4f5a6", true},
		{"with a trailing slash", "/boards/0192f3a4-5b6c-7d8e-9fa0-b1c2d3e4f5a6/", true},
		{"a board's other page", "/boards/0192f3a4-5b6c-7d8e-9fa0-b1c2d3e4f5a6/satisfaction", false},
		{"not a UUID", "/boards/0192f3a4-5b6c-7d8e-9fa0-b1c2d3e4f5a6%22%3E", false},
		{"the boards list", "/boards", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := httptest.NewRecorder()
			uiServer(true).Handler().ServeHTTP(rec, httptest.NewRequest(http.MethodGet, tt.path, nil))
			body := rec.Body.String()
			if got := strings.Contains(body, link); got != tt.want {
				t.Errorf("preload link in %q: got %v, want %v (body %q)", tt.path, got, tt.want, body)
			}
			if tt.want && !strings.Contains(body, link+"</head>") {
				t.Errorf("the link belongs at the end of <head>: %q", body)
			}
			if got := strings.Count(body, "<link"); !tt.want && got != 0 {
				t.Errorf("no link expected, got %d in %q", got, body)
			}
		})
	}
}

func TestServeUIGzipsAssets(t *testing.T) {
	req := httptest.NewRequest(http.MethodGet, "/assets/app-1a2b.js", nil)
	req.Header.Set("Accept-Encoding", "gzip")
	rec := httptest.NewRecorder()
	uiServer(true).Handler().ServeHTTP(rec, req)
	if got := rec.Header().Get("Content-Encoding"); got != "gzip" {
		t.Fatalf("Content-Encoding: got %q, want gzip", got)
	}
	if got := rec.Header().Get("Cache-Control"); got != "public, max-age=31536000, immutable" {
		t.Errorf("Cache-Control: got %q", got)
	}
	zr, err := gzip.NewReader(rec.Body)
	if err != nil {
		t.Fatal(err)
	}
	body, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := len(body), 200*len("console.log('closeloop');\n"); got != want {
		t.Errorf("unzipped length: got %d, want %d", got, want)
	}
}

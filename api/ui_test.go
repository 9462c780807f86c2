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
		"index.html":         {Data: []byte(`<!doctype html><div id="root"></div>`)},
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

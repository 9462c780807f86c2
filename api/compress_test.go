package api

import (
	"bytes"
	"compress/gzip"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/closeloop/closeloop/domain"
)

// getRaw sends one GET with the Go client not decompressing, and returns the answer and
// its raw (possibly compressed) body.
func getRaw(t *testing.T, url string, headers ...string) (*http.Response, []byte) {
	t.Helper()
	req, err := http.NewRequest(http.MethodGet, url, nil)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i+1 < len(headers); i += 2 {
		req.Header.Set(headers[i], headers[i+1])
	}
	res, err := (&http.Client{Transport: &http.Transport{DisableCompression: true}}).Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	body, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	return res, body
}

func gunzip(t *testing.T, b []byte) []byte {
	t.Helper()
	zr, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("not gzip: %v", err)
	}
	out, err := io.ReadAll(zr)
	if err != nil {
		t.Fatalf("bad gzip: %v", err)
	}
	return out
}

// TestAPIAnswersAreCompressed: JSON answers of 1 kB and more are gzipped for clients that
// accept it (the same JSON, much smaller); small ones, clients without gzip and event
// streams get plain bytes; HEAD answers like GET; a compressed card's ETag is weak and
// If-Match takes it back.
func TestAPIAnswersAreCompressed(t *testing.T) {
	env := newTestAPI(t)
	f := newFixtures(t, env)
	for range 30 {
		f.newCard(f.board)
	}
	ts := httptest.NewServer(env.srv.Handler())
	defer ts.Close()
	auth := "Bearer " + env.tokens[domain.RoleAdmin]
	list := "/api/v1/boards/" + f.board.ID.String() + "/cards?limit=200"

	plain, plainBody := getRaw(t, ts.URL+list, "Authorization", auth)
	if plain.StatusCode != 200 || plain.Header.Get("Content-Encoding") != "" || len(plainBody) < 2*compressMinLength {
		t.Fatalf("without Accept-Encoding: %d, Content-Encoding %q, %d bytes", plain.StatusCode, plain.Header.Get("Content-Encoding"), len(plainBody))
	}
	zipped, zippedBody := getRaw(t, ts.URL+list, "Authorization", auth, "Accept-Encoding", "gzip, deflate, br")
	if zipped.Header.Get("Content-Encoding") != "gzip" {
		t.Fatalf("with Accept-Encoding gzip: Content-Encoding %q", zipped.Header.Get("Content-Encoding"))
	}
	if !strings.Contains(zipped.Header.Get("Vary"), "Accept-Encoding") {
		t.Errorf("Vary = %q, want Accept-Encoding in it", zipped.Header.Get("Vary"))
	}
	if got := gunzip(t, zippedBody); !bytes.Equal(got, plainBody) {
		t.Errorf("gunzipped body differs from the plain one:\n%.200s\n%.200s", got, plainBody)
	}
	if len(zippedBody)*3 > len(plainBody) {
		t.Errorf("compressed %d bytes of %d: expected at least 3×", len(zippedBody), len(plainBody))
	}
	if ct := zipped.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
		t.Errorf("Content-Type %q", ct)
	}

	// HEAD answers what GET answers, compressed or not, and sends no body.
	for _, enc := range []string{"", "gzip"} {
		get := do(t, ts.URL, "GET", list, "Authorization", auth, "Accept-Encoding", enc)
		head := rawHead(t, ts.Listener.Addr().String(), list, "Authorization", auth, "Accept-Encoding", enc)
		if diff := headerDiff(get.Header, head.Header, volatileHeaders); diff != "" || head.StatusCode != get.StatusCode {
			t.Errorf("HEAD (Accept-Encoding %q): %d vs %d; %s", enc, head.StatusCode, get.StatusCode, diff)
		}
	}

	// Small answers are not worth compressing.
	small, smallBody := getRaw(t, ts.URL+"/api/v1/session", "Authorization", auth, "Accept-Encoding", "gzip")
	if small.StatusCode != 200 || small.Header.Get("Content-Encoding") != "" || !bytes.HasPrefix(smallBody, []byte("{")) {
		t.Errorf("small answer: %d, Content-Encoding %q, %.40q", small.StatusCode, small.Header.Get("Content-Encoding"), smallBody)
	}
	// Errors stay plain JSON too.
	nf, nfBody := getRaw(t, ts.URL+"/api/v1/cards/00000000-0000-0000-0000-000000000000", "Authorization", auth, "Accept-Encoding", "gzip")
	if nf.StatusCode != 404 || nf.Header.Get("Content-Encoding") != "" || !bytes.Contains(nfBody, []byte(`"error"`)) {
		t.Errorf("404: Content-Encoding %q, %.80q", nf.Header.Get("Content-Encoding"), nfBody)
	}
	// An event stream is never buffered into gzip blocks.
	sse, _ := getRaw(t, ts.URL+list, "Authorization", auth, "Accept-Encoding", "gzip", "Accept", "text/event-stream")
	if sse.Header.Get("Content-Encoding") != "" {
		t.Errorf("Accept: text/event-stream answered with Content-Encoding %q", sse.Header.Get("Content-Encoding"))
	}

	// A card big enough to be compressed carries a weak ETag, which If-Match accepts.
	long := strings.Repeat("A longer description of what people asked for. ", 60)
	status, raw := env.call(t, domain.RoleEditor, "PATCH", "/api/v1/cards/"+f.card.ID.String(), map[string]any{"description": long})
	mustStatus(t, status, 200, raw)
	cardURL := ts.URL + "/api/v1/cards/" + f.card.ID.String()
	res, body := getRaw(t, cardURL, "Authorization", auth, "Accept-Encoding", "gzip")
	if res.Header.Get("Content-Encoding") != "gzip" || res.Header.Get("ETag") != `W/"2"` {
		t.Fatalf("big card: Content-Encoding %q, ETag %q", res.Header.Get("Content-Encoding"), res.Header.Get("ETag"))
	}
	gunzip(t, body)
	res, _ = getRaw(t, cardURL, "Authorization", auth)
	if res.Header.Get("ETag") != `"2"` {
		t.Errorf("plain big card: ETag %q, want \"2\"", res.Header.Get("ETag"))
	}
	status, raw = env.call(t, domain.RoleEditor, "PATCH", "/api/v1/cards/"+f.card.ID.String(), map[string]any{"title": "Renamed"}, "If-Match", `W/"2"`)
	mustStatus(t, status, 200, raw)
	status, raw = env.call(t, domain.RoleEditor, "PATCH", "/api/v1/cards/"+f.card.ID.String(), map[string]any{"title": "Again"}, "If-Match", `W/"2"`)
	if status != http.StatusPreconditionFailed {
		t.Errorf("stale weak If-Match: %d %s", status, raw)
	}
}

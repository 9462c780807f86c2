package api

import (
	"bytes"
	"context"
	"log/slog"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/closeloop/closeloop/domain"
)

// A client that gives up while its request waits (here for a board-read slot) is not
// a server failure: the request ends as 499 (statusClientClosed), logged at info, never as "internal error".
func TestAClientThatGoesAwayIsNotAnInternalError(t *testing.T) {
	env := newTestAPI(t)
	var logged bytes.Buffer
	env.srv.log = slog.New(slog.NewTextHandler(&logged, nil))
	b := createBoardAPI(t, env, "Gone")
	for range cap(env.srv.boardReads) {
		if err := env.srv.boardReads.enter(t.Context()); err != nil {
			t.Fatal(err)
		}
	}
	defer func() {
		for range cap(env.srv.boardReads) {
			env.srv.boardReads.leave()
		}
	}()
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	req := httptest.NewRequestWithContext(ctx, "GET", "/api/v1/boards/"+b.ID.String()+"/cards", nil)
	req.Header.Set("Authorization", "Bearer "+env.tokens[domain.RoleViewer])
	rec := httptest.NewRecorder()
	env.srv.Handler().ServeHTTP(rec, req)
	if rec.Code != statusClientClosed {
		t.Errorf("status %d, want %d: %s", rec.Code, statusClientClosed, rec.Body.Bytes())
	}
	if out := logged.String(); strings.Contains(out, "internal error") || !strings.Contains(out, "the client went away") {
		t.Errorf("log:\n%s", out)
	}
}

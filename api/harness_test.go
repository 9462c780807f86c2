package api

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http/httptest"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"gorm.io/driver/postgres"
	"gorm.io/gorm"
	"gorm.io/gorm/logger"

	"github.com/closeloop/closeloop/domain"
	"github.com/closeloop/closeloop/integrations"
	"github.com/closeloop/closeloop/migrations/testdb"
	"github.com/closeloop/closeloop/notify"
	"github.com/closeloop/closeloop/webhooks"
)

func TestMain(m *testing.M) { os.Exit(testdb.Run(m)) }

// testAPI is a server on a fresh database with one API token per role.
type testAPI struct {
	srv    *Server
	svc    *domain.Service
	db     *gorm.DB
	url    string // the database's, for a notifier of a test's own
	tokens map[domain.Role]string
	// seen records "METHOD /path/{id} status" of every exchange that matched the
	// contract, when a test wants to know what it covered (nil: not recorded).
	seen map[string]bool
	t    testing.TB // the test that made it, for helpers that take no t
	// stopLinker stops the inbound linkers started as served (a test that wants
	// links left unmade stops them first; stopping twice is fine).
	stopLinker    func()
	linkerStopped bool
}

// settleInbound waits until every inbound event's link is made (the linkers make them
// after the answer), at most 10 s.
func (e *testAPI) settleInbound(t testing.TB) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		var n int
		if err := e.db.Raw(`SELECT count(*) FROM inbound_events WHERE link IS NOT NULL`).Scan(&n).Error; err != nil {
			t.Fatal(err)
		}
		if n == 0 {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("%d inbound links still not made after 10 s", n)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

var allRoles = []domain.Role{domain.RoleViewer, domain.RoleSupport, domain.RoleEditor, domain.RoleAdmin}

// newTestAPI builds the server with real auth on a fresh database; notifier may be nil.
func newTestAPI(t testing.TB, notifier ...domain.Notifier) *testAPI {
	t.Helper()
	dbURL := testdb.New(t)
	g, err := gorm.Open(postgres.Open(dbURL), &gorm.Config{TranslateError: true, Logger: logger.Discard})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if sqlDB, err := g.DB(); err == nil {
			sqlDB.Close()
		}
	})
	var n domain.Notifier
	if len(notifier) > 0 {
		n = notifier[0]
	}
	quiet := slog.New(slog.NewTextHandler(io.Discard, nil))
	// Outbound webhooks as served: events reach them and their URLs are guarded; no
	// worker runs, so nothing is sent.
	sqlDB, err := g.DB()
	if err != nil {
		t.Fatal(err)
	}
	outbox, err := webhooks.New(sqlDB, webhooks.Config{BaseURL: "http://closeloop.test"}, quiet, nil)
	if err != nil {
		t.Fatal(err)
	}
	svc := domain.NewService(domain.NewDB(g), n, outbox)
	svc.UseWebhooks(outbox)
	env := &testAPI{svc: svc, db: g, url: dbURL, tokens: map[domain.Role]string{}, t: t}
	// The real notifier serves as mailroom (previews, unsubscribe links); its workers are
	// not started, so nothing is sent from these tests.
	mailroom, err := notify.New(context.Background(), notify.Config{BaseURL: "http://closeloop.test", DataDir: t.TempDir()}, dbURL, quiet, nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := mailroom.Stop(context.Background()); err != nil {
			t.Errorf("stop the mailroom: %v", err)
		}
	})
	// Invitations and resets are enqueued on the unstarted notifier: nothing is sent.
	svc.UseMemberMailer(mailroom)
	// GET /events streams end quickly here, so the tables of every route can walk it too.
	env.srv = New(Deps{Service: svc, Log: quiet, Mailroom: mailroom, EventStreamFor: 150 * time.Millisecond,
		Inbound: integrations.Tools{}})
	stop := svc.StartInboundLinker(context.Background(), quiet, 2)
	var once sync.Once
	env.stopLinker = func() { once.Do(stop); env.linkerStopped = true }
	t.Cleanup(env.stopLinker)
	admin := domain.Actor{Name: "test", Role: domain.RoleAdmin}
	for _, r := range allRoles {
		_, secret, err := svc.CreateToken(context.Background(), admin, "test "+string(r), r)
		if err != nil {
			t.Fatal(err)
		}
		env.tokens[r] = secret
	}
	return env
}

// call sends a request as role ("" = anonymous), checked against api/openapi.json (see serve). body may be nil, a string (sent as is)
// or any value (sent as JSON). It returns the status and the raw response body.
func (e *testAPI) call(t testing.TB, role domain.Role, method, path string, body any, headers ...string) (int, []byte) {
	t.Helper()
	var r io.Reader
	switch b := body.(type) {
	case nil:
	case string:
		r = strings.NewReader(b)
	case []byte:
		r = bytes.NewReader(b)
	default:
		raw, err := json.Marshal(b)
		if err != nil {
			t.Fatal(err)
		}
		r = bytes.NewReader(raw)
	}
	req := httptest.NewRequest(method, path, r)
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	if role != "" {
		req.Header.Set("Authorization", "Bearer "+e.tokens[role])
	}
	for i := 0; i+1 < len(headers); i += 2 {
		req.Header.Set(headers[i], headers[i+1])
	}
	rec := e.serve(t, req)
	return rec.Code, rec.Body.Bytes()
}

// decode unmarshals a response body into T, failing the test on error.
func decode[T any](t testing.TB, raw []byte) T {
	t.Helper()
	var v T
	if err := json.Unmarshal(raw, &v); err != nil {
		t.Fatalf("decode %s: %v", raw, err)
	}
	return v
}

// mustStatus fails the test when got is not want, showing the body.
func mustStatus(t testing.TB, got, want int, body []byte) {
	t.Helper()
	if got != want {
		t.Fatalf("status = %d, want %d; body: %s", got, want, body)
	}
}

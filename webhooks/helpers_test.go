package webhooks

import (
	"context"
	"database/sql"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/riverqueue/river"
	"github.com/riverqueue/river/riverdriver/riverpgxv5"
	"gorm.io/driver/postgres"
	"gorm.io/gorm"
	"gorm.io/gorm/logger"

	"github.com/closeloop/closeloop/domain"
	"github.com/closeloop/closeloop/migrations/testdb"
)

func TestMain(m *testing.M) { os.Exit(testdb.Run(m)) }

var editor = domain.Actor{Name: "Eddie Editor", Role: domain.RoleEditor}

// env is a service whose events reach a real outbox, with River working its queue.
type env struct {
	svc    *domain.Service
	outbox *Outbox
	db     *sql.DB
}

// newEnv starts the outbox on a fresh database; cfg's retry schedule should be short,
// and AllowPrivate true for the receivers, httptest servers on loopback.
func newEnv(t *testing.T, cfg Config) *env {
	t.Helper()
	url := testdb.New(t)
	g, err := gorm.Open(postgres.Open(url), &gorm.Config{TranslateError: true, Logger: logger.Discard})
	if err != nil {
		t.Fatal(err)
	}
	sqlDB, err := g.DB()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { sqlDB.Close() })
	quiet := slog.New(slog.NewTextHandler(io.Discard, nil))
	o, err := New(sqlDB, cfg, quiet, nil)
	if err != nil {
		t.Fatal(err)
	}
	svc := domain.NewService(domain.NewDB(g), nil, o)
	svc.UseWebhooks(o)

	ctx := context.Background()
	pool, err := pgxpool.New(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	workers := river.NewWorkers()
	o.AddWorkers(workers)
	client, err := river.NewClient(riverpgxv5.New(pool), &river.Config{
		Logger: quiet, Queues: o.Queues(), Workers: workers,
		FetchCooldown: 10 * time.Millisecond, FetchPollInterval: 20 * time.Millisecond,
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := client.Start(ctx); err != nil {
		t.Fatal(err)
	}
	o.Start(ctx)
	t.Cleanup(func() {
		o.Stop()
		stopCtx, cancel := context.WithTimeout(ctx, 10*time.Second)
		defer cancel()
		client.Stop(stopCtx) //nolint:errcheck // the test is over
		pool.Close()
	})
	return &env{svc: svc, outbox: o, db: sqlDB}
}

func (e *env) board(t *testing.T) domain.Board {
	t.Helper()
	b, err := e.svc.CreateBoard(context.Background(), editor, domain.NewBoard{Name: "Roadmap"})
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func (e *env) card(t *testing.T, b domain.Board, title string) domain.Card {
	t.Helper()
	c, err := e.svc.CreateCard(context.Background(), editor, b.ID, domain.NewCard{ColumnID: b.Columns[0].ID, Kind: domain.CardIdea, Title: title})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func (e *env) webhook(t *testing.T, url, format string, events ...string) domain.Webhook {
	t.Helper()
	w, err := e.svc.CreateWebhook(context.Background(), domain.WebhookInput{URL: &url, Format: &format, Events: &events})
	if err != nil {
		t.Fatal(err)
	}
	return w
}

// deliveries is the webhook's whole log.
func (e *env) deliveries(t *testing.T, webhookID uuid.UUID) []domain.WebhookDelivery {
	t.Helper()
	l, err := e.svc.ListWebhookDeliveries(context.Background(), webhookID, domain.Page{Limit: 200})
	if err != nil {
		t.Fatal(err)
	}
	return l.Items
}

// waitFor polls until done is true or the time is up.
func waitFor(t *testing.T, within time.Duration, what string, done func() bool) {
	t.Helper()
	deadline := time.Now().Add(within)
	for !done() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out after %s waiting for %s", within, what)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// received is one request a receiver got.
type received struct {
	header http.Header
	body   []byte
}

// receiver is a real HTTP endpoint answering the statuses of answers in turn (the
// last one from then on); status 0 means never answering (until the test ends).
type receiver struct {
	*httptest.Server
	mu      sync.Mutex
	got     []received
	answers []int
	hang    chan struct{}
}

func newReceiver(t *testing.T, answers ...int) *receiver {
	r := &receiver{answers: answers, hang: make(chan struct{})}
	r.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		b, _ := io.ReadAll(req.Body)
		r.mu.Lock()
		r.got = append(r.got, received{header: req.Header.Clone(), body: b})
		status := r.answers[min(len(r.got), len(r.answers))-1]
		r.mu.Unlock()
		if status == 0 {
			select {
			case <-r.hang:
			case <-req.Context().Done():
			}
			return
		}
		w.WriteHeader(status)
		io.WriteString(w, "answer "+strconv.Itoa(status)) //nolint:errcheck // the client may be gone
	}))
	t.Cleanup(func() { close(r.hang); r.Close() })
	return r
}

func (r *receiver) requests() []received {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]received(nil), r.got...)
}

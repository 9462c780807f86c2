package live

import (
	"context"
	"database/sql"
	"errors"
	"io"
	"log/slog"
	"os"
	"sync"
	"testing"
	"time"

	"gorm.io/driver/postgres"
	"gorm.io/gorm"
	"gorm.io/gorm/logger"

	"github.com/closeloop/closeloop/domain"
	"github.com/closeloop/closeloop/migrations/testdb"
)

func TestMain(m *testing.M) { os.Exit(testdb.Run(m)) }

var quiet = slog.New(slog.NewTextHandler(io.Discard, nil))

var editor = domain.Actor{Name: "Eddie Editor", Role: domain.RoleEditor}

// listen starts a Listener (a replica's) and returns what it hears, once it listens.
func listen(t *testing.T, url string) <-chan domain.LiveEvent {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	heard := make(chan domain.LiveEvent, 1000)
	ready := make(chan struct{})
	var once sync.Once
	done := make(chan struct{})
	go func() {
		defer close(done)
		(&Listener{URL: url, Log: quiet}).Run(ctx, func(ev domain.LiveEvent) { heard <- ev }, func() { once.Do(func() { close(ready) }) })
	}()
	t.Cleanup(func() { cancel(); <-done })
	select {
	case <-ready:
	case <-time.After(10 * time.Second):
		t.Fatal("the listener did not connect")
	}
	return heard
}

// publisher starts a Publisher (a replica's) on url.
func publisher(t *testing.T, url string, sweep time.Duration) *Publisher {
	t.Helper()
	p := NewPublisher(url, quiet)
	p.Sweep = sweep
	p.Start(context.Background())
	t.Cleanup(p.Stop)
	return p
}

// service is a domain service on url whose events go to sinks.
func service(t *testing.T, url string, sinks ...domain.EventSink) (*domain.Service, *sql.DB) {
	t.Helper()
	g, err := gorm.Open(postgres.Open(url), &gorm.Config{TranslateError: true, Logger: logger.Discard})
	if err != nil {
		t.Fatal(err)
	}
	db, err := g.DB()
	if err != nil {
		t.Fatal(err)
	}
	db.SetMaxOpenConns(8)
	t.Cleanup(func() { db.Close() })
	return domain.NewService(domain.NewDB(g), nil, sinks...), db
}

// refuse is a sink that fails one event type, which undoes its change.
type refuse struct{ on string }

func (r refuse) Publish(_ context.Context, _ *sql.Tx, ev domain.Event) error {
	if ev.Type == r.on {
		return errors.New("refused")
	}
	return nil
}

// next waits for the next event heard, or fails.
func next(t *testing.T, heard <-chan domain.LiveEvent, within time.Duration) domain.LiveEvent {
	t.Helper()
	select {
	case ev := <-heard:
		return ev
	case <-time.After(within):
		t.Fatalf("nothing heard within %v", within)
	}
	return domain.LiveEvent{}
}

// silent fails if anything is heard for d.
func silent(t *testing.T, heard <-chan domain.LiveEvent, d time.Duration, why string) {
	t.Helper()
	select {
	case ev := <-heard:
		t.Fatalf("%s: heard %+v", why, ev)
	case <-time.After(d):
	}
}

func outboxRows(t *testing.T, db *sql.DB) int {
	t.Helper()
	var n int
	if err := db.QueryRow(`SELECT count(*) FROM live_outbox`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

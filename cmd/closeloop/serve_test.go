package main

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/closeloop/closeloop/migrations/testdb"
)

// When HTTP serving fails (here its listener is closed under it), serve returns an
// error, so the process exits non-zero, instead of running on without HTTP.
func TestServeFailsLoudWhenHTTPStops(t *testing.T) {
	cfg, err := loadConfig(envFrom(map[string]string{"DATABASE_URL": testdb.New(t), "CLOSELOOP_ADDR": "127.0.0.1:0",
		"CLOSELOOP_DATA_DIR": t.TempDir()}))
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
	defer cancel()
	a, err := startApp(ctx, cfg, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- a.wait(ctx) }()
	if err := a.listener.Close(); err != nil {
		t.Fatal(err)
	}
	select {
	case err := <-done:
		if err == nil || !strings.Contains(err.Error(), "serving HTTP") {
			t.Fatalf("wait = %v, want the HTTP failure", err)
		}
		if errors.Is(err, context.DeadlineExceeded) {
			t.Fatalf("wait ended by the test's deadline, not by the failure: %v", err)
		}
	case <-ctx.Done():
		t.Fatal("serve kept running after its HTTP server stopped")
	}
}

// A signal (ctx ending) is a clean stop: nil.
func TestServeStopsCleanOnSignal(t *testing.T) {
	cfg, err := loadConfig(envFrom(map[string]string{"DATABASE_URL": testdb.New(t), "CLOSELOOP_ADDR": "127.0.0.1:0",
		"CLOSELOOP_DATA_DIR": t.TempDir()}))
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	a, err := startApp(ctx, cfg, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		t.Fatal(err)
	}
	cancel()
	if err := a.wait(ctx); err != nil {
		t.Fatalf("wait after a signal = %v, want nil", err)
	}
}

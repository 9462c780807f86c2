package main

import (
	"context"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"testing"
)

// TestPrivateClusterStarts exercises the zero-config fallback used when nothing listens
// on 127.0.0.1:5432: initdb + pg_ctl start under the data dir, then stop.
func TestPrivateClusterStarts(t *testing.T) {
	bin, err := postgresBinaries()
	if err != nil {
		t.Fatalf("PostgreSQL binaries are part of this project's machines: %v", err)
	}
	dir := t.TempDir()
	// The cluster may run as the postgres user, which must be able to reach the directory.
	for d := dir; d != "/" && d != "."; d = filepath.Dir(d) {
		os.Chmod(d, 0o755) //nolint:errcheck,gosec // the postgres user must traverse; a non-root run owns none of the parents and needs none
		if d == os.TempDir() {
			break
		}
	}
	ctx := context.Background()
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	stop, err := startPrivateCluster(ctx, bin, filepath.Join(dir, "postgres"), log)
	if err != nil {
		t.Fatal(err)
	}
	defer stop()
	if !listening("127.0.0.1:" + privatePort) {
		t.Fatal("private cluster is not listening")
	}
	if err := ensureDatabase(ctx, "postgres://postgres@127.0.0.1:"+privatePort+"/postgres?sslmode=disable"); err != nil {
		t.Fatal(err)
	}
	// A second call finds the database and does nothing.
	if err := ensureDatabase(ctx, "postgres://postgres@127.0.0.1:"+privatePort+"/postgres?sslmode=disable"); err != nil {
		t.Fatal(err)
	}
}

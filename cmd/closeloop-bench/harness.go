package main

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

// harness owns what a run creates: a temp dir, the closeloop binary, databases and
// server processes; close removes them all.
type harness struct {
	opts  options
	tmp   string
	bin   string
	admin *pgxpool.Pool // the maintenance database, for CREATE/DROP DATABASE

	mu      sync.Mutex
	dbs     []string
	servers []*server
}

func newHarness(ctx context.Context, opts options) (*harness, error) {
	tmp, err := os.MkdirTemp("", "closeloop-bench-")
	if err != nil {
		return nil, err
	}
	h := &harness{opts: opts, tmp: tmp, bin: opts.Bin}
	if h.admin, err = pgxpool.New(ctx, opts.PGURL); err != nil {
		h.close()
		return nil, fmt.Errorf("connect to %s: %w", opts.PGURL, err)
	}
	if err := h.admin.Ping(ctx); err != nil {
		h.close()
		return nil, fmt.Errorf("PostgreSQL at %s: %w", opts.PGURL, err)
	}
	if h.bin == "" {
		if err := h.build(ctx); err != nil {
			h.close()
			return nil, err
		}
	}
	return h, nil
}

// build compiles ./cmd/closeloop of the module this program runs in.
func (h *harness) build(ctx context.Context) error {
	root, err := moduleRoot()
	if err != nil {
		return err
	}
	h.bin = filepath.Join(h.tmp, "closeloop")
	logf("building closeloop (%s)", root)
	start := time.Now()
	cmd := exec.CommandContext(ctx, "go", "build", "-o", h.bin, "./cmd/closeloop")
	cmd.Dir, cmd.Stdout, cmd.Stderr = root, os.Stderr, os.Stderr
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("go build ./cmd/closeloop: %w", err)
	}
	logf("built in %v", time.Since(start).Round(time.Second))
	return nil
}

func moduleRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if b, err := os.ReadFile(filepath.Join(dir, "go.mod")); err == nil && strings.Contains(string(b), "module github.com/closeloop/closeloop\n") {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("run closeloop-bench inside the closeloop repository (or pass -bin)")
		}
		dir = parent
	}
}

// createDatabase (re)creates an empty database and returns its URL; the server
// migrates it when it starts.
func (h *harness) createDatabase(ctx context.Context, name string) (string, error) {
	if _, err := h.admin.Exec(ctx, "DROP DATABASE IF EXISTS "+pgx.Identifier{name}.Sanitize()+" WITH (FORCE)"); err != nil {
		return "", fmt.Errorf("drop database %s: %w", name, err)
	}
	if _, err := h.admin.Exec(ctx, "CREATE DATABASE "+pgx.Identifier{name}.Sanitize()); err != nil {
		return "", fmt.Errorf("create database %s: %w", name, err)
	}
	h.mu.Lock()
	h.dbs = append(h.dbs, name)
	h.mu.Unlock()
	if h.opts.PGLog {
		// Only this database's sessions log; see the server's log_directory for the lines.
		if _, err := h.admin.Exec(ctx, "ALTER DATABASE "+pgx.Identifier{name}.Sanitize()+" SET log_min_duration_statement = 0"); err != nil {
			return "", err
		}
	}
	return h.databaseURL(name), nil
}

func (h *harness) databaseURL(name string) string {
	u, _ := url.Parse(h.opts.PGURL)
	u.Path = "/" + name
	return u.String()
}

// close stops every server still running and, unless -keep, drops the databases and
// removes the temp dir.
func (h *harness) close() {
	h.mu.Lock()
	servers, dbs := h.servers, h.dbs
	h.mu.Unlock()
	for _, s := range servers {
		s.kill()
	}
	if h.opts.Keep {
		logf("kept databases %v and %s", dbs, h.tmp)
	} else if h.admin != nil {
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		defer cancel()
		for _, name := range dbs {
			if _, err := h.admin.Exec(ctx, "DROP DATABASE IF EXISTS "+pgx.Identifier{name}.Sanitize()+" WITH (FORCE)"); err != nil {
				logf("drop database %s: %v", name, err)
			}
		}
		os.RemoveAll(h.tmp)
	}
	if h.admin != nil {
		h.admin.Close()
	}
}

// logf prints progress on stderr with a timestamp; figures go to stdout.
func logf(format string, args ...any) {
	fmt.Fprintf(os.Stderr, "%s  %s\n", time.Now().Format("15:04:05.000"), fmt.Sprintf(format, args...))
}

package main

import (
	"context"
	"fmt"
	"net/url"
	"os"
	"strings"

	"github.com/jackc/pgx/v5/pgxpool"
)

// env is one measured setup: a fresh database, a server on it, an API token and a
// direct database connection for seeding and checking.
type env struct {
	h     *harness
	name  string
	dbURL string
	db    *pgxpool.Pool
	srv   *server
	token string
	api   *apiClient
}

// newEnv creates database closeloop_bench_<pid>_<name> (the pid keeps two runs on
// one PostgreSQL apart), starts a server on it (which migrates it) with the given
// SMTP_URL, and makes an admin token.
func (h *harness) newEnv(ctx context.Context, name, smtpURL string, extraEnv ...string) (*env, error) {
	e := &env{h: h, name: name}
	var err error
	if e.dbURL, err = h.createDatabase(ctx, fmt.Sprintf("closeloop_bench_%d_%s", os.Getpid(), name)); err != nil {
		return nil, err
	}
	return e, e.start(ctx, smtpURL, extraEnv...)
}

// start runs a server on the env's database and connects to it.
func (e *env) start(ctx context.Context, smtpURL string, extraEnv ...string) error {
	var err error
	if e.srv, err = e.h.startServer(ctx, serverConfig{Name: e.name, DatabaseURL: e.dbURL, SMTPURL: smtpURL, Env: extraEnv}); err != nil {
		return err
	}
	if e.token == "" {
		if e.token, err = e.h.createToken(ctx, e.dbURL); err != nil {
			return err
		}
	}
	e.api = newAPIClient(e.srv.URL, e.token, 64)
	if e.db == nil {
		cfg, err := pgxpool.ParseConfig(e.dbURL)
		if err != nil {
			return err
		}
		cfg.MaxConns = 4
		cfg.ConnConfig.RuntimeParams["application_name"] = "closeloop-bench" // told apart from the server's sessions
		if e.db, err = pgxpool.NewWithConfig(ctx, cfg); err != nil {
			return fmt.Errorf("connect to %s: %w", e.dbURL, err)
		}
	}
	return nil
}

// close stops the server and the connections; the harness drops the database.
func (e *env) close() {
	if e.srv != nil {
		e.srv.stop()
	}
	if e.db != nil {
		e.db.Close()
	}
}

// dbName is the env's database name (the last element of its URL's path).
func (e *env) dbName() string {
	u, err := url.Parse(e.dbURL)
	if err != nil {
		return ""
	}
	return strings.TrimPrefix(u.Path, "/")
}

// analyze refreshes the planner's statistics after bulk seeding, as autovacuum would
// a little later.
func (e *env) analyze(ctx context.Context) error {
	_, err := e.db.Exec(ctx, "VACUUM ANALYZE")
	return err
}

package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
)

const (
	localServer  = "127.0.0.1:5432"
	privatePort  = "54329"
	databaseName = "closeloop"
)

// localPostgres finds a database when DATABASE_URL is unset: the local server on
// 127.0.0.1:5432 if one listens, else a private cluster under the data dir started
// with the installed PostgreSQL binaries. stop (maybe nil) stops what it started.
func localPostgres(ctx context.Context, dataDir string, log *slog.Logger) (dbURL string, stop func(), err error) {
	if listening(localServer) {
		u := "postgres://postgres@" + localServer + "/" + databaseName + "?sslmode=disable"
		return u, nil, ensureDatabase(ctx, "postgres://postgres@"+localServer+"/postgres?sslmode=disable")
	}
	bin, err := postgresBinaries()
	if err != nil {
		return "", nil, err
	}
	dir := filepath.Join(dataDir, "postgres")
	log.Info("no PostgreSQL on "+localServer+"; starting a private cluster under the data dir",
		"dir", dir, "port", privatePort, "binaries", bin)
	stop, err = startPrivateCluster(ctx, bin, dir, log)
	if err != nil {
		return "", nil, err
	}
	host := "127.0.0.1:" + privatePort
	if err := ensureDatabase(ctx, "postgres://postgres@"+host+"/postgres?sslmode=disable"); err != nil {
		stop()
		return "", nil, err
	}
	return "postgres://postgres@" + host + "/" + databaseName + "?sslmode=disable", stop, nil
}

func listening(addr string) bool {
	c, err := net.DialTimeout("tcp", addr, 500*time.Millisecond)
	if err != nil {
		return false
	}
	c.Close()
	return true
}

func postgresBinaries() (string, error) {
	if p, err := exec.LookPath("pg_ctl"); err == nil {
		return filepath.Dir(p), nil
	}
	dirs, _ := filepath.Glob("/usr/lib/postgresql/*/bin")
	for i := len(dirs) - 1; i >= 0; i-- { // newest version first
		if _, err := os.Stat(filepath.Join(dirs[i], "pg_ctl")); err == nil {
			return dirs[i], nil
		}
	}
	return "", errors.New("no PostgreSQL found: nothing listens on " + localServer +
		" and no PostgreSQL binaries are installed. Either set DATABASE_URL=postgres://user:pass@host:5432/closeloop," +
		" or install PostgreSQL (Debian/Ubuntu: apt-get install postgresql) and run closeloop again")
}

// startPrivateCluster initialises (once) and starts a cluster owned by the current
// user, or by "postgres" when running as root (PostgreSQL refuses to run as root).
func startPrivateCluster(ctx context.Context, bin, dir string, log *slog.Logger) (func(), error) {
	asUser := ""
	if os.Geteuid() == 0 {
		if _, err := user.Lookup("postgres"); err != nil {
			return nil, errors.New("running as root needs the 'postgres' system user to start a private PostgreSQL; set DATABASE_URL instead")
		}
		asUser = "postgres"
	}
	pgcmd := func(name string, args ...string) *exec.Cmd {
		full := filepath.Join(bin, name)
		if asUser != "" {
			return exec.CommandContext(ctx, "runuser", append([]string{"-u", asUser, "--", full}, args...)...)
		}
		return exec.CommandContext(ctx, full, args...)
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, err
	}
	if asUser != "" {
		if out, err := exec.Command("chown", "-R", asUser, dir).CombinedOutput(); err != nil {
			return nil, fmt.Errorf("chown %s: %v: %s", dir, err, out)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "PG_VERSION")); err != nil {
		if out, err := pgcmd("initdb", "-D", dir, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-locale").CombinedOutput(); err != nil {
			return nil, fmt.Errorf("initdb: %v: %s", err, out)
		}
	}
	opts := "-p " + privatePort + " -k " + dir + " -c listen_addresses=127.0.0.1"
	if out, err := pgcmd("pg_ctl", "-D", dir, "-o", opts, "-l", filepath.Join(dir, "server.log"), "-w", "start").CombinedOutput(); err != nil {
		return nil, fmt.Errorf("pg_ctl start: %v: %s", err, out)
	}
	stop := func() {
		out, err := pgcmd("pg_ctl", "-D", dir, "-m", "fast", "-w", "stop").CombinedOutput()
		if err != nil {
			log.Warn("stopping the private PostgreSQL", "err", err, "output", strings.TrimSpace(string(out)))
		}
	}
	return stop, nil
}

// ensureDatabase creates the closeloop database on the server at adminURL if missing.
func ensureDatabase(ctx context.Context, adminURL string) error {
	conn, err := pgx.Connect(ctx, adminURL)
	if err != nil {
		return fmt.Errorf("connect to local PostgreSQL: %w", err)
	}
	defer conn.Close(ctx)
	var exists bool
	if err := conn.QueryRow(ctx, "SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = $1)", databaseName).Scan(&exists); err != nil {
		return err
	}
	if exists {
		return nil
	}
	_, err = conn.Exec(ctx, "CREATE DATABASE "+databaseName)
	var pgErr interface{ SQLState() string }
	if errors.As(err, &pgErr) && pgErr.SQLState() == "42P04" { // created concurrently by another replica
		return nil
	}
	return err
}

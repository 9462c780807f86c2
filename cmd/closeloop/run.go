package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
)

const usage = `usage:
  closeloop serve                                   run migrations, then serve HTTP and workers
  closeloop migrate                                 apply migrations and exit
  closeloop admin create --email E --name N --password-stdin
                                                    create an admin (password read from stdin)
  closeloop token create --name N --role R          print a new API token once
                                                    (roles: admin, editor, support, viewer)
  closeloop import trello [--dry-run] FILE          import a Trello board export (Export as JSON)
Configuration comes from the environment: see README.md.`

// run is main without the process: arguments, environment and streams are passed in
// so tests can drive every command.
func run(ctx context.Context, args []string, getenv func(string) string, stdin io.Reader, stdout, stderr io.Writer) error {
	log := slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: logLevel(getenv("CLOSELOOP_LOG_LEVEL"))}))
	if len(args) == 0 {
		fmt.Fprintln(stderr, usage)
		return errors.New("no command given")
	}
	cfg, err := loadConfig(getenv)
	if err != nil {
		return err
	}
	switch cmd := args[0]; {
	case cmd == "serve" && len(args) == 1:
		tuneGC(getenv, log)
		return serve(ctx, cfg, log)
	case cmd == "migrate" && len(args) == 1:
		db, err := openDatabase(ctx, cfg, log)
		if err != nil {
			return err
		}
		defer db.Close()
		return nil
	case cmd == "admin" && len(args) > 1 && args[1] == "create":
		return adminCreate(ctx, cfg, log, args[2:], stdin, stdout)
	case cmd == "token" && len(args) > 1 && args[1] == "create":
		return tokenCreate(ctx, cfg, log, args[2:], stdout)
	case cmd == "import" && len(args) > 1 && args[1] == "trello":
		return importTrello(ctx, cfg, log, args[2:], stdout)
	case cmd == "help" || cmd == "-h" || cmd == "--help":
		fmt.Fprintln(stdout, usage)
		return nil
	}
	fmt.Fprintln(stderr, usage)
	return fmt.Errorf("unknown command %q", args)
}

func logLevel(s string) slog.Level {
	var l slog.Level
	if err := l.UnmarshalText([]byte(s)); err != nil {
		return slog.LevelInfo
	}
	return l
}

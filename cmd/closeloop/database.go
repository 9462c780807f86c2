package main

import (
	"context"
	"database/sql"
	"fmt"
	"log/slog"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/stdlib"
	"gorm.io/driver/postgres"
	"gorm.io/gorm"
	"gorm.io/gorm/logger"

	"github.com/closeloop/closeloop/migrations"
)

// database is an open, migrated database and how to let it go.
type database struct {
	URL  string
	SQL  *sql.DB
	Gorm *gorm.DB
	stop func() // stops a private cluster we started; nil otherwise
}

func (d *database) Close() {
	if d.SQL != nil {
		d.SQL.Close()
	}
	if d.stop != nil {
		d.stop()
	}
}

// openDatabase finds the database (DATABASE_URL or a local one), connects and migrates it.
func openDatabase(ctx context.Context, cfg config, log *slog.Logger) (*database, error) {
	d := &database{URL: cfg.DatabaseURL}
	if d.URL == "" {
		u, stop, err := localPostgres(ctx, cfg.DataDir, log)
		if err != nil {
			return nil, err
		}
		d.URL, d.stop = u, stop
		log.Info("using local PostgreSQL (DATABASE_URL is not set)", "url", u)
	}
	pc, err := pgx.ParseConfig(d.URL)
	if err != nil {
		d.Close()
		return nil, fmt.Errorf("open database: %w", err)
	}
	d.SQL = stdlib.OpenDB(*pc, stdlib.OptionAfterConnect(func(_ context.Context, c *pgx.Conn) error {
		registerUUID(c.TypeMap())
		registerPQArrays(c.TypeMap())
		return nil
	}))
	d.SQL.SetMaxOpenConns(20)
	d.SQL.SetMaxIdleConns(20)
	d.SQL.SetConnMaxIdleTime(5 * time.Minute)
	if err := d.SQL.PingContext(ctx); err != nil {
		d.Close()
		return nil, fmt.Errorf("connect to the database (check DATABASE_URL): %w", err)
	}
	if err := migrations.Apply(ctx, d.SQL, log); err != nil {
		d.Close()
		return nil, err
	}
	d.Gorm, err = gorm.Open(postgres.New(postgres.Config{Conn: d.SQL}), &gorm.Config{
		TranslateError: true,
		// Failed and slow statements are logged as SQL with $n placeholders, never with
		// their arguments: those hold password hashes, addresses, names and quotes.
		Logger: logger.NewSlogLogger(log, logger.Config{
			SlowThreshold: 200 * time.Millisecond, LogLevel: logger.Warn, IgnoreRecordNotFoundError: true,
			ParameterizedQueries: true,
		}),
	})
	if err != nil {
		d.Close()
		return nil, err
	}
	return d, nil
}

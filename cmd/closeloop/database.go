package main

import (
	"context"
	"database/sql"
	"errors"
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

// slowStatement is how long a statement runs before it is logged (as a warning).
const slowStatement = 200 * time.Millisecond

// quietTrace hands GORM's slog logger only the statements it will log: at Warn, the
// failed ones (not "record not found") and the slow ones. The slog logger itself
// renders every statement's SQL and duration before deciding, which was 4–5 % of the
// server's CPU while cards are made, for lines it then dropped.
type quietTrace struct {
	logger.Interface
	level logger.LogLevel
}

func (q quietTrace) LogMode(level logger.LogLevel) logger.Interface {
	return quietTrace{Interface: q.Interface.LogMode(level), level: level}
}

// ParamsFilter passes on the slog logger's (which leaves the parameters out): GORM asks
// the logger in front, and without this the statements would be logged with them.
func (q quietTrace) ParamsFilter(ctx context.Context, sql string, params ...any) (string, []any) {
	if f, ok := q.Interface.(gorm.ParamsFilter); ok {
		return f.ParamsFilter(ctx, sql, params...)
	}
	return sql, params
}

func (q quietTrace) Trace(ctx context.Context, begin time.Time, fc func() (string, int64), err error) {
	if q.level >= logger.Info || (err != nil && !errors.Is(err, gorm.ErrRecordNotFound)) || time.Since(begin) > slowStatement {
		q.Interface.Trace(ctx, begin, fc, err)
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
		Logger: quietTrace{Interface: logger.NewSlogLogger(log, logger.Config{
			SlowThreshold: slowStatement, LogLevel: logger.Warn, IgnoreRecordNotFoundError: true,
			ParameterizedQueries: true,
		}), level: logger.Warn},
	})
	if err != nil {
		d.Close()
		return nil, err
	}
	return d, nil
}

package main

import (
	"context"
	"fmt"
	"log/slog"

	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/prometheus/client_golang/prometheus"

	"github.com/closeloop/closeloop/notify"
)

// startNotifier starts the shipped-email notifier on its own small pgx pool (River and
// the senders use pgx directly) and returns how to stop it: soft stop, then the pool.
func startNotifier(ctx context.Context, cfg config, db *database, log *slog.Logger, reg prometheus.Registerer) (*notify.Service, func(context.Context), error) {
	pc, err := pgxpool.ParseConfig(db.URL)
	if err != nil {
		return nil, nil, fmt.Errorf("notifier database: %w", err)
	}
	pc.MaxConns = 16 // senders, the recorder, River and the mailroom (LISTEN has its own connection)
	pool, err := pgxpool.NewWithConfig(ctx, pc)
	if err != nil {
		return nil, nil, fmt.Errorf("notifier database: %w", err)
	}
	n, err := notify.New(ctx, notify.Config{
		BaseURL: cfg.BaseURL, From: cfg.MailFrom, SMTPURL: cfg.SMTPURL, DataDir: cfg.DataDir,
	}, pool, log, reg)
	if err != nil {
		pool.Close()
		return nil, nil, err
	}
	if err := n.Start(ctx); err != nil {
		pool.Close()
		return nil, nil, err
	}
	stop := func(ctx context.Context) {
		if err := n.Stop(ctx); err != nil {
			log.Warn("notifier stop", "err", err)
		}
		pool.Close()
	}
	return n, stop, nil
}

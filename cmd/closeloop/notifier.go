package main

import (
	"context"
	"errors"
	"log/slog"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/closeloop/closeloop/notify"
)

// startNotifier starts the shipped-email notifier (it keeps its own few database
// connections) and returns how to stop it softly.
func startNotifier(ctx context.Context, cfg config, db *database, log *slog.Logger, reg prometheus.Registerer, jobs ...notify.Jobs) (*notify.Service, func(context.Context), error) {
	n, err := notify.New(ctx, notify.Config{
		BaseURL: cfg.BaseURL, From: cfg.MailFrom, SMTPURL: cfg.SMTPURL, DataDir: cfg.DataDir, Jobs: jobs,
	}, db.URL, log, reg)
	if err != nil {
		return nil, nil, err
	}
	if err := n.Start(ctx); err != nil {
		return nil, nil, errors.Join(err, n.Stop(ctx)) // Stop closes what New opened
	}
	stop := func(ctx context.Context) {
		if err := n.Stop(ctx); err != nil {
			log.Warn("notifier stop", "err", err)
		}
	}
	return n, stop, nil
}

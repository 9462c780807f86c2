package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"strings"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"

	"github.com/closeloop/closeloop/api"
	"github.com/closeloop/closeloop/domain"
	"github.com/closeloop/closeloop/frontend"
	"github.com/closeloop/closeloop/importer/queue"
	"github.com/closeloop/closeloop/integrations"
	"github.com/closeloop/closeloop/live"
	"github.com/closeloop/closeloop/migrations"
	"github.com/closeloop/closeloop/webhooks"
)

// inboundLinkers is how many inbound links a process makes at once. They run beside
// the answers to the tools and take CPU from them: one or two keep up with a burst
// after it without slowing the answers much.
const inboundLinkers = 2

// app is a running Closeloop: database, services, workers and HTTP server.
type app struct {
	cfg      config
	log      *slog.Logger
	db       *database
	http     *http.Server
	listener net.Listener
	stops    []func(context.Context) // background workers, stopped after HTTP
	served   chan error              // why the HTTP server stopped (nil: shut down)
}

// startApp opens the database, migrates it, starts workers and listens (Addr may use port 0).
func startApp(ctx context.Context, cfg config, log *slog.Logger) (*app, error) {
	db, err := openDatabase(ctx, cfg, log)
	if err != nil {
		return nil, err
	}
	a := &app{cfg: cfg, log: log, db: db, served: make(chan error, 1)}
	reg := prometheus.NewRegistry()
	reg.MustRegister(collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))

	// Live events are recorded in each change's transaction and published after its
	// commit; the publisher stops last (after the workers, which make changes too).
	publisher := live.NewPublisher(db.URL, log)
	publisher.Start(ctx)
	a.stops = append(a.stops, func(context.Context) { publisher.Stop() })

	// The import queue's worker runs on the notifier's River client (one client per
	// process knows every job kind); it writes through the service made just after.
	var svc *domain.Service
	imports, err := queue.New(func() *domain.Service { return svc }, log)
	if err != nil {
		a.close(ctx)
		return nil, err
	}
	// Outbound webhooks hear every change in its transaction; their deliveries are
	// worked on the same River client.
	outbox, err := webhooks.New(db.SQL, webhooks.Config{BaseURL: cfg.BaseURL, Retry: cfg.WebhookRetry,
		AllowPrivate: cfg.WebhookAllowPrivate}, log, reg)
	if err != nil {
		a.close(ctx)
		return nil, err
	}
	notifier, stopNotifier, err := startNotifier(ctx, cfg, db, log, reg, imports, outbox)
	if err != nil {
		a.close(ctx)
		return nil, err
	}
	a.stops = append(a.stops, stopNotifier)
	var mailroom domain.Mailroom = notifier
	svc = domain.NewService(domain.NewDB(db.Gorm), notifier, outbox, publisher).WithLimits(domain.Limits{LateEmailsPerHour: cfg.LateEmailsPerHour})
	svc.UseImportQueue(imports)
	svc.UseWebhooks(outbox)
	outbox.Start(ctx)
	a.stops = append(a.stops, func(context.Context) { outbox.Stop() })
	// Inbound events are answered once recorded; their links are made just after, here
	// (domain/inbound_link.go). Stopped before the publisher: links are changes too.
	stopLinker := svc.StartInboundLinker(context.WithoutCancel(ctx), log, inboundLinkers)
	a.stops = append(a.stops, func(context.Context) { stopLinker() })

	ui, built := frontend.Dist()
	if !built {
		log.Warn("the web UI was not built into this binary; run `make build` to include it")
	}
	srv := api.New(api.Deps{
		Service: svc, Log: log, Registry: reg, UI: ui, UIBuilt: built, Mailroom: mailroom,
		BaseURL: cfg.BaseURL, SecureCookies: strings.HasPrefix(cfg.BaseURL, "https://"), HSTS: strings.HasPrefix(cfg.BaseURL, "https://"),
		TrustedProxies: cfg.TrustedProxies, Inbound: integrations.Tools{},
		Ready: func(ctx context.Context) error {
			if err := db.SQL.PingContext(ctx); err != nil {
				return err
			}
			pending, err := migrations.Pending(ctx, db.SQL)
			if err == nil && pending {
				err = errors.New("migrations pending")
			}
			return err
		},
	})
	// Every replica LISTENs for every change and streams it to its browsers (GET /events).
	liveCtx, stopLive := context.WithCancel(context.WithoutCancel(ctx))
	liveDone := make(chan struct{})
	go func() {
		defer close(liveDone)
		(&live.Listener{URL: db.URL, Log: log}).Run(liveCtx, srv.HearLiveEvent, nil)
	}()
	a.stops = append(a.stops, func(context.Context) { stopLive(); <-liveDone })
	a.listener, err = net.Listen("tcp", cfg.Addr)
	if err != nil {
		a.close(ctx)
		return nil, fmt.Errorf("listen on CLOSELOOP_ADDR=%s: %w", cfg.Addr, err)
	}
	pprofSrv, err := startPprof(cfg.PprofAddr, log)
	if err != nil {
		a.listener.Close()
		a.close(ctx)
		return nil, fmt.Errorf("listen on CLOSELOOP_PPROF_ADDR=%s: %w", cfg.PprofAddr, err)
	}
	if pprofSrv != nil {
		a.stops = append(a.stops, func(ctx context.Context) {
			if err := pprofSrv.Shutdown(ctx); err != nil {
				log.Warn("pprof shutdown", "err", err)
			}
		})
	}
	a.http = &http.Server{
		Handler: srv.Handler(), ReadHeaderTimeout: 10 * time.Second, ReadTimeout: 30 * time.Second,
		WriteTimeout: 60 * time.Second, IdleTimeout: 120 * time.Second,
		ErrorLog: slog.NewLogLogger(log.Handler(), slog.LevelWarn),
	}
	go func() {
		err := a.http.Serve(a.listener)
		if errors.Is(err, http.ErrServerClosed) {
			err = nil
		}
		a.served <- err
	}()
	log.Info("closeloop is listening", "addr", a.listener.Addr().String(), "base_url", cfg.BaseURL, "data_dir", cfg.DataDir)
	return a, nil
}

// Addr is the address the server listens on (useful with port 0).
func (a *app) Addr() string { return a.listener.Addr().String() }

// close shuts down in order: HTTP (finish requests), workers (soft stop), database.
func (a *app) close(ctx context.Context) {
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 20*time.Second)
	defer cancel()
	if a.http != nil {
		if err := a.http.Shutdown(ctx); err != nil {
			a.log.Warn("http shutdown", "err", err)
		}
	}
	for i := len(a.stops) - 1; i >= 0; i-- {
		a.stops[i](ctx)
	}
	a.db.Close()
}

func serve(ctx context.Context, cfg config, log *slog.Logger) error {
	a, err := startApp(ctx, cfg, log)
	if err != nil {
		return err
	}
	return a.wait(ctx)
}

// wait runs until ctx ends (a signal: nil) or the HTTP server fails, and then shuts
// down. A process that no longer serves HTTP must not stay up with only its workers:
// the failure is returned, so serve exits non-zero and a supervisor restarts it.
func (a *app) wait(ctx context.Context) error {
	select {
	case <-ctx.Done():
		a.log.Info("shutting down")
		a.close(ctx)
		return nil
	case err := <-a.served:
		a.log.Error("the HTTP server stopped; shutting down", "err", err)
		a.close(ctx)
		return fmt.Errorf("serving HTTP on %s stopped: %w", a.Addr(), err)
	}
}

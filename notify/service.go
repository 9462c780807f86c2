// Package notify closes the loop: when a card ships, every requester gets one email.
//
// The path, in one hop each:
//   - domain calls CardShipped / RequesterJoinedShippedCard inside the shipping
//     transaction; they only insert a River job on that transaction (O(1)).
//   - the fan-out job (fanout.go) turns the card's requesters into deliveries rows, a
//     thousand per transaction, suppressed ones already marked, groups the queued ones
//     into send batches of a hundred in the same statement, and wakes the senders.
//   - senders (sender.go) lease a due batch (claim.go: FOR UPDATE SKIP LOCKED, a lease
//     that another process takes over if this one dies), send its emails through the
//     Mailer over reused SMTP connections, and the recorder (recorder.go) marks each
//     one sent right after the server accepted it.
//
// The deliveries table is the truth; River only carries the fan-out.
package notify

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"log/slog"
	"net/mail"
	"sync"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/riverqueue/river"
	"github.com/riverqueue/river/riverdriver/riverdatabasesql"
	"github.com/riverqueue/river/riverdriver/riverpgxv5"
	"golang.org/x/time/rate"

	"github.com/closeloop/closeloop/domain"
)

// Service is the notifier: domain.Notifier (enqueue) and domain.Mailroom (preview,
// unsubscribe) for the api, plus the background fan-out and senders.
type Service struct {
	cfg     Config
	pool    *pgxpool.Pool
	log     *slog.Logger
	metrics *metrics
	mailer  Mailer
	from    *mail.Address
	tokens  tokenSigner
	listID  string
	render  *renderer

	fanoutAllSQL, fanoutOneSQL string
	hrefPrefix                 string // BaseURL+"/u/" as written inside href="…"

	inserter *river.Client[*sql.Tx] // inserts on the caller's database/sql transaction
	worker   *river.Client[pgx.Tx]  // works the fan-out jobs

	mu      sync.Mutex
	stop    context.CancelFunc
	running sync.WaitGroup
}

var (
	_ domain.Notifier = (*Service)(nil)
	_ domain.Mailroom = (*Service)(nil)
)

// New builds the notifier; nothing runs until Start. It opens its own small pool of
// connections to databaseURL (see openPool); reg receives the delivery metrics.
func New(ctx context.Context, cfg Config, databaseURL string, log *slog.Logger, reg prometheus.Registerer) (*Service, error) {
	cfg = cfg.withDefaults()
	if log == nil {
		log = slog.Default()
	}
	if reg == nil {
		reg = prometheus.NewRegistry()
	}
	from, err := parseFrom(cfg.From)
	if err != nil {
		return nil, err
	}
	mailer, err := newMailer(&cfg)
	if err != nil {
		return nil, err
	}
	pool, err := openPool(ctx, databaseURL, cfg.Connections)
	if err != nil {
		return nil, err
	}
	s, err := newService(ctx, cfg, pool, from, mailer, log, reg)
	if err != nil {
		pool.Close()
		return nil, err
	}
	return s, nil
}

func newService(ctx context.Context, cfg Config, pool *pgxpool.Pool, from *mail.Address, mailer Mailer, log *slog.Logger, reg prometheus.Registerer) (*Service, error) {
	if cfg.Secret == nil || cfg.InstallationID == "" {
		id, secret, err := loadInstallation(ctx, pool)
		if err != nil {
			return nil, err
		}
		if cfg.Secret == nil {
			cfg.Secret = secret
		}
		if cfg.InstallationID == "" {
			cfg.InstallationID = id
		}
	}
	if len(cfg.Secret) < 16 {
		return nil, errors.New("notify: the unsubscribe secret must be at least 16 bytes")
	}
	s := &Service{
		cfg: cfg, pool: pool, log: log, metrics: newMetrics(reg), mailer: mailer, from: from,
		tokens: tokenSigner{secret: cfg.Secret}, listID: listID(cfg.InstallationID, cfg.BaseURL),
		render: newRenderer(),
	}
	s.fanoutAllSQL, s.fanoutOneSQL = fanoutQueries(cfg.BatchSize)
	s.hrefPrefix = hrefPrefixOf(cfg.BaseURL)
	var err error
	if s.inserter, err = river.NewClient(riverdatabasesql.New(nil), &river.Config{}); err != nil {
		return nil, fmt.Errorf("notify: river inserter: %w", err)
	}
	if s.worker, err = river.NewClient(riverpgxv5.New(pool), s.riverConfig()); err != nil {
		return nil, fmt.Errorf("notify: river client: %w", err)
	}
	return s, nil
}

// Start runs the fan-out workers, the senders, the wake-up listener and the
// queue-depth sampler until Stop.
func (s *Service) Start(ctx context.Context) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.stop != nil {
		return errors.New("notify: already started")
	}
	// Only Stop ends the work: a cancelled ctx (e.g. on SIGTERM) must not hard-cancel
	// sends in flight; cmd calls Stop for a soft stop instead.
	ctx, s.stop = context.WithCancel(context.WithoutCancel(ctx))
	if err := s.worker.Start(ctx); err != nil {
		s.stop = nil
		return fmt.Errorf("notify: start river: %w", err)
	}
	wake := newWaker()
	rec := newRecorder(s)
	s.goRun(func() { rec.run() })
	s.goRun(func() { s.listen(ctx, wake) })
	s.goRun(func() { s.sampleQueueDepth(ctx) })
	senders := sync.WaitGroup{}
	g := newGate()
	limiter := rate.NewLimiter(rate.Inf, 1)
	if s.cfg.RatePerSecond > 0 {
		limiter = rate.NewLimiter(rate.Limit(s.cfg.RatePerSecond), max(1, s.cfg.Connections))
	}
	for i := 0; i < s.cfg.Connections; i++ {
		senders.Add(1)
		s.goRun(func() { defer senders.Done(); s.newSender(wake, rec, g, limiter).run(ctx) })
	}
	// The recorder stops after the last sender, so every accepted message is marked.
	s.goRun(func() { senders.Wait(); rec.close() })
	s.log.Info("notifier started", "mailer", s.mailer.Name(), "connections", s.cfg.Connections,
		"rate_per_second", s.cfg.RatePerSecond, "batch", s.cfg.BatchSize)
	return nil
}

func (s *Service) goRun(fn func()) {
	s.running.Add(1)
	go func() { defer s.running.Done(); fn() }()
}

// Stop is a soft stop: senders finish the message in hand, hand their other claimed
// deliveries back (queued, due now) for another process, and every accepted message
// is marked sent before Stop returns. Fan-out jobs in progress finish their batch.
func (s *Service) Stop(ctx context.Context) error {
	s.mu.Lock()
	stop := s.stop
	s.mu.Unlock()
	if stop == nil {
		s.pool.Close()
		return s.mailer.Close()
	}
	riverErr := s.worker.Stop(ctx)
	stop()
	done := make(chan struct{})
	go func() { s.running.Wait(); close(done) }()
	select {
	case <-done:
	case <-ctx.Done():
		return fmt.Errorf("notify: stop: %w", ctx.Err())
	}
	s.pool.Close()
	return errors.Join(riverErr, s.mailer.Close())
}

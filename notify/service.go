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
// The deliveries table is the truth; River only carries the fan-out. What an email
// says and how its MIME message is built is package email (no database).
// docs/architecture.md tells the whole walk.
package notify

import (
	"context"
	"database/sql"
	"fmt"
	"log/slog"
	"sync"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/riverqueue/river"
	"github.com/riverqueue/river/riverdriver/riverdatabasesql"
	"github.com/riverqueue/river/riverdriver/riverpgxv5"

	"github.com/closeloop/closeloop/domain"
	"github.com/closeloop/closeloop/notify/email"
)

// Service is the notifier: domain.Notifier (enqueue) and domain.Mailroom (preview,
// unsubscribe) for the api, plus the background fan-out and senders.
type Service struct {
	cfg     Config
	pool    *pgxpool.Pool
	log     *slog.Logger
	metrics *metrics
	mailer  Mailer
	emails  *email.Renderer

	fanoutAllSQL, fanoutOneSQL string
	heldAllSQL, heldOneSQL     string // the fan-out of shipped emails while coalescing (fanout_held.go)

	inserter *river.Client[*sql.Tx] // inserts on the caller's database/sql transaction
	worker   *river.Client[pgx.Tx]  // works the fan-out jobs

	mu      sync.Mutex
	stop    context.CancelFunc
	running sync.WaitGroup
}

var (
	_ domain.Notifier       = (*Service)(nil)
	_ domain.Mailroom       = (*Service)(nil)
	_ domain.StatusNotifier = (*Service)(nil)
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
	sender, err := email.ParseSender(cfg.From)
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
	s, err := newService(ctx, cfg, pool, sender, mailer, log, reg)
	if err != nil {
		pool.Close()
		return nil, err
	}
	return s, nil
}

func newService(ctx context.Context, cfg Config, pool *pgxpool.Pool, sender email.Sender, mailer Mailer, log *slog.Logger, reg prometheus.Registerer) (*Service, error) {
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
	emails, err := email.NewRenderer(email.Settings{BaseURL: cfg.BaseURL, Sender: sender,
		Secret: cfg.Secret, InstallationID: cfg.InstallationID})
	if err != nil {
		return nil, err
	}
	s := &Service{cfg: cfg, pool: pool, log: log, metrics: newMetrics(reg), mailer: mailer, emails: emails}
	s.fanoutAllSQL, s.fanoutOneSQL = fanoutQueries(cfg.BatchSize)
	s.heldAllSQL, s.heldOneSQL = heldFanoutQueries()
	if s.inserter, err = river.NewClient(riverdatabasesql.New(nil), &river.Config{}); err != nil {
		return nil, fmt.Errorf("notify: river inserter: %w", err)
	}
	if s.worker, err = river.NewClient(riverpgxv5.New(pool), s.riverConfig()); err != nil {
		return nil, fmt.Errorf("notify: river client: %w", err)
	}
	return s, nil
}

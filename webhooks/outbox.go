package webhooks

import (
	"context"
	"database/sql"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"slices"
	"sync"
	"time"

	"github.com/google/uuid"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/riverqueue/river"
	"github.com/riverqueue/river/riverdriver/riverdatabasesql"

	"github.com/closeloop/closeloop/domain"
)

const riverQueue = "closeloop_webhooks"

// deliverArgs is the River job of one delivery attempt round.
type deliverArgs struct {
	DeliveryID uuid.UUID `json:"delivery_id"`
}

func (deliverArgs) Kind() string { return "closeloop_webhook_delivery" }

// One job per delivery while it is being tried: the (webhook, event) key of the
// delivery row makes the first, and a manual retry flips a finished row back to
// pending in the same statement that allows it, so two cannot race. (River's own
// unique jobs would skip a retry whose previous job is still being marked done.)
// MaxAttempts counts only the worker's own errors (database unreachable): the
// receiver's retry schedule is River snoozes, which it does not count.
func (deliverArgs) InsertOpts() river.InsertOpts {
	return river.InsertOpts{Queue: riverQueue, MaxAttempts: 25}
}

// Outbox is the webhooks' side of Closeloop: domain.EventSink and
// domain.WebhookOutbox for the service, notify.Jobs for the River client that works it.
type Outbox struct {
	cfg      Config
	db       *sql.DB
	log      *slog.Logger
	inserter *river.Client[*sql.Tx]
	client   *http.Client
	metrics  *metrics

	wakeMu   sync.Mutex // guards lastWake (wakeWorkers)
	lastWake time.Time

	stop context.CancelFunc
	done chan struct{}
}

var (
	_ domain.EventSink     = (*Outbox)(nil)
	_ domain.WebhookOutbox = (*Outbox)(nil)
)

// New builds the outbox on db; reg may be nil (no metrics served).
func New(db *sql.DB, cfg Config, log *slog.Logger, reg prometheus.Registerer) (*Outbox, error) {
	cfg = cfg.withDefaults()
	inserter, err := river.NewClient(riverdatabasesql.New(nil), &river.Config{})
	if err != nil {
		return nil, fmt.Errorf("webhooks: %w", err)
	}
	if reg == nil {
		reg = prometheus.NewRegistry()
	}
	dialer := &net.Dialer{Timeout: cfg.Timeout, Control: dialControl(cfg.AllowPrivate)}
	transport := &http.Transport{
		Proxy:       nil, // a proxy would dial for us, past the guard
		DialContext: dialer.DialContext, ForceAttemptHTTP2: true,
		MaxIdleConns: 2 * cfg.Workers, MaxIdleConnsPerHost: cfg.Workers, IdleConnTimeout: 90 * time.Second,
		TLSHandshakeTimeout: cfg.Timeout, ResponseHeaderTimeout: cfg.Timeout,
	}
	client := &http.Client{Transport: transport, Timeout: cfg.Timeout,
		// A redirect is not delivery: the attempt fails with the 3xx and is retried.
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	return &Outbox{cfg: cfg, db: db, log: log, inserter: inserter, client: client, metrics: newMetrics(reg)}, nil
}

// hooksSQL finds the webhooks listening to an event type ($1) and, in the same round
// trip (the change's transaction waits on it), what every payload says: the event's
// card ($2) with its column and board, the column it left ($3) and the requester ($4)
// with their quote on the card, each NULL when the event has none.
const hooksSQL = `SELECT w.id, w.format, c.id, c.number, c.title, c.board_id, c.column_id, col.stage, col.name, b.name,
    fc.name, p.email, p.name, r.quote
FROM webhooks w
LEFT JOIN cards c ON c.id = $2
LEFT JOIN columns col ON col.id = c.column_id
LEFT JOIN boards b ON b.id = c.board_id
LEFT JOIN columns fc ON fc.id = $3
LEFT JOIN requesters p ON p.id = $4
LEFT JOIN requests r ON r.requester_id = p.id AND r.card_id = c.id
WHERE w.enabled AND $1 = ANY (w.events) ORDER BY w.id`

// Publish records one delivery per listening webhook and inserts its job, in tx.
func (o *Outbox) Publish(ctx context.Context, tx *sql.Tx, ev domain.Event) error {
	if !slices.Contains(domain.WebhookEvents, ev.Type) {
		return nil
	}
	return o.fanout(ctx, tx, ev, uuid.Must(uuid.NewV7()), nil)
}

type hook struct {
	id     uuid.UUID
	format string
}

// listening answers the webhooks listening to ev and its card as the transaction
// sees it (nil when the event has none, or it was deleted in the same transaction).
func (o *Outbox) listening(ctx context.Context, tx *sql.Tx, ev domain.Event) ([]hook, *cardRow, error) {
	rows, err := tx.QueryContext(ctx, hooksSQL, ev.Type, nullID(ev.CardID), nullID(ev.FromColumn), nullID(ev.RequesterID))
	if err != nil {
		return nil, nil, fmt.Errorf("webhooks listening to %s: %w", ev.Type, err)
	}
	defer rows.Close()
	var hooks []hook
	var card *cardRow
	for rows.Next() {
		var h hook
		var c cardRow
		if err := rows.Scan(&h.id, &h.format, &c.ID, &c.Number, &c.Title, &c.BoardID, &c.ColumnID, &c.Stage, &c.Column, &c.Board,
			&c.From, &c.Email, &c.Name, &c.Quote); err != nil {
			return nil, nil, err
		}
		hooks = append(hooks, h)
		if c.ID != nil {
			card = &c
		}
	}
	return hooks, card, rows.Err()
}

// fanout sends ev (identified by eventID) to every webhook listening to it.
func (o *Outbox) fanout(ctx context.Context, tx *sql.Tx, ev domain.Event, eventID uuid.UUID, failure *failureData) error {
	hooks, card, err := o.listening(ctx, tx, ev)
	if err != nil || len(hooks) == 0 {
		return err
	}
	f, err := o.readFacts(ctx, tx, ev, card)
	if err != nil {
		return fmt.Errorf("webhook payload of %s: %w", ev.Type, err)
	}
	f.Failure = failure
	bodies := map[string][]byte{}
	inserted := false
	for _, h := range hooks {
		b, ok := bodies[h.format]
		if !ok {
			if b, err = body(h.format, f); err != nil {
				return err
			}
			bodies[h.format] = b
		}
		ok, err := o.recordWithJob(ctx, tx, h.id, eventID, ev.Type, b)
		if err != nil {
			return err
		}
		inserted = inserted || ok
	}
	if inserted {
		return o.wakeWorkers(ctx, tx)
	}
	return nil
}

// record writes a pending delivery; inserted is false when this (webhook, event) has
// one already.
func (o *Outbox) record(ctx context.Context, tx *sql.Tx, webhookID, eventID uuid.UUID, eventType string, payload []byte) (uuid.UUID, bool, error) {
	id := uuid.Must(uuid.NewV7())
	var got uuid.UUID
	err := tx.QueryRowContext(ctx, `INSERT INTO webhook_deliveries
		(id, webhook_id, event_id, event_type, payload, next_attempt_at, created_at, updated_at)
		VALUES ($1, $2, $3, $4, $5, now(), now(), now())
		ON CONFLICT (webhook_id, event_id) DO NOTHING RETURNING id`,
		id, webhookID, eventID, eventType, string(payload)).Scan(&got)
	if err == sql.ErrNoRows {
		return uuid.Nil, false, nil
	}
	if err != nil {
		return uuid.Nil, false, fmt.Errorf("record webhook delivery: %w", err)
	}
	return got, true, nil
}

// Enqueue inserts the job that tries a delivery now (a manual retry).
func (o *Outbox) Enqueue(ctx context.Context, tx *sql.Tx, deliveryID uuid.UUID) error {
	if _, err := o.inserter.InsertTx(ctx, tx, deliverArgs{DeliveryID: deliveryID}, nil); err != nil {
		return fmt.Errorf("enqueue webhook delivery %s: %w", deliveryID, err)
	}
	return nil
}

// SendTest records a webhook.test delivery to wh and inserts its job.
func (o *Outbox) SendTest(ctx context.Context, tx *sql.Tx, wh domain.Webhook) (uuid.UUID, error) {
	b, err := body(wh.Format, facts{Type: domain.EventWebhookTest, At: time.Now().UTC(), WebhookID: wh.ID})
	if err != nil {
		return uuid.Nil, err
	}
	id, _, err := o.record(ctx, tx, wh.ID, uuid.Must(uuid.NewV7()), domain.EventWebhookTest, b)
	if err != nil {
		return uuid.Nil, err
	}
	return id, o.Enqueue(ctx, tx, id)
}

// AddWorkers registers the delivery worker (notify.Jobs).
func (o *Outbox) AddWorkers(w *river.Workers) { river.AddWorker(w, &worker{o: o}) }

// Queues is the delivery queue: Workers attempts at once per process, each waiting
// mostly on the receiver.
func (o *Outbox) Queues() map[string]river.QueueConfig {
	return map[string]river.QueueConfig{riverQueue: {MaxWorkers: o.cfg.Workers}}
}

func nullID(id uuid.UUID) *uuid.UUID {
	if id == uuid.Nil {
		return nil
	}
	return &id
}

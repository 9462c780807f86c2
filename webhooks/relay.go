package webhooks

import (
	"context"
	"database/sql"
	"errors"
	"strings"
	"time"

	"github.com/google/uuid"

	"github.com/closeloop/closeloop/domain"
)

// The relay turns the notes the deliveries trigger writes (an email failed for good,
// migrations/00440) into delivery.failed webhook deliveries, a batch per
// transaction: the note goes when its deliveries are in, so none is lost or doubled
// (the email delivery's id is the event id).

// Start runs the relay and the metrics sampler until Stop.
func (o *Outbox) Start(ctx context.Context) {
	ctx, o.stop = context.WithCancel(context.WithoutCancel(ctx))
	o.done = make(chan struct{}, 2)
	go func() { o.sampleDepth(ctx); o.done <- struct{}{} }()
	go func() { o.relay(ctx); o.done <- struct{}{} }()
}

// Stop ends what Start began and waits for it.
func (o *Outbox) Stop() {
	if o.stop == nil {
		return
	}
	o.stop()
	<-o.done
	<-o.done
}

func (o *Outbox) relay(ctx context.Context) {
	tick := time.NewTicker(o.cfg.RelayInterval)
	defer tick.Stop()
	for {
		for {
			n, err := o.relayBatch(ctx)
			if err != nil && ctx.Err() == nil {
				o.log.Warn("webhooks: relaying failed emails", "err", err)
			}
			if err != nil || n < relayBatch {
				break
			}
		}
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
		}
	}
}

const relayBatch = 100

// relayBatch relays up to relayBatch notes and reports how many it took.
func (o *Outbox) relayBatch(ctx context.Context) (int, error) {
	tx, err := o.db.BeginTx(ctx, nil)
	if err != nil {
		return 0, err
	}
	defer tx.Rollback() //nolint:errcheck // no-op after Commit
	rows, err := tx.QueryContext(ctx, `SELECT id FROM webhook_pending_events ORDER BY created_at, id
		LIMIT $1 FOR UPDATE SKIP LOCKED`, relayBatch)
	if err != nil {
		return 0, err
	}
	var ids []uuid.UUID
	for rows.Next() {
		var id uuid.UUID
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return 0, err
		}
		ids = append(ids, id)
	}
	rows.Close()
	if err := rows.Err(); err != nil || len(ids) == 0 {
		return 0, err
	}
	for _, id := range ids {
		if err := o.relayOne(ctx, tx, id); err != nil {
			return 0, err
		}
	}
	strs := make([]string, len(ids))
	for i, id := range ids {
		strs[i] = id.String()
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM webhook_pending_events WHERE id = ANY ($1::uuid[])`, "{"+strings.Join(strs, ",")+"}"); err != nil {
		return 0, err
	}
	return len(ids), tx.Commit()
}

func (o *Outbox) relayOne(ctx context.Context, tx *sql.Tx, deliveryID uuid.UUID) error {
	var cardID uuid.UUID
	var requesterID uuid.NullUUID
	fail := failureData{ID: deliveryID}
	err := tx.QueryRowContext(ctx, `SELECT card_id, requester_id, kind, email, last_error FROM deliveries WHERE id = $1`,
		deliveryID).Scan(&cardID, &requesterID, &fail.Kind, &fail.Email, &fail.LastError)
	if errors.Is(err, sql.ErrNoRows) {
		return nil // the card was deleted since
	}
	if err != nil {
		return err
	}
	ev := domain.Event{Type: domain.EventDeliveryFailed, CardID: cardID, RequesterID: requesterID.UUID,
		Actor: "notifier", At: time.Now().UTC()}
	return o.fanout(ctx, tx, ev, deliveryID, &fail)
}

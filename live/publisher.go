// Package live carries every committed change to every replica: a Publisher, the
// domain.EventSink that records each change's event in its transaction (the live_outbox
// table) and, after the commit, moves committed events to PostgreSQL notifications in
// batches; and a Listener that LISTENs on one connection of its own and hands each event
// to the process (the API's hub, which fans it out to browsers over Server-Sent Events).
package live

import (
	"context"
	"database/sql"
	"log/slog"
	"time"
	"unicode/utf8"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"

	"github.com/closeloop/closeloop/domain"
)

// Why not pg_notify in the change's transaction (as 00531 did): PostgreSQL holds one
// cluster-wide lock from a notifying transaction's pre-commit until its commit record
// is flushed, so 20 concurrent changes committed one flush (~3.3 ms here) at a time.
// Now the change only inserts a row, which commits (or rolls back) with it, and the
// notification is sent by a publisher transaction that moves many rows at once:
//
//   - Heard only after the change's commit: the publisher sees committed rows only.
//   - Heard by every replica: it is one NOTIFY, as before, in the order publishers
//     commit; publishers take turns (an advisory lock) and take the lowest ids first,
//     so a change made after another one committed is never heard before it.
//   - Not lost when the process dies between the commit and its publisher's batch:
//     the row stays, and every publisher sweeps the table every Sweep besides being
//     woken after each commit of its own process (domain.AfterCommit).
//   - The publisher's transaction commits without waiting for its WAL flush
//     (synchronous_commit off), so it holds the notify lock for well under a
//     millisecond. If PostgreSQL itself crashes before that flush, the rows come back
//     and are sent again (the same ids): every listener lost its connection with the
//     crash and has told its browsers to resync anyway.

// DefaultSweep is how often a publisher looks for events no wake-up announced.
const DefaultSweep = time.Second

// publishBatch is the most events one publisher transaction sends.
const publishBatch = 1000

// publishLock is the advisory lock publishers take turns on (per database).
const publishLock = 0x0c105e1e7e

// insertSQL records one live event in the change's transaction: $1 type, $2 board,
// $3 card, $4 requester, $5 from column, $6 actor; the id comes from live_event_seq.
const insertSQL = `INSERT INTO live_outbox (id, type, board_id, card_id, requester_id, from_column, actor)
VALUES (nextval('live_event_seq'), $1, $2, $3, $4, $5, $6)`

// moveSQL notifies the oldest committed events and deletes them, in id order; the
// payload is the one domain.LiveEvent reads.
const moveSQL = `WITH moved AS (
    DELETE FROM live_outbox WHERE id IN (SELECT id FROM live_outbox ORDER BY id LIMIT $1)
    RETURNING id, type, board_id, card_id, requester_id, from_column, actor)
SELECT count(pg_notify('` + domain.LiveChannel + `', json_build_object('id', id, 't', type, 'b', board_id,
    'c', card_id, 'r', requester_id, 'f', from_column, 'a', actor)::text))
FROM (SELECT * FROM moved ORDER BY id) m`

// Publisher is the process's live domain.EventSink and the mover of its events.
type Publisher struct {
	URL   string
	Log   *slog.Logger
	Sweep time.Duration // 0: DefaultSweep

	wake chan struct{}
	conn *pgx.Conn // the mover's own connection (never waits on the shared pool)
	stop context.CancelFunc
	done chan struct{}
}

var _ domain.EventSink = (*Publisher)(nil)

// NewPublisher makes the publisher of the database at url; Start moves its events.
func NewPublisher(url string, log *slog.Logger) *Publisher {
	return &Publisher{URL: url, Log: log, wake: make(chan struct{}, 1)}
}

// Publish records ev in tx; the mover is woken once tx has committed.
func (p *Publisher) Publish(ctx context.Context, tx *sql.Tx, ev domain.Event) error {
	if _, err := tx.ExecContext(ctx, insertSQL, ev.Type, nullID(ev.BoardID), nullID(ev.CardID),
		nullID(ev.RequesterID), nullID(ev.FromColumn), shorten(ev.Actor, 100)); err != nil {
		return err
	}
	domain.AfterCommit(ctx, p.poke)
	return nil
}

// poke wakes the mover without ever waiting: a wake-up already pending covers this one.
func (p *Publisher) poke() {
	select {
	case p.wake <- struct{}{}:
	default:
	}
}

// Start moves events until Stop: after every wake-up and every Sweep.
func (p *Publisher) Start(ctx context.Context) {
	ctx, p.stop = context.WithCancel(context.WithoutCancel(ctx))
	p.done = make(chan struct{})
	go p.run(ctx)
}

// Stop ends the mover after one last batch of what is committed by then.
func (p *Publisher) Stop() {
	if p.stop == nil {
		return
	}
	p.stop()
	<-p.done
}

func (p *Publisher) run(ctx context.Context) {
	defer close(p.done)
	sweep := p.Sweep
	if sweep <= 0 {
		sweep = DefaultSweep
	}
	tick := time.NewTicker(sweep)
	defer tick.Stop()
	for {
		p.moveAll(ctx)
		select {
		case <-ctx.Done():
			last, cancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
			defer cancel()
			p.moveAll(last)
			if p.conn != nil {
				p.conn.Close(last) // closing: an error leaves nothing to do
			}
			return
		case <-p.wake:
		case <-tick.C:
		}
	}
}

// moveAll sends batches until one is short (or fails: the next wake-up or sweep
// tries again).
func (p *Publisher) moveAll(ctx context.Context) {
	for {
		n, err := p.move(ctx)
		if err != nil {
			if ctx.Err() == nil {
				p.Log.Warn("live: publishing events failed; trying again", "err", err)
			}
			return
		}
		if n < publishBatch {
			return
		}
	}
}

// move is one publisher transaction, sent in one round trip.
func (p *Publisher) move(ctx context.Context) (int64, error) {
	ctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	if p.conn == nil || p.conn.IsClosed() {
		conn, err := pgx.Connect(ctx, p.URL)
		if err != nil {
			return 0, err
		}
		p.conn = conn
	}
	b := &pgx.Batch{}
	b.Queue("BEGIN")
	b.Queue("SET LOCAL synchronous_commit TO off")
	b.Queue("SELECT pg_advisory_xact_lock($1)", int64(publishLock))
	var n int64
	b.Queue(moveSQL, publishBatch).QueryRow(func(row pgx.Row) error { return row.Scan(&n) })
	b.Queue("COMMIT")
	if err := p.conn.SendBatch(ctx, b).Close(); err != nil {
		p.conn.Close(context.WithoutCancel(ctx)) // made again on the next move
		p.conn = nil
		return 0, err
	}
	return n, nil
}

func nullID(id uuid.UUID) any {
	if id == uuid.Nil {
		return nil
	}
	return id
}

// shorten keeps the payload small whatever a name holds.
func shorten(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n])
}

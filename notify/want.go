package notify

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"
	"github.com/riverqueue/river"

	"github.com/closeloop/closeloop/domain"
	"github.com/closeloop/closeloop/notify/email"
)

var _ domain.WantNotifier = (*Service)(nil)

// wantArgs is the River job that sends one "I want this too" confirmation email.
type wantArgs struct {
	WantID uuid.UUID `json:"want_id"`
}

func (wantArgs) Kind() string { return "closeloop_want_confirm" }

func (wantArgs) InsertOpts() river.InsertOpts {
	// A confirmation is worth a day of retries, not the fan-out's three: by then the
	// person has moved on (and the link expires in a week).
	return river.InsertOpts{Queue: riverQueue, MaxAttempts: 50}
}

// WantRequested enqueues the confirmation email in the transaction that records the ask.
func (s *Service) WantRequested(ctx context.Context, tx *sql.Tx, wantID uuid.UUID) error {
	if _, err := s.inserter.InsertTx(ctx, tx, wantArgs{WantID: wantID}, nil); err != nil {
		return fmt.Errorf("notify: enqueue confirmation %s: %w", wantID, err)
	}
	return nil
}

type wantWorker struct {
	river.WorkerDefaults[wantArgs]
	s *Service
}

// Work sends the confirmation once and marks it sent; an ask already confirmed,
// sent, or forgotten sends nothing. A crash between the server's answer and the
// mark may send it twice: harmless for a confirmation, whose link works once.
func (w *wantWorker) Work(ctx context.Context, job *river.Job[wantArgs]) error {
	var to, title string
	err := w.s.pool.QueryRow(ctx, `SELECT w.email, c.title FROM roadmap_wants w JOIN cards c ON c.id = w.card_id
WHERE w.id = $1 AND w.sent_at IS NULL AND w.confirmed_at IS NULL`, job.Args.WantID).Scan(&to, &title)
	if errors.Is(err, pgx.ErrNoRows) {
		return nil
	} else if err != nil {
		return err
	}
	return w.s.sendOne(ctx, oneEmail{what: "roadmap confirmation", id: job.Args.WantID, to: to,
		render:  func(r *email.Renderer) (email.Rendered, error) { return r.Confirmation(job.Args.WantID, title) },
		markSQL: `UPDATE roadmap_wants SET sent_at = $2 WHERE id = $1`})
}

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

var _ domain.MemberMailer = (*Service)(nil)

// memberLinkArgs is the River job that emails one invitation or password reset.
type memberLinkArgs struct {
	LinkID uuid.UUID `json:"link_id"`
}

func (memberLinkArgs) Kind() string { return "closeloop_member_link" }

func (memberLinkArgs) InsertOpts() river.InsertOpts {
	// Retries for well under an hour (the backoff is capped at a minute): a reset link
	// works for one, and someone is waiting for it.
	return river.InsertOpts{Queue: riverQueue, MaxAttempts: 40}
}

// MemberLinkCreated enqueues the link's email in the transaction that made the link.
func (s *Service) MemberLinkCreated(ctx context.Context, tx *sql.Tx, linkID uuid.UUID) error {
	if _, err := s.inserter.InsertTx(ctx, tx, memberLinkArgs{LinkID: linkID}, nil); err != nil {
		return fmt.Errorf("notify: enqueue member link %s: %w", linkID, err)
	}
	return nil
}

type memberLinkWorker struct {
	river.WorkerDefaults[memberLinkArgs]
	s *Service
}

// Work mints the link's token, stores only its hash, and emails the token: it exists
// nowhere else. A link already used, replaced, expired or sent sends nothing. Each
// attempt mints a new token, so if a crash after the server's answer sends the email
// twice, only the second link works.
func (w *memberLinkWorker) Work(ctx context.Context, job *river.Job[memberLinkArgs]) error {
	l := email.MemberLink{}
	var purpose string
	err := w.s.pool.QueryRow(ctx, `SELECT l.purpose, l.invited_by, l.expires_at, m.email, m.name
FROM member_links l JOIN members m ON m.id = l.member_id
WHERE l.id = $1 AND l.used_at IS NULL AND l.sent_at IS NULL AND l.expires_at > now() AND m.disabled_at IS NULL`,
		job.Args.LinkID).Scan(&purpose, &l.InvitedBy, &l.ExpiresAt, &l.Email, &l.Name)
	if errors.Is(err, pgx.ErrNoRows) {
		return nil
	} else if err != nil {
		return err
	}
	l.Invite = purpose == string(domain.LinkInvite)
	token, hash := domain.NewLinkToken()
	tag, err := w.s.pool.Exec(ctx, `UPDATE member_links SET token_hash = $2 WHERE id = $1 AND used_at IS NULL`, job.Args.LinkID, hash)
	if err != nil || tag.RowsAffected() == 0 {
		return err
	}
	l.Token = token
	return w.s.sendOne(ctx, oneEmail{what: "member email", id: job.Args.LinkID, to: l.Email,
		render:  func(r *email.Renderer) (email.Rendered, error) { return r.MemberLinkEmail(l) },
		markSQL: `UPDATE member_links SET sent_at = $2 WHERE id = $1`})
}

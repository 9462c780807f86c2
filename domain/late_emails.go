package domain

import (
	"context"
	"fmt"
	"time"

	"github.com/google/uuid"
)

// lateEmailWindow is the span Limits.LateEmailsPerHour counts over.
const lateEmailWindow = time.Hour

// takeLateEmail counts one shipped email sent at once because actor linked a new
// requester to a shipped card, inside the linking transaction, or refuses it when the
// actor has had its hour's worth: whoever may link requesters can type any address and
// name, and each such link emails that address straight away. The count lives in
// PostgreSQL (late_emails) under a lock per actor, so every replica enforces one limit;
// a refusal rolls the whole link back.
func (s *Service) takeLateEmail(ctx context.Context, actor Actor) error {
	key := lateEmailActor(actor)
	now := s.now()
	db := s.db.conn(ctx)
	if err := db.Exec(`SELECT pg_advisory_xact_lock(hashtextextended('late-email:' || ?, 0))`, key).Error; err != nil {
		return err
	}
	if err := db.Exec(`DELETE FROM late_emails WHERE actor = ? AND sent_at <= ?`, key, now.Add(-lateEmailWindow)).Error; err != nil {
		return err
	}
	var n int
	if err := db.Raw(`SELECT count(*) FROM late_emails WHERE actor = ?`, key).Scan(&n).Error; err != nil {
		return err
	}
	if limit := s.limits.LateEmailsPerHour; n >= limit {
		return RateLimited(fmt.Sprintf("linking someone to a card that has already shipped emails them at once, and you "+
			"have done that %d times in the last hour, the most allowed (%d an hour per member or API token); nothing was "+
			"linked. Try again later, link them to a card that has not shipped, or ask an admin to raise "+
			"CLOSELOOP_LATE_EMAILS_PER_HOUR", n, limit))
	}
	return db.Exec(`INSERT INTO late_emails (actor, sent_at) VALUES (?, ?)`, key, now).Error
}

// lateEmailActor names who is counted: the member, the API token, or (for callers
// inside the server, such as help-desk integrations) the actor's label.
func lateEmailActor(a Actor) string {
	switch {
	case a.MemberID != uuid.Nil:
		return "member:" + a.MemberID.String()
	case a.TokenID != uuid.Nil:
		return "token:" + a.TokenID.String()
	}
	return "name:" + a.Label()
}

package domain

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"github.com/google/uuid"
)

// MemberMailer emails a member a single-use link: an invitation or a password reset.
// Like the Notifier it only enqueues, inside the transaction that makes the link, and
// the email is written by the same mailer every other email goes through. notify
// implements it; without one, invitations and resets are refused.
type MemberMailer interface {
	MemberLinkCreated(ctx context.Context, tx *sql.Tx, linkID uuid.UUID) error
}

// LinkPurpose says what a member link does when it is used.
type LinkPurpose string

const (
	LinkInvite LinkPurpose = "invite" // set a first password
	LinkReset  LinkPurpose = "reset"  // choose a new password
)

// How long a link works: an invitation waits for a week (people are away); a reset is
// asked for by someone at their keyboard, so it works for an hour.
const (
	InviteTTL = 7 * 24 * time.Hour
	ResetTTL  = time.Hour
)

// NewLinkToken returns a fresh random link token and the hash stored for it. The
// notifier calls it as it writes the email, so the token exists only in that email.
func NewLinkToken() (token string, hash []byte) {
	token = newSecret("")
	return token, hashSecret(token)
}

// UseMemberMailer sets who sends invitations and resets (the notifier when it is not
// set and implements MemberMailer).
func (s *Service) UseMemberMailer(m MemberMailer) { s.memberMail = m }

func (s *Service) memberMailer() (MemberMailer, error) {
	if s.memberMail != nil {
		return s.memberMail, nil
	}
	if m, ok := s.notifier.(MemberMailer); ok {
		return m, nil
	}
	return nil, errors.New("members: no mailer sends invitations and password resets")
}

// newMemberLink records a link for the member and has its email sent, in ctx's
// transaction (which it needs). Older unused links of the same purpose stop working:
// only the newest email's link does.
func (s *Service) newMemberLink(ctx context.Context, memberID uuid.UUID, purpose LinkPurpose, invitedBy string) error {
	mailer, err := s.memberMailer()
	if err != nil {
		return err
	}
	ttl := ResetTTL
	if purpose == LinkInvite {
		ttl = InviteTTL
	}
	db, now := s.db.conn(ctx), s.now()
	if err := db.Exec(`UPDATE member_links SET used_at = ? WHERE member_id = ? AND purpose = ? AND used_at IS NULL`,
		now, memberID, purpose).Error; err != nil {
		return err
	}
	id := newID()
	if err := db.Exec(`INSERT INTO member_links (id, member_id, purpose, invited_by, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)`,
		id, memberID, purpose, invitedBy, now, now.Add(ttl)).Error; err != nil {
		return err
	}
	tx, err := sqlTx(ctx)
	if err != nil {
		return err
	}
	return mailer.MemberLinkCreated(ctx, tx, id)
}

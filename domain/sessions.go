package domain

import (
	"context"
	"errors"
	"strings"
	"time"

	"github.com/google/uuid"
	"gorm.io/gorm"
)

// SessionTTL is how long a sign-in lasts.
const SessionTTL = 14 * 24 * time.Hour

// Session is a signed-in browser. Token goes in an HttpOnly cookie; CSRFToken must be
// echoed in a header by every state-changing request made with that cookie.
type Session struct {
	Token     string
	CSRFToken string
	Member    Member
	ExpiresAt time.Time
}

type sessionRow struct {
	ID        uuid.UUID
	TokenHash []byte
	CSRFToken string `gorm:"column:csrf_token"`
	MemberID  uuid.UUID
	CreatedAt time.Time
	ExpiresAt time.Time
}

func (sessionRow) TableName() string { return "sessions" }

var errBadLogin = Unauthorized("email or password is wrong")

// SignIn checks a member's password and opens a session. Failed attempts are limited
// per account and per client address (loginLimiter).
func (s *Service) SignIn(ctx context.Context, email, password, remoteAddr string) (Session, error) {
	email = strings.ToLower(strings.TrimSpace(email))
	if s.logins.blocked(email, remoteAddr, s.now()) {
		return Session{}, RateLimited("too many failed sign-in attempts; wait 15 minutes or ask an admin to reset the password")
	}
	sess, err := s.signIn(ctx, email, password)
	switch {
	case errors.Is(err, errBadLogin):
		s.logins.failed(email, remoteAddr, s.now())
	case err == nil:
		s.logins.succeeded(email)
	}
	return sess, err
}

func (s *Service) signIn(ctx context.Context, email, password string) (Session, error) {
	var m Member
	err := gorm.ErrRecordNotFound
	// No member's address holds NUL, and PostgreSQL text cannot carry it: asking would fail.
	if !strings.ContainsRune(email, 0) {
		err = s.db.conn(ctx).Where("lower(email) = ?", email).First(&m).Error
	}
	if errors.Is(err, gorm.ErrRecordNotFound) {
		checkPassword(dummyHash(), password)
		return Session{}, errBadLogin
	}
	if err != nil {
		return Session{}, err
	}
	if !checkPassword(m.PasswordHash, password) || m.DisabledAt != nil {
		return Session{}, errBadLogin
	}
	now := s.now()
	sess := Session{Token: newSecret("cls_"), CSRFToken: newSecret(""), Member: m, ExpiresAt: now.Add(SessionTTL)}
	row := sessionRow{ID: newID(), TokenHash: hashSecret(sess.Token), CSRFToken: sess.CSRFToken,
		MemberID: m.ID, CreatedAt: now, ExpiresAt: sess.ExpiresAt}
	if err := s.db.conn(ctx).Create(&row).Error; err != nil {
		return Session{}, err
	}
	// Expired sessions of this member are cleaned up on each sign-in.
	s.db.conn(ctx).Exec("DELETE FROM sessions WHERE member_id = ? AND expires_at < ?", m.ID, now)
	return sess, nil
}

// SessionActor resolves a session cookie to its member, as an Actor, and the session's CSRF token.
func (s *Service) SessionActor(ctx context.Context, token string) (Actor, string, error) {
	var out struct {
		CSRFToken string
		Member
	}
	err := s.db.conn(ctx).Raw(`SELECT s.csrf_token, m.* FROM sessions s JOIN members m ON m.id = s.member_id
		WHERE s.token_hash = ? AND s.expires_at > ? AND m.disabled_at IS NULL`, hashSecret(token), s.now()).Scan(&out).Error
	if err != nil {
		return Actor{}, "", err
	}
	if out.ID == uuid.Nil {
		return Actor{}, "", Unauthorized("your session has ended; sign in again")
	}
	return Actor{MemberID: out.ID, Name: out.Name, Role: out.Role}, out.CSRFToken, nil
}

// Member returns one member.
func (s *Service) Member(ctx context.Context, id uuid.UUID) (Member, error) {
	var m Member
	err := s.db.conn(ctx).First(&m, "id = ?", id).Error
	return m, storeErr(err, "member")
}

// SignOut ends the session with this token (no error if it is already gone).
func (s *Service) SignOut(ctx context.Context, token string) error {
	return s.db.conn(ctx).Exec("DELETE FROM sessions WHERE token_hash = ?", hashSecret(token)).Error
}

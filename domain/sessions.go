package domain

import (
	"context"
	"database/sql"
	"errors"
	"strings"
	"time"
	"unicode/utf8"

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

// Longest sign-in fields accepted: RFC 5321's longest address, and far more than any
// passphrase. Longer ones are refused before anything is hashed or recorded.
const (
	maxSignInEmailBytes    = 320
	maxSignInPasswordBytes = 1024
)

// SignIn checks a member's password and opens a session. Failed attempts are limited
// per account and per client address across replicas (sign_in_limits.go).
func (s *Service) SignIn(ctx context.Context, email, password, remoteAddr string) (Session, error) {
	p := Problems{}
	if len(email) > maxSignInEmailBytes {
		p.Add("email", "is too long (at most 320 bytes)")
	} else if !utf8.ValidString(email) || hasControl(email) {
		p.Add("email", "must be text without control characters") // as every member's address is
	}
	if len(password) > maxSignInPasswordBytes {
		p.Add("password", "is too long (at most 1,024 bytes)")
	}
	if err := p.Err(); err != nil {
		return Session{}, err
	}
	email = strings.ToLower(strings.TrimSpace(email))
	key := newSignInKey(email, remoteAddr)
	// A cheap look first, so a flood of refused attempts writes nothing.
	if err := s.checkLimits(ctx, key, 0); err != nil {
		return Session{}, err
	}
	reserved, err := s.reserveFailure(ctx, key)
	if err != nil {
		return Session{}, err
	}
	// Clean-ups run even when the caller has gone; if one fails, the row merely counts as
	// a failure until it leaves the window.
	cleanup := context.WithoutCancel(ctx)
	if err := s.checkLimits(ctx, key, reserved); err != nil {
		s.dropFailure(cleanup, reserved) //nolint:errcheck // see above
		return Session{}, err
	}
	sess, err := s.signIn(ctx, email, password)
	switch {
	case errors.Is(err, errBadLogin): // the reserved row stays: it is this failure
	case err == nil:
		s.forgetOwnFailures(cleanup, key) //nolint:errcheck // see above
	default:
		s.dropFailure(cleanup, reserved) //nolint:errcheck // see above
	}
	return sess, err
}

func (s *Service) signIn(ctx context.Context, email, password string) (Session, error) {
	var m Member
	// SignIn refused control characters (NUL, which PostgreSQL text cannot carry, among them).
	err := s.db.conn(ctx).Where("lower(email) = ?", email).First(&m).Error
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
	return s.openSession(ctx, m)
}

// openSession signs the member in: a new session row, its token only in the answer.
func (s *Service) openSession(ctx context.Context, m Member) (Session, error) {
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
	return s.sessionActor(ctx, token, nil)
}

// SessionActorCardsVersion is SessionActor and CardsVersion(boardID) in one statement
// (see TokenActorCardsVersion); ok is false when there is no such board.
func (s *Service) SessionActorCardsVersion(ctx context.Context, token string, boardID uuid.UUID) (a Actor, csrf string, version int64, ok bool, err error) {
	var v sql.NullInt64
	a, csrf, err = s.sessionActor(ctx, token, &boardCardsVersion{boardID, &v})
	return a, csrf, v.Int64, v.Valid, err
}

const sessionActorSQL = `SELECT s.csrf_token, m.id, m.name, m.role FROM sessions s JOIN members m ON m.id = s.member_id
WHERE s.token_hash = $1 AND s.expires_at > $2 AND m.disabled_at IS NULL`

var sessionActorVersionSQL = `SELECT s.csrf_token, m.id, m.name, m.role, ` + cardsVersionOf(3) + ` FROM sessions s JOIN members m ON m.id = s.member_id
WHERE s.token_hash = $1 AND s.expires_at > $2 AND m.disabled_at IS NULL`

func (s *Service) sessionActor(ctx context.Context, token string, board *boardCardsVersion) (Actor, string, error) {
	// Every signed-in call asks this: straight to the pool, as TokenActor.
	var a Actor
	var csrf string
	query, args := sessionActorSQL, []any{hashSecret(token), s.now()}
	dst := []any{&csrf, &a.MemberID, &a.Name, &a.Role}
	if board != nil {
		query, args, dst = sessionActorVersionSQL, append(args, board.boardID), append(dst, board.dst)
	}
	err := s.db.conn(ctx).Statement.ConnPool.QueryRowContext(ctx, query, args...).Scan(dst...)
	if errors.Is(err, sql.ErrNoRows) {
		return Actor{}, "", Unauthorized("your session has ended; sign in again")
	}
	if err != nil {
		return Actor{}, "", err
	}
	return a, csrf, nil
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

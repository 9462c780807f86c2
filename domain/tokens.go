package domain

import (
	"context"
	"database/sql"
	"errors"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/google/uuid"
)

// APIToken lets a script or help-desk integration call the API with a role.
type APIToken struct {
	ID         uuid.UUID `gorm:"primaryKey"`
	Name       string
	Role       Role
	TokenHash  []byte `json:"-"`
	Prefix     string
	CreatedBy  *uuid.UUID
	CreatedAt  time.Time
	LastUsedAt *time.Time
	RevokedAt  *time.Time
	// SuspendedAt is set while the member who made the token is disabled.
	SuspendedAt *time.Time
	// RevokedReason is "creator_deleted" when deleting its creator revoked it.
	RevokedReason string
}

// TokenStatus says whether a token works, and if not why: "active", "revoked",
// "creator_disabled" or "creator_deleted".
func (t APIToken) TokenStatus() string {
	switch {
	case t.RevokedAt != nil && t.RevokedReason == revokedWithCreator:
		return "creator_deleted"
	case t.RevokedAt != nil:
		return "revoked"
	case t.SuspendedAt != nil:
		return "creator_disabled"
	}
	return "active"
}

const revokedWithCreator = "creator_deleted"

func (APIToken) TableName() string { return "api_tokens" }

// CreateToken makes a token and returns its secret, which is shown once and never stored.
func (s *Service) CreateToken(ctx context.Context, actor Actor, name string, role Role) (APIToken, string, error) {
	if !actor.Role.Includes(RoleAdmin) {
		return APIToken{}, "", Forbidden("only admins can create API tokens")
	}
	name = strings.TrimSpace(name)
	p := Problems{}
	if n := utf8.RuneCountInString(name); n == 0 || n > 100 || hasControl(name) {
		p.Add("name", "must be 1–100 characters without control characters")
	}
	if !role.Valid() {
		p.Add("role", "must be one of admin, editor, support, viewer")
	}
	if err := p.Err(); err != nil {
		return APIToken{}, "", err
	}
	secret := newSecret("cl_")
	t := APIToken{ID: newID(), Name: name, Role: role, TokenHash: hashSecret(secret), Prefix: secret[:7], CreatedAt: s.now()}
	err := s.db.WithTx(ctx, func(ctx context.Context) error {
		if actor.MemberID != uuid.Nil {
			t.CreatedBy = &actor.MemberID
			// The creator's row is held until the token is in: a concurrent disable or
			// delete waits for it, then suspends or revokes it with the others.
			var creator struct{ Active bool }
			err := s.db.conn(ctx).Raw(`SELECT disabled_at IS NULL AS active FROM members WHERE id = ? FOR SHARE`, actor.MemberID).
				Scan(&creator).Error
			if err != nil {
				return err
			}
			if !creator.Active { // disabled, or no row: deleted
				return Unauthorized("your account is disabled or deleted; it cannot create API tokens")
			}
		}
		return s.db.conn(ctx).Create(&t).Error
	})
	if err != nil {
		return APIToken{}, "", err
	}
	return t, secret, nil
}

// ListTokens returns a page of tokens, newest first (secrets are never returned).
func (s *Service) ListTokens(ctx context.Context, page Page) (List[APIToken], error) {
	pg, err := checkPage[timeKey](page)
	if err != nil {
		return List[APIToken]{}, err
	}
	return newestFirst(s.db.conn(ctx).Model(&APIToken{}), "created_at", "id", pg,
		func(t APIToken) timeKey { return timeKey{At: t.CreatedAt, ID: t.ID} })
}

// RevokeToken stops a token from working; revoking twice is fine.
func (s *Service) RevokeToken(ctx context.Context, id uuid.UUID) error {
	res := s.db.conn(ctx).Exec("UPDATE api_tokens SET revoked_at = coalesce(revoked_at, ?) WHERE id = ?", s.now(), id)
	if res.Error != nil {
		return res.Error
	}
	if res.RowsAffected == 0 {
		return NotFound("token")
	}
	return nil
}

// TokenActor resolves a bearer token to an Actor.
func (s *Service) TokenActor(ctx context.Context, secret string) (Actor, error) {
	return s.tokenActor(ctx, secret, nil)
}

// TokenActorCardsVersion is TokenActor and CardsVersion(boardID) in one statement, for
// the board view that every open board asks again and again: one round trip to the
// database instead of two. ok is false when there is no such board (the token is
// checked first, as when the two are asked one after the other).
func (s *Service) TokenActorCardsVersion(ctx context.Context, secret string, boardID uuid.UUID) (a Actor, version int64, ok bool, err error) {
	var v sql.NullInt64
	a, err = s.tokenActor(ctx, secret, &boardCardsVersion{boardID, &v})
	return a, v.Int64, v.Valid, err
}

const tokenActorSQL = `SELECT id, name, role, last_used_at, suspended_at FROM api_tokens WHERE token_hash = $1 AND revoked_at IS NULL LIMIT 1`

var tokenActorVersionSQL = `SELECT id, name, role, last_used_at, suspended_at, ` + cardsVersionOf(2) + `
FROM api_tokens WHERE token_hash = $1 AND revoked_at IS NULL LIMIT 1`

func (s *Service) tokenActor(ctx context.Context, secret string, board *boardCardsVersion) (Actor, error) {
	// Every API call asks this, so it goes straight to the pool (no GORM reflection).
	var t APIToken
	query, args := tokenActorSQL, []any{hashSecret(secret)}
	dst := []any{&t.ID, &t.Name, &t.Role, &t.LastUsedAt, &t.SuspendedAt}
	if board != nil {
		query, args, dst = tokenActorVersionSQL, append(args, board.boardID), append(dst, board.dst)
	}
	err := s.db.conn(ctx).Statement.ConnPool.QueryRowContext(ctx, query, args...).Scan(dst...)
	if errors.Is(err, sql.ErrNoRows) {
		return Actor{}, Unauthorized("the API token is not valid or was revoked")
	}
	if err != nil {
		return Actor{}, err
	}
	if t.SuspendedAt != nil {
		return Actor{}, Unauthorized("the member who made this API token is disabled, so it does not work; an admin can enable them again or make a new token")
	}
	now := s.now()
	if t.LastUsedAt == nil || now.Sub(*t.LastUsedAt) > time.Minute {
		// Written at most once a minute per token, so reads stay cheap.
		s.db.conn(ctx).Exec("UPDATE api_tokens SET last_used_at = ? WHERE id = ?", now, t.ID)
	}
	return Actor{TokenID: t.ID, Name: t.Name, Role: t.Role}, nil
}

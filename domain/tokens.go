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
}

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
	if actor.MemberID != uuid.Nil {
		t.CreatedBy = &actor.MemberID
	}
	if err := s.db.conn(ctx).Create(&t).Error; err != nil {
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
	// Every API call asks this, so it goes straight to the pool (no GORM reflection).
	var t APIToken
	err := s.db.conn(ctx).Statement.ConnPool.QueryRowContext(ctx,
		`SELECT id, name, role, last_used_at FROM api_tokens WHERE token_hash = $1 AND revoked_at IS NULL LIMIT 1`,
		hashSecret(secret)).Scan(&t.ID, &t.Name, &t.Role, &t.LastUsedAt)
	if errors.Is(err, sql.ErrNoRows) {
		return Actor{}, Unauthorized("the API token is not valid or was revoked")
	}
	if err != nil {
		return Actor{}, err
	}
	now := s.now()
	if t.LastUsedAt == nil || now.Sub(*t.LastUsedAt) > time.Minute {
		// Written at most once a minute per token, so reads stay cheap.
		s.db.conn(ctx).Exec("UPDATE api_tokens SET last_used_at = ? WHERE id = ?", now, t.ID)
	}
	return Actor{TokenID: t.ID, Name: t.Name, Role: t.Role}, nil
}

package domain

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/base64"
	"errors"
	"strings"

	"github.com/google/uuid"
)

const maxIntegrationSecret = 500

// NewIntegration is the input of CreateIntegration; Secret "" ⇒ one is generated.
type NewIntegration struct {
	Kind   string
	Name   string
	Secret string
}

// generatedSecret is a new random secret for an integration kind: a Standard Webhooks
// key (whsec_ + base64) for generic, else 32 URL-safe characters (Help Scout takes at
// most 40).
func generatedSecret(kind string) string {
	b := make([]byte, 24)
	rand.Read(b) // never fails (Go 1.24+ crashes instead)
	if kind == "generic" {
		return "whsec_" + base64.StdEncoding.EncodeToString(b)
	}
	return base64.RawURLEncoding.EncodeToString(b)
}

// validWhsec: a Standard Webhooks key is whsec_ and the base64 of at least 16 bytes.
func validWhsec(s string) bool {
	rest, ok := strings.CutPrefix(s, "whsec_")
	if !ok {
		return false
	}
	key, err := base64.StdEncoding.DecodeString(rest)
	return err == nil && len(key) >= 16
}

func checkSecret(p Problems, kind, raw string) string {
	s := strings.TrimSpace(raw)
	switch {
	case s == "":
		return generatedSecret(kind)
	case len(s) < 8:
		p.Add("secret", "must be at least 8 characters (or leave it out: Closeloop makes one)")
	case len(s) > maxIntegrationSecret:
		p.Add("secret", "must be at most 500 characters")
	}
	return checkLine(p, "secret", s, 1, maxIntegrationSecret)
}

// CreateIntegration adds an integration; the answer carries its secret (the only time).
func (s *Service) CreateIntegration(ctx context.Context, in NewIntegration) (Integration, error) {
	p := Problems{}
	kind := strings.ToLower(strings.TrimSpace(in.Kind))
	if !containsString(IntegrationKinds, kind) {
		p.Add("kind", "must be one of "+strings.Join(IntegrationKinds, ", "))
	}
	now := s.now()
	it := Integration{ID: newID(), Kind: kind, Name: checkLine(p, "name", in.Name, 1, 200), CreatedAt: now, UpdatedAt: now}
	secret := checkSecret(p, kind, in.Secret)
	if kind == "generic" && in.Secret != "" && !validWhsec(secret) {
		p.Add("secret", "must be a Standard Webhooks key: whsec_ followed by base64")
	}
	if err := p.Err(); err != nil {
		return Integration{}, err
	}
	err := s.db.conn(ctx).Exec(`INSERT INTO integrations (id, kind, name, secret, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)`,
		it.ID, it.Kind, it.Name, secret, now, now).Error
	it.Secret = secret
	return it, err
}

// ListIntegrations lists integrations, newest first (no secrets).
func (s *Service) ListIntegrations(ctx context.Context, page Page) (List[Integration], error) {
	pg, err := checkPage[timeKey](page)
	if err != nil {
		return List[Integration]{}, err
	}
	return newestFirst(s.db.conn(ctx).Table("integrations").Select("id, kind, name, created_at, updated_at"), "created_at", "id", pg,
		func(i Integration) timeKey { return timeKey{At: i.CreatedAt, ID: i.ID} })
}

// DeleteIntegration removes an integration and its event log; its URL stops working.
// The links its events have not made yet are made first (the tool was answered 2xx
// for them), in the same transaction.
func (s *Service) DeleteIntegration(ctx context.Context, id uuid.UUID) error {
	defer s.ForgetIntegration(id)
	return s.db.WithTx(ctx, func(ctx context.Context) error {
		var found []uuid.UUID
		if err := s.db.conn(ctx).Raw(`SELECT id FROM integrations WHERE id = ? FOR UPDATE`, id).Scan(&found).Error; err != nil {
			return err
		}
		if len(found) == 0 {
			return NotFound("integration")
		}
		// Rows a linker holds are finished by it (it commits before the delete's
		// cascade can take their lock).
		for {
			did, err := s.linkNextInbound(ctx, id)
			if err != nil {
				return err
			}
			if !did {
				break
			}
		}
		return s.db.conn(ctx).Exec(`DELETE FROM integrations WHERE id = ?`, id).Error
	})
}

// RotateIntegrationSecret replaces the secret (secret "" ⇒ a generated one); the
// answer carries the new one.
func (s *Service) RotateIntegrationSecret(ctx context.Context, id uuid.UUID, secret string) (Integration, error) {
	var it Integration
	err := s.db.WithTx(ctx, func(ctx context.Context) error {
		db := s.db.conn(ctx)
		if err := db.Raw(`SELECT id, kind, name, created_at, updated_at FROM integrations WHERE id = ? FOR UPDATE`, id).
			Scan(&it).Error; err != nil {
			return err
		}
		if it.ID == uuid.Nil {
			return NotFound("integration")
		}
		p := Problems{}
		next := checkSecret(p, it.Kind, secret)
		if it.Kind == "generic" && secret != "" && !validWhsec(next) {
			p.Add("secret", "must be a Standard Webhooks key: whsec_ followed by base64")
		}
		if err := p.Err(); err != nil {
			return err
		}
		it.Secret, it.UpdatedAt = next, s.now()
		return db.Exec(`UPDATE integrations SET secret = ?, updated_at = ? WHERE id = ?`, next, it.UpdatedAt, id).Error
	})
	s.ForgetIntegration(id)
	return it, err
}

// IntegrationWithSecret reads an integration and its secret, to check a delivery;
// once read, the process remembers it (ForgetIntegration).
func (s *Service) IntegrationWithSecret(ctx context.Context, id uuid.UUID) (Integration, error) {
	if it, ok := s.inbound.cached(id); ok {
		return it, nil
	}
	if err := s.inbound.enter(ctx); err != nil { // the deliveries' first read
		return Integration{}, err
	}
	defer s.inbound.leave()
	var row struct {
		Integration
		Secret string
	}
	err := s.db.conn(ctx).Statement.ConnPool.QueryRowContext(ctx,
		`SELECT id, kind, name, secret, created_at, updated_at FROM integrations WHERE id = $1`, id).
		Scan(&row.ID, &row.Kind, &row.Name, &row.Secret, &row.CreatedAt, &row.UpdatedAt)
	if errors.Is(err, sql.ErrNoRows) {
		return Integration{}, NotFound("integration")
	}
	if err != nil {
		return Integration{}, err
	}
	row.Integration.Secret = row.Secret
	s.inbound.keep(row.Integration)
	return row.Integration, nil
}

// IntegrationEvents is an integration's event log, newest first.
func (s *Service) IntegrationEvents(ctx context.Context, id uuid.UUID, page Page) (List[InboundLogEntry], error) {
	pg, err := checkPage[timeKey](page)
	if err != nil {
		return List[InboundLogEntry]{}, err
	}
	var found []uuid.UUID
	if err := s.db.conn(ctx).Raw(`SELECT id FROM integrations WHERE id = ?`, id).Scan(&found).Error; err != nil {
		return List[InboundLogEntry]{}, err
	}
	if len(found) == 0 {
		return List[InboundLogEntry]{}, NotFound("integration")
	}
	q := s.db.conn(ctx).Table("inbound_events").Select("id, integration_id, received_at, external_id, outcome, card_id, "+
		"requester_email, requester_name, quote, conversation_url, detail").Where("integration_id = ?", id)
	return newestFirst(q, "received_at", "id", pg, func(e InboundLogEntry) timeKey { return timeKey{At: e.ReceivedAt, ID: e.ID} })
}

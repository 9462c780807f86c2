package domain

import (
	"context"
	"database/sql/driver"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/google/uuid"
)

// Requester is an end user who asked for something, identified by email (case-insensitively).
type Requester struct {
	ID             uuid.UUID
	Email          string
	Name           string
	Company        string
	ExternalIDs    ExternalIDs `gorm:"column:external_ids"`
	UnsubscribedAt *time.Time
	BouncedAt      *time.Time
	CreatedAt      time.Time
	UpdatedAt      time.Time
	RequestCount   int // how many cards they asked for (filled by reads, not by upserts)
}

// ExternalIDs maps another system's name to this person's id there (e.g. "intercom": "5f1c…").
type ExternalIDs map[string]string

// Scan reads a jsonb column.
func (e *ExternalIDs) Scan(src any) error {
	m := map[string]string{}
	if err := scanJSON(src, &m); err != nil {
		return fmt.Errorf("external_ids: %w", err)
	}
	*e = m
	return nil
}

// Value writes a jsonb column.
func (e ExternalIDs) Value() (driver.Value, error) {
	if e == nil {
		return "{}", nil
	}
	b, err := json.Marshal(map[string]string(e))
	return string(b), err
}

const requesterColumns = `q.id, q.email, q.name, q.company, q.external_ids, q.unsubscribed_at, q.bounced_at, q.created_at, q.updated_at`

// upsertRequester finds the requester by address or creates them, in one statement so
// that two help desks linking the same person at once end with one row. A name or
// company given here replaces the stored one; empty ones leave it alone. email must
// already be normalised.
func (s *Service) upsertRequester(ctx context.Context, email, name, company string) (Requester, error) {
	return s.upsertRequesterRef(ctx, email, name, company, nil)
}

// upsertRequesterRef is upsertRequester that also keeps a tool's id of the person in
// external_ids (ref may be nil), in the same statement.
func (s *Service) upsertRequesterRef(ctx context.Context, email, name, company string, ref *customerRef) (Requester, error) {
	var r Requester
	now := s.now()
	refs := "{}"
	if ref != nil {
		b, err := json.Marshal(map[string]string{ref.tool: ref.id})
		if err != nil {
			return r, err
		}
		refs = string(b)
	}
	err := s.db.conn(ctx).Raw(`
INSERT INTO requesters AS q (id, email, name, company, external_ids, created_at, updated_at)
VALUES (?, ?, ?, ?, ?::jsonb, ?, ?)
ON CONFLICT (lower(email)) DO UPDATE SET
    name = CASE WHEN EXCLUDED.name <> '' THEN EXCLUDED.name ELSE q.name END,
    company = CASE WHEN EXCLUDED.company <> '' THEN EXCLUDED.company ELSE q.company END,
    external_ids = q.external_ids || EXCLUDED.external_ids,
    updated_at = CASE
        WHEN (EXCLUDED.name <> '' AND EXCLUDED.name <> q.name)
          OR (EXCLUDED.company <> '' AND EXCLUDED.company <> q.company)
        THEN EXCLUDED.updated_at ELSE q.updated_at END
RETURNING `+requesterColumns,
		newID(), email, name, company, refs, now, now).Scan(&r).Error
	return r, storeErr(err, "requester")
}

// GetRequester returns one requester with the number of cards they asked for.
func (s *Service) GetRequester(ctx context.Context, id uuid.UUID) (Requester, error) {
	var rows []Requester
	err := s.db.conn(ctx).Raw(`SELECT `+requesterColumns+`,
    (SELECT count(*) FROM requests r WHERE r.requester_id = q.id) AS request_count
FROM requesters q WHERE q.id = ?`, id).Scan(&rows).Error
	if err != nil {
		return Requester{}, err
	}
	if len(rows) == 0 {
		return Requester{}, NotFound("requester")
	}
	return rows[0], nil
}

// emailKey is the requesters list's key: lower(email) as PostgreSQL lowers it, unique,
// so every key this list hands out holds an @.
type emailKey struct {
	Email string `json:"e"`
}

func (k *emailKey) valid() bool { return strings.Contains(k.Email, "@") }

type requesterRow struct {
	Requester `gorm:"embedded"`
	EmailKey  string // the sort key as PostgreSQL lowers it, which Go's ToLower may not match
}

// ListRequesters pages through requesters in address order; q, when given, keeps those
// whose name, email or company contains it (served by the trigram index).
func (s *Service) ListRequesters(ctx context.Context, q string, page Page) (List[Requester], error) {
	p := Problems{}
	q = strings.ToLower(checkRequestText(p, "q", q, maxSearchQuery, false))
	limit := page.limit(p)
	var after emailKey
	hasCursor := page.after(p, &after, after.valid)
	if err := p.Err(); err != nil {
		return List[Requester]{}, err
	}
	db := s.db.conn(ctx).Table("requesters AS q").
		Select(requesterColumns + `, lower(q.email) AS email_key,
    (SELECT count(*) FROM requests r WHERE r.requester_id = q.id) AS request_count`)
	if q != "" {
		// The expression matches requesters_name_trgm_idx exactly, or the index is not used.
		db = db.Where(`lower(q.name || ' ' || q.email || ' ' || q.company) LIKE ?`, "%"+escapeLike(q)+"%")
	}
	if hasCursor {
		db = db.Where("lower(q.email) > ?", after.Email)
	}
	var rows []requesterRow
	if err := db.Order("lower(q.email)").Limit(limit + 1).Scan(&rows).Error; err != nil {
		return List[Requester]{}, err
	}
	return listOf(rows, limit, func(r requesterRow) any { return emailKey{Email: r.EmailKey} },
		func(r requesterRow) Requester { return r.Requester }), nil
}

// escapeLike makes s match literally inside a LIKE pattern (backslash is the escape).
func escapeLike(s string) string {
	return strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(s)
}

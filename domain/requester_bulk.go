package domain

import (
	"context"
	"database/sql/driver"
	"slices"
	"strings"

	"github.com/google/uuid"
)

// personInput is one person an import or a CSV names.
type personInput struct {
	Email, Name, Company string
}

// normalEmail is the key imports dedupe people by in memory (the database's
// identity is lower(email); the statement below maps rows back by that).
func normalEmail(email string) string { return strings.ToLower(strings.TrimSpace(email)) }

// textArray sends a []string as one PostgreSQL text[] parameter (GORM would expand
// a plain slice into a list of parameters).
type textArray []string

func (a textArray) Value() (driver.Value, error) { return Labels(a).Value() }

// upsertRequestersSQL finds or creates a batch of requesters by address, as
// upsertRequester does for one (a name or company given replaces the stored one),
// and answers each input's id by its place in the batch.
const upsertRequestersSQL = `
WITH src AS (
    SELECT * FROM unnest(?::uuid[], ?::text[], ?::text[], ?::text[]) WITH ORDINALITY AS s(id, email, name, company, ord)
), up AS (
    INSERT INTO requesters AS q (id, email, name, company, created_at, updated_at)
    SELECT id, email, name, company, ?, ? FROM src
    ON CONFLICT (lower(email)) DO UPDATE SET
        name = CASE WHEN EXCLUDED.name <> '' THEN EXCLUDED.name ELSE q.name END,
        company = CASE WHEN EXCLUDED.company <> '' THEN EXCLUDED.company ELSE q.company END,
        updated_at = CASE
            WHEN (EXCLUDED.name <> '' AND EXCLUDED.name <> q.name)
              OR (EXCLUDED.company <> '' AND EXCLUDED.company <> q.company)
            THEN EXCLUDED.updated_at ELSE q.updated_at END
    RETURNING q.id, lower(q.email) AS k, (q.xmax = 0) AS created
)
SELECT src.ord, up.id, up.created FROM src JOIN up ON up.k = lower(src.email)`

// bulkBatch is how many rows one set-based statement of a bulk import writes: its
// arrays are single parameters, so only memory bounds it.
const bulkBatch = 5000

// upsertRequesters finds or creates everyone in people, bulkBatch per statement in
// address order (so two imports lock the same rows in the same order), and returns
// normalEmail → id and how many were new. Later entries for one address fill in a
// name or company the earlier ones lacked.
func (s *Service) upsertRequesters(ctx context.Context, people []personInput) (map[string]uuid.UUID, int, error) {
	merged := map[string]personInput{}
	for _, p := range people {
		k := normalEmail(p.Email)
		old, seen := merged[k]
		if seen {
			p.Email = old.Email
			if p.Name == "" {
				p.Name = old.Name
			}
			if p.Company == "" {
				p.Company = old.Company
			}
		}
		merged[k] = p
	}
	keys := make([]string, 0, len(merged))
	for k := range merged {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	ids := make(map[string]uuid.UUID, len(keys))
	created := 0
	now := s.now()
	for start := 0; start < len(keys); start += bulkBatch {
		batch := keys[start:min(start+bulkBatch, len(keys))]
		newIDs, emails, names, companies := make(textArray, len(batch)), make(textArray, len(batch)), make(textArray, len(batch)), make(textArray, len(batch))
		for i, k := range batch {
			p := merged[k]
			newIDs[i], emails[i], names[i], companies[i] = newID().String(), strings.TrimSpace(p.Email), p.Name, p.Company
		}
		var rows []struct {
			Ord     int
			ID      uuid.UUID
			Created bool
		}
		if err := s.db.conn(ctx).Raw(upsertRequestersSQL, newIDs, emails, names, companies, now, now).Scan(&rows).Error; err != nil {
			return nil, 0, storeErr(err, "requester")
		}
		for _, r := range rows {
			ids[batch[r.Ord-1]] = r.ID
			if r.Created {
				created++
			}
		}
	}
	return ids, created, nil
}

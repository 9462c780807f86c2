package domain

import (
	"strings"
	"time"

	"github.com/google/uuid"
	"gorm.io/gorm"
)

// timeCursor is the key of lists ordered by (created_at, id) newest first; it uses the
// package's one cursor encoding (cursor.go).
type timeCursor struct {
	At time.Time
	ID uuid.UUID
}

func (c timeCursor) encode() string { return encodeCursor(c) }

// encodeTextCursor / decodeTextCursor carry a unique text key (requesters by lower(email),
// so every key this list hands out holds an @).
func encodeTextCursor(key string) string { return encodeCursor(key) }

func decodeTextCursor(raw string) (string, error) {
	var key string
	p := Problems{}
	if raw == "" {
		p.Add("cursor", "is not a cursor from this list; start again without it")
	}
	decodeCursor(p, raw, &key, func() bool { return strings.Contains(key, "@") && !strings.ContainsRune(key, 0) })
	return key, p.Err()
}

// newestFirst reads one page of q ordered by (createdCol, idCol) descending, after the
// cursor's key when there is one, and returns the cursor of the next page ("" at the end).
func newestFirst[T any](q *gorm.DB, createdCol, idCol string, after *timeCursor, limit int, key func(T) timeCursor) ([]T, string, error) {
	if after != nil {
		q = q.Where("("+createdCol+", "+idCol+") < (?, ?)", after.At, after.ID)
	}
	var items []T
	if err := q.Order(createdCol + " DESC, " + idCol + " DESC").Limit(limit + 1).Scan(&items).Error; err != nil {
		return nil, "", err
	}
	if len(items) <= limit {
		return items, "", nil
	}
	items = items[:limit]
	return items, key(items[limit-1]).encode(), nil
}

// afterCursor reads a timeCursor: nil for the first page, an Invalid error for a bad one.
func afterCursor(raw string) (*timeCursor, error) {
	var c timeCursor
	p := Problems{}
	if !decodeCursor(p, raw, &c, func() bool { return c.ID != uuid.Nil }) {
		return nil, p.Err()
	}
	return &c, nil
}

// peopleListLimit applies the API's list limit: default 50, at most 200.
func peopleListLimit(limit int) int {
	switch {
	case limit <= 0:
		return 50
	case limit > 200:
		return 200
	}
	return limit
}

package domain

import (
	"strings"
	"time"

	"github.com/google/uuid"
)

// timeCursor is the key of lists ordered by (created_at, id) newest first; it uses the
// package's one cursor encoding (cursor.go).
type timeCursor struct {
	At time.Time
	ID uuid.UUID
}

func (c timeCursor) encode() string { return encodeCursor(c) }

// decodeTimeCursor returns ok=false for an empty cursor and an Invalid error for a bad one.
func decodeTimeCursor(raw string) (c timeCursor, ok bool, err error) {
	p := Problems{}
	ok = decodeCursor(p, raw, &c, func() bool { return c.ID != uuid.Nil })
	return c, ok, p.Err()
}

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

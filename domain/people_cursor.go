package domain

import (
	"encoding/base64"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/google/uuid"
)

// Cursors are opaque to clients: base64url of the sort key of the last item returned.

// timeCursor is the key of lists ordered by (created_at, id) newest first.
type timeCursor struct {
	At time.Time
	ID uuid.UUID
}

func (c timeCursor) encode() string {
	return base64.RawURLEncoding.EncodeToString([]byte(c.At.UTC().Format(time.RFC3339Nano) + "|" + c.ID.String()))
}

// decodeTimeCursor returns ok=false for an empty cursor and an Invalid error for a bad one.
func decodeTimeCursor(raw string) (c timeCursor, ok bool, err error) {
	if raw == "" {
		return c, false, nil
	}
	bad := Invalid("cursor", "is not a cursor this list returned")
	b, err := base64.RawURLEncoding.DecodeString(raw)
	if err != nil {
		return c, false, bad
	}
	at, id, found := strings.Cut(string(b), "|")
	if !found {
		return c, false, bad
	}
	if c.At, err = time.Parse(time.RFC3339Nano, at); err != nil {
		return c, false, bad
	}
	if c.ID, err = uuid.Parse(id); err != nil {
		return c, false, bad
	}
	return c, true, nil
}

// encodeTextCursor / decodeTextCursor carry a unique text key (requesters by lower(email)).
func encodeTextCursor(key string) string {
	return base64.RawURLEncoding.EncodeToString([]byte(key))
}

func decodeTextCursor(raw string) (string, error) {
	b, err := base64.RawURLEncoding.DecodeString(raw)
	if err != nil || len(b) == 0 || !utf8.Valid(b) || strings.ContainsRune(string(b), 0) {
		return "", Invalid("cursor", "is not a cursor this list returned")
	}
	return string(b), nil
}

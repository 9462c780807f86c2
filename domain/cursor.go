package domain

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
)

// Lists use keyset pagination: a cursor is the sort key of the last row of a page,
// as base64url JSON. It is opaque to clients; only this package reads it.

const (
	DefaultLimit = 50
	MaxLimit     = 200
)

// Page asks for one page of a list. Limit 0 means DefaultLimit; Cursor "" means the start.
type Page struct {
	Limit  int
	Cursor string
}

// limit validates the page size and returns the one to use.
func (pg Page) limit(p Problems) int {
	switch {
	case pg.Limit == 0:
		return DefaultLimit
	case pg.Limit < 1 || pg.Limit > MaxLimit:
		p.Add("limit", "must be a whole number from 1 to 200")
	}
	return pg.Limit
}

// encodeCursor turns a sort key into a cursor.
func encodeCursor(key any) string {
	b, err := json.Marshal(key)
	if err != nil {
		panic(err) // keys are plain structs; failing here is a programming error
	}
	return base64.RawURLEncoding.EncodeToString(b)
}

// decodeCursor reads a cursor into key; a cursor that is not ours is a validation error.
// valid checks the decoded key (e.g. that it was made for the same sort).
func decodeCursor(p Problems, cursor string, key any, valid func() bool) bool {
	if cursor == "" {
		return false
	}
	b, err := base64.RawURLEncoding.DecodeString(cursor)
	if err == nil {
		err = json.Unmarshal(b, key)
	}
	// A forged cursor may smuggle NUL into a text key; PostgreSQL text cannot hold it
	// and would fail the query (500) instead of the client's request (422).
	if err != nil || bytes.Contains(b, []byte(`\u0000`)) || !valid() {
		p.Add("cursor", "is not a cursor from this list; start again without it")
		return false
	}
	return true
}

package domain

import (
	"database/sql/driver"
	"encoding/json"
	"fmt"
	"time"
)

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

// Quote is one thing a requester said about a card, as it was linked.
type Quote struct {
	Text     string    `json:"text"`
	Source   string    `json:"source"`
	LinkedBy string    `json:"linked_by"`
	At       time.Time `json:"at"`
}

// Quotes is every quote of a request, oldest first (a jsonb column).
type Quotes []Quote

// Scan reads a jsonb column.
func (q *Quotes) Scan(src any) error {
	list := []Quote{}
	if err := scanJSON(src, &list); err != nil {
		return fmt.Errorf("quotes: %w", err)
	}
	*q = list
	return nil
}

// Value writes a jsonb column.
func (q Quotes) Value() (driver.Value, error) {
	if q == nil {
		return "[]", nil
	}
	b, err := json.Marshal([]Quote(q))
	return string(b), err
}

func scanJSON(src, dst any) error {
	switch v := src.(type) {
	case nil:
		return nil
	case []byte:
		return json.Unmarshal(v, dst)
	case string:
		return json.Unmarshal([]byte(v), dst)
	}
	return fmt.Errorf("cannot scan %T as JSON", src)
}

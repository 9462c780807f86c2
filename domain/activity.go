package domain

import (
	"context"
	"database/sql/driver"
	"encoding/json"
	"fmt"
	"time"

	"github.com/google/uuid"
)

// Activity is one line of a card's history: who did what, and from/to which column.
// Action is one of created, edited, moved, shipped, archived.
type Activity struct {
	ID           uuid.UUID
	CardID       *uuid.UUID
	BoardID      *uuid.UUID
	Actor        string
	Action       string
	FromColumnID *uuid.UUID
	ToColumnID   *uuid.UUID
	Detail       ActivityDetail
	CreatedAt    time.Time
}

// ActivityDetail is a small JSON object with what else is worth knowing (which fields
// changed, the boards of a cross-board move, …).
type ActivityDetail map[string]any

func (d *ActivityDetail) Scan(src any) error {
	var b []byte
	switch v := src.(type) {
	case []byte:
		b = v
	case string:
		b = []byte(v)
	default:
		return fmt.Errorf("activity detail: cannot scan %T", src)
	}
	return json.Unmarshal(b, d)
}

func (d ActivityDetail) Value() (driver.Value, error) {
	if d == nil {
		return "{}", nil
	}
	b, err := json.Marshal(d)
	return string(b), err
}

// record writes an activity row for card in the current transaction.
func (s *Service) record(ctx context.Context, actor Actor, card Card, action string, from, to *uuid.UUID, detail ActivityDetail) error {
	label := actor.Label()
	if label == "" {
		label = "system"
	}
	a := Activity{ID: newID(), CardID: &card.ID, BoardID: &card.BoardID, Actor: label, Action: action,
		FromColumnID: from, ToColumnID: to, Detail: detail, CreatedAt: s.now()}
	return s.db.conn(ctx).Create(&a).Error
}

// ListActivity returns a card's history, newest first. Ids are time-ordered (UUIDv7),
// so they break ties between rows written in the same microsecond in the right order.
func (s *Service) ListActivity(ctx context.Context, cardID uuid.UUID, page Page) (List[Activity], error) {
	pg, err := checkPage[timeKey](page)
	if err != nil {
		return List[Activity]{}, err
	}
	if _, err := s.Card(ctx, cardID); err != nil {
		return List[Activity]{}, err
	}
	q := s.db.conn(ctx).Table("activities").Where("card_id = ?", cardID)
	return newestFirst(q, "created_at", "id", pg, func(a Activity) timeKey { return timeKey{At: a.CreatedAt, ID: a.ID} })
}

// newRequestActivity is the activity row of a request, conversation or erasure use
// case: the card it happened on and a detail object (nil is {}).
func (s *Service) newRequestActivity(cardID, boardID uuid.UUID, actor Actor, action string, detail map[string]any) Activity {
	return Activity{ID: newID(), CardID: &cardID, BoardID: &boardID, Actor: actor.Label(),
		Action: action, Detail: ActivityDetail(detail), CreatedAt: s.now()}
}

// recordRequestActivity writes activity rows in one statement.
func (s *Service) recordRequestActivity(ctx context.Context, acts ...Activity) error {
	if len(acts) == 0 {
		return nil
	}
	return s.db.conn(ctx).Create(&acts).Error
}

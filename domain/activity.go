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
		FromColumnID: from, ToColumnID: to, Detail: detail, CreatedAt: s.clock()}
	return s.db.conn(ctx).Create(&a).Error
}

// ActivityList is one page of a card's history, newest first.
type ActivityList struct {
	Items      []Activity
	NextCursor string
}

type activityCursor struct {
	At time.Time `json:"t"`
	ID uuid.UUID `json:"id"`
}

// ListActivity returns a card's history, newest first. Ids are time-ordered (UUIDv7),
// so they break ties between rows written in the same microsecond in the right order.
func (s *Service) ListActivity(ctx context.Context, cardID uuid.UUID, page Page) (ActivityList, error) {
	p := Problems{}
	limit := page.limit(p)
	var after activityCursor
	hasCursor := decodeCursor(p, page.Cursor, &after, func() bool { return after.ID != uuid.Nil })
	if err := p.Err(); err != nil {
		return ActivityList{}, err
	}
	if _, err := s.Card(ctx, cardID); err != nil {
		return ActivityList{}, err
	}
	q := s.db.conn(ctx).Where("card_id = ?", cardID)
	if hasCursor {
		q = q.Where("(created_at, id) < (?, ?)", after.At, after.ID)
	}
	var rows []Activity
	if err := q.Order("created_at DESC, id DESC").Limit(limit + 1).Find(&rows).Error; err != nil {
		return ActivityList{}, err
	}
	list := ActivityList{Items: rows}
	if len(rows) > limit {
		list.Items = rows[:limit]
		last := rows[limit-1]
		list.NextCursor = encodeCursor(activityCursor{At: last.CreatedAt, ID: last.ID})
	}
	return list, nil
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

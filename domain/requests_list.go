package domain

import (
	"context"
	"time"

	"github.com/google/uuid"
)

// ListCardRequests pages through who asked for a card, newest first, each with their
// conversations on the card (one more query per page, not per item).
func (s *Service) ListCardRequests(ctx context.Context, cardID uuid.UUID, page Page) (List[Request], error) {
	pg, err := checkPage[timeKey](page)
	if err != nil {
		return List[Request]{}, err
	}
	if err := s.cardExists(ctx, cardID); err != nil {
		return List[Request]{}, err
	}
	q := s.db.conn(ctx).Table("requests AS r").
		Select(`r.card_id, r.requester_id, r.quote, r.source, r.quotes, r.linked_by, r.created_at, r.updated_at,
    q.email, q.name, q.company`).
		Joins("JOIN requesters q ON q.id = r.requester_id").
		Where("r.card_id = ?", cardID)
	rows, err := newestFirst(q, "r.created_at", "r.requester_id", pg,
		func(r requestRow) timeKey { return timeKey{At: r.CreatedAt, ID: r.RequesterID} })
	if err != nil {
		return List[Request]{}, err
	}
	items := make([]Request, len(rows.Items))
	ids := make([]uuid.UUID, len(rows.Items))
	byRequester := make(map[uuid.UUID]int, len(rows.Items))
	for i, r := range rows.Items {
		items[i] = r.toRequest()
		items[i].Conversations = []Conversation{}
		ids[i] = r.RequesterID
		byRequester[r.RequesterID] = i
	}
	if len(ids) > 0 {
		var convs []Conversation
		err := s.db.conn(ctx).Raw(`SELECT id, card_id, requester_id, url, tool, external_id, excerpt, created_at
FROM conversations WHERE card_id = ? AND requester_id IN ? ORDER BY created_at, id`, cardID, ids).Scan(&convs).Error
		if err != nil {
			return List[Request]{}, err
		}
		for _, c := range convs {
			i := byRequester[*c.RequesterID]
			items[i].Conversations = append(items[i].Conversations, c)
		}
	}
	return List[Request]{Items: items, NextCursor: rows.NextCursor}, nil
}

// RequesterRequest is one card a requester asked for, as their own history shows it.
type RequesterRequest struct {
	CardID     uuid.UUID
	Title      string
	BoardID    uuid.UUID
	ColumnID   uuid.UUID
	ColumnName string
	Stage      string
	ShippedAt  *time.Time
	ArchivedAt *time.Time
	Quote      string
	Source     string
	CreatedAt  time.Time
}

// ListRequesterRequests pages through everything one person asked for, newest first.
func (s *Service) ListRequesterRequests(ctx context.Context, requesterID uuid.UUID, page Page) (List[RequesterRequest], error) {
	pg, err := checkPage[timeKey](page)
	if err != nil {
		return List[RequesterRequest]{}, err
	}
	var n int64
	if err := s.db.conn(ctx).Raw(`SELECT count(*) FROM requesters WHERE id = ?`, requesterID).Scan(&n).Error; err != nil {
		return List[RequesterRequest]{}, err
	}
	if n == 0 {
		return List[RequesterRequest]{}, NotFound("requester")
	}
	q := s.db.conn(ctx).Table("requests AS r").
		Select(`r.card_id, c.title, c.board_id, c.column_id, col.name AS column_name, col.stage,
    c.shipped_at, c.archived_at, r.quote, r.source, r.created_at`).
		Joins("JOIN cards c ON c.id = r.card_id").
		Joins("JOIN columns col ON col.id = c.column_id").
		Where("r.requester_id = ?", requesterID)
	return newestFirst(q, "r.created_at", "r.card_id", pg,
		func(r RequesterRequest) timeKey { return timeKey{At: r.CreatedAt, ID: r.CardID} })
}

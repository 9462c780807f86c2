package domain

import (
	"context"
	"encoding/json"
	"time"

	"github.com/google/uuid"
)

// requestCard is what linking needs to know about a card.
type requestCard struct {
	ID         uuid.UUID
	BoardID    uuid.UUID
	ShippedAt  *time.Time
	ArchivedAt *time.Time
}

// lockCardForRequests locks the card row for the rest of the transaction. Linking and
// shipping both take this lock, so a link either lands before the ship (and the shipped
// fan-out sees it) or after it (and sees shipped_at, and notifies on its own): never
// in between, where nobody would email the person.
func (s *Service) lockCardForRequests(ctx context.Context, cardID uuid.UUID) (requestCard, error) {
	var cards []requestCard
	err := s.db.conn(ctx).Raw(`SELECT id, board_id, shipped_at, archived_at FROM cards WHERE id = ? FOR NO KEY UPDATE`, cardID).
		Scan(&cards).Error
	if err != nil {
		return requestCard{}, err
	}
	if len(cards) == 0 {
		return requestCard{}, NotFound("card")
	}
	return cards[0], nil
}

// requestRow is one requests row as scanned, optionally joined with its requester.
type requestRow struct {
	CardID      uuid.UUID
	RequesterID uuid.UUID
	Quote       string
	Source      string
	Quotes      Quotes
	LinkedBy    string
	CreatedAt   time.Time
	UpdatedAt   time.Time
	Email       string
	Name        string
	Company     string
	Inserted    bool
}

func (r requestRow) toRequest() Request {
	quotes := r.Quotes
	if quotes == nil {
		quotes = Quotes{}
	}
	return Request{
		CardID:    r.CardID,
		Requester: Requester{ID: r.RequesterID, Email: r.Email, Name: r.Name, Company: r.Company},
		Quote:     r.Quote, Source: r.Source, Quotes: quotes, LinkedBy: r.LinkedBy,
		CreatedAt: r.CreatedAt, UpdatedAt: r.UpdatedAt,
	}
}

// requestActivity is one activities row written by the people use cases. (The cards
// work has its own activity helper; this one stays private to avoid the two clashing.)
type requestActivity struct {
	ID        uuid.UUID
	CardID    uuid.UUID
	BoardID   uuid.UUID
	Actor     string
	Action    string
	Detail    string
	CreatedAt time.Time
}

func (s *Service) newRequestActivity(cardID, boardID uuid.UUID, actor Actor, action string, detail map[string]any) requestActivity {
	b, err := json.Marshal(detail)
	if err != nil || detail == nil {
		b = []byte("{}")
	}
	return requestActivity{ID: newID(), CardID: cardID, BoardID: boardID, Actor: actor.Label(),
		Action: action, Detail: string(b), CreatedAt: s.now()}
}

// recordRequestActivity writes activity rows in one statement.
func (s *Service) recordRequestActivity(ctx context.Context, acts ...requestActivity) error {
	if len(acts) == 0 {
		return nil
	}
	return s.db.conn(ctx).Table("activities").Create(&acts).Error
}

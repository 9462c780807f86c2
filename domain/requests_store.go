package domain

import (
	"context"
	"database/sql/driver"
	"encoding/json"
	"fmt"
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

package webhooks

import (
	"context"
	"database/sql"
	"time"

	"github.com/google/uuid"

	"github.com/closeloop/closeloop/domain"
)

// facts is everything either format says about one event, read in the transaction
// of the change (so it is the change as committed, and costs nothing when no webhook
// listens: it is only read when one does).
type facts struct {
	Type      string
	At        time.Time
	Actor     string
	Card      *cardData
	BoardName string
	Column    string // the card's column now
	From      string // card.moved, card.shipped: the column it left
	Emailing  int    // card.shipped: requesters being emailed
	Requester *requesterData
	Quote     string
	Reaction  *domain.EventReaction
	Failure   *failureData
	WebhookID uuid.UUID // webhook.test
}

type cardData struct {
	ID       uuid.UUID `json:"id"`
	Number   *int64    `json:"number"` // null only on a row written before numbers (00420)
	Title    string    `json:"title"`
	BoardID  uuid.UUID `json:"board_id"`
	ColumnID uuid.UUID `json:"column_id"`
	Stage    string    `json:"stage"`
	URL      string    `json:"url"`
}

type requesterData struct {
	ID    uuid.UUID `json:"id"`
	Email string    `json:"email"`
	Name  string    `json:"name"`
}

// failureData is the email delivery of a delivery.failed event.
type failureData struct {
	ID        uuid.UUID `json:"id"`
	Kind      string    `json:"kind"`
	Email     string    `json:"email"`
	LastError string    `json:"last_error"`
}

// cardRow is the event's card as hooksSQL reads it, with the column it left and the
// requester (each field NULL without one).
type cardRow struct {
	ID                *uuid.UUID
	Number            *int64
	Title, Stage      *string
	BoardID, ColumnID *uuid.UUID
	Column, Board     *string
	From              *string
	Email, Name       *string
	Quote             *string
}

// readFacts completes what the payloads say about ev; card is its card as read with
// the webhooks (nil: the event has none, or it was deleted in the same transaction).
func (o *Outbox) readFacts(ctx context.Context, tx *sql.Tx, ev domain.Event, card *cardRow) (facts, error) {
	f := facts{Type: ev.Type, At: ev.At, Actor: ev.Actor, Reaction: ev.Reaction}
	if f.At.IsZero() {
		f.At = time.Now()
	}
	f.At = f.At.UTC()
	if card == nil || card.ID == nil {
		return f, nil // no card, or deleted in the same transaction: the event says less
	}
	c := cardData{ID: *card.ID, Number: card.Number, Title: deref(card.Title), BoardID: derefID(card.BoardID),
		ColumnID: derefID(card.ColumnID), Stage: deref(card.Stage)}
	f.Column, f.BoardName = deref(card.Column), deref(card.Board)
	c.URL = o.cfg.BaseURL + "/boards/" + c.BoardID.String() + "?card=" + c.ID.String()
	f.Card = &c
	f.From = deref(card.From)
	if ev.Type == domain.EventCardShipped {
		err := tx.QueryRowContext(ctx, `SELECT count(*) FROM requests r JOIN requesters p ON p.id = r.requester_id
			WHERE r.card_id = $1 AND p.unsubscribed_at IS NULL AND p.bounced_at IS NULL`, c.ID).Scan(&f.Emailing)
		if err != nil {
			return f, err
		}
	}
	if ev.RequesterID != uuid.Nil {
		f.Requester = &requesterData{ID: ev.RequesterID, Email: deref(card.Email), Name: deref(card.Name)}
		f.Quote = deref(card.Quote)
	}
	return f, nil
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

func derefID(id *uuid.UUID) uuid.UUID {
	if id == nil {
		return uuid.Nil
	}
	return *id
}

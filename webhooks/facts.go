package webhooks

import (
	"context"
	"database/sql"
	"errors"
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

// cardSQL reads a card with its column and board.
const cardSQL = `SELECT c.id, c.number, c.title, c.board_id, c.column_id, col.stage, col.name, b.name
FROM cards c JOIN columns col ON col.id = c.column_id JOIN boards b ON b.id = c.board_id
WHERE c.id = $1`

func (o *Outbox) readFacts(ctx context.Context, tx *sql.Tx, ev domain.Event) (facts, error) {
	f := facts{Type: ev.Type, At: ev.At, Actor: ev.Actor, Reaction: ev.Reaction}
	if f.At.IsZero() {
		f.At = time.Now()
	}
	f.At = f.At.UTC()
	if ev.CardID == uuid.Nil {
		return f, nil
	}
	c := cardData{}
	err := tx.QueryRowContext(ctx, cardSQL, ev.CardID).Scan(&c.ID, &c.Number, &c.Title, &c.BoardID, &c.ColumnID, &c.Stage, &f.Column, &f.BoardName)
	if errors.Is(err, sql.ErrNoRows) {
		return f, nil // deleted in the same transaction: the event says less
	}
	if err != nil {
		return f, err
	}
	c.URL = o.cfg.BaseURL + "/boards/" + c.BoardID.String() + "?card=" + c.ID.String()
	f.Card = &c
	if ev.FromColumn != uuid.Nil {
		if err := tx.QueryRowContext(ctx, `SELECT name FROM columns WHERE id = $1`, ev.FromColumn).Scan(&f.From); err != nil && !errors.Is(err, sql.ErrNoRows) {
			return f, err
		}
	}
	if ev.Type == domain.EventCardShipped {
		err := tx.QueryRowContext(ctx, `SELECT count(*) FROM requests r JOIN requesters p ON p.id = r.requester_id
			WHERE r.card_id = $1 AND p.unsubscribed_at IS NULL AND p.bounced_at IS NULL`, c.ID).Scan(&f.Emailing)
		if err != nil {
			return f, err
		}
	}
	if ev.RequesterID != uuid.Nil {
		r := requesterData{ID: ev.RequesterID}
		err := tx.QueryRowContext(ctx, `SELECT p.email, p.name, COALESCE(r.quote, '') FROM requesters p
			LEFT JOIN requests r ON r.requester_id = p.id AND r.card_id = $2 WHERE p.id = $1`, ev.RequesterID, c.ID).
			Scan(&r.Email, &r.Name, &f.Quote)
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return f, err
		}
		f.Requester = &r
	}
	return f, nil
}

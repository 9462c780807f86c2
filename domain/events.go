package domain

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/google/uuid"
)

// Event types other tools hear about (outbound webhooks, live updates in browsers).
const (
	EventCardCreated   = "card.created"
	EventCardUpdated   = "card.updated"
	EventCardMoved     = "card.moved"
	EventCardShipped   = "card.shipped"
	EventCardArchived  = "card.archived"
	EventRequestLinked = "request.linked"
	// A requester answered "Did this solve it?" (Event.Reaction says how).
	EventReactionReceived = "reaction.received"
)

// Event is a change on a board. Card is the card as the change left it.
type Event struct {
	Type        string
	BoardID     uuid.UUID
	CardID      uuid.UUID
	RequesterID uuid.UUID // request.linked
	FromColumn  uuid.UUID // card.moved, card.shipped
	Actor       string    // Actor.Label()
	At          time.Time
	Card        *Card
	Reaction    *EventReaction // reaction.received
	Comment     *Comment       // comment.created, comment.updated, comment.deleted
}

// EventReaction is the answer of a reaction.received event.
type EventReaction struct {
	Answer  string // yes or no
	Comment string
}

// EventSink hears every Event inside the transaction that makes the change, with that
// transaction's *sql.Tx, so what it records (a River job, a live event) commits or rolls
// back with the change. Like the Notifier it must be fast: it may enqueue work but
// never call out of the process.
type EventSink interface {
	Publish(ctx context.Context, tx *sql.Tx, ev Event) error
}

// publish tells every sink about ev; a sink's failure undoes the change.
func (s *Service) publish(ctx context.Context, actor Actor, ev Event) error {
	if len(s.sinks) == 0 {
		return nil
	}
	tx, err := sqlTx(ctx)
	if err != nil {
		return err
	}
	ev.Actor, ev.At = actor.Label(), s.now()
	if ev.Card != nil {
		ev.BoardID, ev.CardID = ev.Card.BoardID, ev.Card.ID
	}
	for _, sink := range s.sinks {
		if err := sink.Publish(ctx, tx, ev); err != nil {
			return fmt.Errorf("publish %s of card %s: %w", ev.Type, ev.CardID, err)
		}
	}
	return nil
}

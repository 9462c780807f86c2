// Package live carries every committed change to every replica: a domain.EventSink that
// sends a PostgreSQL notification inside the change's transaction, and a Listener that
// LISTENs on one connection of its own and hands each event to the process (the API's
// hub, which fans it out to browsers over Server-Sent Events).
package live

import (
	"context"
	"database/sql"
	"unicode/utf8"

	"github.com/google/uuid"

	"github.com/closeloop/closeloop/domain"
)

// Sink is the domain.EventSink of live updates.
type Sink struct{}

// Publish sends ev's ids on domain.LiveChannel in tx: heard after the commit, or never.
func (Sink) Publish(ctx context.Context, tx *sql.Tx, ev domain.Event) error {
	_, err := tx.ExecContext(ctx, domain.LiveNotifySQL, ev.Type, nullID(ev.BoardID), nullID(ev.CardID),
		nullID(ev.RequesterID), nullID(ev.FromColumn), shorten(ev.Actor, 100))
	return err
}

func nullID(id uuid.UUID) any {
	if id == uuid.Nil {
		return nil
	}
	return id
}

// shorten keeps the payload small whatever a name holds.
func shorten(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n])
}

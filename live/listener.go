package live

import (
	"context"
	"encoding/json"
	"log/slog"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/closeloop/closeloop/domain"
)

// Listener LISTENs on domain.LiveChannel over one connection of its own.
type Listener struct {
	URL string
	Log *slog.Logger
}

// Resync is the type of the event Run hands over when it may have missed some: after
// its connection was lost and made again (notifications sent meanwhile are gone).
const Resync = "resync"

// Run hands every event to deliver, in commit order, until ctx ends; it reconnects by
// itself and then hands over a Resync event. ready, when not nil, is called each time
// the LISTEN is in place.
func (l *Listener) Run(ctx context.Context, deliver func(domain.LiveEvent), ready func()) {
	for attempt := 0; ctx.Err() == nil; attempt++ {
		err := l.listen(ctx, deliver, ready, attempt > 0)
		if ctx.Err() != nil {
			return
		}
		l.Log.Warn("live: listening failed; connecting again", "err", err)
		select {
		case <-ctx.Done():
			return
		case <-time.After(min(time.Duration(attempt+1)*200*time.Millisecond, 5*time.Second)):
		}
	}
}

func (l *Listener) listen(ctx context.Context, deliver func(domain.LiveEvent), ready func(), again bool) error {
	conn, err := pgx.Connect(ctx, l.URL)
	if err != nil {
		return err
	}
	defer conn.Close(context.WithoutCancel(ctx))
	if _, err := conn.Exec(ctx, "LISTEN "+domain.LiveChannel); err != nil {
		return err
	}
	if again {
		deliver(domain.LiveEvent{Type: Resync})
	}
	if ready != nil {
		ready()
	}
	for {
		n, err := conn.WaitForNotification(ctx)
		if err != nil {
			return err
		}
		var ev domain.LiveEvent
		if err := json.Unmarshal([]byte(n.Payload), &ev); err != nil || ev.Type == "" {
			l.Log.Warn("live: a notification that is not an event", "payload", shorten(n.Payload, 200))
			continue
		}
		deliver(ev)
	}
}

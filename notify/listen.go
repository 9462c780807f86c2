package notify

import (
	"context"
	"sync"
	"time"

	"github.com/jackc/pgx/v5"
)

// wakeChannel is NOTIFYed in every transaction that makes deliveries due now, so idle
// senders in every replica start at once instead of at their next poll.
const wakeChannel = "closeloop_deliveries"

// waker broadcasts "there may be work" to every idle sender.
type waker struct {
	mu sync.Mutex
	ch chan struct{}
}

func newWaker() *waker { return &waker{ch: make(chan struct{})} }

// C is closed at the next wake; take it before looking for work so a wake that
// arrives meanwhile is not missed.
func (w *waker) C() <-chan struct{} {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.ch
}

func (w *waker) wake() {
	w.mu.Lock()
	close(w.ch)
	w.ch = make(chan struct{})
	w.mu.Unlock()
}

// listen holds its own connection (outside the pool) on LISTEN and reconnects after a
// database restart; while it is down senders still poll every PollInterval.
func (s *Service) listen(ctx context.Context, w *waker) {
	for ctx.Err() == nil {
		err := s.listenOnce(ctx, w)
		if ctx.Err() != nil {
			return
		}
		s.log.Warn("notify: lost the LISTEN connection; polling until it is back", "err", err)
		select {
		case <-ctx.Done():
		case <-time.After(time.Second):
		}
	}
}

func (s *Service) listenOnce(ctx context.Context, w *waker) error {
	conn, err := pgx.ConnectConfig(ctx, s.pool.Config().ConnConfig.Copy())
	if err != nil {
		return err
	}
	defer conn.Close(context.WithoutCancel(ctx))
	if _, err := conn.Exec(ctx, "LISTEN "+wakeChannel); err != nil {
		return err
	}
	w.wake() // whatever was committed while nobody listened
	for {
		if _, err := conn.WaitForNotification(ctx); err != nil {
			return err
		}
		w.wake()
	}
}

package notify

import (
	"context"
	"sync"
	"time"

	"github.com/google/uuid"

	"github.com/closeloop/closeloop/domain"
)

// progress tells browsers (GET /events) how a shipped card's emails are going, without
// their polling: after the recorder writes outcomes, each card they belong to gets one
// delivery.progress notification at most every progressEvery (its last state always
// follows, at most that late). The payload is the card's id; each replica's hub reads
// the counts once.
type progress struct {
	s       *Service
	mu      sync.Mutex
	pending map[uuid.UUID]struct{}
	wake    chan struct{}
}

const progressEvery = 250 * time.Millisecond

func newProgress(s *Service) *progress {
	return &progress{s: s, pending: map[uuid.UUID]struct{}{}, wake: make(chan struct{}, 1)}
}

// touch marks the cards of written outcomes; it never blocks the recorder.
func (p *progress) touch(outs []outcome) {
	p.mu.Lock()
	for _, o := range outs {
		if o.cardID != uuid.Nil {
			p.pending[o.cardID] = struct{}{}
		}
	}
	p.mu.Unlock()
	select {
	case p.wake <- struct{}{}:
	default:
	}
}

// run sends what is pending, then waits progressEvery before the next round, until
// done is closed (and what is pending then is sent too).
func (p *progress) run(done <-chan struct{}) {
	for {
		select {
		case <-p.wake:
		case <-done:
			p.flush()
			return
		}
		p.flush()
		select {
		case <-time.After(progressEvery):
		case <-done:
			p.flush()
			return
		}
	}
}

func (p *progress) flush() {
	p.mu.Lock()
	cards := make([]uuid.UUID, 0, len(p.pending))
	for c := range p.pending {
		cards = append(cards, c)
	}
	clear(p.pending)
	p.mu.Unlock()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	for _, c := range cards {
		// Best effort: a lost progress event is made good by the next one, or by the
		// drawer reading the deliveries when it opens.
		if _, err := p.s.pool.Exec(ctx, domain.LiveNotifySQL, domain.EventDeliveryProgress, nil, c, nil, nil, ""); err != nil {
			p.s.log.Warn("notify: delivery progress event failed", "card", c, "err", err)
			return
		}
	}
}

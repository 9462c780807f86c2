package notify

import (
	"context"
	"errors"
	"fmt"
	"sync"

	"golang.org/x/time/rate"
)

// Start runs the fan-out workers, the senders, the wake-up listener and the
// queue-depth sampler until Stop.
func (s *Service) Start(ctx context.Context) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.stop != nil {
		return errors.New("notify: already started")
	}
	// Only Stop ends the work: a cancelled ctx (e.g. on SIGTERM) must not hard-cancel
	// sends in flight; cmd calls Stop for a soft stop instead.
	ctx, s.stop = context.WithCancel(context.WithoutCancel(ctx))
	if err := s.worker.Start(ctx); err != nil {
		s.stop = nil
		return fmt.Errorf("notify: start river: %w", err)
	}
	wake := newWaker()
	rec := newRecorder(s)
	s.goRun(func() { rec.run() })
	s.goRun(func() { s.listen(ctx, wake) })
	s.goRun(func() { s.sampleQueueDepth(ctx) })
	senders := sync.WaitGroup{}
	g := newGate()
	limiter := rate.NewLimiter(rate.Inf, 1)
	if s.cfg.RatePerSecond > 0 {
		limiter = rate.NewLimiter(rate.Limit(s.cfg.RatePerSecond), max(1, s.cfg.Connections))
	}
	for i := 0; i < s.cfg.Connections; i++ {
		senders.Add(1)
		s.goRun(func() { defer senders.Done(); s.newSender(wake, rec, g, limiter).run(ctx) })
	}
	// The recorder stops after the last sender, so every accepted message is marked.
	s.goRun(func() { senders.Wait(); rec.close() })
	s.log.Info("notifier started", "mailer", s.mailer.Name(), "connections", s.cfg.Connections,
		"rate_per_second", s.cfg.RatePerSecond, "batch", s.cfg.BatchSize)
	return nil
}

func (s *Service) goRun(fn func()) {
	s.running.Add(1)
	go func() { defer s.running.Done(); fn() }()
}

// Stop is a soft stop: senders finish the message in hand, hand their other claimed
// deliveries back (queued, due now) for another process, and every accepted message
// is marked sent before Stop returns. Fan-out jobs in progress finish their batch.
func (s *Service) Stop(ctx context.Context) error {
	s.mu.Lock()
	stop := s.stop
	s.mu.Unlock()
	if stop == nil {
		s.pool.Close()
		return s.mailer.Close()
	}
	riverErr := s.worker.Stop(ctx)
	stop()
	done := make(chan struct{})
	go func() { s.running.Wait(); close(done) }()
	select {
	case <-done:
	case <-ctx.Done():
		return fmt.Errorf("notify: stop: %w", ctx.Err())
	}
	s.pool.Close()
	return errors.Join(riverErr, s.mailer.Close())
}

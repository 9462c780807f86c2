package notify

import (
	"context"
	"time"

	"golang.org/x/time/rate"

	"github.com/closeloop/closeloop/notify/email"
)

// sender is one of Config.Connections loops: lease a batch of due deliveries, send
// them one by one, hand each outcome to the recorder, then hand the batch back.
// Senders in every process share the batches through SKIP LOCKED.
type sender struct {
	s       *Service
	wake    *waker
	rec     *recorder
	gate    *gate
	limiter *rate.Limiter
	claimQ  string
	holdsQ  string // claims due holds (coalescing, hold_sql.go)
	batches int    // batches sent since holds were last looked at
}

// holdsEvery: while batches keep coming, holds are looked at after this many of them,
// so a long fan-out delays coalesced emails a little but never starves them.
const holdsEvery = 16

func (s *Service) newSender(wake *waker, rec *recorder, g *gate, limiter *rate.Limiter) *sender {
	return &sender{s: s, wake: wake, rec: rec, gate: g, limiter: limiter,
		claimQ: leaseQuery(s.cfg.Lease), holdsQ: claimHoldsQuery(s.cfg.Lease)}
}

func (sn *sender) run(ctx context.Context) {
	poll := time.NewTicker(sn.s.cfg.PollInterval)
	defer poll.Stop()
	failures := 0
	for ctx.Err() == nil {
		if until := sn.gate.closedUntil(); !until.IsZero() {
			sleepUntil(ctx, until)
			continue
		}
		woken := sn.wake.C()
		ok, err := sn.work(ctx)
		if err != nil {
			if ctx.Err() == nil {
				// The database is away (a restart): try again, less often the longer it lasts.
				failures++
				if failures == 1 {
					sn.s.log.Warn("notify: leasing a batch of deliveries failed; retrying", "err", err)
				}
				sleepUntil(ctx, time.Now().Add(backoff(failures, sn.s.cfg.PollInterval, 5*time.Second)))
			}
			continue
		}
		failures = 0
		if !ok {
			select {
			case <-ctx.Done():
			case <-woken:
			case <-poll.C:
			}
		}
	}
}

// work leases and sends one due batch, or else the due holds of coalesced emails
// (first, once every holdsEvery batches); ok is false when nothing was due.
func (sn *sender) work(ctx context.Context) (ok bool, err error) {
	if sn.batches >= holdsEvery {
		if ok, err := sn.workHolds(ctx); ok || err != nil {
			return ok, err
		}
	}
	l, ok, err := sn.s.claim(ctx, sn.claimQ)
	if err != nil {
		return false, err
	}
	if ok {
		sn.batches++
		sn.sendBatch(ctx, l)
		return true, nil
	}
	return sn.workHolds(ctx)
}

func (sn *sender) workHolds(ctx context.Context) (bool, error) {
	sn.batches = 0
	h, ok, err := sn.s.claimHolds(ctx, sn.holdsQ)
	if ok && err == nil {
		sn.sendHolds(ctx, h)
	}
	return ok, err
}

// sendBatch sends the batch's due deliveries, stopping early when the lease is half
// gone (a slow server or a low rate), the process stops, or the server fails for
// everyone. Then it hands the batch back: deleted when nothing in it is queued any
// more, else due at its earliest retry, or now for what was not tried (so any sender
// may take it at once), but not before the gate opens.
func (sn *sender) sendBatch(ctx context.Context, l lease) {
	leaseEnd := time.Now().Add(sn.s.cfg.Lease / 2)
	var notBefore time.Time
	r := sn.s.emails.For(l.ws) // the workspace as the claim read it: every replica the same
	var k *email.Skeleton      // a batch is one card's: render its email once
	if len(l.items) > 0 {
		k = r.Skeleton(l.kind, l.items[0].card)
	}
	for _, d := range l.items {
		if d.Reason != "" {
			sn.rec.record(outcome{id: d.ID, cardID: d.card.ID, status: "suppressed", lastError: d.Reason, email: d.Email, at: time.Now()})
			continue
		}
		if until := sn.gate.closedUntil(); !until.IsZero() {
			notBefore = until
			break
		}
		if ctx.Err() != nil || time.Now().After(leaseEnd) || !sn.waitRate(ctx, leaseEnd) {
			break
		}
		out := sn.send(ctx, r, l.kind, k, d)
		sn.rec.record(out)
		if out.serverWide {
			notBefore = *out.due
			break
		}
	}
	sn.rec.finish(batchEnd{id: l.batchID, leases: l.leases, notBefore: notBefore})
}

// waitRate waits for the rate limiter, unless that would outlast the lease.
func (sn *sender) waitRate(ctx context.Context, leaseEnd time.Time) bool {
	if sn.limiter.Limit() == rate.Inf {
		return true
	}
	ctx, cancel := context.WithDeadline(ctx, leaseEnd)
	defer cancel()
	return sn.limiter.Wait(ctx) == nil
}

func sleepUntil(ctx context.Context, t time.Time) {
	timer := time.NewTimer(time.Until(t))
	defer timer.Stop()
	select {
	case <-ctx.Done():
	case <-timer.C:
	}
}

package notify

import (
	"context"
	"time"

	"github.com/google/uuid"
)

// recorder writes what senders report. A sender hands over each outcome the moment
// the server answers; one goroutine writes whatever has arrived since its last write
// in one statement (group commit), gathering for at most recordLinger. So a delivery
// is marked sent a few milliseconds after it was accepted — the sends a crash can
// repeat are only those — while the database sees a few hundred statements for
// 17,000 emails, not 17,000.
type recorder struct {
	s        *Service
	in       chan recorded
	progress *progress
}

// recorded is outcomes written in one statement (one, or the deliveries of one
// coalesced email, which must never be half recorded), or the end of a sender's work
// on a batch or hold. An end always comes after its outcomes, and is written after them.
type recorded struct {
	outs []outcome
	end  *batchEnd
}

// batchEnd hands a leased batch (or a requester's hold) back.
type batchEnd struct {
	id        uuid.UUID // the batch, or the hold's requester
	hold      bool      // a delivery_holds row, not a delivery_batches one
	leases    int       // the lease it was taken with; a batch re-leased since is left alone
	notBefore time.Time // zero: as soon as something in it is due
}

const (
	recordBatch  = 500
	recordLinger = 5 * time.Millisecond
)

func newRecorder(s *Service) *recorder {
	return &recorder{s: s, in: make(chan recorded, 4*recordBatch), progress: newProgress(s)}
}

func (r *recorder) record(o outcome)  { r.in <- recorded{outs: []outcome{o}} }
func (r *recorder) finish(e batchEnd) { r.in <- recorded{end: &e} }

// recordAll hands over outcomes that are written in the same statement.
func (r *recorder) recordAll(outs []outcome) { r.in <- recorded{outs: outs} }

// close is called once every sender has stopped; run writes what is left and returns.
func (r *recorder) close() { close(r.in) }

func (r *recorder) run() {
	done := make(chan struct{})
	progressed := make(chan struct{})
	go func() { defer close(progressed); r.progress.run(done) }()
	defer func() { close(done); <-progressed }()
	for first := range r.in {
		outs, ends := []outcome{}, []batchEnd{}
		add := func(x recorded) {
			if x.end == nil {
				outs = append(outs, x.outs...)
			} else {
				ends = append(ends, *x.end)
			}
		}
		add(first)
		// Gather for a few milliseconds: one statement per few dozen emails instead of
		// one per handful costs the database far less per email, and a crash can then
		// repeat only the sends of that window.
		linger := time.NewTimer(recordLinger)
	gather:
		for len(outs)+len(ends) < recordBatch {
			select {
			case x, ok := <-r.in:
				if !ok {
					break gather
				}
				add(x)
			case <-linger.C:
				break gather
			}
		}
		linger.Stop()
		if len(outs) > 0 && r.retry("send outcomes", len(outs), func(ctx context.Context) error { return r.s.writeOutcomes(ctx, outs) }) {
			r.count(outs)
			r.progress.touch(outs)
		}
		if batches, holds := splitEnds(ends); len(batches) > 0 || len(holds) > 0 {
			if len(batches) > 0 {
				r.retry("batch ends", len(batches), func(ctx context.Context) error { return r.s.endBatches(ctx, batches) })
			}
			if len(holds) > 0 {
				r.retry("hold ends", len(holds), func(ctx context.Context) error { return r.s.endHolds(ctx, holds) })
			}
		}
	}
}

// retry tries for up to a minute (a database restart). If it still fails, the
// deliveries stay queued in a leased batch and are sent again when the lease ends:
// a duplicate, never a loss.
func (r *recorder) retry(what string, n int, write func(context.Context) error) bool {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	for attempt := 1; ; attempt++ {
		err := write(ctx)
		if err == nil {
			return true
		}
		if attempt == 1 {
			r.s.log.Warn("notify: recording "+what+" failed; retrying", "err", err, "count", n)
		}
		if ctx.Err() != nil {
			r.s.log.Error("notify: could not record "+what+"; those deliveries will be sent again", "err", err, "count", n)
			return false
		}
		sleepUntil(ctx, time.Now().Add(backoff(attempt, 100*time.Millisecond, 5*time.Second)))
	}
}

func splitEnds(ends []batchEnd) (batches, holds []batchEnd) {
	for _, e := range ends {
		if e.hold {
			holds = append(holds, e)
		} else {
			batches = append(batches, e)
		}
	}
	return batches, holds
}

func (r *recorder) count(outs []outcome) {
	for _, o := range outs {
		label := o.status
		if label == "queued" {
			label = "retry"
		}
		r.s.metrics.deliveries.WithLabelValues(label).Inc()
	}
}

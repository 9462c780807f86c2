package domain

import "context"

// InboundAnswerWaiters is how many answers may wait for a slot at once. One more is
// refused at once with ErrInboundBusy (429 with Retry-After; every tool sends the
// delivery again later): a flood of deliveries then waits in the tools' retry queues,
// not in this process, where each waiter holds a goroutine and its request's body (up
// to 1 MiB). 256 waiters are about a quarter of a second of answers.
var InboundAnswerWaiters = 256

// ErrInboundBusy: InboundAnswerWaiters answers are waiting for a slot already.
var ErrInboundBusy = RateLimited("this Closeloop is answering as many support-tool deliveries as it can; send this one again in a few seconds")

// InboundAnswerSlots is how many of the process's answers to tools use the database at
// once; the others wait their turn in order. Each answer is two short statements
// without a transaction, so a few at a time keep the database busy: a burst of
// deliveries then queues in the process instead of opening a pooled connection (a new
// PostgreSQL backend, cold caches, each statement prepared again) per concurrent
// delivery and running them all at once on the database's cores.
var InboundAnswerSlots = 4

// enter takes an answer's slot (release it with leave); an error if ctx ends first.
func (st *inboundState) enter(ctx context.Context) error {
	select {
	case st.slots <- struct{}{}:
		return nil
	default:
	}
	if st.waiting.Add(1) > int64(InboundAnswerWaiters) {
		st.waiting.Add(-1)
		return ErrInboundBusy
	}
	defer st.waiting.Add(-1)
	select {
	case st.slots <- struct{}{}:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

func (st *inboundState) leave() { <-st.slots }

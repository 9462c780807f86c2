package domain

import "context"

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
	case <-ctx.Done():
		return ctx.Err()
	}
}

func (st *inboundState) leave() { <-st.slots }

package domain

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"sync"
	"sync/atomic"
	"time"

	"github.com/google/uuid"
	"gorm.io/gorm"
)

// The links of inbound events are made after the tool's answer (the webhook receiver's
// usual design: verify, persist, answer, then process). RecordInbound commits the
// event's row with the link still to make (inbound_events.link); a linker makes it in
// a transaction of its own, which clears link in the same commit, so:
//   - every event answered 2xx is linked, once: a row whose link is made has no link
//     left, and a linker that dies mid-way rolls back and leaves the row to the next
//     one (each linker of every replica sweeps for due rows every InboundLinkerSweep
//     besides being woken after each event of its own process);
//   - two linkers never make one link (the row is locked, FOR UPDATE SKIP LOCKED);
//   - a card archived, merged or deleted before its link is made is recorded on the
//     row (outcome and detail), never dropped silently; a failure that may pass
//     (the database, the late-email limit) is tried again later, backing off to a
//     minute apart.
// The linker's transaction commits without waiting for its WAL flush
// (synchronous_commit off): if PostgreSQL crashes before the flush, the link and the
// clearing of the row's link are lost together and the link is made again.

// InboundLinkerSweep is how often a linker looks for links no wake-up announced.
const InboundLinkerSweep = time.Second

// inboundState is the service's inbound plumbing: integrations' secrets, read once
// per process (a delivery's signature is checked before anything else is read), and
// the wake-up of the process's linkers.
type inboundState struct {
	mu      sync.Mutex
	secrets map[uuid.UUID]Integration
	wake    chan struct{}
	// answering counts the events being recorded now; idle is signalled when it
	// drops to 0. Linkers wait for it (at most InboundLinkerYield) before each link.
	answering atomic.Int64
	idle      chan struct{}
	// slots bounds the answers reading or writing the database at once
	// (InboundAnswerSlots).
	slots chan struct{}
	// waiting counts the answers waiting for a slot (InboundAnswerWaiters).
	waiting atomic.Int64
}

// InboundLinkerYield is the longest a linker waits for the process's answers to
// tools to pause before it makes its next link: a link takes three or four times
// the CPU of an answer, and a burst of events is answered first, its links made
// just after; under a steady flood each linker still makes a link every
// InboundLinkerYield.
var InboundLinkerYield = 100 * time.Millisecond

func (st *inboundState) answerStarted() { st.answering.Add(1) }

func (st *inboundState) answerDone() {
	if st.answering.Add(-1) == 0 {
		select {
		case st.idle <- struct{}{}:
		default:
		}
	}
}

// yield waits until no answer is being made, at most InboundLinkerYield.
func (st *inboundState) yield(ctx context.Context) {
	if InboundLinkerYield <= 0 || st.answering.Load() == 0 {
		return
	}
	t := time.NewTimer(InboundLinkerYield)
	defer t.Stop()
	for st.answering.Load() > 0 {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			return
		case <-st.idle:
		}
	}
}

func newInboundState() *inboundState {
	return &inboundState{secrets: map[uuid.UUID]Integration{}, wake: make(chan struct{}, 1), idle: make(chan struct{}, 1),
		slots: make(chan struct{}, max(InboundAnswerSlots, 1))}
}

func (st *inboundState) wakeLinker() {
	select {
	case st.wake <- struct{}{}:
	default:
	}
}

func (st *inboundState) cached(id uuid.UUID) (Integration, bool) {
	st.mu.Lock()
	defer st.mu.Unlock()
	it, ok := st.secrets[id]
	return it, ok
}

func (st *inboundState) keep(it Integration) {
	st.mu.Lock()
	defer st.mu.Unlock()
	if len(st.secrets) > 10000 {
		clear(st.secrets)
	}
	st.secrets[it.ID] = it
}

// ForgetIntegration drops what this process remembers of an integration's secret:
// the next delivery reads it again. RecordInbound checks the secret a delivery was
// verified with against the stored one (ErrIntegrationChanged), so a secret rotated
// by another replica is never trusted for longer than one delivery.
func (s *Service) ForgetIntegration(id uuid.UUID) {
	s.inbound.mu.Lock()
	defer s.inbound.mu.Unlock()
	delete(s.inbound.secrets, id)
}

// StartInboundLinker runs workers linkers until stop is called; stop waits for the
// links being made to finish.
func (s *Service) StartInboundLinker(ctx context.Context, log *slog.Logger, workers int) (stop func()) {
	ctx, cancel := context.WithCancel(ctx)
	var wg sync.WaitGroup
	for range max(workers, 1) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s.runInboundLinker(ctx, log)
		}()
	}
	return func() { cancel(); wg.Wait() }
}

func (s *Service) runInboundLinker(ctx context.Context, log *slog.Logger) {
	tick := time.NewTicker(InboundLinkerSweep)
	defer tick.Stop()
	for ctx.Err() == nil {
		s.inbound.yield(ctx)
		// A link under way is finished even when stop is called meanwhile.
		did, err := s.linkNextInbound(context.WithoutCancel(ctx), uuid.Nil)
		if err != nil && log != nil {
			log.Warn("inbound link", "err", err)
		}
		if did {
			continue
		}
		select {
		case <-ctx.Done():
		case <-s.inbound.wake:
		case <-tick.C:
		}
	}
}

// LinkPendingInbound makes every link that is due now, one after the other, and
// answers how many events it finished (tests; the linkers do the same).
func (s *Service) LinkPendingInbound(ctx context.Context) (int, error) {
	n := 0
	for {
		did, err := s.linkNextInbound(ctx, uuid.Nil)
		if err != nil || !did {
			return n, err
		}
		n++
	}
}

// pendingInboundRow is an event whose link is due, with its card (and the card that one
// was merged into) and its integration.
type pendingInboundRow struct {
	ID              uuid.UUID
	Link            []byte
	IntegrationName string
	IntegrationKind string
	CardID          *uuid.UUID
	Number          *int64
	Archived        *bool
	IntoID          *uuid.UUID
	IntoNumber      *int64
	IntoArchived    *bool
}

// linkNextInbound makes the link of one due event (of integration integ, unless
// uuid.Nil), in a transaction of its own unless ctx carries one; false when none is
// due. A failure that may pass is answered after the event was put off.
func (s *Service) linkNextInbound(ctx context.Context, integ uuid.UUID) (bool, error) {
	var claimed uuid.UUID
	// Its own transaction commits without waiting for the flush (see the top); one it
	// joins (DeleteIntegration) commits as its owner does.
	_, joined := ctx.Value(txKey{}).(*gorm.DB)
	err := s.db.WithTx(ctx, func(ctx context.Context) error {
		var rows []pendingInboundRow
		err := s.db.conn(ctx).Raw(`SELECT e.id, e.link, i.name AS integration_name, i.kind AS integration_kind,
    c.id AS card_id, c.number, c.archived_at IS NOT NULL AS archived,
    m.id AS into_id, m.number AS into_number, m.archived_at IS NOT NULL AS into_archived,
    set_config('synchronous_commit', CASE WHEN ? THEN current_setting('synchronous_commit') ELSE 'off' END, true) AS async
FROM inbound_events e JOIN integrations i ON i.id = e.integration_id
LEFT JOIN cards c ON c.id = e.card_id
LEFT JOIN cards m ON c.archived_at IS NOT NULL AND m.id = c.merged_into_id
WHERE e.link IS NOT NULL AND e.link_after <= now() AND (CAST(? AS uuid) IS NULL OR e.integration_id = ?)
ORDER BY e.link_after LIMIT 1 FOR UPDATE OF e SKIP LOCKED`, joined, nullID(integ), nullID(integ)).Scan(&rows).Error
		if err != nil || len(rows) == 0 {
			return err
		}
		claimed = rows[0].ID
		return s.makeInboundLink(ctx, rows[0])
	})
	if err == nil || claimed == uuid.Nil {
		return claimed != uuid.Nil, err
	}
	if ctx.Err() == nil {
		put := s.db.conn(ctx).Exec(`UPDATE inbound_events SET link_attempts = link_attempts + 1,
 link_after = now() + make_interval(secs => least(60, 2 ^ least(link_attempts, 10))) WHERE id = ? AND link IS NOT NULL`, claimed)
		if put.Error != nil {
			return true, put.Error
		}
	}
	return true, fmt.Errorf("inbound event %s: %w", claimed, err)
}

func nullID(id uuid.UUID) *uuid.UUID {
	if id == uuid.Nil {
		return nil
	}
	return &id
}

// makeInboundLink makes the row's link and records what it made on the row.
func (s *Service) makeInboundLink(ctx context.Context, row pendingInboundRow) error {
	finish := func(outcome, detail string, requester *uuid.UUID) error {
		return s.db.conn(ctx).Exec(`UPDATE inbound_events SET link = NULL, link_after = NULL, outcome = ?, detail = ?,
 requester_id = COALESCE(?, requester_id) WHERE id = ?`, outcome, detail, requester, row.ID).Error
	}
	var p inboundLink
	if err := json.Unmarshal(row.Link, &p); err != nil {
		return finish(OutcomeUnmatched, "the payload could not be linked: link it by hand", nil)
	}
	if row.CardID == nil {
		return finish(OutcomeUnknownCard, "the card was deleted before the link was made", nil)
	}
	cardID, number, archived := *row.CardID, *row.Number, *row.Archived
	merged := ""
	if row.IntoID != nil {
		merged = fmt.Sprintf(" (closeloop-%d was merged into it)", number)
		cardID, number, archived = *row.IntoID, *row.IntoNumber, *row.IntoArchived
	}
	if archived {
		return finish(OutcomeUnknownCard, fmt.Sprintf("closeloop-%d was archived before the link was made; it takes no new requests", number), nil)
	}
	in := LinkRequestInput{Email: p.Email, Name: p.Name, Company: p.Company, Quote: p.Quote, Source: p.Source,
		ConversationURL: p.ConversationURL}
	if p.CustomerID != "" {
		in.customerRef = &customerRef{tool: p.Tool, id: p.CustomerID}
	}
	actor := Actor{Name: row.IntegrationName + " (" + row.IntegrationKind + ")", Role: RoleSupport}
	link, err := s.LinkRequest(ctx, actor, cardID, in)
	switch KindOf(err) {
	case KindInternal, KindRateLimited:
		if err != nil {
			return err // rolled back; tried again later
		}
	case KindConflict:
		return finish(OutcomeUnknownCard, fmt.Sprintf("closeloop-%d was archived before the link was made; it takes no new requests", number), nil)
	case KindNotFound:
		return finish(OutcomeUnknownCard, "the card was deleted before the link was made", nil)
	default:
		return finish(OutcomeUnmatched, "the payload could not be linked ("+err.Error()+"): link it by hand", nil)
	}
	detail := fmt.Sprintf("linked %s to closeloop-%d%s", link.Requester.Email, number, merged)
	if !link.Created {
		detail += " (had asked before; quote added)"
	}
	if link.CardShipped && link.Created {
		detail += "; the card has shipped: the shipped email is on its way"
	}
	return finish(OutcomeLinked, detail, &link.Requester.ID)
}

package notify

import (
	"context"
	"time"

	"github.com/google/uuid"
	mail "github.com/wneessen/go-mail"

	"github.com/closeloop/closeloop/notify/email"
)

// sendHolds sends one email per person whose hold came due: their one held card's
// shipped email as usual, or one email listing every card held for them (coalescing).
// The deliveries of one email are recorded together, all with its Message-ID, so a
// crash repeats at most the whole email, never half of it. It stops early as
// sendBatch does, and hands every hold back.
func (sn *sender) sendHolds(ctx context.Context, l holdLease) {
	leaseEnd := time.Now().Add(sn.s.cfg.Lease / 2)
	var notBefore time.Time
	r := sn.s.emails.For(l.ws)
	skeletons := map[uuid.UUID]*email.Skeleton{} // a card shipped to many people alone is rendered once
	i := 0
	for ; i < len(l.people); i++ {
		p := l.people[i]
		if len(p.items) == 0 {
			continue
		}
		if reason := p.items[0].Reason; reason != "" {
			outs := make([]outcome, len(p.items))
			for j, d := range p.items {
				outs[j] = outcome{id: d.ID, cardID: d.card.ID, status: "suppressed", lastError: reason, email: d.Email, at: time.Now()}
			}
			sn.rec.recordAll(outs)
			continue
		}
		if until := sn.gate.closedUntil(); !until.IsZero() {
			notBefore = until
			break
		}
		if ctx.Err() != nil || time.Now().After(leaseEnd) || !sn.waitRate(ctx, leaseEnd) {
			break
		}
		var outs []outcome
		if len(p.items) == 1 {
			d := p.items[0]
			k, ok := skeletons[d.card.ID]
			if !ok {
				k = r.Skeleton(email.Shipped, d.card)
				skeletons[d.card.ID] = k
			}
			outs = []outcome{sn.send(ctx, r, email.Shipped, k, d)}
		} else {
			outs = sn.sendCoalesced(ctx, r, p.items)
		}
		sn.rec.recordAll(outs)
		if outs[0].serverWide {
			notBefore = *outs[0].due
			break
		}
	}
	for _, p := range l.people {
		sn.rec.finish(batchEnd{id: p.requesterID, hold: true, leases: p.leases, notBefore: notBefore})
	}
}

// sendCoalesced sends one email listing every card of items (one person's held
// deliveries, oldest first) and says what became of each: the same outcome for all.
// Its Message-ID is the first delivery's, so a repeat after a crash has the same one.
func (sn *sender) sendCoalesced(ctx context.Context, r *email.Renderer, items []claimed) []outcome {
	first := items[0]
	msgID := r.MessageID(first.ID)
	var out outcome
	attempts := 0
	for _, d := range items {
		attempts = max(attempts, d.Attempts)
	}
	msg, err := coalescedMessage(r, items, msgID)
	if err != nil {
		out.status, out.lastError, out.at = "failed", errorText(err), time.Now()
	} else {
		sn.transmit(ctx, msg, attempts, &out)
	}
	if out.status == "sent" {
		out.messageID = msgID
	}
	outs := make([]outcome, len(items))
	for i, d := range items {
		o := out
		o.id, o.cardID, o.requesterID, o.email = d.ID, d.card.ID, d.RequesterID, d.Email
		o.bounce = out.bounce && i == 0 // the address is suppressed once
		outs[i] = o
	}
	return outs
}

// coalescedMessage renders the email listing items' cards, each with its own
// "Did this solve it?" link (one answer per delivery), for their one recipient.
func coalescedMessage(r *email.Renderer, items []claimed, msgID string) (*mail.Msg, error) {
	to := items[0].Recipient
	unsubscribe := r.UnsubscribeURL(items[0].RequesterID)
	cards := make([]email.ShippedItem, len(items))
	for i, d := range items {
		cards[i] = email.ShippedItem{Card: d.card, Quote: d.Quote, Reaction: r.ReactionURL(d.ID)}
	}
	e, err := r.RenderCoalesced(cards, to, unsubscribe)
	if err != nil {
		return nil, err
	}
	return r.Message(to, e, unsubscribe, msgID)
}

package notify

import (
	"context"
	"time"

	"github.com/google/uuid"
	mail "github.com/wneessen/go-mail"

	"github.com/closeloop/closeloop/notify/email"
)

// outcome is the result of one send attempt, for the recorder to write.
type outcome struct {
	id          uuid.UUID
	cardID      uuid.UUID // for delivery.progress events
	requesterID uuid.UUID
	status      string     // sent, failed, suppressed, or queued (to retry at due)
	lastError   string     // "" when sent
	messageID   string     // sent only
	email       string     // the address used
	at          time.Time  // when the server answered
	due         *time.Time // queued only
	bounce      bool       // suppress the address from now on
	serverWide  bool       // not written; tells the sender to stop its batch
}

// send renders and sends one delivery and says what became of it. A temporary
// failure is retried later (never given up); a permanent one fails this delivery
// only, and suppresses the address when the mailbox does not exist.
func (sn *sender) send(ctx context.Context, r *email.Renderer, kind email.Kind, k *email.Skeleton, d claimed) outcome {
	out := outcome{id: d.ID, cardID: d.card.ID, requesterID: d.RequesterID, email: d.Email}
	msgID := r.MessageID(d.ID)
	msg, err := message(r, kind, k, d, msgID)
	if err != nil {
		// An address that cannot be written as a header, for instance: sending again
		// would fail the same way.
		out.status, out.lastError, out.at = "failed", errorText(err), time.Now()
		return out
	}
	sn.transmit(ctx, msg, d.Attempts, &out)
	if out.status == "sent" {
		out.messageID = msgID
	}
	return out
}

// transmit hands msg to the mailer and writes what became of it into out: sent, or
// queued again (after attempts so far) or failed, with the error.
func (sn *sender) transmit(ctx context.Context, msg *mail.Msg, attempts int, out *outcome) {
	start := time.Now()
	err := sn.s.mailer.Send(ctx, msg)
	out.at = time.Now()
	sn.s.metrics.sendSeconds.Observe(out.at.Sub(start).Seconds())
	if err == nil {
		sn.gate.ok()
		out.status = "sent"
		return
	}
	v := classify(err)
	out.lastError = errorText(err)
	switch {
	case v.temporary && v.serverWide:
		due, closed := sn.gate.trip()
		out.status, out.due, out.serverWide = "queued", &due, true
		if closed {
			sn.s.log.Warn("notify: mail server unavailable; all senders wait", "until", due.Format(time.RFC3339Nano), "err", out.lastError)
		}
	case v.temporary:
		due := out.at.Add(backoff(attempts+1, 30*time.Second, time.Hour))
		out.status, out.due = "queued", &due
	default:
		out.status, out.bounce = "failed", v.badMailbox
	}
}

// message renders d's email, from the batch's skeleton when it has one (k may be
// nil), and builds the MIME message.
func message(r *email.Renderer, kind email.Kind, k *email.Skeleton, d claimed, msgID string) (*mail.Msg, error) {
	links := email.Links{Unsubscribe: r.UnsubscribeURL(d.RequesterID)}
	if kind.AsksReaction() {
		links.Reaction = r.ReactionURL(d.ID) // per delivery: one answer per email
	}
	var e email.Rendered
	if k != nil {
		e = k.Fill(d.Recipient, links)
	} else {
		var err error
		if e, err = r.Render(kind, d.card, d.Recipient, links); err != nil {
			return nil, err
		}
	}
	return r.Message(d.Recipient, e, links.Unsubscribe, msgID)
}

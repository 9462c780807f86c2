package notify

import (
	"context"
	"time"

	"github.com/google/uuid"

	"github.com/closeloop/closeloop/notify/email"
)

// oneEmail is a River job's single email to one address: a roadmap confirmation or a
// member's invitation or reset link, rendered by the job from its row.
type oneEmail struct {
	what    string // "roadmap confirmation", "member email": for the log
	id      uuid.UUID
	to      string
	render  func(*email.Renderer) (email.Rendered, error)
	markSQL string // sets sent_at ($2) on the row $1 once the server accepted it
}

// sendOne renders and sends e once. A message that cannot be written, or that the mail
// server refuses for good, is logged and dropped: retrying would not change it. A
// temporary failure goes back to River, which retries with backoff.
func (s *Service) sendOne(ctx context.Context, e oneEmail) error {
	emails, err := s.renderer(ctx)
	if err != nil {
		return err
	}
	r, err := e.render(emails)
	if err != nil {
		return err
	}
	msg, err := emails.ConfirmationMessage(e.to, r, emails.MessageID(e.id))
	if err != nil {
		s.log.Warn("notify: a "+e.what+" cannot be written", "id", e.id, "err", err)
		return nil
	}
	if err := s.mailer.Send(ctx, msg); err != nil {
		if v := classify(err); v.temporary {
			return err
		}
		s.log.Warn("notify: the mail server refused a "+e.what, "id", e.id, "err", errorText(err))
		return nil
	}
	_, err = s.pool.Exec(ctx, e.markSQL, e.id, time.Now())
	return err
}

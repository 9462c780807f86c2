package notify

import (
	"context"
	"errors"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"

	"github.com/closeloop/closeloop/domain"
	"github.com/closeloop/closeloop/notify/email"
)

// sampleRecipient stands in when a preview names no requester.
var sampleRecipient = email.Recipient{Name: "Sam Sample", Email: "sam@example.com", Quote: "It would save me an hour every week."}

var errInvalidLink = &domain.Error{Kind: domain.KindNotFound, Message: "this unsubscribe link is not valid"}

// Preview renders the shipped email of a card for one requester (or a sample one),
// with the board's overrides, as it would be sent but for the unsubscribe link, which
// is an unusable one (domain.PreviewUnsubscribeToken); nothing is sent.
func (s *Service) Preview(ctx context.Context, cardID, requesterID uuid.UUID, kind string, draft *domain.EmailTemplate) (domain.EmailPreview, error) {
	if kind == "" {
		kind = domain.EmailShipped
	}
	var c email.Card
	err := s.pool.QueryRow(ctx, `
SELECT c.id, c.title, c.release_note, b.name, COALESCE(et.subject, ''), COALESCE(et.body, ''), COALESCE(n.note, '')
FROM cards c JOIN boards b ON b.id = c.board_id
LEFT JOIN email_templates et ON et.board_id = c.board_id AND et.kind = $2
LEFT JOIN card_status_notes n ON n.card_id = c.id AND n.kind = $2
WHERE c.id = $1`, cardID, kind).
		Scan(&c.ID, &c.Title, &c.ReleaseNote, &c.BoardName, &c.Subject, &c.Body, &c.Note)
	if errors.Is(err, pgx.ErrNoRows) {
		return domain.EmailPreview{}, domain.NotFound("card")
	} else if err != nil {
		return domain.EmailPreview{}, err
	}
	r := sampleRecipient
	if requesterID != uuid.Nil {
		err := s.pool.QueryRow(ctx, `SELECT r.name, r.email, COALESCE(q.quote, '') FROM requesters r
LEFT JOIN requests q ON q.requester_id = r.id AND q.card_id = $2 WHERE r.id = $1`, requesterID, cardID).Scan(&r.Name, &r.Email, &r.Quote)
		if errors.Is(err, pgx.ErrNoRows) {
			return domain.EmailPreview{}, domain.NotFound("requester")
		} else if err != nil {
			return domain.EmailPreview{}, err
		}
	}
	// The reaction link is the delivery's when the person was emailed (so the preview is
	// the email sent, byte for byte, but for the unsubscribe link, which never works in a
	// preview); before that it leads nowhere.
	emails, err := s.renderer(ctx)
	if err != nil {
		return domain.EmailPreview{}, err
	}
	links := email.Links{Unsubscribe: emails.PreviewUnsubscribeURL(), Reaction: s.cfg.BaseURL + "/r/preview"}
	if requesterID != uuid.Nil {
		var deliveryID uuid.UUID
		err := s.pool.QueryRow(ctx, `SELECT id FROM deliveries WHERE card_id = $1 AND requester_id = $2 AND kind = $3`,
			cardID, requesterID, kind).Scan(&deliveryID)
		if err == nil {
			links.Reaction = emails.ReactionURL(deliveryID)
		} else if !errors.Is(err, pgx.ErrNoRows) {
			return domain.EmailPreview{}, err
		}
	}
	if draft != nil {
		c.Subject, c.Body = draft.Subject, draft.Body
	}
	if kind != domain.EmailShipped {
		links.Reaction = ""
	}
	e, err := emails.Render(email.Kind(kind), c, r, links)
	if err != nil {
		return domain.EmailPreview{}, err
	}
	return domain.EmailPreview{Kind: kind, To: r.String(), Subject: e.Subject, Text: e.Text, HTML: e.HTML}, nil
}

// UnsubscribeTarget checks a token and returns the address it unsubscribes; "" when
// the person has been erased meanwhile (there is nothing left to unsubscribe).
func (s *Service) UnsubscribeTarget(ctx context.Context, token string) (string, error) {
	id, err := s.emails.Tokens().Parse(token)
	if err != nil {
		return "", errInvalidLink
	}
	var address string
	err = s.pool.QueryRow(ctx, `SELECT email FROM requesters WHERE id = $1`, id).Scan(&address)
	if errors.Is(err, pgx.ErrNoRows) {
		return "", nil
	}
	return address, err
}

// Unsubscribe stops every notification email of this installation to the token's
// requester, at once. Repeating it changes nothing; a forged or altered token
// changes nothing and is refused.
func (s *Service) Unsubscribe(ctx context.Context, token string) error {
	id, err := s.emails.Tokens().Parse(token)
	if err != nil {
		return errInvalidLink
	}
	_, err = s.pool.Exec(ctx, `
UPDATE requesters SET unsubscribed_at = now(), updated_at = now()
WHERE id = $1 AND unsubscribed_at IS NULL`, id)
	return err
}

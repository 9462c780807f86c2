package domain

import (
	"context"

	"github.com/google/uuid"
)

// Mailroom is what the HTTP layer needs from the notifier: rendering a preview of the
// shipped email and acting on unsubscribe links. notify implements it; cmd injects it.
type Mailroom interface {
	// Preview renders the email of kind (shipped when "") for a card and requester
	// without sending it: with the board's template, or draft when it is not nil (the
	// editor's unsaved text, checked first: 422 as PUT would answer).
	Preview(ctx context.Context, cardID, requesterID uuid.UUID, kind string, draft *EmailTemplate) (EmailPreview, error)
	// UnsubscribeTarget checks a token and returns the address it would unsubscribe.
	UnsubscribeTarget(ctx context.Context, token string) (email string, err error)
	// Unsubscribe checks a token and unsubscribes its address from every notification email.
	Unsubscribe(ctx context.Context, token string) error
	// ReactionDelivery checks a "Did this solve it?" token and returns the delivery
	// (the shipped email) it answers; a forged or altered token is NotFound.
	ReactionDelivery(token string) (uuid.UUID, error)
	// WantConfirmation checks the token of an "I want this too" confirmation link and
	// returns the ask it confirms; a forged or altered token is NotFound.
	WantConfirmation(token string) (uuid.UUID, error)
}

// PreviewUnsubscribeToken stands in a preview for the requester's unsubscribe token
// ("<base>/u/preview"): a preview shows where the link goes, but whoever may preview
// an email must not be handed a link that unsubscribes its requester. No real token
// looks like it (they are 43 base64url characters), and /u/preview unsubscribes nobody.
const PreviewUnsubscribeToken = "preview"

// EmailPreview is a rendered email.
type EmailPreview struct {
	Kind    string `json:"kind"`
	To      string `json:"to"`
	Subject string `json:"subject"`
	Text    string `json:"text"`
	HTML    string `json:"html"`
}

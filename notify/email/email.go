// Package email renders the emails Closeloop sends to requesters and builds their
// MIME messages. It has no database and sends nothing: notify (the delivery queue)
// reads what an email needs, asks this package for the message, and hands it to a
// mailer. Previews use the same path, so a preview is byte for byte what is sent.
//
// What an email is made of, and where the next kinds of email plug in:
//   - a Kind names its templates (templates/<kind>.{html,txt}.tmpl, each a "body"
//     and a "subject" block inside one shared layout per part);
//   - a Card is what the email says about the card, with its board's own wording;
//   - a Sender is who the email speaks as: the team that uses Closeloop, never
//     Closeloop itself;
//   - a Recipient is who it goes to, and the unsubscribe link is theirs.
package email

import (
	"errors"
	"fmt"
	"net/mail"
	"strings"

	"github.com/google/uuid"

	"github.com/closeloop/closeloop/domain"
)

// Kind names an email: which templates render it. It is also deliveries.kind.
type Kind string

// The kinds of email: one per status a card's requesters hear about.
const (
	Shipped    Kind = domain.EmailShipped
	Planned    Kind = domain.EmailPlanned
	InProgress Kind = domain.EmailInProgress
	Declined   Kind = domain.EmailDeclined
)

// AsksReaction says whether the kind's email asks "Did this solve it?", and so needs
// the delivery's reaction link (Links.Reaction).
func (k Kind) AsksReaction() bool { return k == Shipped }

// Card is what an email says about the card, with its board's template of the kind.
type Card struct {
	ID          uuid.UUID
	Title       string
	ReleaseNote string
	BoardName   string
	Subject     string // the board's template subject, placeholders unfilled; "" = the default
	Body        string // the board's template body; "" = the default
	Note        string // the move's note ({{note}}), or ""
}

// Recipient is who an email goes to, with their own words about the card.
type Recipient struct {
	Name  string
	Email string
	Quote string // the request's quote ({{quote}}), or ""
}

// String is the recipient as a To header writes them: the name as the greeting shows
// it (domain.GreetingName), quoted or encoded by net/mail, so it cannot break the header.
func (r Recipient) String() string {
	return (&mail.Address{Name: domain.GreetingName(r.Name), Address: r.Email}).String()
}

// Sender is who every email speaks as: the From address, and the team name and
// signature the body uses (both the From name; "us" and "The team" without one).
type Sender struct {
	From      *mail.Address
	Team      string
	Signature string
}

// ParseSender reads MAIL_FROM once, at start, rather than on every message.
func ParseSender(raw string) (Sender, error) {
	a, err := mail.ParseAddress(raw)
	if err != nil {
		return Sender{}, fmt.Errorf("MAIL_FROM %q is not an address: %v", raw, err)
	}
	a.Name = cleanHeader(a.Name)
	s := Sender{From: a, Team: a.Name, Signature: a.Name} // until the workspace says otherwise (Renderer.For)
	if a.Name == "" {
		s.Team, s.Signature = "us", "The team"
	}
	return s, nil
}

// Rendered is an email's subject and both of its parts.
type Rendered struct {
	Subject, Text, HTML string
}

// Settings are what every email of an installation shares.
type Settings struct {
	BaseURL        string // absolute root of links, without a trailing slash
	Sender         Sender
	Secret         []byte // signs unsubscribe links (at least 16 bytes)
	InstallationID string // names the List-Id
}

// Renderer renders and builds the emails of one installation. It is safe for
// concurrent use and cheap to make (the templates are parsed once per process).
type Renderer struct {
	baseURL    string
	sender     Sender // who the emails speak as (For), base until then
	base       Sender // MAIL_FROM as the operator wrote it
	replyTo    *mail.Address
	accent     string // the workspace's accent colour, #rrggbb
	product    string // the workspace's product name, or ""
	baseListID string // <installation.host>, without a phrase
	tokens     Tokens
	reactions  Tokens
	confirms   Tokens
	listID     string
	hrefPrefix string // baseURL+"/u/" as written inside href="…"
	reactHref  string // baseURL+"/r/" as written inside href="…"
}

// NewRenderer checks the settings and builds the renderer.
func NewRenderer(s Settings) (*Renderer, error) {
	if len(s.Secret) < 16 {
		return nil, errors.New("email: the unsubscribe secret must be at least 16 bytes")
	}
	if s.Sender.From == nil {
		return nil, errors.New("email: no sender address")
	}
	base := strings.TrimRight(s.BaseURL, "/")
	lid := listID(s.InstallationID, base)
	return &Renderer{baseURL: base, sender: s.Sender, base: s.Sender, accent: "#2563eb", baseListID: lid, tokens: Tokens{secret: s.Secret},
		reactions: Tokens{secret: s.Secret, purpose: reactionPurpose},
		confirms:  Tokens{secret: s.Secret, purpose: confirmPurpose},
		listID:    lid, hrefPrefix: hrefPrefixOf(base + "/u/"), reactHref: hrefPrefixOf(base + "/r/")}, nil
}

// Tokens returns the signer of this installation's unsubscribe tokens.
func (r *Renderer) Tokens() Tokens { return r.tokens }

// PreviewUnsubscribeURL is the unusable link a preview carries instead (domain.PreviewUnsubscribeToken).
func (r *Renderer) PreviewUnsubscribeURL() string {
	return r.baseURL + "/u/" + domain.PreviewUnsubscribeToken
}

// UnsubscribeURL is the requester's one-click unsubscribe link.
func (r *Renderer) UnsubscribeURL(requesterID uuid.UUID) string {
	return r.baseURL + "/u/" + r.tokens.Sign(requesterID)
}

// ReactionTokens signs and checks the delivery ids of "Did this solve it?" links.
func (r *Renderer) ReactionTokens() Tokens { return r.reactions }

// ConfirmTokens signs and checks the pending-want ids of roadmap confirmation links.
func (r *Renderer) ConfirmTokens() Tokens { return r.confirms }

// ReactionURL is the "Did this solve it?" link of one delivery, without its
// ?answer=: the shipped email adds yes or no.
func (r *Renderer) ReactionURL(deliveryID uuid.UUID) string {
	return r.baseURL + "/r/" + r.reactions.Sign(deliveryID)
}

// Links are the per-recipient links of one email: the requester's unsubscribe link
// and, for a shipped email, the delivery's reaction link ("" leaves the question
// out, as previews of other kinds do).
type Links struct {
	Unsubscribe string
	Reaction    string
}

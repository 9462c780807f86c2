package domain

import (
	"errors"
	"net/http"
	"time"

	"github.com/google/uuid"
)

// Inbound integrations: a support tool posts its own payload, signed with the
// integration's secret, and the conversation's customer is linked to the card its tag
// or note names (closeloop-12). The tools' shapes and signatures live beside notify
// (integrations/), behind InboundTools.

// IntegrationKinds are the tools an integration can be for.
var IntegrationKinds = []string{"intercom", "zendesk", "freshdesk", "helpscout", "front", "generic"}

// Outcomes of an inbound event.
const (
	OutcomeLinked      = "linked"
	OutcomeDuplicate   = "duplicate"
	OutcomeNoReference = "no_reference"
	OutcomeUnmatched   = "unmatched" // no email in the payload: a person links it by hand
	OutcomeUnknownCard = "unknown_card"
)

// InboundOutcomes lists every outcome (the metrics' label values).
var InboundOutcomes = []string{OutcomeLinked, OutcomeDuplicate, OutcomeNoReference, OutcomeUnmatched, OutcomeUnknownCard}

// Integration is one tool's connection. Secret is only filled where it must be shown
// (created or rotated) or checked (a delivery).
type Integration struct {
	ID        uuid.UUID
	Kind      string
	Name      string
	Secret    string `gorm:"-"`
	CreatedAt time.Time
	UpdatedAt time.Time
}

// InboundDelivery is one POST to /hooks/in/{id} as it was received.
type InboundDelivery struct {
	Header http.Header
	Body   []byte // raw, as received: signatures are over these bytes
	Now    time.Time
}

// InboundEvent is what a tool's payload says, read by its InboundTool.
type InboundEvent struct {
	EventID         string  // the tool's own id of this event ("" when it has none)
	ConversationID  string  // the tool's conversation or ticket id
	References      []int64 // card numbers referenced in tags and notes, first first
	CardID          uuid.UUID
	Email           string
	Name            string
	Company         string
	ExternalUserID  string // the tool's id of the customer
	Quote           string
	ConversationURL string
	Source          string // "" ⇒ the integration's kind
}

// ErrBadSignature is what InboundTool.Verify answers for a delivery that is not
// signed with the secret (wrong, missing, or too old).
var ErrBadSignature = errors.New("bad signature")

// ErrMalformed wraps what InboundTool.Parse answers for a body it cannot read.
var ErrMalformed = errors.New("malformed payload")

// InboundTool verifies and reads one tool's deliveries.
type InboundTool interface {
	// Verify checks the delivery against the secret: ErrBadSignature if it fails.
	Verify(secret string, d InboundDelivery) error
	// Parse reads a verified delivery; an error wrapping ErrMalformed for a body it
	// cannot read.
	Parse(d InboundDelivery) (InboundEvent, error)
}

// InboundTools finds the tool of an integration kind.
type InboundTools interface {
	Tool(kind string) (InboundTool, bool)
}

// InboundResult is what RecordInbound made of an event.
type InboundResult struct {
	EventID uuid.UUID
	Outcome string
	CardID  *uuid.UUID
	Detail  string
}

// InboundLogEntry is one line of an integration's event log.
type InboundLogEntry struct {
	ID              uuid.UUID
	IntegrationID   uuid.UUID
	ReceivedAt      time.Time
	ExternalID      string
	Outcome         string
	CardID          *uuid.UUID
	RequesterEmail  string
	RequesterName   string
	Quote           string
	ConversationURL string
	Detail          string
}

func (InboundLogEntry) TableName() string { return "inbound_events" }

package domain

import (
	"time"

	"github.com/google/uuid"
)

// Service holds Closeloop's use cases. Its methods live in one file per aggregate
// (boards.go, cards.go, requests.go, …) and take ctx first.
type Service struct {
	db       *DB
	notifier Notifier
	signIns  *signInLimits
	limits   Limits
	sinks    []EventSink

	importQueue ImportQueue   // nil: the caller runs imports (imports.go)
	webhooks    WebhookOutbox // nil: webhook URLs are only checked for shape; no test or retry (webhooks.go)
	memberMail  MemberMailer  // nil: the notifier, if it is one (member_links.go)
	inbound     *inboundState // integrations' secrets and the linker's wake-up (inbound_link.go)
}

// NewService builds the service; a nil notifier means NopNotifier. Every sink hears
// every Event (events.go).
func NewService(db *DB, notifier Notifier, sinks ...EventSink) *Service {
	if notifier == nil {
		notifier = NopNotifier{}
	}
	return &Service{db: db, notifier: notifier, signIns: newSignInLimits(), limits: DefaultLimits, sinks: sinks,
		inbound: newInboundState()}
}

// now is the one clock of every use case: UTC, at the microsecond PostgreSQL stores,
// so values written and read back compare equal (keyset cursors depend on it).
func (s *Service) now() time.Time { return time.Now().UTC().Truncate(time.Microsecond) }

// DB exposes the transaction helper to wiring code and other packages' services.
func (s *Service) DB() *DB { return s.db }

// newID returns a time-ordered UUID (v7) for a new row.
func newID() uuid.UUID {
	return uuid.Must(uuid.NewV7())
}

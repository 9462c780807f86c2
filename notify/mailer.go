package notify

import (
	"context"
	"errors"
	"strings"

	mail "github.com/wneessen/go-mail"
)

// Mailer hands a message to the outside world. Send returns nil only once the message
// is accepted (by the SMTP server, or written to the outbox). It is safe for
// concurrent use; implementations bound their own concurrency.
type Mailer interface {
	Send(ctx context.Context, msg *mail.Msg) error
	Name() string
	Close() error
}

// newMailer picks the SMTP mailer when an SMTP URL is configured, the .eml outbox
// otherwise. The URL's pool= and rate= settings win over the config's.
func newMailer(cfg *Config) (Mailer, error) {
	if cfg.SMTPURL == "" {
		return newFileMailer(cfg.DataDir)
	}
	set, err := ParseSMTPURL(cfg.SMTPURL)
	if err != nil {
		return nil, err
	}
	if set.Pool > 0 {
		cfg.Connections = set.Pool
	}
	if set.Rate > 0 {
		cfg.RatePerSecond = set.Rate
	}
	return newSMTPMailer(set, cfg.Connections, cfg.SMTPTimeout)
}

// verdict is what a send failure means for the delivery.
type verdict struct {
	temporary  bool // try again later; otherwise the delivery failed for good
	badMailbox bool // permanent, and the address does not exist: suppress it
	// serverWide: the failure is about the server or the connection, not this
	// recipient, so every sender of this process backs off (see gate).
	serverWide bool
}

// classify reads a send error. An address the server cannot carry (utf8AddressError)
// fails its delivery only. Anything without an SMTP reply code (dial errors,
// timeouts, a dropped connection) is temporary. 4xx is temporary. 5xx is permanent
// for this delivery, except at MAIL FROM or before it (our sender address or our
// credentials are refused: a configuration problem that must not fail every
// delivery), which is treated as a server-wide temporary failure.
func classify(err error) verdict {
	var ue *utf8AddressError
	if errors.As(err, &ue) {
		return verdict{} // permanent for this delivery; the address may well exist
	}
	var se *mail.SendError
	if !errors.As(err, &se) {
		return verdict{temporary: true, serverWide: true}
	}
	code := se.ErrorCode()
	switch {
	case code == 0, code == 421:
		return verdict{temporary: true, serverWide: true}
	case code >= 400 && code < 500:
		return verdict{temporary: true, serverWide: se.Reason != mail.ErrSMTPRcptTo}
	case se.Reason != mail.ErrSMTPRcptTo && se.Reason != mail.ErrSMTPData && se.Reason != mail.ErrSMTPDataClose:
		return verdict{temporary: true, serverWide: true}
	}
	return verdict{badMailbox: isBadMailbox(code, se.EnhancedStatusCode())}
}

// isBadMailbox: enhanced status 5.1.x (bad destination mailbox/address), or, from
// servers that give no enhanced status, 550/551/553.
func isBadMailbox(code int, enhanced string) bool {
	if enhanced != "" {
		return strings.HasPrefix(enhanced, "5.1.")
	}
	return code == 550 || code == 551 || code == 553
}

// errorText keeps last_error readable and bounded.
func errorText(err error) string {
	msg := strings.Join(strings.Fields(err.Error()), " ")
	if len(msg) > 500 {
		msg = strings.ToValidUTF8(msg[:500], "")
	}
	return msg
}

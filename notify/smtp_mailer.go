package notify

import (
	"context"
	"errors"
	"time"

	mail "github.com/wneessen/go-mail"
	"github.com/wneessen/go-mail/smtp"
)

// idleCheck: a connection unused for this long may have been dropped by the server,
// so it is checked with NOOP before it carries a message.
const idleCheck = 10 * time.Second

// NewGoMailClient is the go-mail client the SMTP mailer uses, exported so the
// benchmark's raw ceiling uses exactly the same settings. NOOP and RSET between
// messages are off: a completed DATA ends the SMTP transaction (RFC 5321 §3.3), so
// they only cost two round trips per message; idle connections are still checked.
func NewGoMailClient(set SMTPSettings, timeout time.Duration) (*mail.Client, error) {
	opts := []mail.Option{
		mail.WithPort(set.Port), mail.WithTimeout(timeout), mail.WithoutNoop(), mail.WithoutRset(),
	}
	switch set.TLS {
	case "none":
		opts = append(opts, mail.WithTLSPolicy(mail.NoTLS))
	case "starttls":
		opts = append(opts, mail.WithTLSPolicy(mail.TLSMandatory))
	case "tls":
		opts = append(opts, mail.WithSSL())
	}
	if set.Username != "" {
		auth := mail.SMTPAuthAutoDiscover
		if set.TLS == "none" {
			// Plain text was chosen explicitly (tls=none), e.g. a local Mailpit.
			auth = mail.SMTPAuthPlainNoEnc
		}
		opts = append(opts, mail.WithSMTPAuth(auth), mail.WithUsername(set.Username), mail.WithPassword(set.Password))
	}
	return mail.NewClient(set.Host, opts...)
}

// smtpMailer sends over at most size concurrent connections, each reused for many
// messages. conns holds one slot per connection: taking a slot bounds concurrency.
type smtpMailer struct {
	client *mail.Client
	conns  chan *smtpConn
	addr   string
}

type smtpConn struct {
	c        *smtp.Client // nil until dialled, and after it broke
	lastUsed time.Time
}

func newSMTPMailer(set SMTPSettings, size int, timeout time.Duration) (*smtpMailer, error) {
	client, err := NewGoMailClient(set, timeout)
	if err != nil {
		return nil, err
	}
	m := &smtpMailer{client: client, conns: make(chan *smtpConn, size), addr: set.Addr()}
	for range size {
		m.conns <- &smtpConn{}
	}
	return m, nil
}

func (m *smtpMailer) Name() string { return "smtp " + m.addr }

func (m *smtpMailer) Send(ctx context.Context, msg *mail.Msg) error {
	var conn *smtpConn
	select {
	case conn = <-m.conns:
	case <-ctx.Done():
		return ctx.Err()
	}
	defer func() { m.conns <- conn }()

	fresh := false
	if conn.c != nil && time.Since(conn.lastUsed) > idleCheck && conn.c.Noop() != nil {
		m.drop(conn)
	}
	if conn.c == nil {
		c, err := m.client.DialToSMTPClientWithContext(ctx)
		if err != nil {
			return err
		}
		conn.c, fresh = c, true
	}
	if err := checkSMTPUTF8(conn.c, msg, m.addr); err != nil {
		conn.lastUsed = time.Now()
		return err // nothing was said to the server about this message
	}
	err := m.client.SendWithSMTPClient(conn.c, msg)
	if err != nil && !fresh && failedBeforeMail(err) {
		// A reused connection the server has closed meanwhile (often with a 421 that
		// only shows up now). MAIL FROM was not accepted, so nothing was sent and
		// sending again on a new connection is safe.
		m.drop(conn)
		c, dialErr := m.client.DialToSMTPClientWithContext(ctx)
		if dialErr != nil {
			return dialErr
		}
		conn.c = c
		err = m.client.SendWithSMTPClient(conn.c, msg)
	}
	if err != nil && classify(err).serverWide {
		m.drop(conn) // do not trust a connection that failed under us
	}
	conn.lastUsed = time.Now()
	return err
}

func failedBeforeMail(err error) bool {
	var se *mail.SendError
	return errors.As(err, &se) && (se.Reason == mail.ErrSMTPMailFrom || se.Reason == mail.ErrConnCheck)
}

func (m *smtpMailer) drop(conn *smtpConn) {
	if conn.c != nil {
		conn.c.Close() // the connection is being thrown away
	}
	conn.c = nil
}

// Close says QUIT on every connection and closes it; call it after the senders
// stopped. A server that already dropped an idle connection is not an error.
func (m *smtpMailer) Close() error {
	for range cap(m.conns) {
		conn := <-m.conns
		if conn.c != nil && m.client.CloseWithSMTPClient(conn.c) != nil {
			conn.c.Close() // best effort at shutdown
		}
		conn.c = nil
		defer func() { m.conns <- conn }()
	}
	return nil
}

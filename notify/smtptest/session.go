package smtptest

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/emersion/go-sasl"
	"github.com/emersion/go-smtp"
)

// session is one SMTP connection to the sink.
type session struct {
	sink   *Sink
	authed bool
	from   string
	to     []string
	utf8   bool
}

var errAuthRequired = &smtp.SMTPError{Code: 530, EnhancedCode: smtp.EnhancedCode{5, 7, 0}, Message: "authentication required"}

func (ss *session) AuthMechanisms() []string {
	if ss.sink.opts.Username == "" {
		return nil
	}
	return []string{sasl.Plain}
}

func (ss *session) Auth(mech string) (sasl.Server, error) {
	return sasl.NewPlainServer(func(identity, username, password string) error {
		if username != ss.sink.opts.Username || password != ss.sink.opts.Password {
			return smtp.ErrAuthFailed
		}
		ss.authed = true
		return nil
	}), nil
}

func (ss *session) Mail(from string, opts *smtp.MailOptions) error {
	if ss.sink.opts.Username != "" && !ss.authed {
		return errAuthRequired
	}
	ss.from, ss.utf8 = from, opts != nil && opts.UTF8
	return nil
}

func (ss *session) Rcpt(to string, _ *smtp.RcptOptions) error {
	ss.sink.mu.Lock()
	rejected := ss.sink.reject[strings.ToLower(to)]
	ss.sink.mu.Unlock()
	if rejected {
		return &smtp.SMTPError{Code: 550, EnhancedCode: smtp.EnhancedCode{5, 1, 1}, Message: fmt.Sprintf("<%s>: no such mailbox", to)}
	}
	ss.to = append(ss.to, to)
	return nil
}

func (ss *session) Data(r io.Reader) error {
	var buf bytes.Buffer
	dst := io.Writer(&buf)
	if !ss.sink.opts.KeepMessages {
		dst = io.Discard
	}
	if _, err := io.Copy(dst, r); err != nil {
		return err
	}
	if len(ss.to) == 0 {
		return errors.New("no recipients")
	}
	return ss.sink.accept(ss.from, ss.to, buf.Bytes(), ss.utf8)
}

func (ss *session) Reset()        { ss.from, ss.to, ss.utf8 = "", nil, false }
func (ss *session) Logout() error { return nil }

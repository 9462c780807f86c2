package notify

import (
	"fmt"

	mail "github.com/wneessen/go-mail"
	"github.com/wneessen/go-mail/smtp"
)

// An address with non-ASCII characters before the @ (zoë@example.com) can only travel
// through a server that offers SMTPUTF8 (RFC 6531); go-mail then asks for it on MAIL
// FROM. A server without it would refuse the address or mangle it, so the mailer does
// not try: the delivery fails at once with errUTF8Address, which says why and what
// to do, and the other deliveries go on. (A non-ASCII domain needs no SMTPUTF8: the
// email package writes it in its ASCII form.)
type utf8AddressError struct {
	address, server string
}

func (e *utf8AddressError) Error() string {
	return fmt.Sprintf("not sent: the address %s has non-ASCII characters before the @, and the mail server %s does not offer SMTPUTF8, "+
		"so it cannot carry it; use a mail server that offers SMTPUTF8, or give this person an ASCII address", e.address, e.server)
}

// checkSMTPUTF8 returns a utf8AddressError when msg has an envelope address that
// needs SMTPUTF8 and the connection's server does not offer it.
func checkSMTPUTF8(c *smtp.Client, msg *mail.Msg, server string) error {
	addr := utf8Address(msg)
	if addr == "" {
		return nil
	}
	if ok, _ := c.Extension("SMTPUTF8"); ok {
		return nil
	}
	return &utf8AddressError{address: addr, server: server}
}

// utf8Address is the first envelope address of msg that is not ASCII, or "".
func utf8Address(msg *mail.Msg) string {
	from, _ := msg.GetSender(false)
	rcpts, _ := msg.GetRecipients()
	for _, a := range append([]string{from}, rcpts...) {
		for i := 0; i < len(a); i++ {
			if a[i] >= 0x80 {
				return a
			}
		}
	}
	return ""
}

package email

import (
	"fmt"
	netmail "net/mail"
	"strings"

	"golang.org/x/net/idna"

	"github.com/closeloop/closeloop/domain"
)

// recipientAddress parses a requester's address for the To header and the envelope.
// A non-ASCII domain (ana@bücher.example) is written in its ASCII form
// (ana@xn--bcher-kva.example), which every mail server carries; only a non-ASCII
// local part needs a server with SMTPUTF8, which the mailer checks per delivery.
func recipientAddress(raw, name string) (*netmail.Address, error) {
	addr, err := netmail.ParseAddress(raw)
	if err != nil {
		return nil, fmt.Errorf("cannot email %q: %w", raw, err)
	}
	addr.Name = domain.GreetingName(name) // as greeted; written by net/mail, quoted or encoded as needed
	at := strings.LastIndexByte(addr.Address, '@')
	if host := addr.Address[at+1:]; !ascii(host) {
		a, err := idna.Lookup.ToASCII(host)
		if err != nil {
			return nil, fmt.Errorf("cannot email %q: the domain %q is not a valid internationalised domain name: %v", raw, host, err)
		}
		addr.Address = addr.Address[:at+1] + a
	}
	return addr, nil
}

func ascii(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

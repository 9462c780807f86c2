package webhooks

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/netip"
	"net/url"
	"syscall"
	"time"
)

// The SSRF guard: a webhook may not call into the server's own network. URLs are
// checked when a webhook is saved (422), and every connection is checked again as it
// is dialled, on the address actually dialled, so DNS that changes its answer after
// the check (rebinding) cannot get past it.

var errPrivate = errors.New("resolves to a loopback, private or link-local address, which webhooks may not call")

// blocked reports addresses a webhook may not reach.
func blocked(a netip.Addr) bool {
	a = a.Unmap()
	return a.IsLoopback() || a.IsPrivate() || a.IsLinkLocalUnicast() || a.IsLinkLocalMulticast() ||
		a.IsUnspecified() || a.IsMulticast() || a.IsInterfaceLocalMulticast() || sharedSpace.Contains(a)
}

// sharedSpace is carrier-grade NAT space (RFC 6598), private in all but name.
var sharedSpace = netip.MustParsePrefix("100.64.0.0/10")

// CheckURL refuses a URL whose host does not resolve, or resolves to any blocked
// address (unless private addresses are allowed).
func (o *Outbox) CheckURL(ctx context.Context, raw string) error {
	u, err := url.Parse(raw)
	if err != nil {
		return errors.New("is not a URL")
	}
	host := u.Hostname()
	if a, err := netip.ParseAddr(host); err == nil {
		if !o.cfg.AllowPrivate && blocked(a) {
			return errPrivate
		}
		return nil
	}
	ctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	addrs, err := net.DefaultResolver.LookupNetIP(ctx, "ip", host)
	if err != nil || len(addrs) == 0 {
		return fmt.Errorf("host %q does not resolve", host)
	}
	if o.cfg.AllowPrivate {
		return nil
	}
	for _, a := range addrs {
		if blocked(a) {
			return errPrivate
		}
	}
	return nil
}

// dialControl refuses, at connect time, a blocked address.
func dialControl(allowPrivate bool) func(network, address string, _ syscall.RawConn) error {
	return func(network, address string, _ syscall.RawConn) error {
		if allowPrivate {
			return nil
		}
		ap, err := netip.ParseAddrPort(address)
		if err != nil {
			return fmt.Errorf("webhook dial %s: %w", address, err)
		}
		if blocked(ap.Addr()) {
			return fmt.Errorf("webhook dial %s: %w", address, errPrivate)
		}
		return nil
	}
}

package api

import (
	"net"
	"net/http"

	"github.com/labstack/echo/v4"
)

// clientIP is how the server tells who is calling (sign-in limits, logs). Forwarding
// headers are anyone's to write, so they count only when the peer that connected is one
// of the trusted proxies; then the nearest address in X-Forwarded-For that is not one of
// them is the client (a client cannot hide behind hops it writes itself), or X-Real-IP
// when the proxy sends only that. With no trusted proxies, the peer is the client.
func clientIP(trusted []*net.IPNet) echo.IPExtractor {
	if len(trusted) == 0 {
		return echo.ExtractIPDirect()
	}
	// Echo trusts loopback, link-local and private ranges unless told not to.
	opts := []echo.TrustOption{echo.TrustLoopback(false), echo.TrustLinkLocal(false), echo.TrustPrivateNet(false)}
	for _, n := range trusted {
		opts = append(opts, echo.TrustIPRange(n))
	}
	fromXFF, fromRealIP := echo.ExtractIPFromXFFHeader(opts...), echo.ExtractIPFromRealIPHeader(opts...)
	return func(r *http.Request) string {
		if len(r.Header.Values(echo.HeaderXForwardedFor)) > 0 {
			return fromXFF(r)
		}
		return fromRealIP(r)
	}
}

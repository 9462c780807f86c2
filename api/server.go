// Package api is Closeloop's HTTP layer: Echo routes, handlers, request/response
// types, authentication, and the single table that maps domain errors to HTTP.
package api

import (
	"cmp"
	"context"
	"io/fs"
	"log/slog"
	"net"
	"net/http"
	"sync"
	"time"

	"github.com/labstack/echo/v4"
	"github.com/prometheus/client_golang/prometheus"

	"github.com/closeloop/closeloop/domain"
)

// Deps is everything the HTTP layer needs, built by cmd.
type Deps struct {
	Service *domain.Service
	Log     *slog.Logger
	// Ready reports whether the database is reachable and migrated (for /readyz).
	Ready func(ctx context.Context) error
	// Registry receives HTTP metrics and is served on /metrics.
	Registry *prometheus.Registry
	// UI is the built web app; UIBuilt is false when only the placeholder is embedded.
	UI      fs.FS
	UIBuilt bool
	// SecureCookies marks the session cookie Secure (when the base URL is https).
	SecureCookies bool
	// TrustedProxies are the peers whose X-Forwarded-For / X-Real-IP name the client
	// (CLOSELOOP_TRUSTED_PROXIES); from anyone else those headers are ignored.
	TrustedProxies []*net.IPNet
	// HSTS sends Strict-Transport-Security on every answer (when the base URL is https).
	HSTS bool
	// Mailroom renders previews and handles unsubscribe links (notify.Service).
	Mailroom domain.Mailroom
	// BaseURL is the absolute root of links the public roadmap's feed writes
	// (CLOSELOOP_BASE_URL); "" takes the request's host.
	BaseURL string
	// Inbound reads what support tools post to /api/v1/hooks/in/{id} (integrations.Tools).
	Inbound domain.InboundTools
	// EventHeartbeat and EventStreamFor shorten GET /events' heartbeat and stream life
	// (tests); zero takes the defaults of events.go.
	EventHeartbeat, EventStreamFor time.Duration
}

// Server serves the v1 API, the unsubscribe pages, health endpoints and the web UI.
type Server struct {
	deps        Deps
	log         *slog.Logger
	echo        *echo.Echo
	httpMetrics *httpMetrics
	inbound     *inboundMetrics
	cardPages   *cardPages
	boardReads  slots
	searches    slots
	events      *eventHub
	// eventHeartbeat and eventStreamFor are Deps' (or the defaults of events.go).
	eventHeartbeat, eventStreamFor time.Duration
	// routeSet is every "METHOD /path" registered, for Allow headers (methods.go).
	routeSet     map[string]bool
	routeSetOnce sync.Once
}

// New builds the server with every route registered.
func New(deps Deps) *Server {
	if deps.Log == nil {
		deps.Log = slog.Default()
	}
	if deps.Registry == nil {
		deps.Registry = prometheus.NewRegistry()
	}
	e := echo.New()
	e.HideBanner = true
	e.HidePort = true
	e.IPExtractor = clientIP(deps.TrustedProxies)
	s := &Server{deps: deps, log: deps.Log, echo: e, httpMetrics: newHTTPMetrics(deps.Registry),
		inbound:   newInboundMetrics(deps.Registry),
		cardPages: newCardPages(), boardReads: newSlots(boardReadSlots()), searches: newSlots(searchSlots()), events: newEventHub(deps.Service, deps.Log),
		eventHeartbeat: cmp.Or(deps.EventHeartbeat, eventHeartbeat), eventStreamFor: cmp.Or(deps.EventStreamFor, eventStreamFor)}
	e.HTTPErrorHandler = s.handleError
	s.routes()
	return s
}

// Handler returns the root HTTP handler (HEAD is answered as GET: methods.go).
func (s *Server) Handler() http.Handler { return http.HandlerFunc(s.serveHTTP) }

// Routes lists every registered method and path (the OpenAPI test compares them).
func (s *Server) Routes() []*echo.Route { return s.echo.Routes() }

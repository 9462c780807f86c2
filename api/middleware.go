package api

import (
	"strconv"
	"strings"
	"time"

	"github.com/labstack/echo/v4"
	"github.com/prometheus/client_golang/prometheus"
)

// logRequests writes one slog line per request, with the request id.
func (s *Server) logRequests(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		start := time.Now()
		err := next(c)
		if err != nil {
			c.Error(err)
		}
		req, res := c.Request(), c.Response()
		s.log.Info("http",
			"method", requestMethod(c), "path", loggedPath(req.URL.Path), "status", res.Status,
			"took_ms", float64(time.Since(start).Microseconds())/1000,
			"request_id", res.Header().Get(echo.HeaderXRequestID), "remote", c.RealIP())
		return nil
	}
}

// linkPaths carry a member link's token, which sets a password: logs show the route only.
var linkPaths = []string{"/api/v1/session/links/", "/invite/", "/reset-password/"}

func loggedPath(p string) string {
	for _, prefix := range linkPaths {
		if strings.HasPrefix(p, prefix) {
			return prefix + "…"
		}
	}
	return p
}

// securityHeaders sets the headers every response carries. API answers hold people's
// names, addresses and quotes: no cache, shared or the browser's, may keep them.
func (s *Server) securityHeaders(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		h := c.Response().Header()
		if p := c.Request().URL.Path; p == "/api/v1" || strings.HasPrefix(p, "/api/v1/") {
			h.Set("Cache-Control", "no-store")
		}
		if s.deps.HSTS {
			h.Set("Strict-Transport-Security", "max-age=31536000")
		}
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Referrer-Policy", "same-origin")
		h.Set("Cross-Origin-Opener-Policy", "same-origin")
		h.Set("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'")
		return next(c)
	}
}

type httpMetrics struct {
	requests *prometheus.CounterVec
	latency  *prometheus.HistogramVec
}

func newHTTPMetrics(reg prometheus.Registerer) *httpMetrics {
	m := &httpMetrics{
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "closeloop_http_requests_total", Help: "HTTP requests by method, route and status.",
		}, []string{"method", "route", "status"}),
		latency: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name: "closeloop_http_request_duration_seconds", Help: "HTTP request latency by method and route.",
			Buckets: []float64{.001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5},
		}, []string{"method", "route"}),
	}
	reg.MustRegister(m.requests, m.latency)
	return m
}

// measure records request counts and latencies by route pattern and one of a fixed few
// methods (never raw paths or methods: what clients send cannot add series).
func (s *Server) measure(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		start := time.Now()
		err := next(c)
		if err != nil {
			c.Error(err)
		}
		route := c.Path()
		if route == "" {
			route = "unmatched"
		}
		method := requestMethod(c)
		s.httpMetrics.requests.WithLabelValues(method, route, strconv.Itoa(c.Response().Status)).Inc()
		s.httpMetrics.latency.WithLabelValues(method, route).Observe(time.Since(start).Seconds())
		return nil
	}
}

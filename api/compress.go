package api

import (
	"net/http"
	"strings"

	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"
)

// API answers are gzip-compressed when the client accepts it and the body is at least
// compressMinLength bytes: a 5,000-card board is 2.1 MB of JSON and about a tenth of
// that compressed. Left alone: the web app (ui.go compresses its own assets), event
// streams (each event must reach the browser when it is written, not when a gzip block
// fills) and small answers (below ~1 kB gzip saves nothing). Only GET and HEAD answers
// are considered: the others (a card created, a help desk's event recorded) are small,
// and the middleware resets a gzip writer twice for every answer it then leaves plain
// (about 0.2 ms of CPU, a tenth of an inbound event's; docs/benchmarks.md, Inbound).
const compressMinLength = 1024

func (s *Server) compressAPI() echo.MiddlewareFunc {
	gzip := middleware.GzipWithConfig(middleware.GzipConfig{
		Level:     5,
		MinLength: compressMinLength,
		Skipper: func(c echo.Context) bool {
			r := c.Request()
			return (r.Method != http.MethodGet && r.Method != http.MethodHead) || !strings.HasPrefix(r.URL.Path, "/api/") ||
				strings.Contains(r.Header.Get(echo.HeaderAccept), "text/event-stream")
		},
	})
	return func(next echo.HandlerFunc) echo.HandlerFunc {
		inner := gzip(next)
		return func(c echo.Context) error {
			res := c.Response()
			res.Writer = &weakETagWriter{ResponseWriter: res.Writer}
			return inner(c)
		}
	}
}

// weakETagWriter turns a strong ETag ("3") into a weak one (W/"3") when the body goes out
// gzip-compressed: a strong validator promises the same bytes, and the compressed bytes
// differ from the plain ones (RFC 9110 8.8.1). If-Match takes either form (etag.go), so a
// client that sends back what it received still writes with the right precondition.
type weakETagWriter struct {
	http.ResponseWriter
	wrote bool
}

func (w *weakETagWriter) weaken() {
	if w.wrote {
		return
	}
	w.wrote = true
	h := w.Header()
	if h.Get(echo.HeaderContentEncoding) == "" {
		return
	}
	if tag := h.Get("ETag"); strings.HasPrefix(tag, `"`) {
		h.Set("ETag", "W/"+tag)
	}
}

func (w *weakETagWriter) WriteHeader(code int) {
	w.weaken()
	w.ResponseWriter.WriteHeader(code)
}

func (w *weakETagWriter) Write(b []byte) (int, error) {
	w.weaken()
	return w.ResponseWriter.Write(b)
}

func (w *weakETagWriter) Flush() {
	w.weaken()
	_ = http.NewResponseController(w.ResponseWriter).Flush()
}

func (w *weakETagWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

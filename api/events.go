package api

import (
	"net/http"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/closeloop/closeloop/domain"
)

const (
	// eventHeartbeat: a comment line this often keeps proxies from closing an idle
	// stream and lets the server notice a browser that left; the caller's credentials
	// are checked again each time (a revoked token or ended session stops its stream).
	eventHeartbeat = 15 * time.Second
	// eventStreamFor: a stream ends after this long and the browser reconnects (with
	// Last-Event-ID, losing nothing), which spreads streams over replicas again.
	eventStreamFor = 30 * time.Minute
)

// HearLiveEvent hands an event heard by the process's listener (live.Listener) to
// every open GET /events stream.
func (s *Server) HearLiveEvent(ev domain.LiveEvent) { s.events.hear(ev) }

// LiveStreams is how many GET /events streams this process has open.
func (s *Server) LiveStreams() int { return s.events.streams() }

// streamEvents answers GET /events: Server-Sent Events of every change, each with its
// id, until the browser leaves (EventSource reconnects by itself, sending Last-Event-ID).
func (s *Server) streamEvents(c echo.Context) error {
	res := c.Response()
	h := res.Header()
	h.Set(echo.HeaderContentType, "text/event-stream")
	h.Set("X-Accel-Buffering", "no") // nginx: pass each event on at once
	if requestMethod(c) == http.MethodHead {
		res.WriteHeader(http.StatusOK)
		return nil
	}
	sub, backlog := s.events.subscribe(c.Request().Header.Get("Last-Event-ID"))
	defer s.events.unsubscribe(sub)
	// The server's WriteTimeout would end the stream; each write sets its own deadline.
	rc := http.NewResponseController(res)
	write := func(b []byte) error {
		if err := rc.SetWriteDeadline(time.Now().Add(10 * time.Second)); err != nil && err != http.ErrNotSupported {
			return err
		}
		if _, err := res.Write(b); err != nil {
			return err
		}
		return rc.Flush()
	}
	res.WriteHeader(http.StatusOK)
	if err := write([]byte("retry: 1000\n: connected\n\n")); err != nil {
		return nil
	}
	for _, f := range backlog {
		if err := write(f); err != nil {
			return nil
		}
	}
	heartbeat := time.NewTicker(s.eventHeartbeat)
	defer heartbeat.Stop()
	end := time.NewTimer(s.eventStreamFor)
	defer end.Stop()
	ctx := c.Request().Context()
	for {
		select {
		case <-ctx.Done():
			return nil
		case <-end.C:
			return nil
		case f, ok := <-sub.ch:
			if !ok { // fell behind and was dropped: the browser reconnects and catches up
				return nil
			}
			if err := write(f); err != nil {
				return nil
			}
		case <-heartbeat.C:
			if _, err := s.authenticate(c); err != nil {
				return nil
			}
			if err := write([]byte(": ping\n\n")); err != nil {
				return nil
			}
		}
	}
}

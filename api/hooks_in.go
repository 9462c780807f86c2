package api

import (
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"time"

	"github.com/google/uuid"
	"github.com/labstack/echo/v4"
	"github.com/prometheus/client_golang/prometheus"

	"github.com/closeloop/closeloop/domain"
)

// Rejections of inbound deliveries, beside the outcomes of recorded events: each is
// only counted, never recorded.
const (
	rejectUnknownIntegration = "unknown_integration"
	rejectBadSignature       = "bad_signature"
	rejectMalformed          = "malformed"
	rejectTooLarge           = "too_large"
	rejectBusy               = "busy" // 429: domain.InboundAnswerWaiters deliveries were waiting already
)

type inboundMetrics struct {
	events *prometheus.CounterVec
}

func newInboundMetrics(reg prometheus.Registerer) *inboundMetrics {
	m := &inboundMetrics{events: prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "closeloop_inbound_events_total",
		Help: "Deliveries from support tools by outcome (linked, duplicate, no_reference, unmatched, unknown_card) or rejection (unknown_integration, bad_signature, malformed, too_large, busy).",
	}, []string{"outcome"})}
	for _, o := range append(append([]string{}, domain.InboundOutcomes...),
		rejectUnknownIntegration, rejectBadSignature, rejectMalformed, rejectTooLarge, rejectBusy) {
		m.events.WithLabelValues(o) // every series from the start, at 0
	}
	reg.MustRegister(m.events)
	return m
}

type hookAnswer struct {
	ID      uuid.UUID  `json:"id"`
	Outcome string     `json:"outcome"`
	CardID  *uuid.UUID `json:"card_id"`
	Detail  string     `json:"detail"`
}

// hookIn: POST /api/v1/hooks/in/{integration_id}, a support tool's own payload,
// verified by the integration's secret over the raw body. 2xx only once the event is
// committed; what is refused (404 unknown integration, 413 above 1 MiB, 401
// bad_signature, 400 malformed JSON, 429 when domain.InboundAnswerWaiters deliveries
// are waiting already) records nothing but a counter.
func (s *Server) hookIn(c echo.Context) error {
	err := s.hookDelivery(c)
	if errors.Is(err, domain.ErrInboundBusy) { // from any of its reads: the tool retries
		c.Response().Header().Set("Retry-After", "5")
		s.inbound.events.WithLabelValues(rejectBusy).Inc()
	}
	return err
}

// hookDelivery is hookIn but for the deliveries refused because too many wait.
func (s *Server) hookDelivery(c echo.Context) error {
	ctx := c.Request().Context()
	reject := func(reason string, err error) error {
		s.inbound.events.WithLabelValues(reason).Inc()
		return err
	}
	notFound := &requestError{status: http.StatusNotFound, detail: ErrorDetail{Code: "not_found", Message: "no such integration"}}
	id, err := uuid.Parse(c.Param("integration_id"))
	if err != nil {
		return reject(rejectUnknownIntegration, notFound)
	}
	integ, err := s.deps.Service.IntegrationWithSecret(ctx, id)
	if domain.KindOf(err) == domain.KindNotFound {
		return reject(rejectUnknownIntegration, notFound)
	}
	if err != nil {
		return err
	}
	var tool domain.InboundTool
	if s.deps.Inbound != nil {
		tool, _ = s.deps.Inbound.Tool(integ.Kind)
	}
	if tool == nil {
		return fmt.Errorf("no inbound tool for kind %q", integ.Kind)
	}
	tooLarge := &requestError{status: http.StatusRequestEntityTooLarge, detail: ErrorDetail{
		Code: "body_too_large", Message: fmt.Sprintf("request body is larger than %d bytes", maxBody)}}
	req := c.Request()
	if req.ContentLength > maxBody {
		return reject(rejectTooLarge, tooLarge)
	}
	body, err := io.ReadAll(io.LimitReader(req.Body, maxBody+1))
	if err != nil {
		return reject(rejectMalformed, badRequest("malformed_body", "could not read the request body", nil))
	}
	if len(body) > maxBody {
		return reject(rejectTooLarge, tooLarge)
	}
	// Every tool posts JSON; a body sent as anything else (a form a page on another site
	// could post) is refused like any other JSON write.
	if mt, _, err := mime.ParseMediaType(req.Header.Get(echo.HeaderContentType)); err != nil || mt != "application/json" {
		return reject(rejectMalformed, &requestError{status: http.StatusUnsupportedMediaType, detail: ErrorDetail{
			Code: "unsupported_media_type", Message: "send the body as JSON with Content-Type: application/json"}})
	}
	d := domain.InboundDelivery{Header: req.Header, Body: body, Now: time.Now()}
	badSignature := &requestError{status: http.StatusUnauthorized, detail: ErrorDetail{
		Code: "bad_signature", Message: "the delivery is not signed with this integration's secret (or its timestamp is too old)"}}
	// The secret this process remembers may be an old one (rotated on another replica):
	// a delivery it refuses is checked again with the stored one.
	verify := func(fresh bool) (bool, error) {
		if fresh {
			s.deps.Service.ForgetIntegration(id)
			again, err := s.deps.Service.IntegrationWithSecret(ctx, id)
			if err != nil {
				return false, err
			}
			if again.Secret == integ.Secret {
				return false, nil
			}
			integ = again
		}
		return tool.Verify(integ.Secret, d) == nil, nil
	}
	ok, err := verify(false)
	if !ok && err == nil {
		ok, err = verify(true)
	}
	if domain.KindOf(err) == domain.KindNotFound {
		return reject(rejectUnknownIntegration, notFound)
	}
	if err != nil {
		return err
	}
	if !ok {
		return reject(rejectBadSignature, badSignature)
	}
	ev, err := tool.Parse(d)
	if err != nil {
		if !errors.Is(err, domain.ErrMalformed) {
			s.log.Warn("inbound parse", "integration", integ.ID, "err", err)
		}
		return reject(rejectMalformed, badRequest("malformed_body", "the request body is not valid JSON of this tool's shape", nil))
	}
	res, err := s.deps.Service.RecordInbound(ctx, integ, ev)
	if errors.Is(err, domain.ErrIntegrationChanged) {
		// Rotated meanwhile: the delivery counts only if the new secret signed it.
		if ok, err = verify(true); err == nil && !ok {
			return reject(rejectBadSignature, badSignature)
		}
		if err == nil {
			res, err = s.deps.Service.RecordInbound(ctx, integ, ev)
		}
	}
	if domain.KindOf(err) == domain.KindNotFound {
		s.deps.Service.ForgetIntegration(id)
		return reject(rejectUnknownIntegration, notFound)
	}
	if err != nil {
		return err
	}
	s.inbound.events.WithLabelValues(res.Outcome).Inc()
	return c.JSON(http.StatusOK, hookAnswer{ID: res.EventID, Outcome: res.Outcome, CardID: res.CardID, Detail: res.Detail})
}

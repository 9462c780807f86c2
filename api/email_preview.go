package api

import (
	"net/http"
	"slices"

	"github.com/google/uuid"
	"github.com/labstack/echo/v4"

	"github.com/closeloop/closeloop/domain"
)

// emailPreview: GET /api/v1/cards/{id}/email-preview?requester_id=&kind= renders the
// email of kind (shipped by default) as that requester (or a sample one) would get it,
// with the board's template (or the draft subject= and body=, checked as PUT checks
// them), and an unusable unsubscribe link; nothing is sent. Editors only: they
// write what the email says.
func (s *Server) emailPreview(c echo.Context) error {
	id, err := pathID(c, "id")
	if err != nil {
		return err
	}
	var requesterID uuid.UUID
	if raw := c.QueryParam("requester_id"); raw != "" {
		if requesterID, err = uuid.Parse(raw); err != nil {
			return badRequest("invalid_id", "requester_id is not a UUID", map[string]string{"requester_id": "must be a UUID"})
		}
	}
	kind := c.QueryParam("kind")
	if kind == "" {
		kind = domain.EmailShipped
	}
	if !slices.Contains(domain.EmailKinds, kind) {
		return domain.Invalid("kind", "must be one of shipped, planned, in_progress, declined")
	}
	var draft *domain.EmailTemplate
	if c.QueryParams().Has("subject") || c.QueryParams().Has("body") {
		p := domain.Problems{}
		subject, body := domain.CheckTemplate(p, c.QueryParam("subject"), c.QueryParam("body"))
		if err := p.Err(); err != nil {
			return err
		}
		draft = &domain.EmailTemplate{Kind: kind, Subject: subject, Body: body}
	}
	preview, err := s.deps.Mailroom.Preview(c.Request().Context(), id, requesterID, kind, draft)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, preview)
}

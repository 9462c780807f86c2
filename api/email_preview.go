package api

import (
	"net/http"

	"github.com/google/uuid"
	"github.com/labstack/echo/v4"
)

// emailPreview: GET /api/v1/cards/{id}/email-preview?requester_id= renders the shipped
// email as that requester (or a sample one) would get it, with the board's subject
// and intro; nothing is sent.
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
	preview, err := s.deps.Mailroom.Preview(c.Request().Context(), id, requesterID)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, preview)
}

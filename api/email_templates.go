package api

import (
	"net/http"
	"time"

	"github.com/google/uuid"
	"github.com/labstack/echo/v4"

	"github.com/closeloop/closeloop/domain"
)

// templateResponse is a board's template of one kind (issue 12).
type templateResponse struct {
	BoardID   uuid.UUID  `json:"board_id"`
	Kind      string     `json:"kind"`
	Subject   string     `json:"subject"`
	Body      string     `json:"body"`
	Custom    bool       `json:"custom"`
	UpdatedAt *time.Time `json:"updated_at"`
}

func toTemplate(t domain.EmailTemplate) templateResponse {
	return templateResponse{BoardID: t.BoardID, Kind: t.Kind, Subject: t.Subject, Body: t.Body, Custom: t.Custom, UpdatedAt: t.UpdatedAt}
}

type putTemplateRequest struct {
	Subject string `json:"subject"`
	Body    string `json:"body"`
}

func (s *Server) listTemplates(c echo.Context) error {
	id, err := pathID(c, "id")
	if err != nil {
		return err
	}
	list, err := s.deps.Service.EmailTemplates(c.Request().Context(), id)
	if err != nil {
		return err
	}
	items := make([]templateResponse, len(list))
	for i, t := range list {
		items[i] = toTemplate(t)
	}
	return c.JSON(http.StatusOK, map[string]any{"items": items, "placeholders": domain.TemplatePlaceholders})
}

func (s *Server) putTemplate(c echo.Context) error {
	id, err := pathID(c, "id")
	if err != nil {
		return err
	}
	var req putTemplateRequest
	if err := decodeJSON(c, &req); err != nil {
		return err
	}
	t, err := s.deps.Service.PutEmailTemplate(c.Request().Context(), actorFrom(c), id, c.Param("kind"), req.Subject, req.Body)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, toTemplate(t))
}

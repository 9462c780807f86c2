package api

import (
	"net/http"
	"time"

	"github.com/google/uuid"
	"github.com/labstack/echo/v4"

	"github.com/closeloop/closeloop/domain"
)

type integrationBody struct {
	Kind   string `json:"kind"`
	Name   string `json:"name"`
	Secret string `json:"secret"`
}

type secretBody struct {
	Secret string `json:"secret"`
}

type integrationResponse struct {
	ID        uuid.UUID `json:"id"`
	Kind      string    `json:"kind"`
	Name      string    `json:"name"`
	URL       string    `json:"url"`
	Secret    string    `json:"secret,omitempty"` // only when created or rotated
	CreatedAt time.Time `json:"created_at"`
}

func (s *Server) toIntegration(c echo.Context, it domain.Integration) integrationResponse {
	return integrationResponse{ID: it.ID, Kind: it.Kind, Name: it.Name, URL: s.absoluteRoot(c) + "/api/v1/hooks/in/" + it.ID.String(),
		CreatedAt: it.CreatedAt.UTC()}
}

func (s *Server) createIntegration(c echo.Context) error {
	var body integrationBody
	if err := decodeJSON(c, &body); err != nil {
		return err
	}
	it, err := s.deps.Service.CreateIntegration(c.Request().Context(), domain.NewIntegration{Kind: body.Kind, Name: body.Name, Secret: body.Secret})
	if err != nil {
		return err
	}
	resp := s.toIntegration(c, it)
	resp.Secret = it.Secret
	return c.JSON(http.StatusCreated, resp)
}

func (s *Server) listIntegrations(c echo.Context) error {
	list, err := s.deps.Service.ListIntegrations(c.Request().Context(), pageOf(c))
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, listOf(list, func(it domain.Integration) integrationResponse { return s.toIntegration(c, it) }))
}

func (s *Server) deleteIntegration(c echo.Context) error {
	id, err := pathID(c, "id")
	if err != nil {
		return err
	}
	if err := s.deps.Service.DeleteIntegration(c.Request().Context(), id); err != nil {
		return err
	}
	return c.NoContent(http.StatusNoContent)
}

func (s *Server) rotateIntegrationSecret(c echo.Context) error {
	id, err := pathID(c, "id")
	if err != nil {
		return err
	}
	var body secretBody
	if c.Request().ContentLength != 0 {
		if err := decodeJSON(c, &body); err != nil {
			return err
		}
	}
	it, err := s.deps.Service.RotateIntegrationSecret(c.Request().Context(), id, body.Secret)
	if err != nil {
		return err
	}
	resp := s.toIntegration(c, it)
	resp.Secret = it.Secret
	return c.JSON(http.StatusOK, resp)
}

type inboundEventResponse struct {
	ID              uuid.UUID  `json:"id"`
	ReceivedAt      time.Time  `json:"received_at"`
	ExternalID      string     `json:"external_id"`
	Outcome         string     `json:"outcome"`
	CardID          *uuid.UUID `json:"card_id"`
	RequesterEmail  string     `json:"requester_email"`
	RequesterName   string     `json:"requester_name"`
	Quote           string     `json:"quote"`
	ConversationURL string     `json:"conversation_url"`
	Detail          string     `json:"detail"`
}

func toInboundEvent(e domain.InboundLogEntry) inboundEventResponse {
	return inboundEventResponse{ID: e.ID, ReceivedAt: e.ReceivedAt.UTC(), ExternalID: e.ExternalID, Outcome: e.Outcome, CardID: e.CardID,
		RequesterEmail: e.RequesterEmail, RequesterName: e.RequesterName, Quote: e.Quote, ConversationURL: e.ConversationURL, Detail: e.Detail}
}

func (s *Server) listIntegrationEvents(c echo.Context) error {
	id, err := pathID(c, "id")
	if err != nil {
		return err
	}
	list, err := s.deps.Service.IntegrationEvents(c.Request().Context(), id, pageOf(c))
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, listOf(list, toInboundEvent))
}

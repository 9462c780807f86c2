package api

import (
	"net/http"
	"time"

	"github.com/google/uuid"
	"github.com/labstack/echo/v4"

	"github.com/closeloop/closeloop/domain"
)

type webhookResponse struct {
	ID          uuid.UUID `json:"id"`
	URL         string    `json:"url"`
	Format      string    `json:"format"`
	Events      []string  `json:"events"`
	Description string    `json:"description"`
	Enabled     bool      `json:"enabled"`
	CreatedAt   time.Time `json:"created_at"`
	UpdatedAt   time.Time `json:"updated_at"`
	// Secret (whsec_…) is present only in the answer that creates the webhook.
	Secret string `json:"secret,omitempty"`
}

func toWebhook(w domain.Webhook) webhookResponse {
	events := []string(w.Events)
	if events == nil {
		events = []string{}
	}
	return webhookResponse{ID: w.ID, URL: w.URL, Format: w.Format, Events: events, Description: w.Description,
		Enabled: w.Enabled, CreatedAt: w.CreatedAt, UpdatedAt: w.UpdatedAt}
}

type webhookDeliveryResponse struct {
	ID            uuid.UUID  `json:"id"`
	EventType     string     `json:"event_type"`
	Status        string     `json:"status"`
	Attempts      int        `json:"attempts"`
	LastStatus    *int       `json:"last_status"`
	LastError     string     `json:"last_error"`
	NextAttemptAt *time.Time `json:"next_attempt_at"`
	CreatedAt     time.Time  `json:"created_at"`
}

func toWebhookDelivery(d domain.WebhookDelivery) webhookDeliveryResponse {
	return webhookDeliveryResponse{ID: d.ID, EventType: d.EventType, Status: d.Status, Attempts: d.Attempts,
		LastStatus: d.LastStatus, LastError: d.LastError, NextAttemptAt: d.NextAttemptAt, CreatedAt: d.CreatedAt}
}

type webhookRequest struct {
	URL         *string   `json:"url"`
	Events      *[]string `json:"events"`
	Format      *string   `json:"format"`
	Description *string   `json:"description"`
	Enabled     *bool     `json:"enabled"`
}

func (r webhookRequest) input() domain.WebhookInput {
	return domain.WebhookInput{URL: r.URL, Events: r.Events, Format: r.Format, Description: r.Description, Enabled: r.Enabled}
}

func (s *Server) listWebhooks(c echo.Context) error {
	list, err := s.deps.Service.ListWebhooks(c.Request().Context(), pageOf(c))
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, listOf(list, toWebhook))
}

func (s *Server) createWebhook(c echo.Context) error {
	var req webhookRequest
	if err := decodeJSON(c, &req); err != nil {
		return err
	}
	w, err := s.deps.Service.CreateWebhook(c.Request().Context(), req.input())
	if err != nil {
		return err
	}
	resp := toWebhook(w)
	resp.Secret = w.Secret
	return c.JSON(http.StatusCreated, resp)
}

func (s *Server) updateWebhook(c echo.Context) error {
	id, err := pathID(c, "id")
	if err != nil {
		return err
	}
	var req webhookRequest
	if err := decodeJSON(c, &req); err != nil {
		return err
	}
	w, err := s.deps.Service.UpdateWebhook(c.Request().Context(), id, req.input())
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, toWebhook(w))
}

func (s *Server) deleteWebhook(c echo.Context) error {
	id, err := pathID(c, "id")
	if err != nil {
		return err
	}
	if err := s.deps.Service.DeleteWebhook(c.Request().Context(), id); err != nil {
		return err
	}
	return c.NoContent(http.StatusNoContent)
}

// testWebhook answers 202 with the webhook.test delivery it queued.
func (s *Server) testWebhook(c echo.Context) error {
	id, err := pathID(c, "id")
	if err != nil {
		return err
	}
	d, err := s.deps.Service.TestWebhook(c.Request().Context(), id)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusAccepted, toWebhookDelivery(d))
}

func (s *Server) listWebhookDeliveries(c echo.Context) error {
	id, err := pathID(c, "id")
	if err != nil {
		return err
	}
	list, err := s.deps.Service.ListWebhookDeliveries(c.Request().Context(), id, pageOf(c))
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, listOf(list, toWebhookDelivery))
}

// retryWebhookDelivery answers 202 with the delivery, pending again; 409 while it still is.
func (s *Server) retryWebhookDelivery(c echo.Context) error {
	id, err := pathID(c, "id")
	if err != nil {
		return err
	}
	deliveryID, err := pathID(c, "delivery_id")
	if err != nil {
		return err
	}
	d, err := s.deps.Service.RetryWebhookDelivery(c.Request().Context(), id, deliveryID)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusAccepted, toWebhookDelivery(d))
}

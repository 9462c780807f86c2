package api

import (
	"net/http"
	"time"

	"github.com/google/uuid"
	"github.com/labstack/echo/v4"

	"github.com/closeloop/closeloop/domain"
)

type createConversationBody struct {
	URL            string `json:"url"`
	RequesterEmail string `json:"requester_email"`
	Excerpt        string `json:"excerpt"`
}

type conversationResponse struct {
	ID          uuid.UUID  `json:"id"`
	CardID      uuid.UUID  `json:"card_id"`
	URL         string     `json:"url"`
	Tool        string     `json:"tool"`
	ExternalID  string     `json:"external_id"`
	RequesterID *uuid.UUID `json:"requester_id"`
	// RequesterEmail and RequesterName are filled in lists, for display.
	RequesterEmail string    `json:"requester_email,omitempty"`
	RequesterName  string    `json:"requester_name,omitempty"`
	Excerpt        string    `json:"excerpt"`
	CreatedAt      time.Time `json:"created_at"`
}

func toConversation(c domain.Conversation) conversationResponse {
	return conversationResponse{ID: c.ID, CardID: c.CardID, URL: c.URL, Tool: c.Tool, ExternalID: c.ExternalID,
		RequesterID: c.RequesterID, RequesterEmail: c.RequesterEmail, RequesterName: c.RequesterName,
		Excerpt: c.Excerpt, CreatedAt: c.CreatedAt.UTC()}
}

// createConversation links a conversation to a card: 201 when new, 200 with the
// existing one when the card already has this URL. An unknown requester_email creates
// the requester but no request.
func (s *Server) createConversation(c echo.Context) error {
	cardID, err := pathID(c, "id")
	if err != nil {
		return err
	}
	var body createConversationBody
	if err := decodeJSON(c, &body); err != nil {
		return err
	}
	conv, created, err := s.deps.Service.AddConversation(c.Request().Context(), actorFrom(c), cardID, domain.AddConversationInput{
		URL: body.URL, RequesterEmail: body.RequesterEmail, Excerpt: body.Excerpt,
	})
	if err != nil {
		return err
	}
	status := http.StatusOK
	if created {
		status = http.StatusCreated
	}
	return c.JSON(status, toConversation(conv))
}

func (s *Server) listConversations(c echo.Context) error {
	cardID, err := pathID(c, "id")
	if err != nil {
		return err
	}
	list, err := s.deps.Service.ListConversations(c.Request().Context(), cardID, pageOf(c))
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, listOf(list, toConversation))
}

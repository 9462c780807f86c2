package api

import (
	"net/http"
	"time"

	"github.com/google/uuid"
	"github.com/labstack/echo/v4"

	"github.com/closeloop/closeloop/domain"
)

type createRequestBody struct {
	Email           string `json:"email"`
	Name            string `json:"name"`
	Company         string `json:"company"`
	Quote           string `json:"quote"`
	Source          string `json:"source"`
	ConversationURL string `json:"conversation_url"`
}

type requesterBrief struct {
	ID      uuid.UUID `json:"id"`
	Email   string    `json:"email"`
	Name    string    `json:"name"`
	Company string    `json:"company"`
}

type quoteResponse struct {
	Text     string    `json:"text"`
	Source   string    `json:"source"`
	LinkedBy string    `json:"linked_by"`
	At       time.Time `json:"at"`
}

// requestResponse is one card × requester link.
type requestResponse struct {
	CardID    uuid.UUID       `json:"card_id"`
	Requester requesterBrief  `json:"requester"`
	Quote     string          `json:"quote"`
	Source    string          `json:"source"`
	Quotes    []quoteResponse `json:"quotes"`
	LinkedBy  string          `json:"linked_by"`
	CreatedAt time.Time       `json:"created_at"`
	UpdatedAt time.Time       `json:"updated_at"`
}

// requestItem is a request in a card's list, with the requester's conversations on the card.
type requestItem struct {
	requestResponse
	Conversations []conversationResponse `json:"conversations"`
}

// linkResponse answers POST /cards/{id}/requests.
type linkResponse struct {
	requestResponse
	CardShipped  bool                  `json:"card_shipped"`
	Conversation *conversationResponse `json:"conversation,omitempty"`
}

func toRequest(r domain.Request) requestResponse {
	quotes := make([]quoteResponse, len(r.Quotes))
	for i, q := range r.Quotes {
		quotes[i] = quoteResponse{Text: q.Text, Source: q.Source, LinkedBy: q.LinkedBy, At: q.At.UTC()}
	}
	return requestResponse{
		CardID:    r.CardID,
		Requester: requesterBrief{ID: r.Requester.ID, Email: r.Requester.Email, Name: r.Requester.Name, Company: r.Requester.Company},
		Quote:     r.Quote, Source: r.Source, Quotes: quotes, LinkedBy: r.LinkedBy,
		CreatedAt: r.CreatedAt.UTC(), UpdatedAt: r.UpdatedAt.UTC(),
	}
}

// createRequest links a requester to a card: 201 for a new link, 200 when they had
// already asked (the new quote is kept too).
func (s *Server) createRequest(c echo.Context) error {
	cardID, err := pathID(c, "id")
	if err != nil {
		return err
	}
	var body createRequestBody
	if err := decodeJSON(c, &body); err != nil {
		return err
	}
	res, err := s.deps.Service.LinkRequest(c.Request().Context(), actorFrom(c), cardID, domain.LinkRequestInput{
		Email: body.Email, Name: body.Name, Company: body.Company, Quote: body.Quote,
		Source: body.Source, ConversationURL: body.ConversationURL,
	})
	if err != nil {
		return err
	}
	out := linkResponse{requestResponse: toRequest(res.Request), CardShipped: res.CardShipped}
	if res.Conversation != nil {
		conv := toConversation(*res.Conversation)
		out.Conversation = &conv
	}
	status := http.StatusOK
	if res.Created {
		status = http.StatusCreated
	}
	return c.JSON(status, out)
}

func (s *Server) listRequests(c echo.Context) error {
	cardID, err := pathID(c, "id")
	if err != nil {
		return err
	}
	list, err := s.deps.Service.ListCardRequests(c.Request().Context(), cardID, pageOf(c))
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, listOf(list, func(r domain.Request) requestItem {
		item := requestItem{requestResponse: toRequest(r), Conversations: make([]conversationResponse, len(r.Conversations))}
		for j, conv := range r.Conversations {
			item.Conversations[j] = toConversation(conv)
		}
		return item
	}))
}

func (s *Server) deleteRequest(c echo.Context) error {
	cardID, err := pathID(c, "id")
	if err != nil {
		return err
	}
	requesterID, err := pathID(c, "requester_id")
	if err != nil {
		return err
	}
	if err := s.deps.Service.UnlinkRequest(c.Request().Context(), actorFrom(c), cardID, requesterID); err != nil {
		return err
	}
	return c.NoContent(http.StatusNoContent)
}

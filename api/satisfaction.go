package api

import (
	"net/http"
	"time"

	"github.com/google/uuid"
	"github.com/labstack/echo/v4"

	"github.com/closeloop/closeloop/domain"
)

// reactionCounts is card JSON's reactions: answers to "Did this solve it?".
type reactionCounts struct {
	Yes int `json:"yes"`
	No  int `json:"no"`
}

type satisfactionCard struct {
	CardID    uuid.UUID `json:"card_id"`
	Title     string    `json:"title"`
	ShippedAt time.Time `json:"shipped_at"`
	Yes       int       `json:"yes"`
	No        int       `json:"no"`
}

type satisfactionDay struct {
	Day string `json:"day"` // YYYY-MM-DD, UTC
	Yes int    `json:"yes"`
	No  int    `json:"no"`
}

type satisfactionResponse struct {
	Items      []satisfactionCard `json:"items"`
	NextCursor *string            `json:"next_cursor"`
	Totals     reactionCounts     `json:"totals"`
	Days       []satisfactionDay  `json:"days"`
}

// boardSatisfaction: GET /boards/{id}/satisfaction — the board's shipped cards with
// their answers, newest first, plus the board's totals and answers per day.
func (s *Server) boardSatisfaction(c echo.Context) error {
	id, err := pathID(c, "id")
	if err != nil {
		return err
	}
	sat, err := s.deps.Service.BoardSatisfaction(c.Request().Context(), id, pageOf(c))
	if err != nil {
		return err
	}
	out := satisfactionResponse{Items: make([]satisfactionCard, len(sat.Items)), NextCursor: nextCursor(sat.NextCursor),
		Totals: reactionCounts{Yes: sat.Yes, No: sat.No}, Days: make([]satisfactionDay, len(sat.Days))}
	for i, it := range sat.Items {
		out.Items[i] = satisfactionCard{CardID: it.CardID, Title: it.Title, ShippedAt: it.ShippedAt.UTC(), Yes: it.Yes, No: it.No}
	}
	for i, d := range sat.Days {
		out.Days[i] = satisfactionDay{Day: d.Day.UTC().Format("2006-01-02"), Yes: d.Yes, No: d.No}
	}
	return c.JSON(http.StatusOK, out)
}

type reactionResponse struct {
	DeliveryID uuid.UUID          `json:"delivery_id"`
	Requester  *requesterRefShort `json:"requester"` // null once erased
	Answer     string             `json:"answer"`
	Comment    string             `json:"comment"`
	AnsweredAt time.Time          `json:"answered_at"`
}

type requesterRefShort struct {
	ID    uuid.UUID `json:"id"`
	Email string    `json:"email"`
	Name  string    `json:"name"`
}

// cardReactions: GET /cards/{id}/reactions — each answer with who gave it, newest first.
func (s *Server) cardReactions(c echo.Context) error {
	id, err := pathID(c, "id")
	if err != nil {
		return err
	}
	list, err := s.deps.Service.CardReactions(c.Request().Context(), id, pageOf(c))
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, listOf(list, func(r domain.Reaction) reactionResponse {
		out := reactionResponse{DeliveryID: r.DeliveryID, Answer: r.Answer, Comment: r.Comment, AnsweredAt: r.AnsweredAt.UTC()}
		if r.Requester != nil {
			out.Requester = &requesterRefShort{ID: r.Requester.ID, Email: r.Requester.Email, Name: r.Requester.Name}
		}
		return out
	}))
}

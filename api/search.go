package api

import (
	"net/http"

	"github.com/google/uuid"
	"github.com/labstack/echo/v4"

	"github.com/closeloop/closeloop/domain"
)

// searchHitResponse is one result of GET /search: type card (with card, board, match)
// or requester (with requester).
type searchHitResponse struct {
	Type      string             `json:"type"`
	Rank      float64            `json:"rank"`
	Card      *cardResponse      `json:"card,omitempty"`
	Board     *searchBoard       `json:"board,omitempty"`
	Match     *searchMatch       `json:"match,omitempty"`
	Requester *requesterResponse `json:"requester,omitempty"`
}

type searchBoard struct {
	ID   uuid.UUID `json:"id"`
	Name string    `json:"name"`
}

type searchMatch struct {
	Field     string          `json:"field"`
	Text      string          `json:"text"`
	Requester *requesterBrief `json:"requester"`
}

type searchResponse struct {
	listResponse[searchHitResponse]
	Terms []string `json:"terms"`
}

// search answers GET /search?q=&limit=&cursor= across every board.
func (s *Server) search(c echo.Context) error {
	ctx := c.Request().Context()
	var res domain.SearchResults
	q := c.QueryParam("q")
	err := s.searching(ctx, q, func() (err error) {
		res, err = s.deps.Service.Search(ctx, q, pageOf(c))
		return err
	})
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, searchResponse{listResponse: listOf(res.List, toSearchHit), Terms: res.Terms})
}

func toSearchHit(h domain.SearchHit) searchHitResponse {
	out := searchHitResponse{Type: h.Type, Rank: h.Rank}
	if h.Card != nil {
		card := toCard(*h.Card)
		out.Card = &card
	}
	if h.Board != nil {
		out.Board = &searchBoard{ID: h.Board.ID, Name: h.Board.Name}
	}
	if h.Match != nil {
		out.Match = &searchMatch{Field: h.Match.Field, Text: h.Match.Text}
		if r := h.Match.Requester; r != nil {
			out.Match.Requester = &requesterBrief{ID: r.ID, Email: r.Email, Name: r.Name, Company: r.Company}
		}
	}
	if h.Requester != nil {
		r := toRequester(*h.Requester)
		out.Requester = &r
	}
	return out
}

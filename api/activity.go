package api

import (
	"net/http"
	"time"

	"github.com/google/uuid"
	"github.com/labstack/echo/v4"

	"github.com/closeloop/closeloop/domain"
)

type activityResponse struct {
	ID           uuid.UUID      `json:"id"`
	CardID       *uuid.UUID     `json:"card_id"`
	BoardID      *uuid.UUID     `json:"board_id"`
	Actor        string         `json:"actor"`
	Action       string         `json:"action"`
	FromColumnID *uuid.UUID     `json:"from_column_id"`
	ToColumnID   *uuid.UUID     `json:"to_column_id"`
	Detail       map[string]any `json:"detail"`
	CreatedAt    time.Time      `json:"created_at"`
}

// listActivity answers a card's history, newest first.
func (s *Server) listActivity(c echo.Context) error {
	id, err := pathID(c, "id")
	if err != nil {
		return err
	}
	list, err := s.deps.Service.ListActivity(c.Request().Context(), id, pageOf(c))
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, listOf(list, func(a domain.Activity) activityResponse {
		detail := map[string]any(a.Detail)
		if detail == nil {
			detail = map[string]any{}
		}
		return activityResponse{ID: a.ID, CardID: a.CardID, BoardID: a.BoardID, Actor: a.Actor, Action: a.Action,
			FromColumnID: a.FromColumnID, ToColumnID: a.ToColumnID, Detail: detail, CreatedAt: a.CreatedAt.UTC()}
	}))
}

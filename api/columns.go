package api

import (
	"net/http"
	"time"

	"github.com/google/uuid"
	"github.com/labstack/echo/v4"

	"github.com/closeloop/closeloop/domain"
)

type createColumnBody struct {
	Name          string `json:"name"`
	Stage         string `json:"stage"`
	Position      *int   `json:"position"` // 0-based; absent: last
	NotifyDefault bool   `json:"notify_default"`
}

type updateColumnBody struct {
	Name          *string `json:"name"`
	Stage         *string `json:"stage"`
	Position      *int    `json:"position"`
	NotifyDefault *bool   `json:"notify_default"`
}

type columnResponse struct {
	ID       uuid.UUID `json:"id"`
	BoardID  uuid.UUID `json:"board_id"`
	Name     string    `json:"name"`
	Stage    string    `json:"stage"`
	Position int       `json:"position"`
	// NotifyDefault: the UI pre-selects "email the requesters" for a move into it.
	NotifyDefault bool      `json:"notify_default"`
	CreatedAt     time.Time `json:"created_at"`
	UpdatedAt     time.Time `json:"updated_at"`
}

func toColumn(c domain.Column) columnResponse {
	return columnResponse{ID: c.ID, BoardID: c.BoardID, Name: c.Name, Stage: string(c.Stage), Position: c.Position,
		NotifyDefault: c.NotifyDefault, CreatedAt: c.CreatedAt.UTC(), UpdatedAt: c.UpdatedAt.UTC()}
}

func (s *Server) createColumn(c echo.Context) error {
	boardID, err := pathID(c, "id")
	if err != nil {
		return err
	}
	var body createColumnBody
	if err := decodeJSON(c, &body); err != nil {
		return err
	}
	col, err := s.deps.Service.CreateColumn(c.Request().Context(), actorFrom(c), boardID, domain.NewColumn{
		Name: body.Name, Stage: domain.Stage(body.Stage), Position: body.Position, NotifyDefault: body.NotifyDefault})
	if err != nil {
		return err
	}
	return c.JSON(http.StatusCreated, toColumn(col))
}

func (s *Server) updateColumn(c echo.Context) error {
	id, err := pathID(c, "id")
	if err != nil {
		return err
	}
	var body updateColumnBody
	if err := decodeJSON(c, &body); err != nil {
		return err
	}
	patch := domain.ColumnPatch{Name: body.Name, Position: body.Position, NotifyDefault: body.NotifyDefault}
	if body.Stage != nil {
		stage := domain.Stage(*body.Stage)
		patch.Stage = &stage
	}
	col, err := s.deps.Service.UpdateColumn(c.Request().Context(), actorFrom(c), id, patch)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, toColumn(col))
}

// deleteColumn answers 409 while the column holds cards, saying how many and what to do.
func (s *Server) deleteColumn(c echo.Context) error {
	id, err := pathID(c, "id")
	if err != nil {
		return err
	}
	if err := s.deps.Service.DeleteColumn(c.Request().Context(), actorFrom(c), id); err != nil {
		return err
	}
	return c.NoContent(http.StatusNoContent)
}

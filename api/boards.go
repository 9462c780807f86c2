package api

import (
	"net/http"
	"time"

	"github.com/google/uuid"
	"github.com/labstack/echo/v4"

	"github.com/closeloop/closeloop/domain"
)

type columnSpecBody struct {
	Name          string `json:"name"`
	Stage         string `json:"stage"`
	NotifyDefault bool   `json:"notify_default"`
}

type createBoardBody struct {
	Name        string           `json:"name"`
	Description string           `json:"description"`
	Columns     []columnSpecBody `json:"columns"` // absent or null: the default four; [] is refused
}

type updateBoardBody struct {
	Name         *string `json:"name"`
	Description  *string `json:"description"`
	EmailSubject *string `json:"email_subject"`
	EmailIntro   *string `json:"email_intro"`
	Public       *bool   `json:"public"`
	Slug         *string `json:"slug"`
}

type boardResponse struct {
	ID           uuid.UUID        `json:"id"`
	Name         string           `json:"name"`
	Description  string           `json:"description"`
	Columns      []columnResponse `json:"columns"`
	EmailSubject string           `json:"email_subject"`
	EmailIntro   string           `json:"email_intro"`
	Public       bool             `json:"public"`
	Slug         *string          `json:"slug"`
	CreatedAt    time.Time        `json:"created_at"`
	UpdatedAt    time.Time        `json:"updated_at"`
}

func toBoard(b domain.Board) boardResponse {
	cols := make([]columnResponse, len(b.Columns))
	for i, c := range b.Columns {
		cols[i] = toColumn(c)
	}
	return boardResponse{ID: b.ID, Name: b.Name, Description: b.Description, Columns: cols,
		EmailSubject: b.EmailSubject, EmailIntro: b.EmailIntro, Public: b.Public, Slug: b.Slug,
		CreatedAt: b.CreatedAt.UTC(), UpdatedAt: b.UpdatedAt.UTC()}
}

func (s *Server) listBoards(c echo.Context) error {
	list, err := s.deps.Service.ListBoards(c.Request().Context(), pageOf(c))
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, listOf(list, toBoard))
}

func (s *Server) createBoard(c echo.Context) error {
	var body createBoardBody
	if err := decodeJSON(c, &body); err != nil {
		return err
	}
	in := domain.NewBoard{Name: body.Name, Description: body.Description}
	if body.Columns != nil {
		in.Columns = make([]domain.ColumnSpec, len(body.Columns))
		for i, col := range body.Columns {
			in.Columns[i] = domain.ColumnSpec{Name: col.Name, Stage: domain.Stage(col.Stage), NotifyDefault: col.NotifyDefault}
		}
	}
	b, err := s.deps.Service.CreateBoard(c.Request().Context(), actorFrom(c), in)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusCreated, toBoard(b))
}

func (s *Server) getBoard(c echo.Context) error {
	id, err := pathID(c, "id")
	if err != nil {
		return err
	}
	b, err := s.deps.Service.Board(c.Request().Context(), id)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, toBoard(b))
}

func (s *Server) updateBoard(c echo.Context) error {
	id, err := pathID(c, "id")
	if err != nil {
		return err
	}
	var body updateBoardBody
	if err := decodeJSON(c, &body); err != nil {
		return err
	}
	b, err := s.deps.Service.UpdateBoard(c.Request().Context(), actorFrom(c), id, domain.BoardPatch{
		Name: body.Name, Description: body.Description, EmailSubject: body.EmailSubject, EmailIntro: body.EmailIntro,
		Public: body.Public, Slug: body.Slug})
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, toBoard(b))
}

func (s *Server) deleteBoard(c echo.Context) error {
	id, err := pathID(c, "id")
	if err != nil {
		return err
	}
	if err := s.deps.Service.DeleteBoard(c.Request().Context(), actorFrom(c), id); err != nil {
		return err
	}
	return c.NoContent(http.StatusNoContent)
}

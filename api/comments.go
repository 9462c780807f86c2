package api

import (
	"context"
	"net/http"
	"time"

	"github.com/google/uuid"
	"github.com/labstack/echo/v4"

	"github.com/closeloop/closeloop/domain"
)

type commentBody struct {
	Body string `json:"body"`
}

type commentResponse struct {
	ID        uuid.UUID  `json:"id"`
	CardID    uuid.UUID  `json:"card_id"`
	AuthorID  *uuid.UUID `json:"author_id"`
	Author    string     `json:"author"`
	Body      string     `json:"body"`
	CreatedAt time.Time  `json:"created_at"`
	UpdatedAt time.Time  `json:"updated_at"`
}

func toComment(m domain.Comment) commentResponse {
	return commentResponse{ID: m.ID, CardID: m.CardID, AuthorID: m.AuthorID, Author: m.Author, Body: m.Body,
		CreatedAt: m.CreatedAt.UTC(), UpdatedAt: m.UpdatedAt.UTC()}
}

func (s *Server) createComment(c echo.Context) error {
	return s.writeComment(c, http.StatusCreated, s.deps.Service.AddComment)
}

func (s *Server) updateComment(c echo.Context) error {
	return s.writeComment(c, http.StatusOK, s.deps.Service.UpdateComment)
}

// writeComment is a comment's create (id is the card's) and edit (id is the comment's):
// the path id and the body go to write, the comment comes back with status.
func (s *Server) writeComment(c echo.Context, status int,
	write func(context.Context, domain.Actor, uuid.UUID, string) (domain.Comment, error)) error {
	id, err := pathID(c, "id")
	if err != nil {
		return err
	}
	var body commentBody
	if err := decodeJSON(c, &body); err != nil {
		return err
	}
	m, err := write(c.Request().Context(), actorFrom(c), id, body.Body)
	if err != nil {
		return err
	}
	return c.JSON(status, toComment(m))
}

// listComments answers a card's comments, oldest first.
func (s *Server) listComments(c echo.Context) error {
	id, err := pathID(c, "id")
	if err != nil {
		return err
	}
	list, err := s.deps.Service.ListComments(c.Request().Context(), id, pageOf(c))
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, listOf(list, toComment))
}

func (s *Server) deleteComment(c echo.Context) error {
	id, err := pathID(c, "id")
	if err != nil {
		return err
	}
	if err := s.deps.Service.DeleteComment(c.Request().Context(), actorFrom(c), id); err != nil {
		return err
	}
	return c.NoContent(http.StatusNoContent)
}

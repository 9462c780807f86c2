package api

import (
	"net/http"
	"net/url"

	"github.com/labstack/echo/v4"

	"github.com/closeloop/closeloop/domain"
)

type labelPatchBody struct {
	Name  *string `json:"name"`
	Color *string `json:"color"`
}

// listBoardLabels answers the board's labels with colour and live-card count.
func (s *Server) listBoardLabels(c echo.Context) error {
	id, err := pathID(c, "id")
	if err != nil {
		return err
	}
	labels, err := s.deps.Service.BoardLabels(c.Request().Context(), id)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, map[string]any{"items": labels, "next_cursor": nil})
}

// updateBoardLabel renames and/or recolours a label across the board.
func (s *Server) updateBoardLabel(c echo.Context) error {
	id, err := pathID(c, "id")
	if err != nil {
		return err
	}
	name, err := url.PathUnescape(c.Param("name"))
	if err != nil {
		return badRequest("invalid_path", "the label name in the path is not URL-encoded correctly", map[string]string{"name": "is not URL-encoded correctly"})
	}
	var body labelPatchBody
	if err := decodeJSON(c, &body); err != nil {
		return err
	}
	l, err := s.deps.Service.UpdateBoardLabel(c.Request().Context(), actorFrom(c), id, name, domain.LabelPatch{Name: body.Name, Color: body.Color})
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, l)
}

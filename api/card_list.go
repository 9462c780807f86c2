package api

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/closeloop/closeloop/domain"
)

// listCards answers GET /boards/{id}/cards?column_id=&kind=&q=&label=&sort=&limit=&cursor=.
func (s *Server) listCards(c echo.Context) error {
	boardID, err := pathID(c, "id")
	if err != nil {
		return err
	}
	limit, cursor, err := pageParams(c)
	if err != nil {
		return err
	}
	f := domain.CardFilter{Query: c.QueryParam("q"), Label: c.QueryParam("label"),
		Sort: domain.CardSort(c.QueryParam("sort")), Page: domain.Page{Limit: limit, Cursor: cursor}}
	if raw := c.QueryParam("column_id"); raw != "" {
		id, err := bodyID("column_id", raw)
		if err != nil {
			return err
		}
		f.ColumnID = &id
	}
	if raw := c.QueryParam("kind"); raw != "" {
		kind := domain.CardKind(raw)
		f.Kind = &kind
	}
	list, err := s.deps.Service.ListCards(c.Request().Context(), boardID, f)
	if err != nil {
		return err
	}
	items := make([]cardResponse, len(list.Items))
	for i, card := range list.Items {
		items[i] = toCard(card)
	}
	return c.JSON(http.StatusOK, listResponse[cardResponse]{Items: items, NextCursor: nextCursor(list.NextCursor)})
}

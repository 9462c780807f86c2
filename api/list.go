package api

import (
	"strconv"

	"github.com/labstack/echo/v4"

	"github.com/closeloop/closeloop/domain"
)

// listResponse is the shape of every list: items and the cursor of the next page (null at the end).
type listResponse[T any] struct {
	Items      []T     `json:"items"`
	NextCursor *string `json:"next_cursor"`
}

// listOf maps a domain list's items to their response shape.
func listOf[D, T any](list domain.List[D], item func(D) T) listResponse[T] {
	items := make([]T, len(list.Items))
	for i, d := range list.Items {
		items[i] = item(d)
	}
	return listResponse[T]{Items: items, NextCursor: nextCursor(list.NextCursor)}
}

// pageOf reads ?limit= and ?cursor=. The domain checks both (domain/page.go): a
// limit that is not a whole number from 1 up is passed on as -1, which it refuses
// like any other out of range (0 would mean "the default" there).
func pageOf(c echo.Context) domain.Page {
	pg := domain.Page{Cursor: c.QueryParam("cursor")}
	if raw := c.QueryParam("limit"); raw != "" {
		n, err := strconv.Atoi(raw)
		if err != nil || n < 1 {
			n = -1
		}
		pg.Limit = n
	}
	return pg
}

// nextCursor turns an empty cursor into JSON null.
func nextCursor(cursor string) *string {
	if cursor == "" {
		return nil
	}
	return &cursor
}

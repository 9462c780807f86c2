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

// pageParams reads ?limit= (default 50, 1–200) and ?cursor=.
func pageParams(c echo.Context) (limit int, cursor string, err error) {
	limit = 50
	if raw := c.QueryParam("limit"); raw != "" {
		n, convErr := strconv.Atoi(raw)
		if convErr != nil || n < 1 || n > 200 {
			return 0, "", domain.Invalid("limit", "must be a whole number from 1 to 200")
		}
		limit = n
	}
	return limit, c.QueryParam("cursor"), nil
}

// nextCursor turns an empty cursor into JSON null.
func nextCursor(cursor string) *string {
	if cursor == "" {
		return nil
	}
	return &cursor
}

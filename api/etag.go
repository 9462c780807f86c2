package api

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/google/uuid"
	"github.com/labstack/echo/v4"
)

// Cards use their version as ETag ("3"), and If-Match for optimistic concurrency: a
// write with a stale If-Match answers 412 and changes nothing.

// setETag sets the ETag header for a card version.
func setETag(c echo.Context, version int) {
	c.Response().Header().Set("ETag", `"`+strconv.Itoa(version)+`"`)
}

// ifMatch reads If-Match as a card version. It accepts 3, "3" and W/"3"; nil means no
// precondition (header absent or *).
func ifMatch(c echo.Context) (*int, error) {
	raw := strings.TrimSpace(c.Request().Header.Get("If-Match"))
	if raw == "" || raw == "*" {
		return nil, nil
	}
	tag := strings.TrimPrefix(raw, "W/")
	if len(tag) >= 2 && tag[0] == '"' && tag[len(tag)-1] == '"' {
		tag = tag[1 : len(tag)-1]
	}
	v, err := strconv.Atoi(tag)
	if err != nil || v < 1 {
		return nil, &requestError{status: http.StatusBadRequest, detail: ErrorDetail{
			Code: "invalid_if_match", Message: `If-Match must be the card's ETag as last received, e.g. "3"`,
			Fields: map[string]string{"If-Match": "is not a card version"}}}
	}
	return &v, nil
}

// cardWrite reads what every write to one card starts with: the card's id from the
// path and the If-Match version it expects (nil when the client sent none).
func cardWrite(c echo.Context) (uuid.UUID, *int, error) {
	id, err := pathID(c, "id")
	if err != nil {
		return uuid.Nil, nil, err
	}
	version, err := ifMatch(c)
	return id, version, err
}

package api

import (
	"crypto/subtle"
	"net/http"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/closeloop/closeloop/domain"
)

const (
	sessionCookie = "closeloop_session"
	csrfHeader    = "X-CSRF-Token"
	actorKey      = "actor"
)

var errCSRF = &requestError{status: http.StatusForbidden, detail: ErrorDetail{
	Code: "csrf_failed", Message: "missing or wrong " + csrfHeader + " header; send the csrf_token from POST /api/v1/session"}}

// require authenticates the caller (API token, or session cookie + CSRF header for
// writes) and checks that their role includes role.
func (s *Server) require(role domain.Role) echo.MiddlewareFunc {
	return func(next echo.HandlerFunc) echo.HandlerFunc {
		return func(c echo.Context) error {
			actor, err := s.authenticate(c)
			if err != nil {
				return err
			}
			if !actor.Role.Includes(role) {
				return domain.Forbidden("your role (%s) cannot do this; it needs %s or above", actor.Role, role)
			}
			c.Set(actorKey, actor)
			return next(c)
		}
	}
}

func (s *Server) authenticate(c echo.Context) (domain.Actor, error) {
	ctx := c.Request().Context()
	if h := c.Request().Header.Get(echo.HeaderAuthorization); h != "" {
		token, ok := strings.CutPrefix(h, "Bearer ")
		if !ok || token == "" {
			return domain.Actor{}, domain.Unauthorized("use Authorization: Bearer <api token>")
		}
		return s.deps.Service.TokenActor(ctx, strings.TrimSpace(token))
	}
	cookie, err := c.Cookie(sessionCookie)
	if err != nil || cookie.Value == "" {
		return domain.Actor{}, domain.Unauthorized("sign in, or send Authorization: Bearer <api token>")
	}
	actor, csrf, err := s.deps.Service.SessionActor(ctx, cookie.Value)
	if err != nil {
		return domain.Actor{}, err
	}
	if changesState(c.Request().Method) {
		got := c.Request().Header.Get(csrfHeader)
		if got == "" || subtle.ConstantTimeCompare([]byte(got), []byte(csrf)) != 1 {
			return domain.Actor{}, errCSRF
		}
	}
	return actor, nil
}

func changesState(method string) bool {
	switch method {
	case http.MethodGet, http.MethodHead, http.MethodOptions:
		return false
	}
	return true
}

// actorFrom returns who is calling (set by the require middleware).
func actorFrom(c echo.Context) domain.Actor {
	a, _ := c.Get(actorKey).(domain.Actor)
	return a
}

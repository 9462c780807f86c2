package api

import (
	"crypto/subtle"
	"net/http"
	"strings"

	"github.com/google/uuid"
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
			return s.authorized(c, next, actor, role)
		}
	}
}

func (s *Server) authorized(c echo.Context, next echo.HandlerFunc, actor domain.Actor, role domain.Role) error {
	if !actor.Role.Includes(role) {
		return domain.Forbidden("your role (%s) cannot do this; it needs %s or above", actor.Role, role)
	}
	c.Set(actorKey, actor)
	return next(c)
}

// cardsVersionKey holds the board's cards_version read with the caller's credentials
// (requireBoardView), for listCards.
const cardsVersionKey = "cards_version"

// requireBoardView is require for GET /boards/{id}/cards. A board view that may be
// answered from cardPages needs the caller and the board's cards_version before
// anything else, on every request: both are read in one statement, one round trip to
// the database instead of two. A board that does not exist leaves listCards to say so.
func (s *Server) requireBoardView(role domain.Role) echo.MiddlewareFunc {
	return func(next echo.HandlerFunc) echo.HandlerFunc {
		plain := s.require(role)(next)
		return func(c echo.Context) error {
			boardID, err := uuid.Parse(c.Param("id"))
			if err != nil || c.QueryParam("q") != "" {
				return plain(c)
			}
			board := &boardVersion{id: boardID}
			if err := s.boardReads.enter(c.Request().Context()); err != nil {
				return err
			}
			actor, err := s.authenticateWith(c, board)
			s.boardReads.leave()
			if err != nil {
				return err
			}
			if board.found {
				c.Set(cardsVersionKey, board.version)
			}
			return s.authorized(c, next, actor, role)
		}
	}
}

// boardVersion asks authenticate for a board's cards_version too.
type boardVersion struct {
	id      uuid.UUID
	version int64
	found   bool
}

func (s *Server) authenticate(c echo.Context) (domain.Actor, error) {
	return s.authenticateWith(c, nil)
}

// authenticateWith is authenticate that, given a board, reads its cards_version in the
// same statement as the credentials.
func (s *Server) authenticateWith(c echo.Context, board *boardVersion) (domain.Actor, error) {
	ctx := c.Request().Context()
	svc := s.deps.Service
	if h := c.Request().Header.Get(echo.HeaderAuthorization); h != "" {
		token, ok := strings.CutPrefix(h, "Bearer ")
		if !ok || token == "" {
			return domain.Actor{}, domain.Unauthorized("use Authorization: Bearer <api token>")
		}
		token = strings.TrimSpace(token)
		if board != nil {
			actor, version, found, err := svc.TokenActorCardsVersion(ctx, token, board.id)
			board.version, board.found = version, found
			return actor, err
		}
		return svc.TokenActor(ctx, token)
	}
	cookie, err := c.Cookie(sessionCookie)
	if err != nil || cookie.Value == "" {
		return domain.Actor{}, domain.Unauthorized("sign in, or send Authorization: Bearer <api token>")
	}
	var actor domain.Actor
	var csrf string
	if board != nil {
		actor, csrf, board.version, board.found, err = svc.SessionActorCardsVersion(ctx, cookie.Value, board.id)
	} else {
		actor, csrf, err = svc.SessionActor(ctx, cookie.Value)
	}
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

package api

import (
	"net/http"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/closeloop/closeloop/domain"
)

type signInRequest struct {
	Email    string `json:"email"`
	Password string `json:"password"`
}

type sessionResponse struct {
	Member    memberResponse `json:"member"`
	CSRFToken string         `json:"csrf_token"`
	ExpiresAt *time.Time     `json:"expires_at,omitempty"`
}

func (s *Server) createSession(c echo.Context) error {
	var req signInRequest
	if err := decodeJSON(c, &req); err != nil {
		return err
	}
	p := domain.Problems{}
	if req.Email == "" {
		p.Add("email", "is required")
	}
	if req.Password == "" {
		p.Add("password", "is required")
	}
	if err := p.Err(); err != nil {
		return err
	}
	sess, err := s.deps.Service.SignIn(c.Request().Context(), req.Email, req.Password, c.RealIP())
	if err != nil {
		return err
	}
	return s.signedIn(c, sess)
}

// signedIn sets the session cookie and answers who signed in, with the CSRF token.
func (s *Server) signedIn(c echo.Context, sess domain.Session) error {
	c.SetCookie(&http.Cookie{
		Name: sessionCookie, Value: sess.Token, Path: "/", Expires: sess.ExpiresAt,
		HttpOnly: true, SameSite: http.SameSiteLaxMode, Secure: s.deps.SecureCookies,
	})
	return c.JSON(http.StatusCreated, sessionResponse{Member: toMember(sess.Member), CSRFToken: sess.CSRFToken, ExpiresAt: &sess.ExpiresAt})
}

// getSession tells the UI who is signed in (and re-hands the CSRF token after a reload).
func (s *Server) getSession(c echo.Context) error {
	ctx := c.Request().Context()
	actor := actorFrom(c)
	resp := sessionResponse{Member: memberResponse{Name: actor.Name, Role: string(actor.Role)}}
	if actor.MemberID != uuid0 {
		m, err := s.deps.Service.Member(ctx, actor.MemberID)
		if err != nil {
			return err
		}
		resp.Member = toMember(m)
		if cookie, err := c.Cookie(sessionCookie); err == nil {
			if _, csrf, err := s.deps.Service.SessionActor(ctx, cookie.Value); err == nil {
				resp.CSRFToken = csrf
			}
		}
	}
	return c.JSON(http.StatusOK, resp)
}

func (s *Server) deleteSession(c echo.Context) error {
	if cookie, err := c.Cookie(sessionCookie); err == nil {
		if err := s.deps.Service.SignOut(c.Request().Context(), cookie.Value); err != nil {
			return err
		}
	}
	c.SetCookie(&http.Cookie{Name: sessionCookie, Value: "", Path: "/", MaxAge: -1,
		HttpOnly: true, SameSite: http.SameSiteLaxMode, Secure: s.deps.SecureCookies})
	return c.NoContent(http.StatusNoContent)
}

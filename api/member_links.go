package api

import (
	"net/http"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/closeloop/closeloop/domain"
)

// Invitations and password resets (issue 13): "Forgot password?" asks for a link; the
// page of an emailed link reads whom it is for, then sets the password and signs in.

type resetRequest struct {
	Email string `json:"email"`
}

type memberLinkResponse struct {
	Purpose   string    `json:"purpose"`
	Email     string    `json:"email"`
	Name      string    `json:"name"`
	ExpiresAt time.Time `json:"expires_at"`
}

type useLinkRequest struct {
	Password string `json:"password"`
}

// requestPasswordReset answers 202 whether or not the address is a member's.
func (s *Server) requestPasswordReset(c echo.Context) error {
	var req resetRequest
	if err := decodeJSON(c, &req); err != nil {
		return err
	}
	if err := s.deps.Service.RequestPasswordReset(c.Request().Context(), req.Email, c.RealIP()); err != nil {
		return err
	}
	return c.JSON(http.StatusAccepted, map[string]string{
		"message": "If this address belongs to a member, we sent it a link to choose a new password. It works for one hour."})
}

func (s *Server) getMemberLink(c echo.Context) error {
	l, err := s.deps.Service.MemberLink(c.Request().Context(), c.Param("token"))
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, memberLinkResponse{Purpose: string(l.Purpose), Email: l.Email, Name: l.Name, ExpiresAt: l.ExpiresAt})
}

// useMemberLink sets the password and signs the member in, as POST /session does.
func (s *Server) useMemberLink(c echo.Context) error {
	var req useLinkRequest
	if err := decodeJSON(c, &req); err != nil {
		return err
	}
	sess, err := s.deps.Service.UseMemberLink(c.Request().Context(), c.Param("token"), req.Password)
	if err != nil {
		return err
	}
	return s.signedIn(c, sess)
}

func (s *Server) resendInvite(c echo.Context) error {
	id, err := pathID(c, "id")
	if err != nil {
		return err
	}
	m, err := s.deps.Service.ResendInvite(c.Request().Context(), actorFrom(c), id)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusAccepted, toMember(m))
}

type updateSessionRequest struct {
	Name            *string `json:"name"`
	CurrentPassword string  `json:"current_password"`
	Password        *string `json:"password"`
}

// updateSession changes the signed-in member's own name or password; this session
// stays, their others end.
func (s *Server) updateSession(c echo.Context) error {
	var req updateSessionRequest
	if err := decodeJSON(c, &req); err != nil {
		return err
	}
	keep := ""
	if cookie, err := c.Cookie(sessionCookie); err == nil {
		keep = cookie.Value
	}
	m, err := s.deps.Service.UpdateOwnAccount(c.Request().Context(), actorFrom(c), keep, domain.OwnAccountPatch{
		Name: req.Name, CurrentPassword: req.CurrentPassword, Password: req.Password})
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, toMember(m))
}

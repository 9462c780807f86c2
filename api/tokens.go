package api

import (
	"net/http"
	"time"

	"github.com/google/uuid"
	"github.com/labstack/echo/v4"

	"github.com/closeloop/closeloop/domain"
)

type tokenResponse struct {
	ID         uuid.UUID  `json:"id"`
	Name       string     `json:"name"`
	Role       string     `json:"role"`
	Prefix     string     `json:"prefix"`
	CreatedAt  time.Time  `json:"created_at"`
	LastUsedAt *time.Time `json:"last_used_at"`
	RevokedAt  *time.Time `json:"revoked_at"`
	// Token is the secret, present only in the answer that creates it.
	Token string `json:"token,omitempty"`
}

func toToken(t domain.APIToken) tokenResponse {
	return tokenResponse{ID: t.ID, Name: t.Name, Role: string(t.Role), Prefix: t.Prefix,
		CreatedAt: t.CreatedAt, LastUsedAt: t.LastUsedAt, RevokedAt: t.RevokedAt}
}

type createTokenRequest struct {
	Name string `json:"name"`
	Role string `json:"role"`
}

func (s *Server) listTokens(c echo.Context) error {
	list, err := s.deps.Service.ListTokens(c.Request().Context(), pageOf(c))
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, listOf(list, toToken))
}

func (s *Server) createToken(c echo.Context) error {
	var req createTokenRequest
	if err := decodeJSON(c, &req); err != nil {
		return err
	}
	t, secret, err := s.deps.Service.CreateToken(c.Request().Context(), actorFrom(c), req.Name, domain.Role(req.Role))
	if err != nil {
		return err
	}
	resp := toToken(t)
	resp.Token = secret
	return c.JSON(http.StatusCreated, resp)
}

func (s *Server) revokeToken(c echo.Context) error {
	id, err := pathID(c, "id")
	if err != nil {
		return err
	}
	if err := s.deps.Service.RevokeToken(c.Request().Context(), id); err != nil {
		return err
	}
	return c.NoContent(http.StatusNoContent)
}

package api

import (
	"net/http"
	"time"

	"github.com/google/uuid"
	"github.com/labstack/echo/v4"

	"github.com/closeloop/closeloop/domain"
)

var uuid0 = uuid.Nil

type memberResponse struct {
	ID         uuid.UUID  `json:"id"`
	Email      string     `json:"email"`
	Name       string     `json:"name"`
	Role       string     `json:"role"`
	CreatedAt  time.Time  `json:"created_at"`
	DisabledAt *time.Time `json:"disabled_at"`
	// While the member has not set a password: when the latest invitation was sent and
	// when its link stops working.
	InvitedAt       *time.Time `json:"invited_at"`
	InviteExpiresAt *time.Time `json:"invite_expires_at"`
}

func toMember(m domain.Member) memberResponse {
	r := memberResponse{ID: m.ID, Email: m.Email, Name: m.Name, Role: string(m.Role), CreatedAt: m.CreatedAt, DisabledAt: m.DisabledAt, InvitedAt: m.InvitedAt}
	if m.InvitedAt != nil {
		exp := m.InvitedAt.Add(domain.InviteTTL)
		r.InviteExpiresAt = &exp
	}
	return r
}

type createMemberRequest struct {
	Email    string `json:"email"`
	Name     string `json:"name"`
	Role     string `json:"role"`
	Password string `json:"password"`
}

type updateMemberRequest struct {
	Name     *string `json:"name"`
	Role     *string `json:"role"`
	Password *string `json:"password"`
	Disabled *bool   `json:"disabled"`
}

func (s *Server) listMembers(c echo.Context) error {
	list, err := s.deps.Service.ListMembers(c.Request().Context(), pageOf(c))
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, listOf(list, toMember))
}

func (s *Server) createMember(c echo.Context) error {
	var req createMemberRequest
	if err := decodeJSON(c, &req); err != nil {
		return err
	}
	m, err := s.deps.Service.CreateMember(c.Request().Context(), actorFrom(c), domain.MemberInput{
		Email: req.Email, Name: req.Name, Role: domain.Role(req.Role), Password: req.Password})
	if err != nil {
		return err
	}
	return c.JSON(http.StatusCreated, toMember(m))
}

func (s *Server) updateMember(c echo.Context) error {
	id, err := pathID(c, "id")
	if err != nil {
		return err
	}
	var req updateMemberRequest
	if err := decodeJSON(c, &req); err != nil {
		return err
	}
	patch := domain.MemberPatch{Name: req.Name, Password: req.Password, Disabled: req.Disabled}
	if req.Role != nil {
		r := domain.Role(*req.Role)
		patch.Role = &r
	}
	m, err := s.deps.Service.UpdateMember(c.Request().Context(), actorFrom(c), id, patch)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, toMember(m))
}

func (s *Server) deleteMember(c echo.Context) error {
	id, err := pathID(c, "id")
	if err != nil {
		return err
	}
	if err := s.deps.Service.DeleteMember(c.Request().Context(), actorFrom(c), id); err != nil {
		return err
	}
	return c.NoContent(http.StatusNoContent)
}

type teammateResponse struct {
	ID   uuid.UUID `json:"id"`
	Name string    `json:"name"`
}

// listTeammates answers the active members' ids and names (no emails or roles), for
// every role: who a card can be given to.
func (s *Server) listTeammates(c echo.Context) error {
	list, err := s.deps.Service.Teammates(c.Request().Context(), pageOf(c))
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, listOf(list, func(m domain.Teammate) teammateResponse { return teammateResponse(m) }))
}

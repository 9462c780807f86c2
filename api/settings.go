package api

import (
	"net/http"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/closeloop/closeloop/domain"
)

// settingsResponse is the workspace's settings (issue 12): who the emails speak as.
type settingsResponse struct {
	ProductName     string    `json:"product_name"`
	SenderName      string    `json:"sender_name"`
	ReplyTo         string    `json:"reply_to"`
	Signature       string    `json:"signature"`
	AccentColor     string    `json:"accent_color"`
	CoalesceSeconds int       `json:"coalesce_seconds"`
	UpdatedAt       time.Time `json:"updated_at"`
}

func toSettings(st domain.Settings) settingsResponse {
	return settingsResponse{ProductName: st.ProductName, SenderName: st.SenderName, ReplyTo: st.ReplyTo,
		Signature: st.Signature, AccentColor: st.AccentColor, CoalesceSeconds: st.CoalesceSeconds, UpdatedAt: st.UpdatedAt}
}

type updateSettingsRequest struct {
	ProductName     *string `json:"product_name"`
	SenderName      *string `json:"sender_name"`
	ReplyTo         *string `json:"reply_to"`
	Signature       *string `json:"signature"`
	AccentColor     *string `json:"accent_color"`
	CoalesceSeconds *int    `json:"coalesce_seconds"`
}

func (s *Server) getSettings(c echo.Context) error {
	st, err := s.deps.Service.Settings(c.Request().Context())
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, toSettings(st))
}

func (s *Server) updateSettings(c echo.Context) error {
	var req updateSettingsRequest
	if err := decodeJSON(c, &req); err != nil {
		return err
	}
	st, err := s.deps.Service.UpdateSettings(c.Request().Context(), actorFrom(c), domain.SettingsPatch{
		ProductName: req.ProductName, SenderName: req.SenderName, ReplyTo: req.ReplyTo,
		Signature: req.Signature, AccentColor: req.AccentColor, CoalesceSeconds: req.CoalesceSeconds})
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, toSettings(st))
}

package api

// Stubs owned by the notifier work (deliveries.go, unsubscribe.go, email_preview.go replace them).

import "github.com/labstack/echo/v4"

func (s *Server) listDeliveries(c echo.Context) error          { return errNotBuilt }
func (s *Server) listRequesterDeliveries(c echo.Context) error { return errNotBuilt }
func (s *Server) emailPreview(c echo.Context) error            { return errNotBuilt }
func (s *Server) unsubscribePage(c echo.Context) error         { return errNotBuilt }
func (s *Server) unsubscribe(c echo.Context) error             { return errNotBuilt }

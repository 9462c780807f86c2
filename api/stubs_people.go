package api

// Stubs owned by the requesters/requests work (requests.go, requesters.go, conversations.go replace them).

import "github.com/labstack/echo/v4"

func (s *Server) createRequest(c echo.Context) error         { return errNotBuilt }
func (s *Server) listRequests(c echo.Context) error          { return errNotBuilt }
func (s *Server) deleteRequest(c echo.Context) error         { return errNotBuilt }
func (s *Server) createConversation(c echo.Context) error    { return errNotBuilt }
func (s *Server) listConversations(c echo.Context) error     { return errNotBuilt }
func (s *Server) listRequesters(c echo.Context) error        { return errNotBuilt }
func (s *Server) getRequester(c echo.Context) error          { return errNotBuilt }
func (s *Server) updateRequester(c echo.Context) error       { return errNotBuilt }
func (s *Server) eraseRequester(c echo.Context) error        { return errNotBuilt }
func (s *Server) listRequesterRequests(c echo.Context) error { return errNotBuilt }

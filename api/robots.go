package api

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

// robotsTxt keeps crawlers out of everything but the public roadmaps (the only pages
// meant to be found); the web app's catch-all would otherwise answer its HTML.
const robotsTxt = `# Closeloop: only public roadmaps are for search engines.
User-agent: *
Allow: /roadmap/
Disallow: /
`

func (s *Server) robots(c echo.Context) error {
	c.Response().Header().Set("Cache-Control", "public, max-age=86400")
	return c.Blob(http.StatusOK, "text/plain; charset=utf-8", []byte(robotsTxt))
}

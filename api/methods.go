package api

import (
	"context"
	"net/http"
	"slices"
	"strings"

	"github.com/labstack/echo/v4"
)

// Echo routes HEAD only to routes registered for HEAD, so every GET route answered
// HEAD with 405, and link checkers and mail scanners (which use HEAD) reported every
// link of every email as broken. serveHTTP answers HEAD by running the GET route; the
// HTTP server sends the status and headers GET would have, and drops the body.

type headKey struct{}

func (s *Server) serveHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method == http.MethodHead {
		// A copy: the server keeps the original request, so it still knows to send no body.
		get := r.Clone(context.WithValue(r.Context(), headKey{}, true))
		get.Method = http.MethodGet
		r = get
	}
	s.echo.ServeHTTP(w, r)
}

// requestMethod is the method the client sent (HEAD where the routes see GET), as one
// of a fixed few: it labels metrics and logs, so what a client sends cannot grow them.
func requestMethod(c echo.Context) string {
	if head, _ := c.Request().Context().Value(headKey{}).(bool); head {
		return http.MethodHead
	}
	switch m := c.Request().Method; m {
	case http.MethodGet, http.MethodPost, http.MethodPut, http.MethodPatch, http.MethodDelete, http.MethodOptions:
		return m
	}
	return "other"
}

// apiFallthrough answers what the web app's catch-all (/*) would otherwise take under
// /api/: a path some route serves with other methods is 405 with Allow, any other path
// is 404, whatever the method (api.md: the catch-all never turns an API path into a page
// or a 405).
func (s *Server) apiFallthrough(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		if c.Path() != "/*" || !strings.HasPrefix(c.Request().URL.Path, "/api/") {
			return next(c)
		}
		if allow := s.allowedMethods(echo.GetPath(c.Request())); len(allow) > 0 {
			c.Response().Header().Set(echo.HeaderAllow, strings.Join(allow, ", "))
			return echo.ErrMethodNotAllowed
		}
		return echo.ErrNotFound
	}
}

// allowedMethods lists the methods the routes (other than the catch-all) serve at path.
func (s *Server) allowedMethods(path string) []string {
	s.routeSetOnce.Do(func() {
		s.routeSet = map[string]bool{}
		for _, r := range s.echo.Routes() {
			s.routeSet[r.Method+" "+r.Path] = true
		}
	})
	var allow []string
	for _, m := range []string{http.MethodDelete, http.MethodGet, http.MethodPatch, http.MethodPost, http.MethodPut} {
		c := s.echo.NewContext(nil, nil)
		s.echo.Router().Find(m, path, c)
		if p := c.Path(); p != "/*" && s.routeSet[m+" "+p] {
			allow = append(allow, m)
		}
	}
	return withHead(allow)
}

// withHead adds HEAD wherever GET is allowed (serveHTTP answers it).
func withHead(allow []string) []string {
	if slices.Contains(allow, http.MethodGet) && !slices.Contains(allow, http.MethodHead) {
		i := slices.Index(allow, http.MethodGet)
		allow = slices.Insert(allow, i+1, http.MethodHead)
	}
	return allow
}

// allowWithHead is withHead for an Allow header Echo's router wrote ("OPTIONS, GET").
func allowWithHead(h http.Header) {
	if allow := h.Get(echo.HeaderAllow); allow != "" {
		methods := strings.Split(strings.ReplaceAll(allow, " ", ""), ",")
		h.Set(echo.HeaderAllow, strings.Join(withHead(methods), ", "))
	}
}

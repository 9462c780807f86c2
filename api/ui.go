package api

import (
	"bytes"
	"io/fs"
	"net/http"
	"path"
	"regexp"
	"strings"

	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"
)

const uiNotBuilt = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Closeloop</title></head>
<body style="font-family:system-ui;max-width:40rem;margin:4rem auto;line-height:1.5">
<h1>Closeloop is running, but its web UI was not built</h1>
<p>This binary was built without the web app. Build it with Node.js 20+ installed:</p>
<pre>make build</pre>
<p>(or <code>cd frontend &amp;&amp; npm ci &amp;&amp; npm run build</code>, then <code>go build ./cmd/closeloop</code>).
The API works without it: see <a href="/api/openapi.json">/api/openapi.json</a>.</p></body></html>`

// serveUI serves the embedded single-page app: hashed assets cached for a year,
// index.html never cached, unknown paths fall back to index.html. Responses are gzipped
// (the JS bundle shrinks about 3.4×), which matters most on the phone screens we support.
func (s *Server) serveUI() {
	gzip := middleware.GzipWithConfig(middleware.GzipConfig{Level: 6, MinLength: 1024})
	s.echo.GET("/*", func(c echo.Context) error {
		p := c.Request().URL.Path
		if strings.HasPrefix(p, "/api/") {
			return echo.ErrNotFound
		}
		if !s.deps.UIBuilt {
			c.Response().Header().Set("Cache-Control", "no-cache")
			return c.HTML(http.StatusOK, uiNotBuilt)
		}
		name := strings.TrimPrefix(path.Clean(p), "/")
		if name != "" && name != "index.html" {
			if st, err := fs.Stat(s.deps.UI, name); err == nil && !st.IsDir() {
				if strings.HasPrefix(name, "assets/") {
					c.Response().Header().Set("Cache-Control", "public, max-age=31536000, immutable")
				} else {
					c.Response().Header().Set("Cache-Control", "no-cache")
				}
				http.ServeFileFS(c.Response(), c.Request(), s.deps.UI, name)
				return nil
			}
			if strings.HasPrefix(name, "assets/") {
				return echo.ErrNotFound
			}
		}
		page, err := indexPage(s.deps.UI, p)
		if err != nil {
			return err
		}
		c.Response().Header().Set("Cache-Control", "no-cache")
		return c.HTMLBlob(http.StatusOK, page)
	}, gzip)
}

// boardPage is a board's own address in the app; its id is a UUID, nothing else gets through.
var boardPage = regexp.MustCompile(`^/boards/([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})/?$`)

// indexPage is index.html for the app's address p. On a board's address it also tells the
// browser to fetch the board at once, beside the app's script instead of after it (the app's
// own fetch then takes that answer): the board's name and columns are what its first screen
// waits for, and the columns' first pages wait for the columns.
func indexPage(ui fs.FS, p string) ([]byte, error) {
	page, err := fs.ReadFile(ui, "index.html")
	if err != nil {
		return nil, err
	}
	if m := boardPage.FindStringSubmatch(p); m != nil {
		link := `<link rel="preload" href="/api/v1/boards/` + strings.ToLower(m[1]) + `" as="fetch" crossorigin />`
		page = bytes.Replace(page, []byte("</head>"), []byte(link+"</head>"), 1)
	}
	return page, nil
}

package api

import (
	"bytes"
	"html/template"

	"github.com/labstack/echo/v4"
)

// publicPages are the few pages people without an account see: the unsubscribe
// confirmation and a shipped card. html/template escapes every value.
var publicPages = template.Must(template.New("page").Parse(`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>{{.Title}}</title>
<style>
body{margin:0;background:#f6f7f9;color:#1f2328;font:16px/1.55 -apple-system,BlinkMacSystemFont,"Segoe UI",Roboto,Helvetica,Arial,sans-serif}
main{max-width:34rem;margin:4rem auto;padding:2rem;background:#fff;border-radius:8px}
h1{font-size:1.4rem;line-height:1.3;margin:0 0 1rem}
.muted{color:#6b7280;font-size:.9rem}
button{font:inherit;padding:.55rem 1.1rem;border:0;border-radius:6px;background:#1f2328;color:#fff;cursor:pointer}
</style>
</head>
<body><main>
<h1>{{.Heading}}</h1>
{{range .Paragraphs}}<p>{{.}}</p>
{{end}}
{{- if .FormAction}}
<form method="post" action="{{.FormAction}}">
<input type="hidden" name="List-Unsubscribe" value="One-Click">
<button type="submit">{{.Button}}</button>
</form>
{{- end}}
{{- if .Note}}<p class="muted">{{.Note}}</p>{{end}}
</main></body>
</html>
`))

type publicPage struct {
	Title, Heading string
	Paragraphs     []string
	FormAction     string // a POST form with one button when set
	Button         string
	Note           string
}

// renderPublic writes a page that is never cached and never leaks its URL (which may
// hold an unsubscribe token) to other sites.
func renderPublic(c echo.Context, status int, p publicPage) error {
	var buf bytes.Buffer
	if err := publicPages.Execute(&buf, p); err != nil {
		return err
	}
	h := c.Response().Header()
	h.Set("Cache-Control", "no-store")
	h.Set("Referrer-Policy", "no-referrer")
	return c.HTMLBlob(status, buf.Bytes())
}

package api

import (
	"errors"
	"io"
	"mime"
	"net/http"
	"net/url"
	"strings"

	"github.com/labstack/echo/v4"
)

// The no-login forms (reaction, "I want this too", confirmation) are plain HTML
// forms: application/x-www-form-urlencoded, small, and posted from our own pages.
//
// Why no CSRF token: these pages have no session and no cookie, so a forged POST
// acts with no one's authority. The reaction and confirmation forms act on the
// token in their URL, which is the capability: a site that does not have it
// cannot forge it. The want form takes an address from anyone, so what a forged
// one could do is make a visitor's browser ask for confirmation emails to other
// people; a same-origin check (Sec-Fetch-Site, else Origin) refuses cross-site
// posts from browsers, and the per-address and per-IP limits bound everything else
// (a script can send any header, but then it is one IP).

const maxPublicForm = 16 << 10

var errNotForm = &requestError{status: http.StatusUnsupportedMediaType, detail: ErrorDetail{
	Code: "unsupported_media_type", Message: "send this form as application/x-www-form-urlencoded",
	Fields: map[string]string{"Content-Type": "must be application/x-www-form-urlencoded"}}}

var errCrossSite = &requestError{status: http.StatusForbidden, detail: ErrorDetail{
	Code: "forbidden", Message: "this form only accepts posts from its own page; open the page and send it from there"}}

// readPublicForm checks a public form post and returns its fields.
func readPublicForm(c echo.Context) (url.Values, error) {
	req := c.Request()
	mt, _, err := mime.ParseMediaType(req.Header.Get("Content-Type"))
	if err != nil || mt != "application/x-www-form-urlencoded" {
		return nil, errNotForm
	}
	if !sameOrigin(req) {
		return nil, errCrossSite
	}
	raw, err := io.ReadAll(http.MaxBytesReader(c.Response(), req.Body, maxPublicForm))
	var tooBig *http.MaxBytesError
	if errors.As(err, &tooBig) {
		return nil, &requestError{status: http.StatusRequestEntityTooLarge, detail: ErrorDetail{
			Code: "body_too_large", Message: "the form is larger than 16 KiB; shorten the comment"}}
	} else if err != nil {
		return nil, err
	}
	v, err := url.ParseQuery(string(raw))
	if err != nil {
		return nil, badRequest("bad_request", "the form could not be read; send it again from the page", nil)
	}
	return v, nil
}

// sameOrigin says whether a browser sent the post from a page of this host. Without
// either header (an old browser, a script) it is allowed: the rate limits apply.
func sameOrigin(req *http.Request) bool {
	switch req.Header.Get("Sec-Fetch-Site") {
	case "same-origin", "none":
		return true
	case "":
	default:
		return false
	}
	origin := req.Header.Get("Origin")
	if origin == "" {
		return true
	}
	u, err := url.Parse(origin)
	return err == nil && strings.EqualFold(u.Host, req.Host)
}

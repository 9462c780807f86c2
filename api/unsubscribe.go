package api

import (
	"net/http"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/closeloop/closeloop/domain"
)

// unsubscribePage: GET /u/{token}. Mail clients and link scanners open links on
// their own, so GET only asks; the button POSTs the same one-click form RFC 8058
// mail providers send.
func (s *Server) unsubscribePage(c echo.Context) error {
	email, err := s.deps.Mailroom.UnsubscribeTarget(c.Request().Context(), c.Param("token"))
	if domain.KindOf(err) == domain.KindNotFound {
		return renderPublic(c, http.StatusNotFound, invalidUnsubscribeLink)
	} else if err != nil {
		return err
	}
	who := "this address"
	if email != "" {
		who = maskEmail(email)
	}
	return renderPublic(c, http.StatusOK, publicPage{
		Title: "Unsubscribe", Heading: "Stop these emails?",
		Paragraphs: []string{"We email " + who + " when something they asked for ships. " +
			"Unsubscribe and we will not email it about anything again."},
		FormAction: c.Request().URL.Path, Button: "Unsubscribe",
	})
}

// unsubscribe: POST /u/{token}, normally with the body List-Unsubscribe=One-Click.
// It acts at once: no login, no cookie, no redirect, 200. Repeating it is harmless.
func (s *Server) unsubscribe(c echo.Context) error {
	err := s.deps.Mailroom.Unsubscribe(c.Request().Context(), c.Param("token"))
	if domain.KindOf(err) == domain.KindNotFound {
		return renderPublic(c, http.StatusNotFound, invalidUnsubscribeLink)
	} else if err != nil {
		return err
	}
	return renderPublic(c, http.StatusOK, publicPage{
		Title: "Unsubscribed", Heading: "You are unsubscribed",
		Paragraphs: []string{"We will not email you about what ships any more. Thank you for having told us what you needed."},
	})
}

var invalidUnsubscribeLink = publicPage{
	Title: "Link not valid", Heading: "This unsubscribe link is not valid",
	Paragraphs: []string{"It may have been cut short or changed on the way. Open the link in the email again, or reply to the email and we will take you off the list."},
}

// maskEmail shows enough of an address to recognise it, not to harvest it:
// "alice@example.com" → "a…@example.com".
func maskEmail(email string) string {
	at := strings.LastIndexByte(email, '@')
	if at < 1 {
		return "this address"
	}
	return email[:1] + "…" + email[at:]
}

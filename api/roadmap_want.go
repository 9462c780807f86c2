package api

import (
	"net/http"

	"github.com/google/uuid"
	"github.com/labstack/echo/v4"

	"github.com/closeloop/closeloop/domain"
)

// want: POST /roadmap/{slug}/cards/{number}/want with email and quote?, from the
// roadmap's form. It links nobody: it sends a confirmation email (double opt-in).
// Limited per address and per IP (429).
func (s *Server) want(c echo.Context) error {
	board, err := s.deps.Service.PublicBoard(c.Request().Context(), c.Param("slug"))
	if err != nil {
		return s.roadmapFail(c, err)
	}
	brand, err := s.brand(c, board.Name)
	if err != nil {
		return err
	}
	cardID, err := uuid.Parse(c.Param("number"))
	if err != nil {
		return s.roadmapFail(c, domain.NotFound("card"))
	}
	form, err := readPublicForm(c)
	if err != nil {
		return s.publicFail(c, brand, err)
	}
	err = s.deps.Service.RequestWant(c.Request().Context(), *board.Slug, cardID, form.Get("email"), form.Get("quote"), c.RealIP())
	if domain.KindOf(err) == domain.KindNotFound {
		return s.roadmapFail(c, err)
	} else if err != nil {
		return s.publicFail(c, brand, err)
	}
	return s.renderMessage(c, http.StatusOK, brand, "Check your inbox", messagePage{Heading: "Check your inbox",
		Paragraphs: []string{"We have sent you an email with a link. Open it to confirm, and we will add you to the people who asked for this, and write to you when it ships.",
			"Nothing else happens until you confirm; the link works for a week."},
		Link: roadmapURL(*board.Slug), LinkText: "Back to the roadmap"})
}

// confirmPage: GET /v/{token}, the link in the confirmation email. It only asks:
// mail scanners open links, and opening one must not add anybody.
func (s *Server) confirmPage(c echo.Context) error {
	var t domain.WantTarget
	id, err := s.wantID(c)
	if err == nil {
		t, err = s.deps.Service.WantTarget(c.Request().Context(), id)
	}
	brand, berr := s.brand(c, t.BoardName)
	if berr != nil {
		return berr
	}
	if err != nil {
		return s.publicFail(c, brand, err)
	}
	if t.Confirmed {
		return s.confirmed(c, brand, t)
	}
	return renderBranded(c, http.StatusOK, "confirm", pageView{Title: "Confirm", Brand: brand, Data: struct {
		Title, Who, Action string
	}{t.CardTitle, maskEmail(t.Email), c.Request().URL.Path}})
}

// confirm: POST /v/{token} links the person to the card (source roadmap), once.
func (s *Server) confirm(c echo.Context) error {
	var t domain.WantTarget
	id, err := s.wantID(c)
	if err == nil {
		t, err = s.deps.Service.WantTarget(c.Request().Context(), id)
	}
	brand, berr := s.brand(c, t.BoardName)
	if berr != nil {
		return berr
	}
	if err != nil {
		return s.publicFail(c, brand, err)
	}
	if _, err := readPublicForm(c); err != nil {
		return s.publicFail(c, brand, err)
	}
	if t, err = s.deps.Service.ConfirmWant(c.Request().Context(), id); err != nil {
		return s.publicFail(c, brand, err)
	}
	return s.confirmed(c, brand, t)
}

func (s *Server) confirmed(c echo.Context, brand brandView, t domain.WantTarget) error {
	return s.renderMessage(c, http.StatusOK, brand, "Confirmed", messagePage{Heading: "Thank you, you are on the list",
		Paragraphs: []string{"We have added you to the people who asked for “" + t.CardTitle + "”. We will email you when it ships."},
		Link:       roadmapURL(t.Slug), LinkText: "Back to the roadmap"})
}

func (s *Server) wantID(c echo.Context) (uuid.UUID, error) {
	return s.deps.Mailroom.WantConfirmation(c.Param("token"))
}

package api

import (
	"errors"
	"net/http"

	"github.com/google/uuid"
	"github.com/labstack/echo/v4"

	"github.com/closeloop/closeloop/domain"
)

// reactionForm is the "Did this solve it?" page.
type reactionForm struct {
	Title, Action    string
	Answer, Previous string // the answer to preselect; the one given before, in words
	Comment, Error   string
}

var answerWords = map[string]string{domain.AnswerYes: "Yes", domain.AnswerNo: "Not quite"}

// reactionPage: GET /r/{token}?answer=yes|no, the link in a shipped email. Mail
// scanners open links on their own, so this only asks: the button POSTs.
func (s *Server) reactionPage(c echo.Context) error {
	_, target, err := s.reactionTarget(c)
	brand, berr := s.brand(c, target.BoardName)
	if berr != nil {
		return berr
	}
	if err != nil {
		return s.publicFail(c, brand, err)
	}
	form := reactionForm{Title: target.CardTitle, Action: c.Request().URL.Path, Answer: c.QueryParam("answer"),
		Previous: answerWords[target.Answer], Comment: target.Comment}
	if _, ok := answerWords[form.Answer]; !ok {
		form.Answer = target.Answer
	}
	return renderBranded(c, http.StatusOK, "reaction", pageView{Title: "Did this solve it?", Brand: brand, Data: form})
}

// react: POST /r/{token} with answer=yes|no and comment?: one answer per email, a
// later one replacing it.
func (s *Server) react(c echo.Context) error {
	id, target, err := s.reactionTarget(c)
	brand, berr := s.brand(c, target.BoardName)
	if berr != nil {
		return berr
	}
	if err != nil {
		return s.publicFail(c, brand, err)
	}
	form, err := readPublicForm(c)
	if err != nil {
		return s.publicFail(c, brand, err)
	}
	answer, comment := form.Get("answer"), form.Get("comment")
	_, err = s.deps.Service.RecordReaction(c.Request().Context(), id, answer, comment)
	var de *domain.Error
	if errors.As(err, &de) && de.Kind == domain.KindInvalid {
		msg := "Choose Yes or Not quite, then send again."
		if m, ok := de.Fields["comment"]; ok {
			msg = "The comment " + m + "."
		}
		return renderBranded(c, http.StatusUnprocessableEntity, "reaction", pageView{Title: "Did this solve it?", Brand: brand,
			Data: reactionForm{Title: target.CardTitle, Action: c.Request().URL.Path, Answer: answer, Comment: comment,
				Previous: answerWords[target.Answer], Error: msg}})
	} else if err != nil {
		return s.publicFail(c, brand, err)
	}
	m := messagePage{Heading: "Thank you, that helps", Paragraphs: []string{
		"We are glad it does what you needed. Thank you for telling us."},
		Link: "/c/" + target.CardID.String(), LinkText: "See what shipped"}
	if answer == domain.AnswerNo {
		m.Heading = "Thank you for telling us"
		m.Paragraphs = []string{"The team reads every answer, and yours is now kept beside your request, in your words."}
		if comment == "" {
			m.Paragraphs = append(m.Paragraphs, "If you want to say what is missing, go back and add a comment: it replaces this answer.")
		}
	}
	return s.renderMessage(c, http.StatusOK, brand, "Thank you", m)
}

// reactionTarget checks the token and reads what the page shows.
func (s *Server) reactionTarget(c echo.Context) (uuid.UUID, domain.ReactionTarget, error) {
	id, err := s.deps.Mailroom.ReactionDelivery(c.Param("token"))
	if err != nil {
		return uuid.Nil, domain.ReactionTarget{}, err
	}
	t, err := s.deps.Service.ReactionTarget(c.Request().Context(), id)
	return id, t, err
}

package api

import (
	"errors"
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/closeloop/closeloop/domain"
)

// brand reads the workspace branding for a public page; fallback names the page
// until a product name is set.
func (s *Server) brand(c echo.Context, fallback string) (brandView, error) {
	b, err := s.deps.Service.Branding(c.Request().Context())
	if err != nil {
		return brandView{}, err
	}
	if fallback == "" {
		fallback = "Thank you for your feedback"
	}
	return newBrand(b, fallback), nil
}

// publicFail answers a public page's failure as a page a person can read, with the
// status an API answer would have; anything unexpected goes to the error handler
// (logged, a plain 500).
func (s *Server) publicFail(c echo.Context, brand brandView, err error) error {
	var re *requestError
	if errors.As(err, &re) {
		return s.renderMessage(c, re.status, brand, "Not sent", messagePage{Heading: "That did not go through",
			Paragraphs: []string{re.detail.Message + "."}})
	}
	var de *domain.Error
	if !errors.As(err, &de) {
		return err
	}
	switch de.Kind {
	case domain.KindNotFound:
		return s.renderMessage(c, http.StatusNotFound, brand, "Not found", messagePage{Heading: "This link is not valid",
			Paragraphs: []string{"It may have been cut short or changed on the way, or what it pointed to is gone. " +
				"Open the link in the email again, or reply to the email and we will sort it out."}})
	case domain.KindRateLimited:
		c.Response().Header().Set("Retry-After", "3600")
		return s.renderMessage(c, http.StatusTooManyRequests, brand, "Too many requests", messagePage{
			Heading: "Too many requests", Paragraphs: []string{de.Message}})
	case domain.KindInvalid:
		return s.renderMessage(c, http.StatusUnprocessableEntity, brand, "Check the form", messagePage{
			Heading: "Please check the form", Paragraphs: fieldSentences(de.Fields)})
	case domain.KindConflict:
		return s.renderMessage(c, http.StatusConflict, brand, "Not possible", messagePage{
			Heading: "That is not possible any more", Paragraphs: []string{de.Message + "."}})
	}
	return err
}

// fieldSentences writes field messages as sentences ("The email is not a valid address.").
func fieldSentences(fields map[string]string) []string {
	var out []string
	for _, f := range []string{"email", "quote", "answer", "comment"} {
		if m, ok := fields[f]; ok {
			out = append(out, "The "+f+" "+m+".")
		}
	}
	if len(out) == 0 {
		out = []string{"Something in the form is not right; go back and check it."}
	}
	return out
}

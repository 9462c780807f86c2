package api

import (
	"net/http"
	"strings"

	"github.com/google/uuid"
	"github.com/labstack/echo/v4"

	"github.com/closeloop/closeloop/domain"
)

// publicCard: GET /c/{id}, the page a shipped email links to. No login: it shows only
// the title, the release note and when it shipped, and only for a card that shipped
// and is still done; anything else is a 404.
func (s *Server) publicCard(c echo.Context) error {
	id, err := uuid.Parse(c.Param("id"))
	if err != nil {
		return renderPublic(c, http.StatusNotFound, cardNotShipped)
	}
	card, err := s.deps.Service.ShippedCard(c.Request().Context(), id)
	if domain.KindOf(err) == domain.KindNotFound {
		return renderPublic(c, http.StatusNotFound, cardNotShipped)
	} else if err != nil {
		return err
	}
	page := publicPage{Title: card.Title, Heading: card.Title,
		Note: "Shipped on " + card.ShippedAt.UTC().Format("2 January 2006") + "."}
	for _, para := range strings.Split(strings.ReplaceAll(card.ReleaseNote, "\r\n", "\n"), "\n\n") {
		if para = strings.TrimSpace(para); para != "" {
			page.Paragraphs = append(page.Paragraphs, para)
		}
	}
	return renderPublic(c, http.StatusOK, page)
}

var cardNotShipped = publicPage{Title: "Not found", Heading: "Nothing to see here yet",
	Paragraphs: []string{"This page shows what shipped, and there is nothing shipped at this address."}}

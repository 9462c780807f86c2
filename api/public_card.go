package api

import (
	"net/http"

	"github.com/google/uuid"
	"github.com/labstack/echo/v4"

	"github.com/closeloop/closeloop/domain"
)

// publicCard: GET /c/{id}, the page every email to a card's requesters links to. No
// login: it shows only the title and where the card stands — the release note and
// when it shipped for a card that shipped and is still done; planned, in progress or
// not planned for the stages a status email announces; anything else is a 404. It speaks as the product, and links the
// board's changelog when the board is public.
func (s *Server) publicCard(c echo.Context) error {
	ctx := c.Request().Context()
	brand, err := s.brand(c, "What shipped")
	if err != nil {
		return err
	}
	id, err := uuid.Parse(c.Param("id"))
	if err != nil {
		return s.renderMessage(c, http.StatusNotFound, brand, "Not found", cardNotShipped)
	}
	card, err := s.deps.Service.PublicCard(ctx, id)
	if domain.KindOf(err) == domain.KindNotFound {
		return s.renderMessage(c, http.StatusNotFound, brand, "Not found", cardNotShipped)
	} else if err != nil {
		return err
	}
	page := struct {
		Title, Status, ChangelogURL string
		ReleaseNote                 []string
	}{Title: card.Title, Status: cardStatus(card), ReleaseNote: textParagraphs(card.ReleaseNote)}
	v := pageView{Title: card.Title, Brand: brand}
	if b, ok, err := s.deps.Service.PublicCardBoard(ctx, id); err != nil {
		return err
	} else if ok && b.Slug != nil {
		if v.Brand, err = s.brand(c, b.Name); err != nil {
			return err
		}
		brand = v.Brand
		page.ChangelogURL = roadmapURL(*b.Slug) + "/changelog"
		v.HomeURL, v.FeedURL, v.FeedTitle = roadmapURL(*b.Slug), roadmapURL(*b.Slug)+"/feed.atom", brand.Name+" changelog"
	}
	v.Data = page
	return renderBranded(c, http.StatusOK, "card", v)
}

var cardNotShipped = messagePage{Heading: "Nothing to see here yet",
	Paragraphs: []string{"This page shows where a request stands, and there is nothing to show at this address yet."}}

// cardStatus is the page's line under the title: honest about what a stage promises.
func cardStatus(c domain.PublicCard) string {
	switch c.Stage {
	case domain.StagePlanned:
		return "Planned. It is on our plan; that is not a promise of a date."
	case domain.StageInProgress:
		return "In progress. We have started building it."
	case domain.StageDeclined:
		return "Not planned. We have decided not to build it."
	}
	return "Shipped " + showDay(&c.ShippedAt)
}

package api

import (
	"net/http"

	"github.com/google/uuid"
	"github.com/labstack/echo/v4"

	"github.com/closeloop/closeloop/domain"
)

// publicCard: GET /c/{id}, the page a shipped email links to. No login: it shows only
// the title, the release note and when it shipped, and only for a card that shipped
// and is still done; anything else is a 404. It speaks as the product, and links the
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
	card, err := s.deps.Service.ShippedCard(ctx, id)
	if domain.KindOf(err) == domain.KindNotFound {
		return s.renderMessage(c, http.StatusNotFound, brand, "Not found", cardNotShipped)
	} else if err != nil {
		return err
	}
	page := struct {
		Title, Shipped, ChangelogURL string
		ReleaseNote                  []string
	}{Title: card.Title, Shipped: showDay(&card.ShippedAt), ReleaseNote: textParagraphs(card.ReleaseNote)}
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
	Paragraphs: []string{"This page shows what shipped, and there is nothing shipped at this address."}}

package api

import (
	"encoding/xml"
	"net/http"
	"strings"
	"time"

	"github.com/labstack/echo/v4"
)

// An Atom 1.0 feed (RFC 4287) of a public board's changelog, written with
// encoding/xml: every value is escaped, and the shape below is the whole format.
type atomFeed struct {
	XMLName xml.Name    `xml:"http://www.w3.org/2005/Atom feed"`
	ID      string      `xml:"id"`
	Title   atomText    `xml:"title"`
	Updated string      `xml:"updated"`
	Author  atomPerson  `xml:"author"`
	Links   []atomLink  `xml:"link"`
	Entries []atomEntry `xml:"entry"`
}

type atomText struct {
	Type string `xml:"type,attr"`
	Body string `xml:",chardata"`
}

type atomPerson struct {
	Name string `xml:"name"`
}

type atomLink struct {
	Rel  string `xml:"rel,attr"`
	Type string `xml:"type,attr,omitempty"`
	Href string `xml:"href,attr"`
}

type atomEntry struct {
	ID        string    `xml:"id"`
	Title     atomText  `xml:"title"`
	Updated   string    `xml:"updated"`
	Published string    `xml:"published"`
	Link      atomLink  `xml:"link"`
	Content   *atomText `xml:"content,omitempty"`
}

// feed: GET /roadmap/{slug}/feed.atom, the changelog newest first.
func (s *Server) feed(c echo.Context) error {
	b, cards, err := s.deps.Service.Changelog(c.Request().Context(), c.Param("slug"))
	if err != nil {
		return s.roadmapFail(c, err)
	}
	brand, err := s.brand(c, b.Name)
	if err != nil {
		return err
	}
	root := s.absoluteRoot(c)
	base := root + roadmapURL(*b.Slug)
	updated := b.UpdatedAt
	f := atomFeed{
		// The board's id, not its slug: the feed stays the same feed if the slug changes.
		ID:     "urn:uuid:" + b.ID.String(),
		Title:  atomText{Type: "text", Body: brand.Name + " changelog"},
		Author: atomPerson{Name: brand.Name},
		Links: []atomLink{{Rel: "self", Type: "application/atom+xml", Href: base + "/feed.atom"},
			{Rel: "alternate", Type: "text/html", Href: base + "/changelog"}},
	}
	for i, card := range cards {
		at := card.ShippedAt.UTC()
		if i == 0 && at.After(updated) {
			updated = at
		}
		e := atomEntry{ID: "urn:uuid:" + card.ID.String(), Title: atomText{Type: "text", Body: card.Title},
			Updated: at.Format(time.RFC3339), Published: at.Format(time.RFC3339),
			Link: atomLink{Rel: "alternate", Type: "text/html", Href: root + "/c/" + card.ID.String()}}
		if text := strings.TrimSpace(strings.Join(append(textParagraphs(card.ReleaseNote), textParagraphs(card.Description)...), "\n\n")); text != "" {
			e.Content = &atomText{Type: "text", Body: text}
		}
		f.Entries = append(f.Entries, e)
	}
	f.Updated = updated.UTC().Format(time.RFC3339)
	out, err := xml.MarshalIndent(f, "", "  ")
	if err != nil {
		return err
	}
	h := c.Response().Header()
	h.Set("Cache-Control", "no-store")
	h.Set("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'")
	return c.Blob(http.StatusOK, "application/atom+xml; charset=utf-8", append([]byte(xml.Header), out...))
}

// absoluteRoot is CLOSELOOP_BASE_URL, or the request's own scheme and host.
func (s *Server) absoluteRoot(c echo.Context) string {
	if s.deps.BaseURL != "" {
		return strings.TrimRight(s.deps.BaseURL, "/")
	}
	return c.Scheme() + "://" + c.Request().Host
}

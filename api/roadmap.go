package api

import (
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/closeloop/closeloop/domain"
)

// The public roadmap of a board that was made public: server-rendered, no login,
// no script; what is planned, in progress and recently shipped, and the changelog.
// Only titles, descriptions and release notes: never who asked, or how many.

type roadmapCardView struct {
	Key, Title       string
	Description      []string
	ReleaseNote      []string
	Shipped          string
	WantURL, CardURL string
}

type roadmapSection struct {
	ID, Title, Empty string
	Cards            []roadmapCardView
}

type roadmapView struct {
	Heading                  string
	Intro                    []string
	RoadmapURL, ChangelogURL string
	Sections                 []roadmapSection
	Cards                    []roadmapCardView // the changelog's
}

func roadmapURL(slug string) string { return "/roadmap/" + url.PathEscape(slug) }

// showDay is how public pages write a day: "2 January 2006".
func showDay(t *time.Time) string {
	if t == nil {
		return ""
	}
	return t.UTC().Format("2 January 2006")
}

// textParagraphs splits text at blank lines into trimmed paragraphs.
func textParagraphs(s string) []string {
	var out []string
	for _, para := range strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n\n") {
		if para = strings.TrimSpace(para); para != "" {
			out = append(out, para)
		}
	}
	return out
}

func cardView(c domain.RoadmapCard, wantBase string) roadmapCardView {
	v := roadmapCardView{Key: c.ID.String(), Title: c.Title, Description: textParagraphs(c.Description),
		ReleaseNote: textParagraphs(c.ReleaseNote), Shipped: showDay(c.ShippedAt), CardURL: "/c/" + c.ID.String()}
	if wantBase != "" {
		v.WantURL = wantBase + "/cards/" + c.ID.String() + "/want"
	}
	return v
}

// publicPageView is the layout of a roadmap page: indexable, with the feed linked.
func (s *Server) publicPageView(c echo.Context, b domain.Board, title string) (pageView, error) {
	brand, err := s.brand(c, b.Name)
	if err != nil {
		return pageView{}, err
	}
	base := roadmapURL(*b.Slug)
	return pageView{Title: title, Brand: brand, Index: true, HomeURL: base, FeedURL: base + "/feed.atom",
		FeedTitle: brand.Name + " changelog"}, nil
}

// roadmap: GET /roadmap/{slug}.
func (s *Server) roadmap(c echo.Context) error {
	r, err := s.deps.Service.Roadmap(c.Request().Context(), c.Param("slug"))
	if err != nil {
		return s.roadmapFail(c, err)
	}
	v, err := s.publicPageView(c, r.Board, "Roadmap")
	if err != nil {
		return err
	}
	base := roadmapURL(*r.Board.Slug)
	page := roadmapView{Heading: r.Board.Name, Intro: textParagraphs(r.Board.Description), RoadmapURL: base,
		ChangelogURL: base + "/changelog"}
	section := func(id, title, empty string, cards []domain.RoadmapCard, want bool) roadmapSection {
		sec := roadmapSection{ID: id, Title: title, Empty: empty}
		for _, card := range cards {
			w := ""
			if want {
				w = base
			}
			sec.Cards = append(sec.Cards, cardView(card, w))
		}
		return sec
	}
	page.Sections = []roadmapSection{
		section("in-progress", "In progress", "Nothing is being built right now.", r.InProgress, true),
		section("planned", "Planned", "Nothing is planned yet.", r.Planned, true),
		section("shipped", "Recently shipped", "Nothing shipped in the last 90 days.", r.Shipped, false),
	}
	v.Data = page
	return renderBranded(c, http.StatusOK, "roadmap", v)
}

// changelog: GET /roadmap/{slug}/changelog, shipped cards newest first.
func (s *Server) changelog(c echo.Context) error {
	b, cards, err := s.deps.Service.Changelog(c.Request().Context(), c.Param("slug"))
	if err != nil {
		return s.roadmapFail(c, err)
	}
	v, err := s.publicPageView(c, b, "Changelog")
	if err != nil {
		return err
	}
	base := roadmapURL(*b.Slug)
	page := roadmapView{Heading: "What shipped: " + b.Name, RoadmapURL: base, ChangelogURL: base + "/changelog"}
	for _, card := range cards {
		page.Cards = append(page.Cards, cardView(card, ""))
	}
	v.Data = page
	return renderBranded(c, http.StatusOK, "changelog", v)
}

// roadmapFail answers a roadmap page: a board that is not public is the same 404 as
// none at all, so nobody can tell private boards' slugs from free ones.
func (s *Server) roadmapFail(c echo.Context, err error) error {
	if domain.KindOf(err) != domain.KindNotFound {
		brand, berr := s.brand(c, "")
		if berr != nil {
			return berr
		}
		return s.publicFail(c, brand, err)
	}
	brand, berr := s.brand(c, "Roadmap")
	if berr != nil {
		return berr
	}
	return s.renderMessage(c, http.StatusNotFound, brand, "Not found", messagePage{Heading: "There is no roadmap here",
		Paragraphs: []string{"This address shows no public roadmap. It may have moved, or it is not public (any more)."}})
}

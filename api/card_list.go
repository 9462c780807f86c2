package api

import (
	"encoding/json"
	"net/http"
	"net/url"
	"strconv"

	"github.com/google/uuid"
	"github.com/labstack/echo/v4"

	"github.com/closeloop/closeloop/domain"
)

// listCards answers GET /boards/{id}/cards?column_id=&kind=&q=&label=&sort=&limit=&cursor=
// (a page and the total the filters match),
// from cardPages while the board has not changed since the page was made.
func (s *Server) listCards(c echo.Context) error {
	boardID, err := pathID(c, "id")
	if err != nil {
		return err
	}
	ctx := c.Request().Context()
	// Board views are kept; searches are not: their terms are as varied as the
	// people typing them, and would only push the board views out.
	cached := c.QueryParam("q") == ""
	params := c.QueryParams()
	owner, err := ownerParam(c)
	if err != nil {
		return err
	}
	if owner != nil { // "me" is a different list for each caller: the key names the member
		params = cloneValues(params)
		params.Set("owner", owner.String())
	}
	var version int64
	var key string
	if cached {
		if v, ok := c.Get(cardsVersionKey).(int64); ok { // read with the credentials
			version = v
		} else if version, err = s.deps.Service.CardsVersion(ctx, boardID); err != nil {
			return err
		}
		key = cardPageKey(boardID, params)
		if body, ok := s.cardPages.get(key, version); ok {
			return jsonBlob(c, body)
		}
	}
	f := domain.CardFilter{Query: c.QueryParam("q"), Label: c.QueryParam("label"),
		Sort: domain.CardSort(c.QueryParam("sort")), Page: pageOf(c), Owner: owner}
	switch c.QueryParam("archived") {
	case "", "false":
	case "true":
		f.Archived = true
	default:
		return domain.Invalid("archived", "must be true or false")
	}
	if raw := c.QueryParam("column_id"); raw != "" {
		id, err := bodyID("column_id", raw)
		if err != nil {
			return err
		}
		f.ColumnID = &id
	}
	if raw := c.QueryParam("kind"); raw != "" {
		kind := domain.CardKind(raw)
		f.Kind = &kind
	}
	var list domain.List[domain.Card]
	var total int
	err = s.searching(ctx, f.Query, func() (err error) {
		if list, err = s.deps.Service.ListCards(ctx, boardID, f); err != nil {
			return err
		}
		total, err = s.deps.Service.CountCards(ctx, boardID, f)
		return err
	})
	if err != nil {
		return err
	}
	body, err := json.Marshal(cardListResponse{listOf(list, toCard), total})
	if err != nil {
		return err
	}
	body = append(body, '\n') // as c.JSON writes it
	if cached {
		s.cardPages.put(key, version, body)
	}
	return jsonBlob(c, body)
}

// cardListResponse is a page of cards with the number of cards the filters match on all
// pages: a column shows its true count while only its first cards are loaded.
type cardListResponse struct {
	listResponse[cardResponse]
	Total int `json:"total"`
}

// jsonBlob answers 200 with body, its length known up front (written as is, not
// chunked).
func jsonBlob(c echo.Context, body []byte) error {
	c.Response().Header().Set(echo.HeaderContentLength, strconv.Itoa(len(body)))
	return c.Blob(http.StatusOK, echo.MIMEApplicationJSON, body)
}

// ownerParam reads ?owner=<member id>|me (nil without one); "me" is the signed-in member.
func ownerParam(c echo.Context) (*uuid.UUID, error) {
	raw := c.QueryParam("owner")
	switch raw {
	case "":
		return nil, nil
	case "me":
		a := actorFrom(c)
		if a.MemberID == uuid.Nil {
			return nil, domain.Invalid("owner", "me means the signed-in member; an API token owns no cards: pass a member's id")
		}
		return &a.MemberID, nil
	}
	id, err := uuid.Parse(raw)
	if err != nil {
		return nil, domain.Invalid("owner", "must be a member's id or me")
	}
	return &id, nil
}

func cloneValues(v url.Values) url.Values {
	out := make(url.Values, len(v))
	for k, vs := range v {
		out[k] = append([]string(nil), vs...)
	}
	return out
}

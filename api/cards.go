package api

import (
	"encoding/json"
	"net/http"
	"strconv"
	"time"

	"github.com/google/uuid"
	"github.com/labstack/echo/v4"

	"github.com/closeloop/closeloop/domain"
)

type createCardBody struct {
	ColumnID    string   `json:"column_id"`
	Kind        string   `json:"kind"`
	Title       string   `json:"title"`
	Description string   `json:"description"`
	Labels      []string `json:"labels"`
}

type updateCardBody struct {
	Title       *string    `json:"title"`
	Description *string    `json:"description"`
	Kind        *string    `json:"kind"`
	Labels      *[]string  `json:"labels"`
	ReleaseNote *string    `json:"release_note"`
	OwnerID     optionalID `json:"owner_id"`
}

// optionalID is a body field that may be absent, null (clear it) or a UUID.
type optionalID struct {
	Set   bool
	Value *string
}

func (o *optionalID) UnmarshalJSON(b []byte) error {
	o.Set = true
	return json.Unmarshal(b, &o.Value)
}

// id is uuid.Nil for null; a non-UUID string is a field problem.
func (o optionalID) id(field string) (uuid.UUID, error) {
	if o.Value == nil {
		return uuid.Nil, nil
	}
	id, err := uuid.Parse(*o.Value)
	if err != nil {
		return uuid.Nil, domain.Invalid(field, "must be a member's id (a UUID) or null")
	}
	return id, nil
}

type cardResponse struct {
	ID             uuid.UUID      `json:"id"`
	Number         int64          `json:"number"`
	BoardID        uuid.UUID      `json:"board_id"`
	ColumnID       uuid.UUID      `json:"column_id"`
	Kind           string         `json:"kind"`
	Title          string         `json:"title"`
	Description    string         `json:"description"`
	Labels         []string       `json:"labels"`
	Position       string         `json:"position"`
	RequesterCount int            `json:"requester_count"`
	Reactions      reactionCounts `json:"reactions"`
	ReleaseNote    string         `json:"release_note"`
	ShippedAt      *time.Time     `json:"shipped_at"`
	Version        int            `json:"version"`
	CreatedAt      time.Time      `json:"created_at"`
	UpdatedAt      time.Time      `json:"updated_at"`
	ArchivedAt     *time.Time     `json:"archived_at"`
	MergedIntoID   *uuid.UUID     `json:"merged_into_id"`
	OwnerID        *uuid.UUID     `json:"owner_id"`
}

func toCard(c domain.Card) cardResponse {
	labels := []string(c.Labels)
	if labels == nil {
		labels = []string{}
	}
	return cardResponse{ID: c.ID, Number: c.Number, BoardID: c.BoardID, ColumnID: c.ColumnID, Kind: string(c.Kind), Title: c.Title,
		Description: c.Description, Labels: labels, Position: c.Position, RequesterCount: c.RequesterCount,
		Reactions:   reactionCounts{Yes: c.ReactionsYes, No: c.ReactionsNo},
		ReleaseNote: c.ReleaseNote, ShippedAt: utcPtr(c.ShippedAt), Version: c.Version,
		CreatedAt: c.CreatedAt.UTC(), UpdatedAt: c.UpdatedAt.UTC(), ArchivedAt: utcPtr(c.ArchivedAt),
		MergedIntoID: c.MergedIntoID, OwnerID: c.OwnerID}
}

// bodyID parses an optional UUID given in a body or query field; "" is uuid.Nil.
func bodyID(field, raw string) (uuid.UUID, error) {
	if raw == "" {
		return uuid.Nil, nil
	}
	id, err := uuid.Parse(raw)
	if err != nil {
		return uuid.Nil, domain.Invalid(field, "must be a UUID")
	}
	return id, nil
}

// cardJSON answers with a card and its version as ETag.
func cardJSON(c echo.Context, status int, card domain.Card) error {
	setETag(c, card.Version)
	return c.JSON(status, toCard(card))
}

func (s *Server) createCard(c echo.Context) error {
	boardID, err := pathID(c, "id")
	if err != nil {
		return err
	}
	var body createCardBody
	if err := decodeJSON(c, &body); err != nil {
		return err
	}
	columnID, err := bodyID("column_id", body.ColumnID)
	if err != nil {
		return err
	}
	card, err := s.deps.Service.CreateCard(c.Request().Context(), actorFrom(c), boardID, domain.NewCard{
		ColumnID: columnID, Kind: domain.CardKind(body.Kind), Title: body.Title,
		Description: body.Description, Labels: body.Labels})
	if err != nil {
		return err
	}
	return cardJSON(c, http.StatusCreated, card)
}

func (s *Server) getCard(c echo.Context) error {
	id, err := pathID(c, "id")
	if err != nil {
		return err
	}
	card, err := s.deps.Service.Card(c.Request().Context(), id)
	if err != nil {
		return err
	}
	return cardJSON(c, http.StatusOK, card)
}

func (s *Server) updateCard(c echo.Context) error {
	id, version, err := cardWrite(c)
	if err != nil {
		return err
	}
	var body updateCardBody
	if err := decodeJSON(c, &body); err != nil {
		return err
	}
	patch := domain.CardPatch{Title: body.Title, Description: body.Description, Labels: body.Labels,
		ReleaseNote: body.ReleaseNote, IfMatch: version}
	if body.Kind != nil {
		kind := domain.CardKind(*body.Kind)
		patch.Kind = &kind
	}
	if body.OwnerID.Set {
		owner, err := body.OwnerID.id("owner_id")
		if err != nil {
			return err
		}
		patch.Owner = &owner
	}
	card, err := s.deps.Service.UpdateCard(c.Request().Context(), actorFrom(c), id, patch)
	if err != nil {
		return err
	}
	return cardJSON(c, http.StatusOK, card)
}

// deleteCard archives the card: it leaves the board's lists but keeps its history.
// With ?permanent=true it deletes an archived card for good (409 for a live one).
func (s *Server) deleteCard(c echo.Context) error {
	id, version, err := cardWrite(c)
	if err != nil {
		return err
	}
	ctx := c.Request().Context()
	switch c.QueryParam("permanent") {
	case "", "false":
		err = s.deps.Service.ArchiveCard(ctx, actorFrom(c), id, version)
	case "true":
		err = s.deps.Service.DeleteCardForever(ctx, actorFrom(c), id, version)
	default:
		return domain.Invalid("permanent", "must be true or false")
	}
	if err != nil {
		return err
	}
	return c.NoContent(http.StatusNoContent)
}

// archiveCard takes the card off the board (as DELETE does) and answers it.
func (s *Server) archiveCard(c echo.Context) error {
	id, version, err := cardWrite(c)
	if err != nil {
		return err
	}
	ctx := c.Request().Context()
	if err := s.deps.Service.ArchiveCard(ctx, actorFrom(c), id, version); err != nil {
		return err
	}
	card, err := s.deps.Service.Card(ctx, id)
	if err != nil {
		return err
	}
	return cardJSON(c, http.StatusOK, card)
}

// restoreCard puts an archived card back at the end of its column.
func (s *Server) restoreCard(c echo.Context) error {
	id, version, err := cardWrite(c)
	if err != nil {
		return err
	}
	card, err := s.deps.Service.RestoreCard(c.Request().Context(), actorFrom(c), id, version)
	if err != nil {
		return err
	}
	return cardJSON(c, http.StatusOK, card)
}

// getCardByNumber: GET /cards/by-number/{n}, n being 12 or closeloop-12 (any case).
func (s *Server) getCardByNumber(c echo.Context) error {
	raw := c.Param("n")
	n, ok := domain.ParseCardReference(raw)
	if !ok {
		v, err := strconv.ParseInt(raw, 10, 64)
		if err != nil || v < 1 {
			return badRequest("invalid_number", "the number in the path is not a card number",
				map[string]string{"n": "must be a card number (12) or reference (closeloop-12)"})
		}
		n = v
	}
	card, err := s.deps.Service.CardByNumber(c.Request().Context(), n)
	if err != nil {
		return err
	}
	return cardJSON(c, http.StatusOK, card)
}

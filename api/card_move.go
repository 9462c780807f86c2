package api

import (
	"net/http"

	"github.com/google/uuid"
	"github.com/labstack/echo/v4"

	"github.com/closeloop/closeloop/domain"
)

type moveCardBody struct {
	ColumnID    string  `json:"column_id"`
	BeforeID    string  `json:"before_id"`
	AfterID     string  `json:"after_id"`
	ReleaseNote *string `json:"release_note"`
	Notify      bool    `json:"notify"`
	Note        *string `json:"note"`
}

// moveCard moves a card; into a done column for the first time, it ships the card and
// the shipped emails are queued in the same transaction.
func (s *Server) moveCard(c echo.Context) error {
	id, version, err := cardWrite(c)
	if err != nil {
		return err
	}
	var body moveCardBody
	if err := decodeJSON(c, &body); err != nil {
		return err
	}
	m := domain.Move{ReleaseNote: body.ReleaseNote, IfMatch: version, Notify: body.Notify, Note: body.Note}
	if m.ColumnID, err = bodyID("column_id", body.ColumnID); err != nil {
		return err
	}
	for _, n := range []struct {
		field, raw string
		dst        **uuid.UUID
	}{{"before_id", body.BeforeID, &m.BeforeID}, {"after_id", body.AfterID, &m.AfterID}} {
		neighbour, err := bodyID(n.field, n.raw)
		if err != nil {
			return err
		}
		if neighbour != uuid.Nil {
			*n.dst = &neighbour
		}
	}
	card, err := s.deps.Service.MoveCard(c.Request().Context(), actorFrom(c), id, m)
	if err != nil {
		return err
	}
	return cardJSON(c, http.StatusOK, card)
}

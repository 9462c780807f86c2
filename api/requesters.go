package api

import (
	"net/http"
	"time"

	"github.com/google/uuid"
	"github.com/labstack/echo/v4"

	"github.com/closeloop/closeloop/domain"
)

type requesterResponse struct {
	ID             uuid.UUID         `json:"id"`
	Email          string            `json:"email"`
	Name           string            `json:"name"`
	Company        string            `json:"company"`
	ExternalIDs    map[string]string `json:"external_ids"`
	UnsubscribedAt *time.Time        `json:"unsubscribed_at"`
	BouncedAt      *time.Time        `json:"bounced_at"`
	CreatedAt      time.Time         `json:"created_at"`
	UpdatedAt      time.Time         `json:"updated_at"`
	RequestCount   int               `json:"request_count"`
}

func toRequester(r domain.Requester) requesterResponse {
	ids := map[string]string(r.ExternalIDs)
	if ids == nil {
		ids = map[string]string{}
	}
	return requesterResponse{ID: r.ID, Email: r.Email, Name: r.Name, Company: r.Company, ExternalIDs: ids,
		UnsubscribedAt: utcPtr(r.UnsubscribedAt), BouncedAt: utcPtr(r.BouncedAt),
		CreatedAt: r.CreatedAt.UTC(), UpdatedAt: r.UpdatedAt.UTC(), RequestCount: r.RequestCount}
}

func utcPtr(t *time.Time) *time.Time {
	if t == nil {
		return nil
	}
	u := t.UTC()
	return &u
}

// updateRequesterBody: absent or null fields are left alone. In external_ids, a key
// set to null or "" is removed; other keys are kept.
type updateRequesterBody struct {
	Email       *string            `json:"email"`
	Name        *string            `json:"name"`
	Company     *string            `json:"company"`
	ExternalIDs map[string]*string `json:"external_ids"`
}

func (s *Server) listRequesters(c echo.Context) error {
	ctx, q := c.Request().Context(), c.QueryParam("q")
	var list domain.List[domain.Requester]
	err := s.searching(ctx, q, func() (err error) {
		list, err = s.deps.Service.ListRequesters(ctx, q, pageOf(c))
		return err
	})
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, listOf(list, toRequester))
}

func (s *Server) getRequester(c echo.Context) error {
	id, err := pathID(c, "id")
	if err != nil {
		return err
	}
	r, err := s.deps.Service.GetRequester(c.Request().Context(), id)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, toRequester(r))
}

func (s *Server) updateRequester(c echo.Context) error {
	id, err := pathID(c, "id")
	if err != nil {
		return err
	}
	var body updateRequesterBody
	if err := decodeJSON(c, &body); err != nil {
		return err
	}
	in := domain.UpdateRequesterInput{Email: body.Email, Name: body.Name, Company: body.Company}
	if body.ExternalIDs != nil {
		in.ExternalIDs = make(map[string]string, len(body.ExternalIDs))
		for k, v := range body.ExternalIDs {
			if v != nil {
				in.ExternalIDs[k] = *v
			} else {
				in.ExternalIDs[k] = ""
			}
		}
	}
	r, err := s.deps.Service.UpdateRequester(c.Request().Context(), id, in)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, toRequester(r))
}

// eraseRequester forgets the person (GDPR): requests, conversations and deliveries go,
// and every card they asked for counts one requester less.
func (s *Server) eraseRequester(c echo.Context) error {
	id, err := pathID(c, "id")
	if err != nil {
		return err
	}
	if err := s.deps.Service.EraseRequester(c.Request().Context(), actorFrom(c), id); err != nil {
		return err
	}
	return c.NoContent(http.StatusNoContent)
}

type requesterRequestResponse struct {
	CardID     uuid.UUID  `json:"card_id"`
	Title      string     `json:"title"`
	BoardID    uuid.UUID  `json:"board_id"`
	ColumnID   uuid.UUID  `json:"column_id"`
	ColumnName string     `json:"column_name"`
	Stage      string     `json:"stage"`
	ShippedAt  *time.Time `json:"shipped_at"`
	Archived   bool       `json:"archived"`
	Quote      string     `json:"quote"`
	Source     string     `json:"source"`
	CreatedAt  time.Time  `json:"created_at"`
}

// listRequesterRequests: everything one person asked for, newest first.
func (s *Server) listRequesterRequests(c echo.Context) error {
	id, err := pathID(c, "id")
	if err != nil {
		return err
	}
	list, err := s.deps.Service.ListRequesterRequests(c.Request().Context(), id, pageOf(c))
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, listOf(list, func(r domain.RequesterRequest) requesterRequestResponse {
		return requesterRequestResponse{CardID: r.CardID, Title: r.Title, BoardID: r.BoardID, ColumnID: r.ColumnID,
			ColumnName: r.ColumnName, Stage: r.Stage, ShippedAt: utcPtr(r.ShippedAt), Archived: r.ArchivedAt != nil,
			Quote: r.Quote, Source: r.Source, CreatedAt: r.CreatedAt.UTC()}
	}))
}

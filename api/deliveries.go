package api

import (
	"net/http"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/closeloop/closeloop/domain"
)

// deliveryJSON is one email to one requester. requester_id and email are null/empty
// once the requester was erased.
type deliveryJSON struct {
	ID          string     `json:"id"`
	CardID      string     `json:"card_id"`
	CardTitle   string     `json:"card_title"`
	RequesterID *string    `json:"requester_id"`
	Email       string     `json:"email"`
	Kind        string     `json:"kind"`
	Status      string     `json:"status"`
	Attempts    int        `json:"attempts"`
	LastError   string     `json:"last_error"`
	QueuedAt    time.Time  `json:"queued_at"`
	SentAt      *time.Time `json:"sent_at"`
}

type deliverySummaryJSON struct {
	Queued     int `json:"queued"`
	Sent       int `json:"sent"`
	Failed     int `json:"failed"`
	Suppressed int `json:"suppressed"`
}

type deliveryListJSON struct {
	Summary    deliverySummaryJSON `json:"summary"`
	Items      []deliveryJSON      `json:"items"`
	NextCursor *string             `json:"next_cursor"`
}

// listDeliveries: GET /api/v1/cards/{id}/deliveries?status=&limit=&cursor=
func (s *Server) listDeliveries(c echo.Context) error {
	id, err := pathID(c, "id")
	if err != nil {
		return err
	}
	list, err := s.deps.Service.CardDeliveries(c.Request().Context(), id, deliveryFilterFrom(c))
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, deliveryListFrom(list))
}

// listRequesterDeliveries: GET /api/v1/requesters/{id}/deliveries — their history.
func (s *Server) listRequesterDeliveries(c echo.Context) error {
	id, err := pathID(c, "id")
	if err != nil {
		return err
	}
	list, err := s.deps.Service.RequesterDeliveries(c.Request().Context(), id, deliveryFilterFrom(c))
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, deliveryListFrom(list))
}

func deliveryFilterFrom(c echo.Context) domain.DeliveryFilter {
	return domain.DeliveryFilter{Status: c.QueryParam("status"), Page: pageOf(c)}
}

func deliveryListFrom(list domain.DeliveryList) deliveryListJSON {
	out := deliveryListJSON{
		Summary: deliverySummaryJSON{Queued: list.Summary.Queued, Sent: list.Summary.Sent,
			Failed: list.Summary.Failed, Suppressed: list.Summary.Suppressed},
		Items: make([]deliveryJSON, len(list.Items)),
	}
	for i, d := range list.Items {
		item := deliveryJSON{
			ID: d.ID.String(), CardID: d.CardID.String(), CardTitle: d.CardTitle, Email: d.Email,
			Kind: d.Kind, Status: d.Status, Attempts: d.Attempts, LastError: d.LastError,
			QueuedAt: d.QueuedAt.UTC(),
		}
		if d.RequesterID != nil {
			id := d.RequesterID.String()
			item.RequesterID = &id
		}
		if d.SentAt != nil {
			at := d.SentAt.UTC()
			item.SentAt = &at
		}
		out.Items[i] = item
	}
	if list.NextCursor != "" {
		out.NextCursor = &list.NextCursor
	}
	return out
}

package domain

import (
	"context"
	"time"

	"github.com/google/uuid"
)

// RequesterExport is everything Closeloop holds about one person (GDPR access):
// their record, every request with every quote, their conversations and every email
// sent or not sent to them.
type RequesterExport struct {
	Requester     Requester
	Requests      []RequesterExportRequest
	Conversations []RequesterExportConversation
	Deliveries    []Delivery
}

// RequesterExportRequest is one card the person asked for, with all their quotes.
type RequesterExportRequest struct {
	CardID    uuid.UUID
	CardTitle string
	BoardName string
	Quote     string
	Quotes    Quotes
	Source    string
	LinkedBy  string
	CreatedAt time.Time
}

// RequesterExportConversation is one conversation tied to the person.
type RequesterExportConversation struct {
	CardID     uuid.UUID
	CardTitle  string
	URL        string
	Tool       string
	ExternalID string
	Excerpt    string
	CreatedAt  time.Time
}

// ExportRequester gathers a person's data in one snapshot.
func (s *Service) ExportRequester(ctx context.Context, id uuid.UUID) (RequesterExport, error) {
	var out RequesterExport
	err := s.db.WithTx(ctx, func(ctx context.Context) error {
		db := s.db.conn(ctx)
		if err := db.Exec(`SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY`).Error; err != nil {
			return err
		}
		r, err := s.GetRequester(ctx, id)
		if err != nil {
			return err
		}
		out.Requester = r
		out.Requests, out.Conversations, out.Deliveries = []RequesterExportRequest{}, []RequesterExportConversation{}, []Delivery{}
		err = db.Raw(`SELECT q.card_id, c.title AS card_title, b.name AS board_name, q.quote, q.quotes, q.source,
       q.linked_by, q.created_at
FROM requests q JOIN cards c ON c.id = q.card_id JOIN boards b ON b.id = c.board_id
WHERE q.requester_id = ? ORDER BY q.created_at, q.card_id`, id).Scan(&out.Requests).Error
		if err != nil {
			return err
		}
		err = db.Raw(`SELECT v.card_id, c.title AS card_title, v.url, v.tool, v.external_id, v.excerpt, v.created_at
FROM conversations v JOIN cards c ON c.id = v.card_id
WHERE v.requester_id = ? ORDER BY v.created_at, v.id`, id).Scan(&out.Conversations).Error
		if err != nil {
			return err
		}
		var rows []deliveryRow
		err = db.Raw(`SELECT d.id, d.card_id, c.title AS card_title, d.requester_id, d.email, d.kind, d.status,
       d.attempts, d.last_error, d.queued_at, d.sent_at
FROM deliveries d JOIN cards c ON c.id = d.card_id
WHERE d.requester_id = ? ORDER BY d.id`, id).Scan(&rows).Error
		for _, d := range rows {
			out.Deliveries = append(out.Deliveries, Delivery(d))
		}
		return err
	})
	return out, err
}

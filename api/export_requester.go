package api

import (
	"time"

	"github.com/google/uuid"

	"github.com/closeloop/closeloop/domain"
)

// requesterExportJSON is GET /requesters/{id}/export: everything held about a person.
type requesterExportJSON struct {
	Format        string                   `json:"format"`
	ExportedAt    time.Time                `json:"exported_at"`
	Requester     requesterResponse        `json:"requester"`
	Requests      []requesterExportRequest `json:"requests"`
	Conversations []requesterExportConv    `json:"conversations"`
	Deliveries    []deliveryJSON           `json:"deliveries"`
}

type requesterExportRequest struct {
	CardID    uuid.UUID     `json:"card_id"`
	CardTitle string        `json:"card_title"`
	BoardName string        `json:"board_name"`
	Quote     string        `json:"quote"`
	Quotes    domain.Quotes `json:"quotes"`
	Source    string        `json:"source"`
	LinkedBy  string        `json:"linked_by"`
	CreatedAt time.Time     `json:"created_at"`
}

type requesterExportConv struct {
	CardID     uuid.UUID `json:"card_id"`
	CardTitle  string    `json:"card_title"`
	URL        string    `json:"url"`
	Tool       string    `json:"tool"`
	ExternalID string    `json:"external_id"`
	Excerpt    string    `json:"excerpt"`
	CreatedAt  time.Time `json:"created_at"`
}

func toRequesterExport(x domain.RequesterExport) requesterExportJSON {
	out := requesterExportJSON{Format: "closeloop.requester", ExportedAt: time.Now().UTC(), Requester: toRequester(x.Requester),
		Requests: []requesterExportRequest{}, Conversations: []requesterExportConv{},
		Deliveries: deliveryListFrom(domain.DeliveryList{List: domain.List[domain.Delivery]{Items: x.Deliveries}}).Items}
	for _, r := range x.Requests {
		q := r.Quotes
		if q == nil {
			q = domain.Quotes{}
		}
		out.Requests = append(out.Requests, requesterExportRequest{CardID: r.CardID, CardTitle: r.CardTitle, BoardName: r.BoardName,
			Quote: r.Quote, Quotes: q, Source: r.Source, LinkedBy: r.LinkedBy, CreatedAt: r.CreatedAt.UTC()})
	}
	for _, v := range x.Conversations {
		out.Conversations = append(out.Conversations, requesterExportConv{CardID: v.CardID, CardTitle: v.CardTitle, URL: v.URL,
			Tool: v.Tool, ExternalID: v.ExternalID, Excerpt: v.Excerpt, CreatedAt: v.CreatedAt.UTC()})
	}
	return out
}

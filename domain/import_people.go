package domain

import (
	"context"
	"strings"
	"time"

	"github.com/google/uuid"
)

// importPeople finds or creates every person the board's requests and conversations
// name (Closeloop exports; a Trello board has none).
func (s *Service) importPeople(ctx context.Context, b *BoardImport) (map[string]uuid.UUID, error) {
	var people []personInput
	for _, col := range b.Columns {
		for _, c := range col.Cards {
			for _, r := range c.Requests {
				people = append(people, personInput{Email: r.Email, Name: r.Name, Company: r.Company})
			}
			for _, cv := range c.Conversations {
				if cv.RequesterEmail != "" {
					people = append(people, personInput{Email: cv.RequesterEmail})
				}
			}
		}
	}
	if len(people) == 0 {
		return map[string]uuid.UUID{}, nil
	}
	ids, _, err := s.upsertRequesters(ctx, people)
	return ids, err
}

// requestInsert is one requests row as an import writes it.
type requestInsert struct {
	CardID      uuid.UUID
	RequesterID uuid.UUID
	Quote       string
	Source      string
	Quotes      Quotes
	LinkedBy    string
	CreatedAt   time.Time
	UpdatedAt   time.Time
}

func (requestInsert) TableName() string { return "requests" }

// writeExtras writes the requests and conversations of the cards just inserted, and
// marks the requesters of cards that had shipped as told already (a suppressed
// delivery), so no later fan-out emails them about what they heard elsewhere. It
// returns how many rows it wrote, for the progress.
func (w *boardWriter) writeExtras(ctx context.Context) (int, error) {
	var reqs []requestInsert
	var convs []Conversation
	var comments []Comment
	for i, in := range w.pending {
		card := w.cards[i]
		for _, cm := range in.Comments {
			at := orNow(cm.At, w.now)
			comments = append(comments, Comment{ID: newID(), CardID: card.ID, Author: cm.Author, Body: cm.Body, CreatedAt: at, UpdatedAt: at})
		}
		byPerson := map[uuid.UUID]int{}
		for _, r := range in.Requests {
			rid := w.people[normalEmail(r.Email)]
			quotes := r.Quotes
			if len(quotes) == 0 && r.Quote != "" {
				quotes = Quotes{{Text: r.Quote, Source: r.Source, LinkedBy: r.LinkedBy, At: orNow(r.CreatedAt, w.now)}}
			}
			if k, dup := byPerson[rid]; dup { // one request per person and card: their quotes join
				reqs[k].Quotes = append(reqs[k].Quotes, quotes...)
				if r.Quote != "" {
					reqs[k].Quote = r.Quote
				}
				continue
			}
			byPerson[rid] = len(reqs)
			at := orNow(r.CreatedAt, w.now)
			reqs = append(reqs, requestInsert{CardID: card.ID, RequesterID: rid, Quote: r.Quote, Source: r.Source,
				Quotes: nonNilQuotes(quotes), LinkedBy: r.LinkedBy, CreatedAt: at, UpdatedAt: at})
		}
		seenURL := map[string]bool{}
		for _, cv := range in.Conversations {
			url := strings.TrimSpace(cv.URL)
			if seenURL[url] {
				continue
			}
			seenURL[url] = true
			tool, ext, _ := ParseConversationURL(url) // checked by validate
			conv := Conversation{ID: newID(), CardID: card.ID, URL: url, Tool: tool, ExternalID: ext, Excerpt: cv.Excerpt,
				CreatedAt: orNow(cv.CreatedAt, w.now)}
			if cv.RequesterEmail != "" {
				rid := w.people[normalEmail(cv.RequesterEmail)]
				conv.RequesterID = &rid
			}
			convs = append(convs, conv)
		}
	}
	db := w.s.db.conn(ctx)
	if len(reqs) > 0 {
		if err := db.CreateInBatches(&reqs, importBatch).Error; err != nil {
			return 0, storeErr(err, "request")
		}
	}
	if len(comments) > 0 {
		if err := db.CreateInBatches(&comments, importBatch).Error; err != nil {
			return 0, storeErr(err, "comment")
		}
	}
	if len(convs) > 0 {
		if err := db.Omit("RequesterEmail", "RequesterName").CreateInBatches(&convs, importBatch).Error; err != nil {
			return 0, storeErr(err, "conversation")
		}
	}
	if len(w.shipped) > 0 {
		err := db.Exec(`INSERT INTO deliveries (card_id, requester_id, kind, email, status, last_error)
SELECT q.card_id, q.requester_id, 'shipped', r.email, 'suppressed', 'imported: the card had shipped before the import'
FROM requests q JOIN requesters r ON r.id = q.requester_id
WHERE q.card_id IN ?
ON CONFLICT (card_id, requester_id, kind) DO NOTHING`, w.shipped).Error
		if err != nil {
			return 0, err
		}
		w.shipped = w.shipped[:0]
	}
	return len(reqs) + len(convs) + len(comments), nil
}

func nonNilQuotes(q Quotes) Quotes {
	if q == nil {
		return Quotes{}
	}
	return q
}

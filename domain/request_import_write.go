package domain

import (
	"context"
	"slices"
	"strings"

	"github.com/google/uuid"
	"gorm.io/gorm/clause"
)

// requestUpsertSQL links a batch of (card, requester) pairs as upsertRequest does one.
const requestUpsertSQL = `
INSERT INTO requests AS r (card_id, requester_id, quote, source, quotes, linked_by, created_at, updated_at)
SELECT card_id, requester_id, quote, source, quotes, ?, ?, ?
FROM unnest(?::uuid[], ?::uuid[], ?::text[], ?::text[], ?::jsonb[]) AS s(card_id, requester_id, quote, source, quotes)
ON CONFLICT (card_id, requester_id) DO UPDATE SET
    quotes = r.quotes || EXCLUDED.quotes,
    quote = CASE WHEN EXCLUDED.quote <> '' THEN EXCLUDED.quote ELSE r.quote END,
    source = CASE WHEN r.source = '' THEN EXCLUDED.source ELSE r.source END,
    updated_at = EXCLUDED.updated_at
RETURNING r.card_id, (r.xmax = 0) AS inserted`

// pendingLink is one pair to write, with every quote the rows gave for it.
type pendingLink struct {
	pair
	quote, source string
	quotes        Quotes
}

// writeRequestImport writes the checked rows (see ImportRequests).
func (s *Service) writeRequestImport(ctx context.Context, actor Actor, rows []linkRow, res *RequestImportResult) error {
	people := make([]personInput, len(rows))
	for i, r := range rows {
		people[i] = personInput{Email: r.Email, Name: r.Name, Company: r.Company}
	}
	ids, created, err := s.upsertRequesters(ctx, people)
	if err != nil {
		return err
	}
	res.NewRequesters = created
	cards, err := s.lockImportCards(ctx, rows, res)
	if err != nil {
		return err
	}
	now := s.now()
	links, order := map[pair]*pendingLink{}, []pair{}
	var convs []Conversation
	for _, r := range rows {
		if _, live := cards[r.card.ID]; !live {
			continue // archived meanwhile: listed as an error by lockImportCards
		}
		res.Linked++
		k := pair{r.card.ID, ids[normalEmail(r.Email)]}
		l, seen := links[k]
		if !seen {
			l = &pendingLink{pair: k, source: r.Source, quotes: Quotes{}}
			links[k] = l
			order = append(order, k)
		}
		if r.Quote != "" {
			l.quote = r.Quote
			l.quotes = append(l.quotes, Quote{Text: r.Quote, Source: r.Source, LinkedBy: actor.Label(), At: now})
		}
		if r.ConversationURL != "" {
			rid := k.requester
			convs = append(convs, Conversation{ID: newID(), CardID: k.card, RequesterID: &rid, URL: r.ConversationURL,
				Tool: r.tool, ExternalID: r.externalID, Excerpt: r.Quote, CreatedAt: now})
		}
	}
	added, err := s.upsertLinks(ctx, actor, order, links)
	if err != nil {
		return err
	}
	if err := s.insertImportedConversations(ctx, convs); err != nil {
		return err
	}
	return s.finishRequestImport(ctx, actor, cards, added, res)
}

// upsertLinks writes the pairs bulkBatch at a time and returns how many new
// requests each card got.
func (s *Service) upsertLinks(ctx context.Context, actor Actor, order []pair, links map[pair]*pendingLink) (map[uuid.UUID]int, error) {
	added := map[uuid.UUID]int{}
	now := s.now()
	for start := 0; start < len(order); start += bulkBatch {
		batch := order[start:min(start+bulkBatch, len(order))]
		cardIDs, reqIDs, quotes, sources, all := make(textArray, len(batch)), make(textArray, len(batch)),
			make(textArray, len(batch)), make(textArray, len(batch)), make(textArray, len(batch))
		for i, k := range batch {
			l := links[k]
			raw, err := l.quotes.Value()
			if err != nil {
				return nil, err
			}
			cardIDs[i], reqIDs[i], quotes[i], sources[i], all[i] = k.card.String(), k.requester.String(), l.quote, l.source, raw.(string)
		}
		var rows []struct {
			CardID   uuid.UUID
			Inserted bool
		}
		err := s.db.conn(ctx).Raw(requestUpsertSQL, actor.Label(), now, now, cardIDs, reqIDs, quotes, sources, all).
			Scan(&rows).Error
		if err != nil {
			return nil, storeErr(err, "request")
		}
		for _, r := range rows {
			if r.Inserted {
				added[r.CardID]++
			}
		}
	}
	return added, nil
}

func (s *Service) insertImportedConversations(ctx context.Context, convs []Conversation) error {
	if len(convs) == 0 {
		return nil
	}
	slices.SortStableFunc(convs, func(a, b Conversation) int {
		if c := compareIDs(a.CardID, b.CardID); c != 0 {
			return c
		}
		return strings.Compare(a.URL, b.URL)
	})
	convs = slices.CompactFunc(convs, func(a, b Conversation) bool { return a.CardID == b.CardID && a.URL == b.URL })
	return storeErr(s.db.conn(ctx).Omit("RequesterEmail", "RequesterName").
		Clauses(clause.OnConflict{DoNothing: true}).CreateInBatches(&convs, bulkBatch).Error, "conversation")
}

func compareIDs(a, b uuid.UUID) int {
	for i := range a {
		if a[i] != b[i] {
			return int(a[i]) - int(b[i])
		}
	}
	return 0
}

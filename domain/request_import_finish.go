package domain

import (
	"context"
	"fmt"
	"slices"
	"strconv"

	"github.com/google/uuid"
)

// lockImportCards locks the rows' cards (id order, as every multi-card writer does)
// for the rest of the transaction, as LinkRequest locks its one card: a card that
// ships meanwhile either sees these requests in its fan-out or is seen shipped here.
// Rows of a card archived since it was resolved become errors.
func (s *Service) lockImportCards(ctx context.Context, rows []linkRow, res *RequestImportResult) (map[uuid.UUID]requestCard, error) {
	ids := map[uuid.UUID]bool{}
	for _, r := range rows {
		ids[r.card.ID] = true
	}
	sorted := make([]uuid.UUID, 0, len(ids))
	for id := range ids {
		sorted = append(sorted, id)
	}
	slices.SortFunc(sorted, compareIDs)
	live := map[uuid.UUID]requestCard{}
	for start := 0; start < len(sorted); start += 1000 {
		var cards []requestCard
		err := s.db.conn(ctx).Raw(`SELECT id, board_id, shipped_at, archived_at FROM cards WHERE id IN ? ORDER BY id FOR NO KEY UPDATE`,
			sorted[start:min(start+1000, len(sorted))]).Scan(&cards).Error
		if err != nil {
			return nil, err
		}
		for _, c := range cards {
			if c.ArchivedAt == nil {
				live[c.ID] = c
			}
		}
	}
	for _, r := range rows {
		if _, ok := live[r.card.ID]; !ok {
			res.Errors = append(res.Errors, RowError{Row: r.Row, Line: r.Line, Field: "card",
				Message: "the card was archived or deleted while the file was imported"})
		}
	}
	return live, nil
}

// finishRequestImport counts the new requests on their cards, writes one activity
// line per card, and tells the notifier about cards that had shipped: their fan-out
// runs again and emails exactly the requesters who have no delivery yet — the new
// ones (the deliveries table is unique per card, requester and kind).
func (s *Service) finishRequestImport(ctx context.Context, actor Actor, cards map[uuid.UUID]requestCard, added map[uuid.UUID]int, res *RequestImportResult) error {
	ids, counts := make(textArray, 0, len(added)), make(textArray, 0, len(added))
	var acts []Activity
	var shipped []uuid.UUID
	for id, n := range added {
		res.NewRequests += n
		ids, counts = append(ids, id.String()), append(counts, strconv.Itoa(n))
		c := cards[id]
		acts = append(acts, s.newRequestActivity(id, c.BoardID, actor, "requests_imported", map[string]any{"new": n}))
		if c.ShippedAt != nil {
			res.ShippedEmails += n
			shipped = append(shipped, id)
		}
	}
	// One statement for every card (each statement moves its boards' cards_version once).
	if err := s.db.conn(ctx).Exec(`UPDATE cards c SET requester_count = c.requester_count + v.n
FROM unnest(?::uuid[], ?::int[]) AS v(id, n) WHERE c.id = v.id`, ids, counts).Error; err != nil {
		return err
	}
	if len(acts) > 0 {
		if err := s.db.conn(ctx).CreateInBatches(&acts, 1000).Error; err != nil {
			return err
		}
	}
	if len(shipped) == 0 {
		return nil
	}
	tx, err := sqlTx(ctx)
	if err != nil {
		return err
	}
	for _, id := range shipped {
		if err := s.notifier.CardShipped(ctx, tx, id); err != nil {
			return fmt.Errorf("notify requesters imported into shipped card %s: %w", id, err)
		}
	}
	return nil
}

// countRequestImport is the dry run's arithmetic: which rows would be new requests,
// new people, shipped emails.
func (s *Service) countRequestImport(ctx context.Context, rows []linkRow, res *RequestImportResult) error {
	emails := map[string]bool{}
	for _, r := range rows {
		emails[normalEmail(r.Email)] = true
	}
	known := map[string]uuid.UUID{}
	keys := keysOf(emails)
	for start := 0; start < len(keys); start += 1000 {
		var found []struct {
			K  string
			ID uuid.UUID
		}
		err := s.db.conn(ctx).Raw(`SELECT lower(email) AS k, id FROM requesters WHERE lower(email) IN ?`,
			keys[start:min(start+1000, len(keys))]).Scan(&found).Error
		if err != nil {
			return err
		}
		for _, f := range found {
			known[f.K] = f.ID
		}
	}
	res.NewRequesters = len(emails) - len(known)
	existing := map[pair]bool{}
	ids := make([]any, 0, len(known))
	for _, id := range known {
		ids = append(ids, id)
	}
	for start := 0; start < len(ids); start += 1000 {
		var found []struct{ CardID, RequesterID uuid.UUID }
		err := s.db.conn(ctx).Raw(`SELECT card_id, requester_id FROM requests WHERE requester_id IN ?`,
			ids[start:min(start+1000, len(ids))]).Scan(&found).Error
		if err != nil {
			return err
		}
		for _, f := range found {
			existing[pair{f.CardID, f.RequesterID}] = true
		}
	}
	pairs := map[pair]bool{}
	for _, r := range rows {
		res.Linked++
		rid, ok := known[normalEmail(r.Email)]
		if !ok { // a new person: a stand-in id, so their rows for one card count once
			rid = uuid.NewSHA1(uuid.NameSpaceURL, []byte(normalEmail(r.Email)))
		}
		k := pair{r.card.ID, rid}
		if pairs[k] || existing[k] {
			pairs[k] = true
			continue
		}
		pairs[k] = true
		res.NewRequests++
		if r.card.ShippedAt != nil {
			res.ShippedEmails++
		}
	}
	return nil
}

func sortRowErrors(errs []RowError) {
	slices.SortStableFunc(errs, func(a, b RowError) int { return a.Row - b.Row })
}

package domain

import (
	"context"

	"github.com/google/uuid"
)

// EraseRequester forgets a person (GDPR erasure): their requests, conversations,
// and the requester row go, and every card they asked for counts one requester less —
// all in one transaction, so counts never disagree with the requests that exist.
// Requests and conversations go with it (ON DELETE CASCADE); deliveries stay so a
// card's counts add up, detached here (requester_id NULL), and the trigger of
// migrations/00040 empties their address and suppresses any still queued. Each
// affected card gets a "requester_erased" activity that names no one, so its history
// explains why its count dropped.
func (s *Service) EraseRequester(ctx context.Context, actor Actor, id uuid.UUID) error {
	return s.db.WithTx(ctx, func(ctx context.Context) error {
		db := s.db.conn(ctx)
		// Lock order is requester, then cards — the same as LinkRequest — so an erase and
		// a link never deadlock. NO KEY UPDATE blocks new links (their upsert locks the
		// row); on the cards it waits for a fan-out transaction in progress (it holds its
		// card FOR SHARE) and holds the next one off until this erase has committed.
		var found []uuid.UUID
		if err := db.Raw(`SELECT id FROM requesters WHERE id = ? FOR NO KEY UPDATE`, id).Scan(&found).Error; err != nil {
			return err
		}
		if len(found) == 0 {
			return NotFound("requester")
		}
		var cards []struct {
			ID      uuid.UUID
			BoardID uuid.UUID
		}
		// Cards are locked in id order so that two erasures sharing cards cannot deadlock.
		err := db.Raw(`SELECT c.id, c.board_id FROM cards c
WHERE c.id IN (SELECT card_id FROM requests WHERE requester_id = ?)
ORDER BY c.id FOR NO KEY UPDATE`, id).Scan(&cards).Error
		if err != nil {
			return err
		}
		if len(cards) > 0 {
			ids := make([]uuid.UUID, len(cards))
			for i, c := range cards {
				ids[i] = c.ID
			}
			if err := db.Exec(`UPDATE cards SET requester_count = GREATEST(requester_count - 1, 0) WHERE id IN ?`, ids).Error; err != nil {
				return err
			}
			acts := make([]Activity, len(cards))
			for i, c := range cards {
				acts[i] = s.newRequestActivity(c.ID, c.BoardID, actor, "requester_erased", nil)
			}
			if err := s.recordRequestActivity(ctx, acts...); err != nil {
				return err
			}
		}
		// Deliveries keep the row (the card's counts add up) but not the person: the
		// trigger of migrations/00040 empties the address and suppresses what is still
		// queued. Holding the cards' locks, no fan-out can add one meanwhile
		// (migrations/00050).
		if err := db.Exec(`UPDATE deliveries SET requester_id = NULL WHERE requester_id = ?`, id).Error; err != nil {
			return err
		}
		// The inbound event log keeps the line (what came in, when, with what outcome)
		// but not the person: address, name, words and conversation link go, and a link
		// not made yet (inbound_link.go) is never made. Each row keeps a conversation key
		// of its own (one linked row per key and card: migrations/00750).
		err = db.Exec(`UPDATE inbound_events SET requester_id = NULL, requester_email = '', requester_name = '', quote = '',
 conversation_url = '', conversation_key = 'erased:' || id::text, link = NULL, detail = 'the person was erased'
WHERE requester_id = ? OR lower(requester_email) = (SELECT lower(email) FROM requesters WHERE id = ?)`, id, id).Error
		if err != nil {
			return err
		}
		// requests and conversations cascade from the requester row.
		return db.Exec(`DELETE FROM requesters WHERE id = ?`, id).Error
	})
}

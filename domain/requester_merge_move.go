package domain

import (
	"context"

	"github.com/google/uuid"
)

// movePersonRequests gives intoID every request of id: moved where intoID had not
// asked for the card, combined (quotes joined, the earlier date kept) where it had.
// A card merge's copy of id's requests follows too, so an unmerge restores intoID.
func (s *Service) movePersonRequests(ctx context.Context, id, intoID uuid.UUID, res *RequesterMergeResult) error {
	db := s.db.conn(ctx)
	both := db.Exec(`UPDATE requests t SET quotes = t.quotes || q.quotes,
    quote = CASE WHEN t.quote <> '' THEN t.quote ELSE q.quote END,
    source = CASE WHEN t.source <> '' THEN t.source ELSE q.source END,
    created_at = LEAST(t.created_at, q.created_at), updated_at = now()
FROM requests q WHERE q.requester_id = ? AND t.requester_id = ? AND t.card_id = q.card_id`, id, intoID)
	if both.Error != nil {
		return both.Error
	}
	res.Combined = int(both.RowsAffected)
	if res.Combined > 0 {
		// Those cards lose one requester: the same person was counted twice.
		if err := db.Exec(`UPDATE cards SET requester_count = GREATEST(requester_count - 1, 0)
WHERE id IN (SELECT card_id FROM requests WHERE requester_id = ?)
  AND id IN (SELECT card_id FROM requests WHERE requester_id = ?)`, id, intoID).Error; err != nil {
			return err
		}
		if err := db.Exec(`DELETE FROM requests q WHERE q.requester_id = ?
AND EXISTS (SELECT 1 FROM requests t WHERE t.requester_id = ? AND t.card_id = q.card_id)`, id, intoID).Error; err != nil {
			return err
		}
	}
	moved := db.Exec(`UPDATE requests SET requester_id = ? WHERE requester_id = ?`, intoID, id)
	if moved.Error != nil {
		return moved.Error
	}
	res.Requests = int(moved.RowsAffected)
	if err := db.Exec(`UPDATE card_merge_requests m SET requester_id = ? WHERE requester_id = ?
AND NOT EXISTS (SELECT 1 FROM card_merge_requests o WHERE o.merge_id = m.merge_id AND o.requester_id = ?)`,
		intoID, id, intoID).Error; err != nil {
		return err
	}
	return nil
}

// movePersonDeliveries gives intoID id's deliveries, except where intoID already has
// one of that kind for that card (the two would be one person heard twice; intoID's
// stays). A queued one that moves gets a send batch of its own: batches are ranges
// of requester ids, and the new id may lie outside its old batch's.
func (s *Service) movePersonDeliveries(ctx context.Context, id, intoID uuid.UUID, res *RequesterMergeResult) error {
	db := s.db.conn(ctx)
	if err := db.Exec(`DELETE FROM deliveries d WHERE d.requester_id = ?
AND EXISTS (SELECT 1 FROM deliveries o WHERE o.card_id = d.card_id AND o.kind = d.kind AND o.requester_id = ?)`, id, intoID).Error; err != nil {
		return err
	}
	var queued []struct {
		ID     uuid.UUID
		CardID uuid.UUID
		Kind   string
	}
	err := db.Raw(`UPDATE deliveries SET requester_id = ?, batch_id = CASE WHEN status = 'queued' THEN closeloop_uuid_v7() END,
    updated_at = now()
WHERE requester_id = ? RETURNING id, card_id, kind, status = 'queued' AS q`, intoID, id).Scan(&queued).Error
	if err != nil {
		return err
	}
	res.Deliveries = len(queued)
	return db.Exec(`INSERT INTO delivery_batches (id, card_id, kind, first_requester, last_requester, due_at, pending)
SELECT batch_id, card_id, kind, requester_id, requester_id, now(), 1 FROM deliveries
WHERE requester_id = ? AND status = 'queued' AND batch_id IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM delivery_batches b WHERE b.id = deliveries.batch_id)`, intoID).Error
}

// mergePersonFields fills what intoID lacks from id: name, company, external ids
// (intoID's win), and an unsubscribe (the person asked not to be emailed).
func (s *Service) mergePersonFields(ctx context.Context, id, intoID uuid.UUID) error {
	return s.db.conn(ctx).Exec(`UPDATE requesters t SET
    name = CASE WHEN t.name = '' THEN o.name ELSE t.name END,
    company = CASE WHEN t.company = '' THEN o.company ELSE t.company END,
    external_ids = o.external_ids || t.external_ids,
    unsubscribed_at = COALESCE(t.unsubscribed_at, o.unsubscribed_at),
    updated_at = now()
FROM requesters o WHERE o.id = ? AND t.id = ?`, id, intoID).Error
}

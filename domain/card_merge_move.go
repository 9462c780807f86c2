package domain

import (
	"context"
	"fmt"
	"time"

	"github.com/google/uuid"
)

// moveRequests moves src's requests to dst, keeping a copy of them as they were
// (card_merge_requests) for an unmerge, and marks on dst the people already emailed
// about src.
func (s *Service) moveRequests(ctx context.Context, mergeID uuid.UUID, src, dst Card, now time.Time, res *MergeResult) error {
	db := s.db.conn(ctx)
	err := db.Exec(`INSERT INTO card_merge_requests (merge_id, requester_id, quote, source, quotes, linked_by, created_at,
    updated_at, shared, target_quote, target_created_at)
SELECT ?, q.requester_id, q.quote, q.source, q.quotes, q.linked_by, q.created_at, q.updated_at,
       t.requester_id IS NOT NULL, COALESCE(t.quote, ''), t.created_at
FROM requests q LEFT JOIN requests t ON t.card_id = ? AND t.requester_id = q.requester_id
WHERE q.card_id = ?`, mergeID, dst.ID, src.ID).Error
	if err != nil {
		return err
	}
	moved := db.Exec(`UPDATE requests q SET card_id = ? WHERE q.card_id = ?
AND NOT EXISTS (SELECT 1 FROM requests t WHERE t.card_id = ? AND t.requester_id = q.requester_id)`, dst.ID, src.ID, dst.ID)
	if moved.Error != nil {
		return moved.Error
	}
	res.Moved = int(moved.RowsAffected)
	// Left on src: the people on both cards. Their quotes join their request on dst.
	shared := db.Exec(`UPDATE requests t SET quotes = t.quotes || q.quotes,
    quote = CASE WHEN t.quote <> '' THEN t.quote ELSE q.quote END,
    created_at = LEAST(t.created_at, q.created_at), updated_at = ?
FROM requests q WHERE q.card_id = ? AND t.card_id = ? AND t.requester_id = q.requester_id`, now, src.ID, dst.ID)
	if shared.Error != nil {
		return shared.Error
	}
	res.AlreadyOnTarget = int(shared.RowsAffected)
	if err := db.Exec(`DELETE FROM requests WHERE card_id = ?`, src.ID).Error; err != nil {
		return err
	}
	var markers []uuid.UUID
	err = db.Raw(`INSERT INTO deliveries (card_id, requester_id, kind, email, status, last_error)
SELECT ?, d.requester_id, d.kind, d.email, 'suppressed', ?
FROM deliveries d
WHERE d.card_id = ? AND d.status IN ('sent', 'queued') AND d.requester_id IS NOT NULL
  AND EXISTS (SELECT 1 FROM requests t WHERE t.card_id = ? AND t.requester_id = d.requester_id)
ON CONFLICT (card_id, requester_id, kind) DO NOTHING
RETURNING id`, dst.ID, mergedNote(src), src.ID, dst.ID).Scan(&markers).Error
	if err != nil {
		return err
	}
	res.Suppressed = len(markers)
	return db.Exec(`UPDATE card_merges SET markers = ?::uuid[] WHERE id = ?`, uuidArray(markers), mergeID).Error
}

// mergedNote is the reason a marker delivery gives.
func mergedNote(src Card) string {
	return fmt.Sprintf("already emailed about the merged card %q", src.Title)
}

// moveCardThings moves src's conversations (a link dst has already stays with src)
// and adds src's labels to dst.
func (s *Service) moveCardThings(ctx context.Context, mergeID uuid.UUID, src, dst Card, res *MergeResult) error {
	db := s.db.conn(ctx)
	var convs []uuid.UUID
	err := db.Raw(`UPDATE conversations v SET card_id = ? WHERE v.card_id = ?
AND NOT EXISTS (SELECT 1 FROM conversations w WHERE w.card_id = ? AND w.url = v.url) RETURNING v.id`,
		dst.ID, src.ID, dst.ID).Scan(&convs).Error
	if err != nil {
		return err
	}
	res.Conversations = len(convs)
	comments, err := s.moveComments(ctx, src.ID, dst.ID)
	if err != nil {
		return err
	}
	res.Comments = len(comments)
	labels, added := unionLabels(dst.Labels, src.Labels)
	if len(added) > 0 {
		if err := s.writeCard(ctx, dst.ID, map[string]any{"labels": labels}); err != nil {
			return err
		}
	}
	return db.Exec(`UPDATE card_merges SET conversations = ?::uuid[], comments = ?::uuid[], labels = ?::text[] WHERE id = ?`,
		uuidArray(convs), uuidArray(comments), textArray(added), mergeID).Error
}

// moveComments moves a card's comments to another and returns their ids (kept in
// card_merges.comments, so an unmerge moves back exactly these).
func (s *Service) moveComments(ctx context.Context, from, to uuid.UUID) ([]uuid.UUID, error) {
	var ids []uuid.UUID
	err := s.db.conn(ctx).Raw(`UPDATE comments SET card_id = ? WHERE card_id = ? RETURNING id`, to, from).Scan(&ids).Error
	return ids, err
}

// uuidArray sends ids as one uuid[] parameter (as text[]; cast in the statement).
func uuidArray(ids []uuid.UUID) textArray {
	out := make(textArray, len(ids))
	for i, id := range ids {
		out[i] = id.String()
	}
	return out
}

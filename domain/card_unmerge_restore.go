package domain

import (
	"context"
	"slices"
	"time"

	"github.com/google/uuid"
)

// restoreRequests gives src back its requests from the merge's copy and takes from
// dst what the merge added: requests of people who were only on src, and the quotes
// that came with the people on both.
func (s *Service) restoreRequests(ctx context.Context, mergeID, srcID, dstID uuid.UUID, mergedAt time.Time, res *MergeResult) error {
	db := s.db.conn(ctx)
	moved := db.Exec(`DELETE FROM requests q USING card_merge_requests m
WHERE m.merge_id = ? AND NOT m.shared AND q.card_id = ? AND q.requester_id = m.requester_id`, mergeID, dstID)
	if moved.Error != nil {
		return moved.Error
	}
	res.Moved = int(moved.RowsAffected)
	// On dst, a shared person's request keeps its quotes but those src brought.
	shared := db.Exec(`UPDATE requests q SET
    quotes = COALESCE((SELECT jsonb_agg(e ORDER BY n) FROM jsonb_array_elements(q.quotes) WITH ORDINALITY AS x(e, n)
                       WHERE NOT m.quotes @> jsonb_build_array(e)), '[]'::jsonb),
    quote = m.target_quote, created_at = COALESCE(m.target_created_at, q.created_at)
FROM card_merge_requests m
WHERE m.merge_id = ? AND m.shared AND q.card_id = ? AND q.requester_id = m.requester_id`, mergeID, dstID)
	if shared.Error != nil {
		return shared.Error
	}
	res.AlreadyOnTarget = int(shared.RowsAffected)
	err := db.Exec(`INSERT INTO requests (card_id, requester_id, quote, source, quotes, linked_by, created_at, updated_at)
SELECT ?, requester_id, quote, source, quotes, linked_by, created_at, updated_at FROM card_merge_requests WHERE merge_id = ?
ON CONFLICT (card_id, requester_id) DO NOTHING`, srcID, mergeID).Error
	if err != nil {
		return err
	}
	// The merge's markers go. Whoever was emailed about dst while merged (and is a
	// requester of src again) is marked on src, so src's shipping skips them.
	if err := db.Exec(`DELETE FROM deliveries WHERE id IN (SELECT unnest(markers) FROM card_merges WHERE id = ?)
AND card_id = ? AND status = 'suppressed'`, mergeID, dstID).Error; err != nil {
		return err
	}
	return db.Exec(`INSERT INTO deliveries (card_id, requester_id, kind, email, status, last_error)
SELECT ?, d.requester_id, d.kind, d.email, 'suppressed', 'already emailed while merged into ' || quote_literal(c.title)
FROM deliveries d JOIN cards c ON c.id = d.card_id
WHERE d.card_id = ? AND d.status IN ('sent', 'queued') AND d.queued_at >= ?
  AND d.requester_id IN (SELECT requester_id FROM requests WHERE card_id = ?)
ON CONFLICT (card_id, requester_id, kind) DO NOTHING`, srcID, dstID, mergedAt, srcID).Error
}

// restoreCardThings moves back the conversations and comments that moved (if still
// on dst) and takes off dst the labels the merge added.
func (s *Service) restoreCardThings(ctx context.Context, mergeID, srcID uuid.UUID, dst Card) error {
	db := s.db.conn(ctx)
	var m struct{ Labels Labels }
	if err := db.Raw(`SELECT labels FROM card_merges WHERE id = ?`, mergeID).
		Scan(&m).Error; err != nil {
		return err
	}
	if err := db.Exec(`UPDATE conversations SET card_id = ? WHERE card_id = ? AND id IN (SELECT unnest(conversations) FROM card_merges WHERE id = ?)`,
		srcID, dst.ID, mergeID).Error; err != nil {
		return err
	}
	if err := s.restoreComments(ctx, mergeID, srcID, dst.ID); err != nil {
		return err
	}
	if len(m.Labels) == 0 {
		return nil
	}
	kept := slices.DeleteFunc(slices.Clone(dst.Labels), func(l string) bool { return slices.Contains(m.Labels, l) })
	return s.writeCard(ctx, dst.ID, map[string]any{"labels": Labels(kept)})
}

// restoreComments moves back the comments a merge moved (those still on dst).
func (s *Service) restoreComments(ctx context.Context, mergeID, srcID, dstID uuid.UUID) error {
	return s.db.conn(ctx).Exec(`UPDATE comments SET card_id = ? WHERE card_id = ? AND id IN (SELECT unnest(comments) FROM card_merges WHERE id = ?)`,
		srcID, dstID, mergeID).Error
}

// finishUnmerge writes both cards' activity lines and tells the sinks.
func (s *Service) finishUnmerge(ctx context.Context, actor Actor, srcID, dstID uuid.UUID, res *MergeResult) error {
	var err error
	if res.Source, err = s.Card(ctx, srcID); err != nil {
		return err
	}
	if res.Target, err = s.Card(ctx, dstID); err != nil {
		return err
	}
	detail := ActivityDetail{"merge_id": res.MergeID, "requesters_back": res.Moved + res.AlreadyOnTarget}
	if err := s.record(ctx, actor, res.Source, "unmerged", nil, &res.Source.ColumnID,
		withKey(detail, "from_id", dstID)); err != nil {
		return err
	}
	if err := s.record(ctx, actor, res.Target, "unmerged_out", nil, nil, withKey(detail, "source_id", srcID)); err != nil {
		return err
	}
	if err := s.publish(ctx, actor, Event{Type: EventCardUpdated, Card: &res.Source}); err != nil {
		return err
	}
	return s.publish(ctx, actor, Event{Type: EventCardUpdated, Card: &res.Target})
}

func withKey(d ActivityDetail, k string, v any) ActivityDetail {
	out := ActivityDetail{k: v}
	for key, val := range d {
		out[key] = val
	}
	return out
}

package domain

import (
	"context"
	"time"

	"github.com/google/uuid"
)

// UnmergeCard undoes the merge of card id (within 30 days): both cards get back
// their own requests (a person who was on both is on both again, each request with
// its own quotes), the conversations, comments and labels that moved go back, and
// the card is restored at the end of its column. The marker deliveries the merge
// wrote go; people emailed about the merged card while it was merged are marked on
// the restored card too, so they do not hear twice when it ships.
func (s *Service) UnmergeCard(ctx context.Context, actor Actor, id uuid.UUID) (MergeResult, error) {
	var res MergeResult
	err := s.db.WithTx(ctx, func(ctx context.Context) error {
		var merges []struct {
			ID       uuid.UUID
			TargetID uuid.UUID
			MergedAt time.Time
		}
		err := s.db.conn(ctx).Raw(`SELECT id, target_id, merged_at FROM card_merges
WHERE source_id = ? AND undone_at IS NULL ORDER BY merged_at DESC LIMIT 1`, id).Scan(&merges).Error
		if err != nil {
			return err
		}
		if len(merges) == 0 {
			if _, err := s.Card(ctx, id); err != nil {
				return err
			}
			return Conflict("this card is not merged into another card")
		}
		src, dst, err := s.lockPair(ctx, id, merges[0].TargetID)
		switch {
		case err != nil:
			return err
		case src.MergedIntoID == nil || *src.MergedIntoID != dst.ID:
			return Conflict("this card is not merged into another card")
		case s.now().Sub(merges[0].MergedAt) > unmergeWindow:
			return Conflict("this card was merged more than 30 days ago; a merge can be undone for 30 days")
		case dst.MergedIntoID != nil:
			return Conflict("the card it was merged into has since been merged into another card; unmerge that one first")
		}
		m := merges[0]
		res.MergeID = m.ID
		if err := s.restoreRequests(ctx, m.ID, src.ID, dst.ID, m.MergedAt, &res); err != nil {
			return err
		}
		if err := s.restoreCardThings(ctx, m.ID, src.ID, dst); err != nil {
			return err
		}
		col, err := s.lockColumn(ctx, src.ColumnID)
		if err != nil {
			return err
		}
		last, err := s.lastPosition(ctx, col.ID, src.ID)
		if err != nil {
			return err
		}
		pos, err := rankBetween(last, "")
		if err != nil {
			return err
		}
		if err := s.writeCard(ctx, src.ID, map[string]any{"archived_at": nil, "merged_into_id": nil, "position": pos}); err != nil {
			return err
		}
		if err := s.recountRequesters(ctx, src.ID, dst.ID); err != nil {
			return err
		}
		if err := s.db.conn(ctx).Exec(`UPDATE card_merges SET undone_at = ? WHERE id = ?`, s.now(), m.ID).Error; err != nil {
			return err
		}
		return s.finishUnmerge(ctx, actor, src.ID, dst.ID, &res)
	})
	return res, err
}

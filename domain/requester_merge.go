package domain

import (
	"context"

	"github.com/google/uuid"
)

// RequesterMergeResult says what merging two people moved.
type RequesterMergeResult struct {
	Requester     Requester // the one kept
	Requests      int       // requests moved to them
	Combined      int       // cards both had asked for: one request remains, with every quote
	Conversations int
	Deliveries    int
}

// MergeRequester merges person id into intoID (two addresses of one person): their
// requests, conversations and deliveries move; where both asked for a card one
// request remains with every quote; where both have a delivery of one kind for a
// card, the kept person's stays (the other is dropped). A name or company the kept
// person lacks is taken over, external ids join, and an unsubscribe is honoured.
// Then id is deleted. Irreversible.
func (s *Service) MergeRequester(ctx context.Context, actor Actor, id, intoID uuid.UUID) (RequesterMergeResult, error) {
	if id == intoID {
		return RequesterMergeResult{}, Invalid("into_id", "is this person; choose the other address")
	}
	var res RequesterMergeResult
	err := s.db.WithTx(ctx, func(ctx context.Context) error {
		db := s.db.conn(ctx)
		// Requesters first, then cards (the order of LinkRequest and EraseRequester).
		var found []uuid.UUID
		if err := db.Raw(`SELECT id FROM requesters WHERE id IN (?, ?) ORDER BY id FOR UPDATE`, id, intoID).Scan(&found).Error; err != nil {
			return err
		}
		if !containsID(found, id) {
			return NotFound("requester")
		}
		if !containsID(found, intoID) {
			return Invalid("into_id", "is not an existing requester")
		}
		var cards []requestCard
		err := db.Raw(`SELECT id, board_id FROM cards WHERE id IN (SELECT card_id FROM requests WHERE requester_id IN (?, ?)
UNION SELECT card_id FROM deliveries WHERE requester_id = ?) ORDER BY id FOR NO KEY UPDATE`, id, intoID, id).Scan(&cards).Error
		if err != nil {
			return err
		}
		if err := s.movePersonRequests(ctx, id, intoID, &res); err != nil {
			return err
		}
		if err := s.movePersonDeliveries(ctx, id, intoID, &res); err != nil {
			return err
		}
		conv := db.Exec(`UPDATE conversations SET requester_id = ? WHERE requester_id = ?`, intoID, id)
		if conv.Error != nil {
			return conv.Error
		}
		res.Conversations = int(conv.RowsAffected)
		if err := s.mergePersonFields(ctx, id, intoID); err != nil {
			return err
		}
		var acts []Activity
		for _, c := range cards {
			acts = append(acts, s.newRequestActivity(c.ID, c.BoardID, actor, "requester_merged",
				map[string]any{"requester_id": intoID, "merged_requester_id": id}))
		}
		if err := s.recordRequestActivity(ctx, acts...); err != nil {
			return err
		}
		if err := db.Exec(`DELETE FROM requesters WHERE id = ?`, id).Error; err != nil {
			return err
		}
		res.Requester, err = s.GetRequester(ctx, intoID)
		return err
	})
	return res, err
}

func containsID(ids []uuid.UUID, id uuid.UUID) bool {
	for _, x := range ids {
		if x == id {
			return true
		}
	}
	return false
}

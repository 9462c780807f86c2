package domain

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/google/uuid"
)

// MergeResult says what a merge moved.
type MergeResult struct {
	Source, Target  Card
	MergeID         uuid.UUID
	Moved           int // requesters who were only on the source card
	AlreadyOnTarget int // requesters on both: their two requests became one
	Conversations   int
	Comments        int
	Suppressed      int // people already emailed about the source card, marked on the target
	ShippedEmails   int // the target had shipped: requesters the merge emails now (nobody told them yet)
	DryRun          bool
}

// errPreviewDone rolls back a merge that was only a preview.
var errPreviewDone = errors.New("merge preview: roll back")

// PreviewMerge says what MergeCard would do — requesters moving, already on the
// target, emails it would send — by doing it in a transaction that is rolled back,
// so the figures are the merge's own.
func (s *Service) PreviewMerge(ctx context.Context, actor Actor, id, intoID uuid.UUID) (MergeResult, error) {
	var res MergeResult
	err := s.db.WithTx(ctx, func(ctx context.Context) error {
		var err error
		if res, err = s.MergeCard(ctx, actor, id, intoID); err != nil {
			return err
		}
		return errPreviewDone
	})
	if errors.Is(err, errPreviewDone) {
		res.DryRun = true
		return res, nil
	}
	return res, err
}

// unmergeWindow is how long a merge can be undone.
const unmergeWindow = 30 * 24 * time.Hour

// MergeCard merges card id into card intoID: its requests (quotes kept; a person on
// both keeps one request with every quote), conversations, comments and labels move
// to intoID, and the card is archived with merged_into_id. Nobody is emailed twice
// for one kind about the pair: everyone already emailed (or being emailed) about the
// source card gets a suppressed delivery of that kind on the target, which the
// target's fan-outs then skip (the deliveries key is card, requester, kind). If the
// target has shipped, its fan-out runs again: it emails exactly the requesters
// without a delivery — the new ones who were never told.
func (s *Service) MergeCard(ctx context.Context, actor Actor, id, intoID uuid.UUID) (MergeResult, error) {
	if id == intoID {
		return MergeResult{}, Invalid("into_id", "is this card itself; choose another card to merge into")
	}
	var res MergeResult
	err := s.db.WithTx(ctx, func(ctx context.Context) error {
		src, dst, err := s.lockPair(ctx, id, intoID)
		if err != nil {
			return err
		}
		switch {
		case src.MergedIntoID != nil:
			return Conflict("this card is merged into another card already; unmerge it first")
		case src.ArchivedAt != nil:
			return Conflict("this card is archived; restore it before merging it")
		case dst.ArchivedAt != nil:
			return Invalid("into_id", "is an archived card; choose a card on a board")
		}
		now := s.now()
		res.MergeID = newID()
		if err := s.db.conn(ctx).Exec(`INSERT INTO card_merges (id, source_id, target_id, actor, merged_at) VALUES (?, ?, ?, ?, ?)`,
			res.MergeID, src.ID, dst.ID, actorOr(actor), now).Error; err != nil {
			return err
		}
		if err := s.moveRequests(ctx, res.MergeID, src, dst, now, &res); err != nil {
			return err
		}
		if err := s.moveCardThings(ctx, res.MergeID, src, dst, &res); err != nil {
			return err
		}
		if err := s.writeCard(ctx, src.ID, map[string]any{"archived_at": now, "merged_into_id": dst.ID}); err != nil {
			return err
		}
		if err := s.recountRequesters(ctx, src.ID, dst.ID); err != nil {
			return err
		}
		if dst.ShippedAt != nil {
			err := s.db.conn(ctx).Raw(`SELECT count(*) FROM requests q WHERE q.card_id = ? AND NOT EXISTS (
    SELECT 1 FROM deliveries d WHERE d.card_id = q.card_id AND d.requester_id = q.requester_id AND d.kind = 'shipped')`,
				dst.ID).Scan(&res.ShippedEmails).Error
			if err != nil {
				return err
			}
			tx, err := sqlTx(ctx)
			if err != nil {
				return err
			}
			if err := s.notifier.CardShipped(ctx, tx, dst.ID); err != nil {
				return fmt.Errorf("notify requesters merged into shipped card %s: %w", dst.ID, err)
			}
		}
		return s.finishMerge(ctx, actor, src.ID, dst.ID, &res)
	})
	return res, err
}

// lockPair locks two cards FOR UPDATE in id order (two merges of the same pair, in
// either direction, cannot deadlock) and returns them as (a, b).
func (s *Service) lockPair(ctx context.Context, a, b uuid.UUID) (Card, Card, error) {
	first, second := a, b
	if compareIDs(a, b) > 0 {
		first, second = b, a
	}
	c1, err := s.lockCard(ctx, first, nil)
	if err != nil {
		return Card{}, Card{}, s.pairErr(err, first == b)
	}
	c2, err := s.lockCard(ctx, second, nil)
	if err != nil {
		return Card{}, Card{}, s.pairErr(err, second == b)
	}
	if first == a {
		return c1, c2, nil
	}
	return c2, c1, nil
}

func (s *Service) pairErr(err error, isTarget bool) error {
	if isTarget && KindOf(err) == KindNotFound {
		return Invalid("into_id", "is not an existing card")
	}
	return err
}

// recountRequesters sets requester_count from the requests that exist.
func (s *Service) recountRequesters(ctx context.Context, ids ...uuid.UUID) error {
	return s.db.conn(ctx).Exec(`UPDATE cards c SET requester_count = (SELECT count(*) FROM requests q WHERE q.card_id = c.id)
WHERE c.id IN ?`, ids).Error
}

// finishMerge writes the activity lines of both cards and tells the sinks.
func (s *Service) finishMerge(ctx context.Context, actor Actor, srcID, dstID uuid.UUID, res *MergeResult) error {
	var err error
	if res.Source, err = s.Card(ctx, srcID); err != nil {
		return err
	}
	if res.Target, err = s.Card(ctx, dstID); err != nil {
		return err
	}
	detail := ActivityDetail{"merge_id": res.MergeID, "moved": res.Moved, "already_on_target": res.AlreadyOnTarget,
		"conversations": res.Conversations, "suppressed": res.Suppressed}
	into, from := ActivityDetail{"into_id": dstID, "into_title": res.Target.Title}, ActivityDetail{"from_id": srcID, "from_title": res.Source.Title}
	for k, v := range detail {
		into[k], from[k] = v, v
	}
	if err := s.record(ctx, actor, res.Source, "merged", &res.Source.ColumnID, nil, into); err != nil {
		return err
	}
	if err := s.record(ctx, actor, res.Target, "merged_in", nil, nil, from); err != nil {
		return err
	}
	if err := s.publish(ctx, actor, Event{Type: EventCardArchived, Card: &res.Source}); err != nil {
		return err
	}
	return s.publish(ctx, actor, Event{Type: EventCardUpdated, Card: &res.Target})
}

// unionLabels is dst's labels followed by those of src it lacks, at most maxLabels;
// added are the ones that came from src.
func unionLabels(dst, src Labels) (all Labels, added []string) {
	all = slices.Clone(dst)
	for _, l := range src {
		if len(all) < maxLabels && !slices.Contains(all, l) {
			all = append(all, l)
			added = append(added, l)
		}
	}
	return all, added
}

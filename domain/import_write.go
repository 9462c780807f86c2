package domain

import (
	"context"
	"time"

	"github.com/google/uuid"
)

// importBatch is how many cards (or other rows) one INSERT writes.
const importBatch = 500

// writeBoard inserts the board, its columns and cards (with their comments,
// requests and conversations) in the caller's transaction, and returns the board's
// id. Every card gets an "imported" activity line; the board gets one too.
func (s *Service) writeBoard(ctx context.Context, actor Actor, importID uuid.UUID, b *BoardImport, prog *importProgress) (uuid.UUID, error) {
	now := s.now()
	board := Board{ID: newID(), Name: b.Name, Description: b.Description, CreatedAt: now, UpdatedAt: now}
	if err := s.db.conn(ctx).Create(&board).Error; err != nil {
		return uuid.Nil, storeErr(err, "board")
	}
	cols := make([]Column, len(b.Columns))
	for i, c := range b.Columns {
		cols[i] = Column{ID: newID(), BoardID: board.ID, Name: c.Name, Stage: c.Stage, Position: i, CreatedAt: now, UpdatedAt: now}
	}
	if err := s.db.conn(ctx).Create(&cols).Error; err != nil {
		return uuid.Nil, storeErr(err, "column")
	}
	people, err := s.importPeople(ctx, b)
	if err != nil {
		return uuid.Nil, err
	}
	w := boardWriter{s: s, actor: actor, importID: importID, kind: b.Kind, people: people, prog: prog, now: now}
	for i, col := range b.Columns {
		if err := w.column(ctx, board.ID, cols[i].ID, col.Cards); err != nil {
			return uuid.Nil, err
		}
	}
	if err := w.flush(ctx); err != nil {
		return uuid.Nil, err
	}
	if err := s.writeLabelColors(ctx, board.ID, b.LabelColors); err != nil {
		return uuid.Nil, err
	}
	act := Activity{ID: newID(), BoardID: &board.ID, Actor: actorOr(actor), Action: "board_imported",
		Detail: ActivityDetail{"from": b.Kind, "import_id": importID, "cards": len(w.cardIDs)}, CreatedAt: now}
	return board.ID, s.db.conn(ctx).Create(&act).Error
}

// boardWriter collects rows card by card and writes them importBatch at a time.
type boardWriter struct {
	s        *Service
	actor    Actor
	importID uuid.UUID
	kind     string
	people   map[string]uuid.UUID // lower(email) → requester id
	prog     *importProgress
	now      time.Time

	cards   []Card
	pending []ImportCard // the cards' comments, requests and conversations, same order
	cardIDs []uuid.UUID
	shipped []uuid.UUID
}

// column gives the column's cards positions in file order (archived ones too, so a
// restored card comes back where it was) and queues them.
func (w *boardWriter) column(ctx context.Context, boardID, columnID uuid.UUID, cards []ImportCard) error {
	pos := ""
	for _, in := range cards {
		next, err := rankBetween(pos, "")
		if err != nil {
			return err
		}
		pos = next
		c := Card{ID: newID(), BoardID: boardID, ColumnID: columnID, Kind: in.Kind, Title: in.Title,
			Description: in.Description, Labels: Labels(in.Labels), Position: pos, Version: 1,
			ReleaseNote: in.ReleaseNote, ShippedAt: in.ShippedAt, CreatedAt: orNow(in.CreatedAt, w.now),
			UpdatedAt: orNow(in.UpdatedAt, w.now), RequesterCount: w.countRequesters(in.Requests)}
		if c.Labels == nil {
			c.Labels = Labels{}
		}
		if in.Archived {
			c.ArchivedAt = &w.now
		}
		if c.ShippedAt != nil && c.RequesterCount > 0 {
			w.shipped = append(w.shipped, c.ID)
		}
		w.cards, w.pending = append(w.cards, c), append(w.pending, in)
		if len(w.cards) >= importBatch {
			if err := w.flush(ctx); err != nil {
				return err
			}
		}
	}
	return nil
}

// flush writes the queued cards and what hangs off them.
func (w *boardWriter) flush(ctx context.Context) error {
	if len(w.cards) == 0 {
		return nil
	}
	db := w.s.db.conn(ctx)
	if err := db.Create(&w.cards).Error; err != nil {
		return storeErr(err, "card")
	}
	acts := make([]Activity, len(w.cards))
	for i, c := range w.cards {
		acts[i] = Activity{ID: newID(), CardID: &w.cards[i].ID, BoardID: &c.BoardID, Actor: actorOr(w.actor),
			Action: "imported", ToColumnID: &w.cards[i].ColumnID,
			Detail: ActivityDetail{"from": w.kind, "import_id": w.importID}, CreatedAt: w.now}
		w.cardIDs = append(w.cardIDs, c.ID)
	}
	if err := db.Create(&acts).Error; err != nil {
		return err
	}
	n, err := w.writeExtras(ctx)
	if err != nil {
		return err
	}
	if err := w.prog.add(ctx, len(w.cards)+n); err != nil {
		return err
	}
	w.cards, w.pending = w.cards[:0], w.pending[:0]
	return nil
}

func (w *boardWriter) countRequesters(reqs []ImportRequest) int {
	seen := map[uuid.UUID]bool{}
	for _, r := range reqs {
		seen[w.people[normalEmail(r.Email)]] = true
	}
	return len(seen)
}

func orNow(t, now time.Time) time.Time {
	if t.IsZero() {
		return now
	}
	return t.UTC().Truncate(time.Microsecond)
}

func actorOr(a Actor) string {
	if l := a.Label(); l != "" {
		return l
	}
	return "system"
}

package domain

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"github.com/google/uuid"
)

// WantNotifier sends the confirmation email of "I want this too". Like the Notifier
// it only enqueues, inside the transaction that records the ask. notify implements
// it beside Notifier; without it, asks are refused.
type WantNotifier interface {
	WantRequested(ctx context.Context, tx *sql.Tx, wantID uuid.UUID) error
}

// WantConfirmDays is how long a confirmation link works.
const WantConfirmDays = 7

// roadmapActor links confirmed asks; activity says "roadmap".
var roadmapActor = Actor{Name: "roadmap"}

// WantTarget is what the confirmation page shows.
type WantTarget struct {
	CardID    uuid.UUID
	CardTitle string
	Email     string
	Slug      string
	BoardName string
	Confirmed bool
}

// RequestWant records that someone asked, on the public roadmap at slug, to want
// the card too, and has the confirmation email sent. Nobody is linked yet: only the
// link in that email does it (ConfirmWant). Limited per address and per IP.
func (s *Service) RequestWant(ctx context.Context, slug string, cardID uuid.UUID, email, quote, ip string) error {
	p := Problems{}
	email = checkEmail(p, "email", email)
	quote = checkRequestText(p, "quote", quote, maxReactionComment, true)
	if err := p.Err(); err != nil {
		return err
	}
	wn, ok := s.notifier.(WantNotifier)
	if !ok {
		return errors.New("roadmap: no notifier sends confirmation emails")
	}
	b, err := s.PublicBoard(ctx, slug)
	if err != nil {
		return err
	}
	var stage []Stage
	err = s.db.conn(ctx).Raw(`SELECT col.stage FROM cards c JOIN columns col ON col.id = c.column_id
WHERE c.id = ? AND c.board_id = ? AND c.archived_at IS NULL`, cardID, b.ID).Scan(&stage).Error
	if err != nil {
		return err
	}
	if len(stage) == 0 || (stage[0] != StagePlanned && stage[0] != StageInProgress) {
		return NotFound("card")
	}
	if err := s.takePublicAttempt(ctx, "want-ip", ip, WantsPerIP, wantWindow); err != nil {
		return err
	}
	if err := s.takePublicAttempt(ctx, "want-email", email, WantsPerAddress, wantWindow); err != nil {
		return err
	}
	return s.db.WithTx(ctx, func(ctx context.Context) error {
		db := s.db.conn(ctx)
		// Unconfirmed asks are forgotten after their link stops working.
		if err := db.Exec(`DELETE FROM roadmap_wants WHERE created_at < ?`, s.now().AddDate(0, 0, -WantConfirmDays)).Error; err != nil {
			return err
		}
		id := newID()
		if err := db.Exec(`INSERT INTO roadmap_wants (id, card_id, email, quote, created_at) VALUES (?, ?, ?, ?, ?)`,
			id, cardID, email, quote, s.now()).Error; err != nil {
			return err
		}
		tx, err := sqlTx(ctx)
		if err != nil {
			return err
		}
		return wn.WantRequested(ctx, tx, id)
	})
}

type wantRow struct {
	ID          uuid.UUID
	CardID      uuid.UUID
	Email       string
	Quote       string
	CreatedAt   time.Time
	ConfirmedAt *time.Time
	Title       string
	BoardName   string
	Slug        string
	Public      bool
}

func (s *Service) findWant(ctx context.Context, id uuid.UUID, lock bool) (wantRow, error) {
	q := `SELECT w.id, w.card_id, w.email, w.quote, w.created_at, w.confirmed_at, c.title, b.name AS board_name, COALESCE(b.slug, '') AS slug, b.public
FROM roadmap_wants w JOIN cards c ON c.id = w.card_id JOIN boards b ON b.id = c.board_id WHERE w.id = ?`
	if lock {
		q += ` FOR UPDATE OF w`
	}
	var rows []wantRow
	if err := s.db.conn(ctx).Raw(q, id).Scan(&rows).Error; err != nil {
		return wantRow{}, err
	}
	// An expired ask, or one whose roadmap was made private since, is gone.
	if len(rows) == 0 || !rows[0].Public ||
		(rows[0].ConfirmedAt == nil && rows[0].CreatedAt.Before(s.now().AddDate(0, 0, -WantConfirmDays))) {
		return wantRow{}, NotFound("confirmation")
	}
	return rows[0], nil
}

func (w wantRow) target() WantTarget {
	return WantTarget{CardID: w.CardID, CardTitle: w.Title, Email: w.Email, Slug: w.Slug, BoardName: w.BoardName, Confirmed: w.ConfirmedAt != nil}
}

// WantTarget returns what the confirmation page of an ask shows; nothing changes.
func (s *Service) WantTarget(ctx context.Context, id uuid.UUID) (WantTarget, error) {
	w, err := s.findWant(ctx, id, false)
	return w.target(), err
}

// ConfirmWant links the person who asked to the card, with source roadmap and their
// words, once: confirming again changes nothing. The ask then forgets the address,
// which lives on the requester from now on.
func (s *Service) ConfirmWant(ctx context.Context, id uuid.UUID) (WantTarget, error) {
	var out WantTarget
	err := s.db.WithTx(ctx, func(ctx context.Context) error {
		w, err := s.findWant(ctx, id, true)
		if err != nil {
			return err
		}
		out = w.target()
		if w.ConfirmedAt != nil {
			return nil
		}
		if _, err := s.LinkRequest(ctx, roadmapActor, w.CardID, LinkRequestInput{Email: w.Email, Quote: w.Quote, Source: "roadmap"}); err != nil {
			return err
		}
		out.Confirmed = true
		return s.db.conn(ctx).Exec(`UPDATE roadmap_wants SET confirmed_at = ?, email = '', quote = '' WHERE id = ?`, s.now(), id).Error
	})
	return out, err
}

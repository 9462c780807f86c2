package main

import (
	"context"
	"fmt"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

// scaleDBName is kept between runs: seeding 1M requesters takes minutes, so `seed`
// loads it once and `bench` reuses it while it holds the sizes asked for.
const scaleDBName = "closeloop_scale"

const scaleGroup = "scale"

// scaleDatabase returns the URL of the scale database, seeding it first unless it
// already holds exactly the requested requesters and cards.
func (h *harness) scaleDatabase(ctx context.Context) (string, error) {
	url := h.databaseURL(scaleDBName)
	if ok, err := h.scaleSeeded(ctx, url); err != nil {
		return "", err
	} else if ok {
		logf("scale database %s already holds %d requesters and %d cards; reusing it", scaleDBName, h.opts.ScaleReq, h.opts.ScaleCards)
		return url, nil
	}
	logf("seeding %s: %d requesters, %d cards", scaleDBName, h.opts.ScaleReq, h.opts.ScaleCards)
	start := time.Now()
	if _, err := h.admin.Exec(ctx, "DROP DATABASE IF EXISTS "+scaleDBName+" WITH (FORCE)"); err != nil {
		return "", err
	}
	if _, err := h.admin.Exec(ctx, "CREATE DATABASE "+scaleDBName); err != nil {
		return "", err
	}
	// The server migrates the empty database; seeding then writes the tables directly.
	srv, err := h.startServer(ctx, serverConfig{Name: "scale-migrate", DatabaseURL: url})
	if err != nil {
		return "", err
	}
	srv.stop()
	db, err := pgxpool.New(ctx, url)
	if err != nil {
		return "", err
	}
	defer db.Close()
	if err := seedRequesters(ctx, db, scaleGroup, h.opts.ScaleReq); err != nil {
		return "", err
	}
	for i := range h.opts.ScaleCards / 1000 {
		b, err := seedBoard(ctx, db, fmt.Sprintf("Board %03d", i))
		if err != nil {
			return "", err
		}
		if err := seedBoardCards(ctx, db, b, i*1000, 1000, scaleGroup, h.opts.ScaleReq); err != nil {
			return "", err
		}
		if (i+1)%10 == 0 {
			logf("  boards %d/%d", i+1, h.opts.ScaleCards/1000)
		}
	}
	if _, err := db.Exec(ctx, "VACUUM ANALYZE"); err != nil {
		return "", err
	}
	logf("seeded %s in %v", scaleDBName, time.Since(start).Round(time.Second))
	return url, nil
}

func (h *harness) scaleSeeded(ctx context.Context, url string) (bool, error) {
	var exists bool
	if err := h.admin.QueryRow(ctx, "SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = $1)", scaleDBName).Scan(&exists); err != nil || !exists {
		return false, err
	}
	conn, err := pgx.Connect(ctx, url)
	if err != nil {
		return false, err
	}
	defer conn.Close(ctx)
	var requesters, cards, mismatched int
	err = conn.QueryRow(ctx, `SELECT (SELECT count(*) FROM requesters), (SELECT count(*) FROM cards),
	    (SELECT count(*) FROM cards c WHERE requester_count <> (SELECT count(*) FROM requests r WHERE r.card_id = c.id))`).
		Scan(&requesters, &cards, &mismatched)
	if err != nil {
		return false, nil // not migrated or half seeded: seed again
	}
	return requesters == h.opts.ScaleReq && cards == h.opts.ScaleCards && mismatched == 0, nil
}

// firstBoard is the scale database's "Board 000".
func firstBoard(ctx context.Context, db *pgxpool.Pool) (uuid.UUID, error) {
	var id uuid.UUID
	err := db.QueryRow(ctx, "SELECT id FROM boards WHERE name = 'Board 000'").Scan(&id)
	return id, err
}

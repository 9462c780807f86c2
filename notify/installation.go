package notify

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5/pgxpool"
)

// loadInstallation reads this installation's id (for List-Id) and unsubscribe
// secret. Migration 00040 creates them once per database, so every replica of an
// installation signs and checks links alike and sends the same List-Id.
func loadInstallation(ctx context.Context, pool *pgxpool.Pool) (id string, secret []byte, err error) {
	err = pool.QueryRow(ctx, `SELECT id, secret FROM installation`).Scan(&id, &secret)
	if err != nil {
		return "", nil, fmt.Errorf("notify: read the installation's id and secret (are migrations applied?): %w", err)
	}
	return id, secret, nil
}

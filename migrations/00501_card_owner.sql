-- +goose Up
-- The member who owns a card (issue 13): shown on the tile, filtered as "mine".
ALTER TABLE cards ADD COLUMN owner_id uuid REFERENCES members (id) ON DELETE SET NULL;
CREATE INDEX cards_board_owner_idx ON cards (board_id, owner_id) WHERE owner_id IS NOT NULL AND archived_at IS NULL;

-- +goose Down
DROP INDEX cards_board_owner_idx;
ALTER TABLE cards DROP COLUMN owner_id;

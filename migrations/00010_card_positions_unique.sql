-- +goose Up
-- Two live cards of a column never share a position. The move and create code keep it so
-- by locking the column; this index makes the database refuse any write that would not.
-- It replaces cards_column_position_idx: being unique, position alone orders a column.
CREATE UNIQUE INDEX cards_column_position_key ON cards (column_id, position) WHERE archived_at IS NULL;
DROP INDEX cards_column_position_idx;

-- +goose Down
-- Forward-only: migrations are never rolled back.
SELECT 1;

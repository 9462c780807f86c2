-- +goose Up
-- A card is made at the end of its column (domain/cards.go CreateCard): the column is
-- locked, then the column's last position is read, and the card goes after it. Two
-- statements and two round trips of each card made; now one call of this function,
-- which still locks first and reads after: a VOLATILE plpgsql function takes a new
-- snapshot for each statement, so under READ COMMITTED the read sees every card that
-- a writer which held the lock before us committed (one statement that locked and read
-- would read with the snapshot taken before it waited, and miss that card). One row:
-- the column (NULL fields when it does not exist), whether the board exists, and the
-- last position of the column's unarchived cards (NULL when it has none).
-- +goose StatementBegin
CREATE FUNCTION new_card_column(board uuid, col uuid, OUT id uuid, OUT board_id uuid, OUT name text, OUT stage text,
    OUT "position" integer, OUT notify_default boolean, OUT created_at timestamptz, OUT updated_at timestamptz,
    OUT board_found boolean, OUT last_position text)
LANGUAGE plpgsql VOLATILE AS $$
BEGIN
    SELECT c.id, c.board_id, c.name, c.stage, c.position, c.notify_default, c.created_at, c.updated_at
    INTO id, board_id, name, stage, "position", notify_default, created_at, updated_at
    FROM columns c WHERE c.id = col FOR UPDATE;
    board_found := EXISTS (SELECT 1 FROM boards b WHERE b.id = board);
    IF id IS NOT NULL THEN
        SELECT k.position INTO last_position FROM cards k
        WHERE k.column_id = col AND k.archived_at IS NULL ORDER BY k.position DESC LIMIT 1;
    END IF;
END
$$;
-- +goose StatementEnd

-- +goose Down
-- Forward-only: migrations are never rolled back.
SELECT 1;

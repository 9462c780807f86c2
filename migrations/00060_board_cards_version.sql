-- +goose Up
-- boards.cards_version changes in the same transaction as anything a list of the
-- board's cards shows: a card written, moved, archived, counted or deleted, a column
-- added, renamed, reordered or removed. The API keeps pages of cards it has answered
-- and answers them again while the version is the one they were made at (every
-- replica reads it from here, so none serves a page older than what is committed).
ALTER TABLE boards ADD COLUMN cards_version bigint NOT NULL DEFAULT 0;

-- One increment per board per statement: the boards a statement touched, locked in
-- id order so that two statements touching the same boards cannot deadlock.
-- +goose StatementBegin
CREATE FUNCTION boards_bump_cards_version() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        PERFORM 1 FROM boards WHERE id IN (SELECT board_id FROM new_rows) ORDER BY id FOR NO KEY UPDATE;
        UPDATE boards SET cards_version = cards_version + 1 WHERE id IN (SELECT board_id FROM new_rows);
    ELSIF TG_OP = 'DELETE' THEN
        PERFORM 1 FROM boards WHERE id IN (SELECT board_id FROM old_rows) ORDER BY id FOR NO KEY UPDATE;
        UPDATE boards SET cards_version = cards_version + 1 WHERE id IN (SELECT board_id FROM old_rows);
    ELSE
        PERFORM 1 FROM boards WHERE id IN (SELECT board_id FROM new_rows UNION SELECT board_id FROM old_rows)
            ORDER BY id FOR NO KEY UPDATE;
        UPDATE boards SET cards_version = cards_version + 1
        WHERE id IN (SELECT board_id FROM new_rows UNION SELECT board_id FROM old_rows);
    END IF;
    RETURN NULL;
END
$$ LANGUAGE plpgsql;
-- +goose StatementEnd

CREATE TRIGGER cards_inserted_bump_board AFTER INSERT ON cards
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION boards_bump_cards_version();
CREATE TRIGGER cards_updated_bump_board AFTER UPDATE ON cards
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION boards_bump_cards_version();
CREATE TRIGGER cards_deleted_bump_board AFTER DELETE ON cards
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION boards_bump_cards_version();
CREATE TRIGGER columns_inserted_bump_board AFTER INSERT ON columns
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION boards_bump_cards_version();
CREATE TRIGGER columns_updated_bump_board AFTER UPDATE ON columns
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION boards_bump_cards_version();
CREATE TRIGGER columns_deleted_bump_board AFTER DELETE ON columns
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION boards_bump_cards_version();

-- +goose Down
-- Forward-only: migrations are never rolled back.
SELECT 1;

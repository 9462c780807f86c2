-- +goose Up
-- The board's cards_version (00060) without a board-wide lock. 00060 bumped one counter
-- on the boards row, so every transaction that wrote a card of a board (a request
-- linked, a card created) held that row's lock until its commit, and all of them
-- waited on each other: 20 help-desk events for 20 different cards of one board were
-- committed one at a time. Now each database session bumps its own slot of the board
-- (pg_backend_pid() % 64), and the version is boards.cards_version plus the sum of the
-- slots (domain/cards_version.go). Every change still adds at least one, so the sum
-- still moves with every commit and never comes back to a value a page was made at;
-- a transaction still locks one row per board it touches (its session's slot), taken
-- in board order, so no new lock cycle is possible, but two sessions only wait on
-- each other when their slots collide.
CREATE TABLE board_cards_versions (
    board_id uuid NOT NULL REFERENCES boards (id) ON DELETE CASCADE,
    slot     smallint NOT NULL,
    version  bigint NOT NULL,
    PRIMARY KEY (board_id, slot)
);

-- +goose StatementBegin
CREATE OR REPLACE FUNCTION boards_bump_cards_version() RETURNS trigger AS $$
BEGIN
    -- The boards join skips a board deleted by this very statement (its cards and
    -- columns go with it by cascade).
    IF TG_OP = 'INSERT' THEN
        INSERT INTO board_cards_versions AS v (board_id, slot, version)
        SELECT b.id, pg_backend_pid() % 64, 1 FROM boards b WHERE b.id IN (SELECT board_id FROM new_rows) ORDER BY b.id
        ON CONFLICT (board_id, slot) DO UPDATE SET version = v.version + 1;
    ELSIF TG_OP = 'DELETE' THEN
        INSERT INTO board_cards_versions AS v (board_id, slot, version)
        SELECT b.id, pg_backend_pid() % 64, 1 FROM boards b WHERE b.id IN (SELECT board_id FROM old_rows) ORDER BY b.id
        ON CONFLICT (board_id, slot) DO UPDATE SET version = v.version + 1;
    ELSE
        INSERT INTO board_cards_versions AS v (board_id, slot, version)
        SELECT b.id, pg_backend_pid() % 64, 1 FROM boards b
        WHERE b.id IN (SELECT board_id FROM new_rows UNION SELECT board_id FROM old_rows) ORDER BY b.id
        ON CONFLICT (board_id, slot) DO UPDATE SET version = v.version + 1;
    END IF;
    RETURN NULL;
END
$$ LANGUAGE plpgsql;
-- +goose StatementEnd

-- +goose Down
-- Forward-only: migrations are never rolled back.
SELECT 1;

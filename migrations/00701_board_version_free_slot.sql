-- +goose Up
-- 00650 gave each database session its own slot of a board's version (pg_backend_pid()
-- % 64), so two changes of one board only wait on each other when their sessions'
-- slots collide. They do collide: a server's 20 pooled sessions have process ids spread
-- wider than 64, and in the inbound benchmark (20 senders, one board) the 4 sessions
-- that shared 2 slots spent 31-39 ms on average in the request insert against 13 ms for
-- the others, each waiting for the other's commit. Now a change bumps its own slot if no
-- other transaction holds it, else the nearest slot after it that none holds (SKIP
-- LOCKED never waits), else a slot the board has no row for yet; only when all 64 are
-- held does it wait, on its own. The version is still boards.cards_version plus the sum
-- of the slots, and every change still adds at least one to it, so readers
-- (domain/cards_version.go) are unchanged. A wait can now only come from the last two
-- cases, taken board by board in board order as before.
-- +goose StatementBegin
CREATE FUNCTION board_cards_versions_bump(board_ids uuid[]) RETURNS void AS $$
DECLARE
    b    uuid;
    own  smallint := pg_backend_pid() % 64;
    free smallint;
BEGIN
    -- The boards join skips a board deleted by this very statement (its cards and
    -- columns go with it by cascade).
    FOR b IN SELECT id FROM boards WHERE id = ANY (board_ids) ORDER BY id LOOP
        SELECT slot INTO free FROM board_cards_versions
        WHERE board_id = b ORDER BY (slot - own + 64) % 64 LIMIT 1 FOR UPDATE SKIP LOCKED;
        IF FOUND THEN
            UPDATE board_cards_versions SET version = version + 1 WHERE board_id = b AND slot = free;
            CONTINUE;
        END IF;
        INSERT INTO board_cards_versions AS v (board_id, slot, version)
        SELECT b, s, 1 FROM generate_series(0, 63) s
        WHERE NOT EXISTS (SELECT 1 FROM board_cards_versions x WHERE x.board_id = b AND x.slot = s)
        ORDER BY (s - own + 64) % 64 LIMIT 1
        ON CONFLICT (board_id, slot) DO UPDATE SET version = v.version + 1;
        IF NOT FOUND THEN
            INSERT INTO board_cards_versions AS v (board_id, slot, version) VALUES (b, own, 1)
            ON CONFLICT (board_id, slot) DO UPDATE SET version = v.version + 1;
        END IF;
    END LOOP;
END
$$ LANGUAGE plpgsql;

CREATE OR REPLACE FUNCTION boards_bump_cards_version() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        PERFORM board_cards_versions_bump(ARRAY(SELECT DISTINCT board_id FROM new_rows));
    ELSIF TG_OP = 'DELETE' THEN
        PERFORM board_cards_versions_bump(ARRAY(SELECT DISTINCT board_id FROM old_rows));
    ELSE
        PERFORM board_cards_versions_bump(ARRAY(SELECT board_id FROM new_rows UNION SELECT board_id FROM old_rows));
    END IF;
    RETURN NULL;
END
$$ LANGUAGE plpgsql;
-- +goose StatementEnd

-- +goose Down
-- Forward-only: migrations are never rolled back.
SELECT 1;

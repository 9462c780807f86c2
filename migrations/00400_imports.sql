-- +goose Up
-- A board import (a Trello export or a Closeloop board export). The file is parsed and
-- checked when it is uploaded; what it will create (plan, JSON) waits here for the
-- background job, which writes the whole board in one transaction. Progress is written
-- to this row on a connection of its own, so a GET sees it while the board's
-- transaction is still open. source_id is the Trello board's id: the same board is
-- imported once (the check runs under an advisory lock on it, domain/import_start.go).
CREATE TABLE imports (
    id             uuid PRIMARY KEY,
    kind           text NOT NULL CHECK (kind IN ('trello', 'closeloop')),
    source_id      text NOT NULL DEFAULT '',
    source_name    text NOT NULL DEFAULT '',
    status         text NOT NULL DEFAULT 'running' CHECK (status IN ('running', 'done', 'failed')),
    progress_done  integer NOT NULL DEFAULT 0,
    progress_total integer NOT NULL DEFAULT 0,
    board_id       uuid REFERENCES boards (id) ON DELETE SET NULL,
    counts         jsonb NOT NULL DEFAULT '{}',
    errors         jsonb NOT NULL DEFAULT '[]',
    warnings       jsonb NOT NULL DEFAULT '[]',
    -- Emptied once the import is done or failed: the board (or the error) is the record.
    plan           bytea,
    actor          text NOT NULL DEFAULT '',
    attempts       integer NOT NULL DEFAULT 0,
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now(),
    finished_at    timestamptz
);
CREATE INDEX imports_source_idx ON imports (kind, source_id) WHERE source_id <> '';

-- +goose Down
-- Forward-only: migrations are never rolled back.
SELECT 1;

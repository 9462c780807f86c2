-- +goose Up
-- Status-change emails (issue 12): a column says whether a move into it emails the
-- card's requesters by default (the UI pre-selects the checkbox); the note of the
-- latest move that emailed, per card and kind, fills {{note}} (a late requester gets
-- the same words).
ALTER TABLE columns ADD COLUMN notify_default boolean NOT NULL DEFAULT false;

-- Deliveries of the status kinds. NOT VALID: every existing row is 'shipped', and a
-- large table is not scanned under the lock.
ALTER TABLE deliveries DROP CONSTRAINT deliveries_kind_check,
    ADD CONSTRAINT deliveries_kind_check CHECK (kind IN ('shipped', 'planned', 'in_progress', 'declined')) NOT VALID;

CREATE TABLE card_status_notes (
    card_id    uuid NOT NULL REFERENCES cards (id) ON DELETE CASCADE,
    kind       text NOT NULL,
    note       text NOT NULL DEFAULT '',
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (card_id, kind)
);

-- +goose Down
DROP TABLE card_status_notes;
ALTER TABLE deliveries DROP CONSTRAINT deliveries_kind_check,
    ADD CONSTRAINT deliveries_kind_check CHECK (kind IN ('shipped')) NOT VALID;
ALTER TABLE columns DROP COLUMN notify_default;

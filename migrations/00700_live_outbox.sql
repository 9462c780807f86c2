-- +goose Up
-- Live events (GET /events) leave the change's transaction as a row here instead of a
-- pg_notify (00531, domain/live.go). A transaction that NOTIFYs holds PostgreSQL's
-- cluster-wide notify-queue lock from its commit's start until its WAL flush is done,
-- so every change that sent a live event waited for every other one's flush. Now the
-- change inserts its event here (committed with it, or rolled back with it) and, after
-- the commit, a publisher of the process (live.Publisher) moves the committed rows to
-- NOTIFY in batches: one short transaction for many events, which also deletes them.
-- A row stays only between a commit and its publisher's next batch, or until any
-- replica's next sweep when its process died in between (live/publisher.go).
-- The id is the live event's id, nextval('live_event_seq') as the NOTIFY took it before,
-- so ids go on increasing across the upgrade (the inserts name the sequence: no default
-- ties the table to it).
CREATE TABLE live_outbox (
    id           bigint PRIMARY KEY,
    type         text NOT NULL,
    board_id     uuid,
    card_id      uuid,
    requester_id uuid,
    from_column  uuid,
    actor        text NOT NULL DEFAULT ''
) WITH (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 2000,
        autovacuum_vacuum_insert_scale_factor = 0, autovacuum_vacuum_insert_threshold = 2000);

-- +goose Down
-- Forward-only: migrations are never rolled back.
SELECT 1;

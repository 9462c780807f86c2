-- +goose Up
-- Shipped emails sent at once because someone linked a new requester to a card that had
-- already shipped, by actor ("member:<id>", "token:<id>", else "name:<label>"), for the
-- per-actor hourly limit (domain/late_emails.go). Each actor keeps at most its limit of
-- rows from the last hour; older ones are deleted as it links more.
CREATE TABLE late_emails (
    actor       text NOT NULL,
    sent_at     timestamptz NOT NULL
);
CREATE INDEX late_emails_actor_idx ON late_emails (actor, sent_at);

-- +goose Down
-- Forward-only: migrations are never rolled back.
SELECT 1;

-- +goose Up
-- Ids of live events (GET /events): one sequence, so every replica names an event alike.
CREATE SEQUENCE live_event_seq;

-- +goose Down
-- Forward-only: migrations are never rolled back.
SELECT 1;

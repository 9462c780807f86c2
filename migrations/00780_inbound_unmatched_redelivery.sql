-- +goose Up
-- A redelivered event that cannot be linked (no customer email) is a duplicate of the
-- unmatched event of the same conversation and card already waiting to be linked by
-- hand (domain/inbound_record.go): Help Scout and Freshdesk send no event id, so the
-- conversation and card are all there is to know it by. This index serves that test.
CREATE INDEX inbound_events_unmatched_idx ON inbound_events (integration_id, conversation_key, card_id)
    WHERE outcome = 'unmatched';

-- +goose Down
-- Forward-only: migrations are never rolled back.
SELECT 1;

-- +goose Up
-- Keyset pages of a card's requests and conversations, newest first: without these a
-- card with 20,000 requesters sorts all of them for every page.
CREATE INDEX requests_card_created_idx ON requests (card_id, created_at, requester_id);
CREATE INDEX conversations_card_created_idx ON conversations (card_id, created_at, id);

-- +goose Down
-- Forward-only: migrations are never rolled back.
SELECT 1;

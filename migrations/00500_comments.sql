-- +goose Up
-- Internal notes on cards. author_id is the member who wrote it, author_token_id the API
-- token (both NULL for an import); author is the name shown, kept as written. No foreign
-- keys on the two: like activities.actor, a comment outlives whoever wrote it, and an
-- id nobody has any more matches no one.
CREATE TABLE comments (
    id         uuid PRIMARY KEY,
    card_id    uuid NOT NULL REFERENCES cards (id) ON DELETE CASCADE,
    author_id  uuid,
    author_token_id uuid,
    author     text NOT NULL,
    body       text NOT NULL,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL
);
CREATE INDEX comments_card_idx ON comments (card_id, created_at, id);

-- +goose Down
DROP TABLE comments;

-- +goose Up
-- A board's public roadmap, changelog and feed are opt-in: public, at /roadmap/<slug>.
ALTER TABLE boards
    ADD COLUMN public boolean NOT NULL DEFAULT false,
    ADD COLUMN slug   text CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND length(slug) <= 60);
CREATE UNIQUE INDEX boards_slug_key ON boards (slug);

-- "I want this too" from the public roadmap, waiting for its confirmation (double
-- opt-in): nobody is linked to a card before they confirm from their inbox. Rows are
-- forgotten a week after they were asked (unconfirmed) or at once emptied of the
-- address once confirmed: the address then lives on the requester.
CREATE TABLE roadmap_wants (
    id           uuid PRIMARY KEY,
    card_id      uuid NOT NULL REFERENCES cards (id) ON DELETE CASCADE,
    email        text NOT NULL,
    quote        text NOT NULL DEFAULT '',
    created_at   timestamptz NOT NULL DEFAULT now(),
    sent_at      timestamptz,
    confirmed_at timestamptz
);
CREATE INDEX roadmap_wants_created_idx ON roadmap_wants (created_at);
CREATE INDEX roadmap_wants_card_idx ON roadmap_wants (card_id);

-- Attempts of no-login forms per key (a hashed address or IP) and fixed window, in
-- the database so every replica counts the same attempts.
CREATE TABLE public_rate_limits (
    key          text NOT NULL,
    window_start timestamptz NOT NULL,
    count        integer NOT NULL,
    PRIMARY KEY (key, window_start)
);
CREATE INDEX public_rate_limits_window_idx ON public_rate_limits (window_start);

-- +goose Down
-- Forward-only: migrations are never rolled back.
SELECT 1;

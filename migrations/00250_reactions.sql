-- +goose Up
-- "Did this solve it?": one answer per shipped email (delivery); a later answer
-- replaces it. The card keeps the counts of its answers beside requester_count, so
-- card JSON and board lists read them without a join, and the triggers of
-- migrations/00060 move the board's cards_version when they change.
-- No foreign key to deliveries: it would put a trigger on every status update of the
-- send path (migrations/00050 took theirs off for the same reason); deliveries only
-- go with their card, and so do these rows.
CREATE TABLE reactions (
    delivery_id  uuid PRIMARY KEY,
    card_id      uuid NOT NULL REFERENCES cards (id) ON DELETE CASCADE,
    -- NULL once the person is erased; the answer still counts, the comment goes.
    requester_id uuid REFERENCES requesters (id) ON DELETE SET NULL,
    answer       text NOT NULL CHECK (answer IN ('yes', 'no')),
    comment      text NOT NULL DEFAULT '',
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now()
);
-- A card's answers, newest first (the drawer), and a board's answers over time (the chart).
CREATE INDEX reactions_card_idx ON reactions (card_id, updated_at DESC, delivery_id DESC);
CREATE INDEX reactions_requester_idx ON reactions (requester_id);

-- Erasure sets requester_id to NULL: the comment is their words, so it goes too.
-- +goose StatementBegin
CREATE FUNCTION reactions_forget_requester() RETURNS trigger AS $$
BEGIN
    NEW.comment := '';
    RETURN NEW;
END
$$ LANGUAGE plpgsql;
-- +goose StatementEnd
CREATE TRIGGER reactions_requester_erased
    BEFORE UPDATE OF requester_id ON reactions
    FOR EACH ROW WHEN (OLD.requester_id IS NOT NULL AND NEW.requester_id IS NULL)
    EXECUTE FUNCTION reactions_forget_requester();

ALTER TABLE cards
    ADD COLUMN reactions_yes integer NOT NULL DEFAULT 0 CHECK (reactions_yes >= 0),
    ADD COLUMN reactions_no  integer NOT NULL DEFAULT 0 CHECK (reactions_no >= 0);

-- +goose Down
-- Forward-only: migrations are never rolled back.
SELECT 1;

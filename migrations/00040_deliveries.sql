-- +goose Up
-- A time-ordered UUID (version 7) made in SQL, for rows that set-based statements
-- insert (the fan-out inserts a thousand deliveries per statement).
-- +goose StatementBegin
CREATE FUNCTION closeloop_uuid_v7() RETURNS uuid AS $$
    SELECT encode(
        set_bit(set_bit(
            overlay(uuid_send(gen_random_uuid())
                    PLACING substring(int8send((extract(epoch FROM clock_timestamp()) * 1000)::bigint) FROM 3)
                    FROM 1 FOR 6),
            52, 1), 53, 1),
        'hex')::uuid
$$ LANGUAGE sql VOLATILE;
-- +goose StatementEnd

-- One email to one requester about one card event: the truth about "was this person
-- emailed". A delivery is marked sent right after the SMTP server accepted it, so a
-- delivery marked sent is never sent again and a crash can only repeat the sends
-- that were in flight. Only id, card, requester and kind are indexed, and they never
-- change, so status updates are HOT (no index writes; fillfactor leaves them room).
CREATE TABLE deliveries (
    id           uuid PRIMARY KEY DEFAULT closeloop_uuid_v7(),
    card_id      uuid NOT NULL REFERENCES cards (id) ON DELETE CASCADE,
    -- NULL once the requester is erased; the row stays so the card's counts add up.
    -- (Both foreign keys were dropped in 00050: domain/erase.go detaches the row.)
    requester_id uuid REFERENCES requesters (id) ON DELETE SET NULL,
    kind         text NOT NULL CHECK (kind IN ('shipped')),
    -- The address used (or that would have been used); emptied on erasure.
    email        text NOT NULL DEFAULT '',
    -- queued → sent or failed; or suppressed. While a sender works on it, it is its
    -- batch that is leased (delivery_batches), so the row is not written twice.
    status       text NOT NULL DEFAULT 'queued'
                 CHECK (status IN ('queued', 'sent', 'failed', 'suppressed')),
    attempts     integer NOT NULL DEFAULT 0,
    last_error   text NOT NULL DEFAULT '',
    message_id   text NOT NULL DEFAULT '',
    -- queued only: the earliest time of the next attempt (backoff after a
    -- temporary failure for this recipient).
    due_at       timestamptz,
    -- The send batch that holds this delivery while it is queued.
    batch_id     uuid,
    queued_at    timestamptz NOT NULL DEFAULT now(),
    sent_at      timestamptz,
    updated_at   timestamptz NOT NULL DEFAULT now(),
    CHECK ((status = 'queued') = (due_at IS NOT NULL))
) WITH (fillfactor = 70);
-- At most one delivery per card, requester and kind: re-moves, concurrent moves and
-- retried fan-outs all collapse here (ON CONFLICT DO NOTHING). It is also how a batch
-- finds its deliveries (a requester-id range of one card) and what the card's list
-- and counts read.
CREATE UNIQUE INDEX deliveries_card_requester_kind_key ON deliveries (card_id, requester_id, kind);
-- A requester's history, newest first; also how an erasure finds their deliveries.
CREATE INDEX deliveries_requester_idx ON deliveries (requester_id, id);

-- Send work. The fan-out groups a card's new queued deliveries into batches of about
-- a hundred (a requester-id range) in the transaction that inserts them. A sender
-- leases a whole batch (due_at = the end of its lease) and sends its deliveries one
-- by one; when it is done the batch is deleted, or comes due again at its next
-- retry. If the sender's process dies the lease runs out and another sender takes
-- the batch over, skipping the deliveries already marked sent. One lease write per
-- hundred emails instead of one per email.
CREATE TABLE delivery_batches (
    id              uuid PRIMARY KEY,
    card_id         uuid NOT NULL REFERENCES cards (id) ON DELETE CASCADE,
    kind            text NOT NULL,
    first_requester uuid NOT NULL,
    last_requester  uuid NOT NULL,
    -- When a sender should take it: now for new work, the next retry, or, while a
    -- sender holds it, the end of its lease.
    due_at          timestamptz NOT NULL,
    -- Counts leases; a sender only finishes a batch it still holds (same count).
    leases          integer NOT NULL DEFAULT 0,
    -- Deliveries still queued in it, as of its creation or last finish (queue depth).
    pending         integer NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX delivery_batches_due_idx ON delivery_batches (due_at);
CREATE INDEX delivery_batches_card_idx ON delivery_batches (card_id);

-- Erasure: domain/erase.go sets requester_id to NULL (the foreign key that did so is
-- gone since 00050); forget the address and make sure nothing still pending is sent
-- to them.
-- +goose StatementBegin
CREATE FUNCTION deliveries_forget_requester() RETURNS trigger AS $$
BEGIN
    NEW.email := '';
    IF NEW.status = 'queued' THEN
        NEW.status := 'suppressed';
        NEW.last_error := 'erased';
        NEW.due_at := NULL;
        NEW.batch_id := NULL;
    END IF;
    NEW.updated_at := now();
    RETURN NEW;
END
$$ LANGUAGE plpgsql;
-- +goose StatementEnd
CREATE TRIGGER deliveries_requester_erased
    BEFORE UPDATE OF requester_id ON deliveries
    FOR EACH ROW WHEN (OLD.requester_id IS NOT NULL AND NEW.requester_id IS NULL)
    EXECUTE FUNCTION deliveries_forget_requester();

-- One row: this installation's identity (List-Id) and the key that signs unsubscribe
-- links. In the database, so every replica signs and checks links alike.
CREATE TABLE installation (
    singleton  boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    id         text NOT NULL,
    secret     bytea NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);
INSERT INTO installation (id, secret)
VALUES (substr(md5(gen_random_uuid()::text), 1, 16), decode(md5(gen_random_uuid()::text) || md5(gen_random_uuid()::text), 'hex'));

-- +goose Down
-- Forward-only: migrations are never rolled back.
SELECT 1;

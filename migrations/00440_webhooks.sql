-- +goose Up
-- Outbound webhooks (issue 11): an admin's endpoints, and one delivery per
-- (webhook, event) with its attempts. The River job that sends a delivery is
-- inserted in the transaction of the change; the row is what the UI shows.
CREATE TABLE webhooks (
    id          uuid PRIMARY KEY,
    url         text NOT NULL,
    format      text NOT NULL CHECK (format IN ('standard', 'slack')),
    events      text[] NOT NULL,
    description text NOT NULL DEFAULT '',
    -- whsec_… (Standard Webhooks): kept, since every delivery is signed with it.
    secret      text NOT NULL,
    enabled     boolean NOT NULL DEFAULT true,
    created_at  timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL
);

CREATE TABLE webhook_deliveries (
    id              uuid PRIMARY KEY,
    webhook_id      uuid NOT NULL REFERENCES webhooks (id) ON DELETE CASCADE,
    -- The event this delivers: one delivery per (webhook, event).
    event_id        uuid NOT NULL,
    event_type      text NOT NULL,
    -- The body as sent, byte for byte (what the signature covers).
    payload         text NOT NULL,
    status          text NOT NULL DEFAULT 'pending'
                    CHECK (status IN ('pending', 'succeeded', 'failed')),
    attempts        integer NOT NULL DEFAULT 0,
    -- attempts when the current round of the retry schedule began (a manual retry
    -- starts a new round).
    round_start     integer NOT NULL DEFAULT 0,
    last_status     integer,
    last_error      text NOT NULL DEFAULT '',
    next_attempt_at timestamptz,
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL,
    UNIQUE (webhook_id, event_id)
);
CREATE INDEX webhook_deliveries_log_idx ON webhook_deliveries (webhook_id, created_at DESC, id DESC);
CREATE INDEX webhook_deliveries_pending_idx ON webhook_deliveries (next_attempt_at) WHERE status = 'pending';

-- An email delivery that fails for good is a delivery.failed event. The notifier
-- writes outcomes in bulk SQL, so a trigger notes each one in the same transaction
-- (only while some webhook listens), and the webhooks relay turns the notes into
-- webhook deliveries: durable, and once per email delivery.
CREATE TABLE webhook_pending_events (
    id         uuid PRIMARY KEY, -- the email delivery's id
    event_type text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);

-- +goose StatementBegin
CREATE FUNCTION webhooks_note_failed_delivery() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM webhooks WHERE enabled AND 'delivery.failed' = ANY (events)) THEN
        INSERT INTO webhook_pending_events (id, event_type) VALUES (NEW.id, 'delivery.failed')
        ON CONFLICT DO NOTHING;
    END IF;
    RETURN NULL;
END $$;
-- +goose StatementEnd

CREATE TRIGGER deliveries_failed_update_webhooks AFTER UPDATE OF status ON deliveries
    FOR EACH ROW WHEN (NEW.status = 'failed' AND OLD.status IS DISTINCT FROM 'failed')
    EXECUTE FUNCTION webhooks_note_failed_delivery();
CREATE TRIGGER deliveries_failed_insert_webhooks AFTER INSERT ON deliveries
    FOR EACH ROW WHEN (NEW.status = 'failed')
    EXECUTE FUNCTION webhooks_note_failed_delivery();

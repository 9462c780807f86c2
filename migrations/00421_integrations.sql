-- +goose Up
-- Inbound integrations: a support tool (Intercom, Zendesk, …) posts its own payload to
-- /api/v1/hooks/in/<id>, signed with the integration's secret. The secret is the
-- tool's own signing key, so it is kept as is (HMAC needs it); answers show it once.
CREATE TABLE integrations (
    id         uuid PRIMARY KEY,
    kind       text NOT NULL CHECK (kind IN ('intercom', 'zendesk', 'freshdesk', 'helpscout', 'front', 'generic')),
    name       text NOT NULL,
    secret     text NOT NULL,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL
);
CREATE INDEX integrations_created_idx ON integrations (created_at DESC, id DESC);

-- Every verified delivery, with what came of it. external_id is the tool's event id;
-- conversation_key names the conversation (tool id or link). A redelivery (same
-- external_id, else same conversation and card) is logged again as 'duplicate' and
-- changes nothing else.
CREATE TABLE inbound_events (
    id               uuid PRIMARY KEY,
    integration_id   uuid NOT NULL REFERENCES integrations (id) ON DELETE CASCADE,
    received_at      timestamptz NOT NULL,
    external_id      text NOT NULL DEFAULT '',
    conversation_key text NOT NULL DEFAULT '',
    outcome          text NOT NULL CHECK (outcome IN ('linked', 'duplicate', 'no_reference', 'unmatched', 'unknown_card')),
    card_id          uuid REFERENCES cards (id) ON DELETE SET NULL,
    requester_id     uuid REFERENCES requesters (id) ON DELETE SET NULL,
    requester_email  text NOT NULL DEFAULT '',
    requester_name   text NOT NULL DEFAULT '',
    quote            text NOT NULL DEFAULT '',
    conversation_url text NOT NULL DEFAULT '',
    detail           text NOT NULL DEFAULT ''
);
CREATE UNIQUE INDEX inbound_events_external_key ON inbound_events (integration_id, external_id)
    WHERE external_id <> '' AND outcome <> 'duplicate';
CREATE INDEX inbound_events_conversation_idx ON inbound_events (integration_id, conversation_key, card_id)
    WHERE outcome = 'linked';
CREATE INDEX inbound_events_list_idx ON inbound_events (integration_id, received_at DESC, id DESC);
CREATE INDEX inbound_events_requester_idx ON inbound_events (requester_id) WHERE requester_id IS NOT NULL;
CREATE INDEX inbound_events_email_idx ON inbound_events (lower(requester_email)) WHERE requester_email <> '';

-- +goose Down
DROP TABLE inbound_events;
DROP TABLE integrations;

-- +goose Up
-- An inbound event is answered once its row is committed; the link it makes (the
-- requester, the request, the conversation, a late requester's shipped email) is made
-- after the answer, from the row itself (domain/inbound_link.go):
--   link          the link still to make (the support form's fields, JSON); NULL once
--                 it is made, or when the event links nothing;
--   link_after    when a linker may next try it (a failed attempt backs off);
--   link_attempts how many attempts failed.
-- The row is logged 'linked' at once: the redelivery test (same event id, else same
-- conversation and card) sees it before its link is made, so a copy is 'duplicate'.
ALTER TABLE inbound_events
    ADD COLUMN link          jsonb,
    ADD COLUMN link_after    timestamptz,
    ADD COLUMN link_attempts integer NOT NULL DEFAULT 0;
CREATE INDEX inbound_events_link_due_idx ON inbound_events (link_after) WHERE link IS NOT NULL;

-- One 'linked' event per conversation and card of an integration, now a unique index
-- (it replaces inbound_events_conversation_idx, same columns and predicate): two events
-- of one conversation that arrive at once no longer take an advisory lock each; the
-- second's insert waits for the first and, once that committed, records a duplicate.
-- An erased person's rows lose their conversation key (erase.go): each gets one of its
-- own. Earlier code held an advisory lock on the key, so no two such rows should exist;
-- if some do, the later ones were duplicates in fact (the person had asked before).
UPDATE inbound_events SET conversation_key = 'erased:' || id::text WHERE outcome = 'linked' AND conversation_key = '';
UPDATE inbound_events e SET outcome = 'duplicate', detail = detail || ' (a duplicate of an earlier event)'
WHERE outcome = 'linked' AND EXISTS (
    SELECT 1 FROM inbound_events f WHERE f.integration_id = e.integration_id AND f.conversation_key = e.conversation_key
      AND f.card_id = e.card_id AND f.outcome = 'linked' AND (f.received_at, f.id) < (e.received_at, e.id));
CREATE UNIQUE INDEX inbound_events_conversation_key ON inbound_events (integration_id, conversation_key, card_id)
    WHERE outcome = 'linked';
DROP INDEX inbound_events_conversation_idx;

-- +goose Down
-- Forward-only: migrations are never rolled back.
SELECT 1;

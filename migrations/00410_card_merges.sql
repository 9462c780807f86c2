-- +goose Up
-- Merging card S into card T moves S's requests, conversations, comments and labels
-- to T and archives S with merged_into_id = T. card_merges keeps what moved, so an
-- unmerge within 30 days puts back exactly that.
ALTER TABLE cards ADD COLUMN merged_into_id uuid REFERENCES cards (id) ON DELETE SET NULL;

CREATE TABLE card_merges (
    id            uuid PRIMARY KEY,
    source_id     uuid NOT NULL REFERENCES cards (id) ON DELETE CASCADE,
    target_id     uuid NOT NULL REFERENCES cards (id) ON DELETE CASCADE,
    actor         text NOT NULL,
    merged_at     timestamptz NOT NULL,
    undone_at     timestamptz,
    conversations uuid[] NOT NULL DEFAULT '{}', -- moved from S to T
    comments      uuid[] NOT NULL DEFAULT '{}', -- moved from S to T
    labels        text[] NOT NULL DEFAULT '{}', -- added to T (T did not have them)
    -- Deliveries written on T for people already emailed about S (status suppressed),
    -- so T's fan-out skips them: nobody hears twice about the merged pair.
    markers       uuid[] NOT NULL DEFAULT '{}'
);
CREATE INDEX card_merges_source_idx ON card_merges (source_id, merged_at DESC);
CREATE INDEX card_merges_target_idx ON card_merges (target_id);

-- S's requests as they were before the merge. shared: the person had asked for T too
-- (their two requests became one); target_quote/target_created_at are T's own then.
-- Erasing the person erases these rows too.
CREATE TABLE card_merge_requests (
    merge_id          uuid NOT NULL REFERENCES card_merges (id) ON DELETE CASCADE,
    requester_id      uuid NOT NULL REFERENCES requesters (id) ON DELETE CASCADE,
    quote             text NOT NULL,
    source            text NOT NULL,
    quotes            jsonb NOT NULL,
    linked_by         text NOT NULL,
    created_at        timestamptz NOT NULL,
    updated_at        timestamptz NOT NULL,
    shared            boolean NOT NULL,
    target_quote      text NOT NULL DEFAULT '',
    target_created_at timestamptz,
    PRIMARY KEY (merge_id, requester_id)
);
CREATE INDEX card_merge_requests_requester_idx ON card_merge_requests (requester_id);

-- +goose Down
-- Forward-only: migrations are never rolled back.
SELECT 1;

-- +goose Up
-- The vocabulary's trigger on requesters reads the people's words stored by 00740
-- (requesters.search) instead of computing to_tsvector of name and company a second
-- time for every row a statement inserted or updated (every inbound link and support
-- form upserts its requester). The words are the same: the column is
-- requester_search(name, company) exactly.
-- +goose StatementBegin
CREATE OR REPLACE FUNCTION search_words_from_requesters() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO search_words (word)
    SELECT DISTINCT w FROM (SELECT DISTINCT search FROM new_rows) n,
        search_words_of(n.search) AS w ORDER BY w
    ON CONFLICT DO NOTHING;
    RETURN NULL;
END $$;
-- +goose StatementEnd

-- +goose Down
-- Forward-only: migrations are never rolled back.
SELECT 1;

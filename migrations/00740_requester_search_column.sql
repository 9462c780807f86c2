-- +goose Up
-- The people's words (name and company, the 'simple' configuration, exactly
-- requester_search(name, company) of 00530) stored with the row. The search across
-- boards (domain/search_sql.go) finds people by a word as common as a surname
-- ("lovelace": 100,000 of 1M people) by reading the table in order until it has its
-- candidates, because the index would gather every one of them first; it recomputed
-- to_tsvector for every row it passed (~6 us each, 6 ms per search at 1M people) and
-- again for every candidate it ranked. Stored, both read the column. Writes compute it
-- once per changed row, as the expression index they replace did.
--
-- Adding a stored generated column rewrites the table (and rebuilds its indexes) under
-- an exclusive lock: seconds for most installations, about a minute at 1M people.
ALTER TABLE requesters ADD COLUMN search tsvector
    GENERATED ALWAYS AS (to_tsvector('simple', name || ' ' || company)) STORED;
CREATE INDEX requesters_search_words_idx ON requesters USING gin (search);
DROP INDEX requesters_search_idx;

-- +goose Down
-- Forward-only: migrations are never rolled back.
SELECT 1;
